// Archive tests on real cables: schema, ingest field by field, idempotence, versions, errors, refs.
#include "cablebase/archive.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
#include <set>

#include "store/db.h"
#include "store/schema.h"
#include "store_test_util.h"

namespace cablebase {
namespace {

using store_test::Fixture;
using store_test::SqlInt;
using store_test::SqlText;
using store_test::TempDir;

std::unique_ptr<Archive> OpenRw(const std::string& path) {
  Result<std::unique_ptr<Archive>> a = Archive::Open(path, Archive::Mode::kReadWrite);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? std::move(*a) : nullptr;
}

TEST(ArchiveSchema, NewFileHasLatestSchemaAndFtsTokenizer) {
  TempDir dir;
  std::string db = dir.File("a.db");
  ASSERT_NE(OpenRw(db), nullptr);
  EXPECT_EQ(SqlInt(db, "PRAGMA user_version"), store::LatestSchemaVersion());
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM schema_migrations"), store::LatestSchemaVersion());
  EXPECT_EQ(SqlText(db, "PRAGMA journal_mode"), "wal");
  for (const char* table : {"cables", "cable_versions", "addressees", "tags", "caveats", "refs",
                            "paragraphs", "cables_fts", "ref_edges", "meta"}) {
    EXPECT_EQ(SqlInt(db, std::string("SELECT count(*) FROM sqlite_schema WHERE name='") + table +
                             "'"),
              1)
        << table;
  }
  EXPECT_NE(SqlText(db, "SELECT sql FROM sqlite_schema WHERE name='cables_fts'")
                .find("porter unicode61 remove_diacritics 2"),
            std::string::npos);
  // Reopening migrates nothing and keeps the version.
  ASSERT_NE(OpenRw(db), nullptr);
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM schema_migrations"), store::LatestSchemaVersion());
  Result<std::unique_ptr<Archive>> ro = Archive::Open(db, Archive::Mode::kReadOnly);
  EXPECT_TRUE(ro.ok()) << ro.status().ToString();
}

TEST(ArchiveSchema, ReadOnlyMissingFileIsNotFound) {
  TempDir dir;
  Result<std::unique_ptr<Archive>> a = Archive::Open(dir.File("none.db"), Archive::Mode::kReadOnly);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(a.status().file(), dir.File("none.db"));
}

TEST(ArchiveSchema, RefusesNewerSchemaAndNonArchives) {
  TempDir dir;
  std::string db = dir.File("future.db");
  ASSERT_NE(OpenRw(db), nullptr);
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  for (auto mode : {Archive::Mode::kReadOnly, Archive::Mode::kReadWrite}) {
    Result<std::unique_ptr<Archive>> a = Archive::Open(db, mode);
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(a.status().code(), StatusCode::kCorrupt);
    EXPECT_NE(a.status().message().find("newer"), std::string::npos) << a.status().message();
  }
  // A text file is not a database.
  std::string junk = dir.File("junk.db");
  FILE* f = std::fopen(junk.c_str(), "w");
  std::fputs("this is not sqlite, just some text that is long enough to have a header\n", f);
  std::fclose(f);
  Result<std::unique_ptr<Archive>> a = Archive::Open(junk, Archive::Mode::kReadOnly);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kCorrupt) << a.status().ToString();
}

TEST(ArchiveIngest, SeedCableIsStoredFieldByField) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  TempDir dir;
  std::string db = dir.File("a.db");
  auto archive = OpenRw(db);
  ASSERT_NE(archive, nullptr);
  Result<IngestSummary> sum = archive->Ingest({Fixture("seed")});
  ASSERT_TRUE(sum.ok()) << sum.status().ToString();
  EXPECT_EQ(sum->cables_read, 1);
  EXPECT_EQ(sum->added, 1);
  EXPECT_EQ(sum->failed, 0);

  Result<Cable> c = archive->Get("06moscow1637");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->reference_id, "06MOSCOW1637");
  EXPECT_EQ(c->subject, "HAMAS VISIT TO MOSCOW");
  EXPECT_EQ(c->created, "2006-02-20T10:07:00Z");
  EXPECT_EQ(c->tags, (std::vector<std::string>{"PREL", "RS"}));
  ASSERT_EQ(c->paragraphs.size(), 7u);

  // The columns a researcher queries (docs/schema.md).
  const std::string row = "FROM cables WHERE reference_id='06MOSCOW1637'";
  EXPECT_EQ(SqlText(db, "SELECT post_key " + row), "MOSCOW");
  EXPECT_EQ(SqlInt(db, "SELECT year " + row), 2006);
  EXPECT_EQ(SqlText(db, "SELECT classification_level " + row), "CONFIDENTIAL");
  EXPECT_EQ(SqlText(db, "SELECT precedence " + row), "IMMEDIATE");
  EXPECT_EQ(SqlText(db, "SELECT originator " + row), "AMEMBASSY MOSCOW");
  EXPECT_EQ(SqlText(db, "SELECT declassify_on " + row), "2014-09-20");
  EXPECT_EQ(SqlText(db, "SELECT classified_by_reasons " + row), "[\"1.4(b)\",\"1.4(d)\"]");
  EXPECT_EQ(SqlText(db, "SELECT signers " + row), "[\"BURNS\"]");
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM tags WHERE tag='PREL' AND kind='subject'"), 1);
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM tags WHERE tag='RS' AND kind='geographic'"), 1);
  EXPECT_EQ(SqlText(db, "SELECT name FROM addressees WHERE role='to' AND position=0"),
            "SECSTATE WASHDC");
  EXPECT_EQ(SqlText(db, "SELECT sequence FROM addressees WHERE role='to' AND position=0"), "1026");
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM addressees WHERE role='info'"), 2);
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM paragraphs"), 7);
  EXPECT_EQ(SqlText(db, "SELECT portion_marking FROM paragraphs WHERE number=1"), "C");
  EXPECT_EQ(SqlInt(db, "SELECT length FROM paragraphs WHERE number=1"),
            static_cast<int64_t>(c->paragraphs[0].text.size()));
  EXPECT_GT(c->paragraphs[0].text.size(), 200u);
  EXPECT_EQ(SqlText(db, "SELECT cited_id FROM refs WHERE label='A'"), "06MOSCOW1323");
  EXPECT_EQ(SqlInt(db, "SELECT resolved FROM ref_edges WHERE cited_id='06MOSCOW1323'"), 0);
  // Full text: stemmed ("visits" finds "visit"), subject and body.
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables_fts WHERE cables_fts MATCH 'visits'"), 1);
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables_fts WHERE cables_fts MATCH 'vershinin'"), 1);
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables_fts WHERE cables_fts MATCH 'subject:hamas'"),
            1);
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables_fts WHERE cables_fts MATCH 'subject:vershinin'"),
            0);
}

TEST(ArchiveIngest, ReingestIsIdempotent) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  TempDir dir;
  std::string db = dir.File("a.db");
  auto archive = OpenRw(db);
  ASSERT_NE(archive, nullptr);
  std::vector<std::string> src = {Fixture("seed"), Fixture("versions")};
  Result<IngestSummary> first = archive->Ingest(src);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  const char* counts[] = {"SELECT count(*) FROM cables", "SELECT count(*) FROM cable_versions",
                          "SELECT count(*) FROM tags", "SELECT count(*) FROM refs",
                          "SELECT count(*) FROM paragraphs", "SELECT count(*) FROM addressees",
                          "SELECT count(*) FROM cables_fts WHERE cables_fts MATCH 'terrorist'"};
  std::vector<int64_t> before;
  for (const char* q : counts) before.push_back(SqlInt(db, q));
  for (int run = 0; run < 2; ++run) {
    IngestOptions opt;
    opt.jobs = 2;
    opt.batch_size = 1;
    Result<IngestSummary> again = archive->Ingest(src, opt);
    ASSERT_TRUE(again.ok()) << again.status().ToString();
    EXPECT_EQ(again->cables_read, first->cables_read);
    EXPECT_EQ(again->added, 0);
    EXPECT_EQ(again->new_versions, 0);
    EXPECT_EQ(again->refreshed, 0);
    EXPECT_EQ(again->unchanged, first->cables_read - first->failed);
  }
  for (size_t i = 0; i < before.size(); ++i) EXPECT_EQ(SqlInt(db, counts[i]), before[i]) << counts[i];
  EXPECT_EQ(SqlText(db, "PRAGMA integrity_check"), "ok");
}

// Rows are committed before they are indexed (CableWriter::kIndexChunkRows). An ingest stopped
// in between leaves committed rows outside cables_fts, after its last rowid: the next ingest — of
// anything, even nothing (`ingest --upgrade`) — finds and indexes them.
TEST(ArchiveIngest, RowsCommittedButNotIndexedAreIndexedByTheNextIngest) {
  CABLEBASE_SHARED_SET(query_set, "query");
  TempDir dir;
  std::string db = dir.File("a.db");
  {
    auto archive = OpenRw(db);
    ASSERT_NE(archive, nullptr);
    ASSERT_TRUE(archive->Ingest({query_set}).ok());
  }
  const int64_t cables = SqlInt(db, "SELECT count(*) FROM cables");
  ASSERT_GE(cables, 8);
  ASSERT_EQ(SqlInt(db, "SELECT count(*) FROM cables_fts_docsize"), cables);
  const int64_t hamas = SqlInt(db, "SELECT count(*) FROM cables_fts WHERE cables_fts MATCH 'hamas'");
  ASSERT_GT(hamas, 0);
  {
    // What an interruption between a commit and its chunk's FlushIndex leaves.
    Result<std::unique_ptr<store::Db>> raw = store::Db::Open(db, store::Db::Mode::kReadWrite);
    ASSERT_TRUE(raw.ok());
    // cables_fts takes its content from `cables`: an index entry is removed with FTS5's 'delete'.
    ASSERT_TRUE((*raw)->Exec("INSERT INTO cables_fts(cables_fts, rowid, subject, body) "
                             "SELECT 'delete', id, subject, body FROM cables WHERE id > 1")
                    .ok());
  }
  ASSERT_EQ(SqlInt(db, "SELECT count(*) FROM cables_fts_docsize"), 1);
  ASSERT_EQ(SqlInt(db, "SELECT count(*) FROM cables_fts WHERE cables_fts MATCH 'hamas'"), 0);
  auto archive = OpenRw(db);
  ASSERT_NE(archive, nullptr);
  Result<int64_t> behind = archive->CablesNotYetIndexed();
  ASSERT_TRUE(behind.ok());
  EXPECT_EQ(*behind, cables - 1);  // what search and stats warn about
  std::filesystem::create_directories(dir.File("empty"));
  Result<IngestSummary> nothing = archive->Ingest({dir.File("empty")});
  ASSERT_TRUE(nothing.ok()) << nothing.status().ToString();
  EXPECT_EQ(nothing->cables_read, 0);
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables_fts_docsize"), cables);
  EXPECT_EQ(*archive->CablesNotYetIndexed(), 0);
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables_fts WHERE cables_fts MATCH 'hamas'"), hamas);
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables WHERE id NOT IN "
                       "(SELECT id FROM cables_fts_docsize)"),
            0);
  // FTS5's own check of the index against its content.
  Result<std::unique_ptr<store::Db>> check = store::Db::Open(db, store::Db::Mode::kReadWrite);
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE((*check)->Exec("INSERT INTO cables_fts(cables_fts) VALUES('integrity-check')").ok());
  EXPECT_EQ(SqlText(db, "PRAGMA integrity_check"), "ok");
}

// 72TEHRAN5055's 2010 page (created "09:09", the 2010 layout's minutes = the hour on a 12-hour clock)
// and 2011 page ("09:27") differ only in whitespace and publisher metadata; `created` is the DTG
// 220927Z AUG 72 in both, so they are one version. Before issue 11 the bad page time made them two.
// The source with the latest release date stays, whatever the ingest order.
TEST(ArchiveIngest, SameTextFromTwoReleasesIsOneVersionAndTheLatestReleaseStays) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  for (bool newest_first : {true, false}) {
    SCOPED_TRACE(newest_first ? "2011 page first" : "2010 page first");
    TempDir dir;
    std::string db = dir.File("a.db");
    auto archive = OpenRw(db);
    ASSERT_NE(archive, nullptr);
    ASSERT_TRUE(archive->Ingest({Fixture(newest_first ? "versions/2011" : "versions/2010")}).ok());
    Result<IngestSummary> sum =
        archive->Ingest({Fixture(newest_first ? "versions/2010" : "versions/2011")});
    ASSERT_TRUE(sum.ok()) << sum.status().ToString();
    EXPECT_EQ(sum->new_versions, 0);

    Result<std::vector<CableVersion>> v = archive->Versions("72TEHRAN5055");
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    ASSERT_EQ(v->size(), 1u);
    EXPECT_TRUE((*v)[0].current);
    EXPECT_EQ((*v)[0].cable.released.substr(0, 10), "2011-08-30");
    EXPECT_EQ((*v)[0].cable.created, "1972-08-22T09:27:00Z");

    Result<Cable> cur = archive->Get("72TEHRAN5055");
    ASSERT_TRUE(cur.ok());
    EXPECT_EQ(cur->released.substr(0, 10), "2011-08-30");
    EXPECT_NE(cur->source.path.find("2011"), std::string::npos) << cur->source.path;
    EXPECT_EQ(SqlInt(db, "SELECT version_count FROM cables WHERE reference_id='72TEHRAN5055'"), 1);
    EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables"), 1);
    EXPECT_EQ(SqlText(db, "SELECT created FROM cables"), "1972-08-22T09:27:00Z");
    EXPECT_EQ(SqlText(db, "SELECT substr(released,1,10) FROM cables"), "2011-08-30");
    EXPECT_EQ(SqlText(db, "SELECT post_key FROM cables"), "TEHRAN");
  }
}

TEST(ArchiveIngest, FailuresAreReportedAndNeverStopTheRest) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  TempDir dir;
  auto archive = OpenRw(dir.File("a.db"));
  ASSERT_NE(archive, nullptr);
  std::vector<IngestError> errors;
  IngestOptions opt;
  opt.on_error = [&](const IngestError& e) { errors.push_back(e); };
  Result<IngestSummary> sum = archive->Ingest({Fixture("bad"), Fixture("seed")}, opt);
  ASSERT_TRUE(sum.ok()) << sum.status().ToString();
  EXPECT_EQ(sum->failed, 1);
  EXPECT_EQ(sum->added, 1);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, Fixture("bad/not_a_cable.txt"));
  EXPECT_FALSE(errors[0].status.ok());
  EXPECT_FALSE(errors[0].status.message().empty());
  EXPECT_TRUE(archive->Get("06MOSCOW1637").ok());

  Result<IngestSummary> missing = archive->Ingest({dir.File("no-such-dir")});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(ArchiveIngest, ReadOnlyArchiveRefusesWrites) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  TempDir dir;
  std::string db = dir.File("a.db");
  ASSERT_NE(OpenRw(db), nullptr);
  auto ro = Archive::Open(db, Archive::Mode::kReadOnly);
  ASSERT_TRUE(ro.ok());
  Result<IngestSummary> sum = (*ro)->Ingest({Fixture("seed")});
  ASSERT_FALSE(sum.ok());
  EXPECT_EQ(sum.status().code(), StatusCode::kInvalidArgument);
}

TEST(ArchiveRefs, SeedCitesACableOutsideTheArchive) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  TempDir dir;
  auto archive = OpenRw(dir.File("a.db"));
  ASSERT_NE(archive, nullptr);
  ASSERT_TRUE(archive->Ingest({Fixture("seed")}).ok());
  Result<RefGraph> g = archive->Refs("06MOSCOW1637", RefDirection::kCites, 1);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ASSERT_GE(g->nodes.size(), 2u);
  EXPECT_EQ(g->nodes[0].reference_id, "06MOSCOW1637");
  EXPECT_TRUE(g->nodes[0].in_archive);
  EXPECT_EQ(g->nodes[1].reference_id, "06MOSCOW1323");
  EXPECT_FALSE(g->nodes[1].in_archive);
  EXPECT_EQ(g->nodes[1].depth, 1);
  EXPECT_EQ(g->nodes[1].origin, "MOSCOW");
  ASSERT_EQ(g->edges.size(), 2u);  // REF A (a cable) and REF B (no cable ID)
  EXPECT_EQ(g->edges[0].label, "A");
  EXPECT_EQ(g->edges[0].text, "MOSCOW 1323");
  EXPECT_EQ(g->edges[0].cited_id, "06MOSCOW1323");
  EXPECT_EQ(g->edges[1].label, "B");
  EXPECT_EQ(g->edges[1].cited_id, "");

  // The absent cable is known through the cable that cites it.
  Result<RefGraph> back = archive->Refs("06MOSCOW1323", RefDirection::kCitedBy, 2);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_FALSE(back->nodes[0].in_archive);
  ASSERT_EQ(back->nodes.size(), 2u);
  EXPECT_EQ(back->nodes[1].reference_id, "06MOSCOW1637");

  Result<RefGraph> none = archive->Refs("99NOWHERE1", RefDirection::kBoth, 1);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(archive->Refs("06MOSCOW1637", RefDirection::kBoth, 0).status().code(),
            StatusCode::kInvalidArgument);

  Result<ArchiveStats> s = archive->Stats();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->cable_references, 1);
  EXPECT_EQ(s->unresolved_references, 1);
  EXPECT_EQ(s->unresolved_cables, 1);
}

TEST(ArchiveExport, ForEachCableStreamsTheCurrentRecords) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  TempDir dir;
  auto archive = OpenRw(dir.File("a.db"));
  ASSERT_TRUE(archive->Ingest({Fixture("versions"), Fixture("seed")}).ok());
  std::vector<std::string> ids;
  ASSERT_TRUE(archive
                  ->ForEachCable([&](const Cable& c) {
                    ids.push_back(c.reference_id + "@" + c.released.substr(0, 4));
                    return true;
                  })
                  .ok());
  // Ordered by created: 1972 before 2006; the seed (rendered text) has no release date.
  EXPECT_EQ(ids, (std::vector<std::string>{"72TEHRAN5055@2011", "06MOSCOW1637@"}));
  int edges = 0;
  ASSERT_TRUE(archive->ForEachEdge([&](const RefEdge& e, bool resolved) {
    ++edges;
    return true;
  }).ok());
  EXPECT_GE(edges, 2);  // 06MOSCOW1637 → 06MOSCOW1323, 72TEHRAN5055 → 72TEHRAN4887
}

}  // namespace
}  // namespace cablebase

namespace cablebase {
namespace {

// The London chain of the store set's refs/ (tests/testdata/store.files; REF lines read by hand in
// tests/testdata/store/README.md):
// 1412 → 1350, 1159*, 1115, 1064*; 1350 → 1159*, 1115, 1064*; 1115 → 1064* (* not in the archive).
class LondonRefs : public ::testing::Test {
 protected:
  void SetUp() override {
    CABLEBASE_SHARED_SET(fixtures, "store");
    archive_ = OpenRw(dir_.File("a.db"));
    ASSERT_NE(archive_, nullptr);
    Result<IngestSummary> sum = archive_->Ingest({Fixture("refs")});
    ASSERT_TRUE(sum.ok()) << sum.status().ToString();
    ASSERT_EQ(sum->added, 3);
  }
  static std::vector<std::string> Ids(const RefGraph& g) {
    std::vector<std::string> ids;
    for (const RefNode& n : g.nodes) {
      ids.push_back(n.reference_id + (n.in_archive ? "" : "*") + "@" + std::to_string(n.depth));
    }
    return ids;
  }
  TempDir dir_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(LondonRefs, BothDirectionsOneHop) {
  Result<RefGraph> g = archive_->Refs("08LONDON1350", RefDirection::kBoth, 1);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(Ids(*g), (std::vector<std::string>{"08LONDON1350@0", "08LONDON1064*@1",
                                               "08LONDON1115@1", "08LONDON1159*@1",
                                               "08LONDON1412@1"}));
  ASSERT_EQ(g->edges.size(), 7u);  // its six REF entries + 08LONDON1412's REF A
  EXPECT_EQ(g->edges[0].label, "A");
  EXPECT_EQ(g->edges[0].text, "STATE-LONDON SVTC MAY 9");
  EXPECT_EQ(g->edges[0].cited_id, "");
  EXPECT_EQ(g->edges[3].label, "D");
  EXPECT_EQ(g->edges[3].cited_id, "08LONDON1115");
  EXPECT_EQ(g->edges[5].kind, "email");
  EXPECT_EQ(g->edges[6].citing_id, "08LONDON1412");
  EXPECT_EQ(g->edges[6].label, "A");
  EXPECT_EQ(g->edges[6].text, "LONDON 1350");
}

TEST_F(LondonRefs, CitesTwoHops) {
  Result<RefGraph> g = archive_->Refs("08LONDON1412", RefDirection::kCites, 2);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(Ids(*g), (std::vector<std::string>{"08LONDON1412@0", "08LONDON1064*@1",
                                               "08LONDON1115@1", "08LONDON1159*@1",
                                               "08LONDON1350@1"}));
  EXPECT_EQ(g->edges.size(), 15u);  // 7 + 6 + 2 REF entries
}

TEST_F(LondonRefs, CitedByAnAbsentCableThreeHops) {
  Result<RefGraph> g = archive_->Refs("08LONDON1064", RefDirection::kCitedBy, 3);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(Ids(*g), (std::vector<std::string>{"08LONDON1064*@0", "08LONDON1115@1",
                                               "08LONDON1350@1", "08LONDON1412@1"}));
  EXPECT_EQ(g->edges.size(), 6u);
}

TEST_F(LondonRefs, StatsCountResolvedAndUnresolved) {
  Result<ArchiveStats> s = archive_->Stats();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->cables, 3);
  EXPECT_EQ(s->references, 15);
  EXPECT_EQ(s->cable_references, 8);
  EXPECT_EQ(s->resolved_references, 3);
  EXPECT_EQ(s->unresolved_references, 5);
  EXPECT_EQ(s->unresolved_cables, 2);
  std::map<std::string, int64_t> cls;
  for (const CountItem& c : s->by_classification) cls[c.key] = c.count;
  EXPECT_EQ(cls["SECRET"], 3) << "all three are classified SECRET";
}

}  // namespace
}  // namespace cablebase
