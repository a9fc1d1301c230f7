// Sections published as separate records are parts of one cable, not versions of each other
// (issue 11, schema 7; store/cable_parts.h). Fixtures: the set "parts" (tests/testdata/parts/
// README.md) — the real two-section cable 06NEWDELHI5266 split where its section 2 began, part 2
// published as Cablegate published separate sections (06SCTION02OF02NEWDELHI5266).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "cablebase/archive.h"
#include "cablebase/json.h"
#include "cablebase/parse.h"
#include "cablebase/query.h"
#include "cablebase/results_json.h"
#include "model/reference_id.h"
#include "store/cable_parts.h"
#include "store/schema.h"
#include "shared_files.h"
#include "store_test_util.h"

namespace cablebase {
namespace {

using store_test::SqlInt;
using store_test::SqlText;
using store_test::TempDir;

// Words of each part (read in the shared file 06NEWDELHI5266 by hand): part 1's summary, part 2's
// closing paragraph.
constexpr const char* kPart1Words = "commissioned by a leading Indian";
constexpr const char* kPart2Words = "custom-made for the Left";

bool SqlExec(const std::string& db_path, const std::string& sql, std::string* error) {
  sqlite3* db = nullptr;
  bool ok = sqlite3_open(db_path.c_str(), &db) == SQLITE_OK;
  char* msg = nullptr;
  ok = ok && sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg) == SQLITE_OK;
  if (msg && error) *error = msg;
  sqlite3_free(msg);
  sqlite3_close(db);
  return ok;
}

std::unique_ptr<Archive> OpenRw(const std::string& path) {
  Result<std::unique_ptr<Archive>> a = Archive::Open(path, Archive::Mode::kReadWrite);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? std::move(*a) : nullptr;
}

// The record of the cable and its cables row, as `show --json` and a researcher's SQL see them.
std::string ShowJson(Archive& a) {
  Result<Cable> c = a.Get("06NEWDELHI5266");
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? CableToJson(*c, 2) : std::string();
}

const char* kRowSql =
    "SELECT reference_id || '|' || coalesce(reference_id_published, '') || '|' || "
    "version_count || '|' || "
    "coalesce(subject, '') || '|' || coalesce(section_number, '') || '|' || "
    "coalesce(signers, '') || '|' || length(body) FROM cables";
const char* kVersionsSql =
    "SELECT group_concat(published_id || ' part ' || part || '/' || part_count || ' v' || version, "
    "'; ') FROM (SELECT * FROM cable_versions ORDER BY part, version)";

TEST(PublishedSection, DebrisOfTheCaptionNamesTheSection) {
  // Published IDs of the golden canonicalize_id cases (strings, not cables).
  struct {
    const char* id;
    int number, count;
  } cases[] = {{"08SCTION02OF02SAOPAULO335", 2, 2},  {"08ECTION01OF02MANAMA492", 1, 2},
               {"09SECTION01OF03BRUSSELS1234", 1, 3}, {"10SECION03OF08VIENNA176", 3, 8},
               {"09SCTION08OF09NAIROBI809", 8, 9},    {"08SECTIO01OF02JERUSALEM1847", 1, 2},
               {"09SECTION02F02BRUSSELS1639", 2, 2},  {"06MOSCOW1637", 0, 0},
               {"09SECTION03OF02PARIS12", 0, 0},      {"08SCTION02OF02", 0, 0},
               {"75SECSTATE123", 0, 0},               {"", 0, 0}};
  for (const auto& c : cases) {
    model::PublishedSection s = model::SectionOfPublishedId(c.id);
    EXPECT_EQ(s.number, c.number) << c.id;
    EXPECT_EQ(s.count, c.count) << c.id;
  }
}

TEST(PublishedSection, ClassificationLineFirstThenDebrisThenWhole) {
  Cable c;
  c.reference_id_published = "08SCTION02OF02SAOPAULO335";
  EXPECT_EQ(store::PartOfRecord(c).number, 2);
  c.section_number = 1;  // the line says SECTION 01 OF 03: it wins over the debris
  c.section_count = 3;
  EXPECT_EQ(store::PartOfRecord(c).number, 1);
  EXPECT_EQ(store::PartOfRecord(c).count, 3);
  Cable whole;
  whole.reference_id_published = "06MOSCOW1637";
  EXPECT_EQ(store::PartOfRecord(whole).number, 1);
  EXPECT_EQ(store::PartOfRecord(whole).count, 1);
}

class Parts : public ::testing::Test {
 protected:
  void SetUp() override {
    fixtures_ = testing_shared::StagedSet("parts", &why_);
    if (fixtures_.empty()) {
      if (testing_shared::InCi()) FAIL() << why_;
      GTEST_SKIP() << why_;
    }
  }
  std::string Part(const std::string& name) const { return fixtures_ + "/" + name; }
  std::string fixtures_, why_;
};

TEST_F(Parts, BothPartsAreCurrentAndTheCableIsTheirTextInOrder) {
  TempDir dir;
  const std::string db = dir.File("a.db");
  std::unique_ptr<Archive> a = OpenRw(db);
  ASSERT_TRUE(a);
  Result<IngestSummary> s = a->Ingest({Part("part1"), Part("part2")});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->added, 1);
  EXPECT_EQ(s->new_versions, 1);  // a new part of a stored cable
  EXPECT_EQ(s->failed, 0);
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables"), 1);
  Result<ArchiveStats> stats = a->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->multi_version_cables, 0);  // two parts, one version each
  EXPECT_EQ(SqlText(db, kVersionsSql),
            "06NEWDELHI5266 part 1/2 v1; 06SCTION02OF02NEWDELHI5266 part 2/2 v1");

  Result<std::vector<CableVersion>> v = a->Versions("06SCTION02OF02NEWDELHI5266");
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  ASSERT_EQ(v->size(), 2u);
  EXPECT_EQ((*v)[0].part, 1);
  EXPECT_EQ((*v)[1].part, 2);
  EXPECT_EQ((*v)[1].part_count, 2);
  EXPECT_TRUE((*v)[0].current);
  EXPECT_TRUE((*v)[1].current);

  Result<Cable> c = a->Get("06NEWDELHI5266");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->reference_id, "06NEWDELHI5266");
  EXPECT_EQ(c->subject, "POLLING DATA SHOWS STRONG SUPPORT FOR SONIA GANDHI");
  EXPECT_EQ(c->section_number, 1);
  size_t p1 = c->body.find(kPart1Words), p2 = c->body.find(kPart2Words);
  ASSERT_NE(p1, std::string::npos);
  ASSERT_NE(p2, std::string::npos);
  EXPECT_LT(p1, p2);
  // The second part's classification line is not text of the joined cable.
  EXPECT_EQ(c->body.find("SECTION 02 OF 02"), std::string::npos);
  // The signer is at the end of the last part.
  ASSERT_EQ(c->signers.size(), 1u);
  EXPECT_EQ(c->signers[0], "PYATT");
  // Paragraphs of both parts, numbered on (part 2 opens with ¶5).
  ASSERT_FALSE(c->paragraphs.empty());
  EXPECT_EQ(c->paragraphs.front().number, 1);
  EXPECT_GE(c->paragraphs.back().number, 7);

  // The cables row (search, facets) is the joined record; search finds it once for either part.
  EXPECT_EQ(SqlInt(db, "SELECT section_number FROM cables"), 1);
  for (const char* words : {"\"commissioned by a leading Indian\"", "\"custom made for the Left\"",
                            "commissioned AND custom"}) {
    SearchRequest req;
    req.query = words;
    Result<SearchResults> r = Search(*a, req);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->total, 1) << words;
    ASSERT_EQ(r->hits.size(), 1u) << words;
    EXPECT_EQ(r->hits[0].reference_id, "06NEWDELHI5266") << words;
  }
  // Export streams the joined record.
  int exported = 0;
  ASSERT_TRUE(a->ForEachCable([&](const Cable& e) {
                  ++exported;
                  EXPECT_NE(e.body.find(kPart2Words), std::string::npos);
                  return true;
                }).ok());
  EXPECT_EQ(exported, 1);
}

TEST_F(Parts, IngestOrderChangesNothingAndReingestIsIdempotent) {
  TempDir dir;
  const std::string ab = dir.File("ab.db"), ba = dir.File("ba.db");
  std::string json_ab, json_ba;
  {
    std::unique_ptr<Archive> a = OpenRw(ab);
    ASSERT_TRUE(a);
    ASSERT_TRUE(a->Ingest({Part("part1")}).ok());
    ASSERT_TRUE(a->Ingest({Part("part2")}).ok());
    json_ab = ShowJson(*a);
    // Again, both orders: nothing new.
    Result<IngestSummary> again = a->Ingest({Part("part2"), Part("part1")});
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->unchanged, 2);
    EXPECT_EQ(again->added + again->new_versions + again->refreshed, 0);
    EXPECT_EQ(ShowJson(*a), json_ab);
  }
  {
    std::unique_ptr<Archive> a = OpenRw(ba);
    ASSERT_TRUE(a);
    ASSERT_TRUE(a->Ingest({Part("part2")}).ok());
    ASSERT_TRUE(a->Ingest({Part("part1")}).ok());
    json_ba = ShowJson(*a);
  }
  EXPECT_FALSE(json_ab.empty());
  EXPECT_EQ(json_ab, json_ba);
  EXPECT_EQ(SqlText(ab, kRowSql), SqlText(ba, kRowSql));
  EXPECT_EQ(SqlText(ab, kVersionsSql), SqlText(ba, kVersionsSql));
  EXPECT_EQ(SqlText(ab, "SELECT group_concat(number, ',') FROM paragraphs"),
            SqlText(ba, "SELECT group_concat(number, ',') FROM paragraphs"));
  EXPECT_EQ(SqlText(ab, "SELECT reference_id_published FROM cables"), "<null>");
}

TEST_F(Parts, AReleaseOfTheSamePartIsAVersionOfThatPartOnly) {
  TempDir dir;
  const std::string db = dir.File("a.db");
  std::unique_ptr<Archive> a = OpenRw(db);
  ASSERT_TRUE(a);
  ASSERT_TRUE(a->Ingest({Part("part1"), Part("part2"), Part("part2_revised")}).ok());
  EXPECT_EQ(SqlText(db, kVersionsSql),
            "06NEWDELHI5266 part 1/2 v1; 06SCTION02OF02NEWDELHI5266 part 2/2 v1; "
            "06SCTION02OF02NEWDELHI5266 part 2/2 v2");
  Result<std::vector<CableVersion>> v = a->Versions("06NEWDELHI5266");
  ASSERT_TRUE(v.ok());
  ASSERT_EQ(v->size(), 3u);
  EXPECT_TRUE((*v)[0].current);   // part 1 stays current: section 2 replaced nothing of it
  EXPECT_FALSE((*v)[1].current);  // part 2 v1, replaced by its re-release
  EXPECT_TRUE((*v)[2].current);
  Result<Cable> c = a->Get("06NEWDELHI5266");
  ASSERT_TRUE(c.ok());
  EXPECT_NE(c->body.find(kPart1Words), std::string::npos);
  EXPECT_NE(c->body.find("a second release of section 2"), std::string::npos);
  EXPECT_EQ(SqlInt(db, "SELECT version_count FROM cables"), 3);
  // The API's document (GET /api/cables/ID/versions): per version its part; per part its current.
  nlohmann::ordered_json j = VersionsToJson(*v, /*with_records=*/false);
  EXPECT_EQ(j["current"], 1);
  ASSERT_EQ(j["parts"].size(), 2u);
  EXPECT_EQ(j["parts"][1]["part"], 2);
  EXPECT_EQ(j["parts"][1]["current"], 2);
  EXPECT_EQ(j["versions"][2]["part_count"], 2);
  // One cable has two versions of one part; parts are not counted as versions.
  Result<ArchiveStats> stats = a->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->multi_version_cables, 1);
  EXPECT_EQ(stats->versions, 3);
}

// A schema-6 archive that holds both parts as two versions of one cable (what cablebase wrote
// before schema 7: part 2, arrived last, current and part 1 hidden) is upgraded when opened for
// writing: the versions get their parts from their text, are numbered within their part, and the
// row is both parts joined — the record an archive ingested by schema 7 has.
TEST_F(Parts, SchemaSixArchiveIsUpgradedToParts) {
  TempDir dir;
  const std::string fresh = dir.File("fresh.db"), old = dir.File("old.db");
  std::string want;
  {
    std::unique_ptr<Archive> a = OpenRw(fresh);
    ASSERT_TRUE(a);
    ASSERT_TRUE(a->Ingest({Part("part1"), Part("part2")}).ok());
    want = ShowJson(*a);
  }
  {
    std::unique_ptr<Archive> a = OpenRw(old);
    ASSERT_TRUE(a);
    ASSERT_TRUE(a->Ingest({Part("part2")}).ok());  // its row: part 2 alone
    ASSERT_TRUE(a->Ingest({Part("part1")}).ok());
  }
  // Back to schema 6's table: one numbering per reference ID, no parts; the row of part 2 alone
  // (the schema-6 writer's: the version that arrived last was current).
  std::string error;
  ASSERT_TRUE(SqlExec(old, R"SQL(
    CREATE TABLE cv6 AS SELECT id, reference_id, id AS version, content_hash, released,
      ingested_at, source_path, source_format, source_line, source_csv_id, published_id, created,
      published_classification, origin, published_references, header_raw, text_raw,
      published_title, archive_json FROM cable_versions;
    DROP TABLE cable_versions;
    CREATE TABLE cable_versions (
      id INTEGER PRIMARY KEY, reference_id TEXT NOT NULL, version INTEGER NOT NULL,
      content_hash TEXT NOT NULL, released TEXT, ingested_at TEXT NOT NULL, source_path TEXT,
      source_format TEXT, source_line INTEGER, source_csv_id TEXT, published_id TEXT,
      created TEXT, published_classification TEXT, origin TEXT, published_references TEXT,
      header_raw TEXT, text_raw TEXT NOT NULL, published_title TEXT, archive_json TEXT,
      UNIQUE (reference_id, content_hash), UNIQUE (reference_id, version));
    INSERT INTO cable_versions SELECT * FROM cv6;
    DROP TABLE cv6;
    UPDATE cables SET version_id = 1, section_number = 2, body = 'part 2 alone';
    DELETE FROM meta WHERE key = 'parts';
    DELETE FROM schema_migrations WHERE version = 7;
    PRAGMA user_version = 6;)SQL",
                      &error))
      << error;
  ASSERT_EQ(SqlText(old, "SELECT group_concat(version, ',') FROM cable_versions"), "1,2");
  Result<std::unique_ptr<Archive>> ro = Archive::Open(old, Archive::Mode::kReadOnly);
  ASSERT_FALSE(ro.ok());  // a read-only open asks for the upgrade

  std::unique_ptr<Archive> a = OpenRw(old);
  ASSERT_TRUE(a);
  EXPECT_EQ(SqlInt(old, "PRAGMA user_version"), store::LatestSchemaVersion());
  EXPECT_EQ(SqlText(old, "SELECT value FROM meta WHERE key = 'parts'"), "complete");
  EXPECT_EQ(SqlText(old, kVersionsSql),
            "06NEWDELHI5266 part 1/2 v1; 06SCTION02OF02NEWDELHI5266 part 2/2 v1");
  EXPECT_EQ(ShowJson(*a), want);
  EXPECT_EQ(SqlText(old, kRowSql), SqlText(fresh, kRowSql));
  SearchRequest req;
  req.query = "\"commissioned by a leading Indian\"";
  Result<SearchResults> r = Search(*a, req);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 1);
}


// A whole record of a sectioned cable says `SECTION 01 OF 02` and holds every section (the
// Cablegate page of 09BERLIN978 does); a section 2 published on its own is then already in it and
// is not appended a second time (breaker finding: ¶4-7 of 09BERLIN978 twice). Fragments written
// for this test.
TEST(JoinParts, APartTheWholeRecordAlreadyHoldsIsNotRepeated) {
  const std::string head = "C O N F I D E N T I A L SECTION 01 OF 02 BERLIN 000978\n\nSIPDIS\n\n"
                           "SUBJECT: WRITTEN FOR THE TEST\n\n";
  const std::string para2 = "2. (C) The ministry considers the plan a written test paragraph.\n";
  auto parse = [](const std::string& text) {
    RawCable raw;
    raw.reference_id = "09BERLIN978";
    raw.text = text;
    Result<Cable> c = ParseCable(raw);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : Cable();
  };
  store::StoredPart whole;
  whole.part = {1, 2};
  whole.cable = parse(head + "1. (C) First paragraph of the written cable, long enough.\n\n" + para2);
  store::StoredPart second;
  second.part = {2, 2};
  second.cable = parse("C O N F I D E N T I A L SECTION 02 OF 02 BERLIN 000978\n\n" + para2);
  Result<Cable> joined = store::JoinParts({whole, second});
  ASSERT_TRUE(joined.ok()) << joined.status().ToString();
  const std::string& body = joined->body;
  size_t first = body.find("written test paragraph");
  ASSERT_NE(first, std::string::npos) << body;
  EXPECT_EQ(body.find("written test paragraph", first + 1), std::string::npos) << body;

  // A part the record does not hold is appended, in order.
  store::StoredPart only_first = whole;
  only_first.cable = parse(head + "1. (C) First paragraph of the written cable, long enough.\n");
  Result<Cable> appended = store::JoinParts({only_first, second});
  ASSERT_TRUE(appended.ok());
  EXPECT_NE(appended->body.find("written test paragraph"), std::string::npos) << appended->body;
}


// `SECTION 3 OF 2` (a slip in the caption) is a later part, never part 1: before, it was read as
// a whole cable and became the current version of part 1, hiding ¶1-3 of the real section 1
// (breaker finding). Fragment written for this test.
TEST(JoinParts, ACaptionNumberAboveItsCountIsALaterPartNotPartOne) {
  RawCable raw;
  raw.reference_id = "09BERLIN978";
  raw.text = "C O N F I D E N T I A L SECTION 3 OF 2 BERLIN 000978\n\nSUBJECT: WRITTEN\n\n"
             "4. (C) A written paragraph of the slipped section.\n";
  Result<Cable> c = ParseCable(raw);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  store::CablePart part = store::PartOfRecord(*c);
  EXPECT_EQ(part.number, 3);
  EXPECT_EQ(part.count, 3);
}

}  // namespace
}  // namespace cablebase
