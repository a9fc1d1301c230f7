// Schema version 2 keeps each version as read and parses it again on read (store/version_record.h):
// the record read back must equal the record ingested, for every real cable, and archives written
// by schema 1 (record_json) or by another cablebase version must come out right.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cablebase/archive.h"
#include "cablebase/audit.h"
#include "cablebase/json.h"
#include "cablebase/parse.h"
#include "cablebase/version.h"
#include "store/schema.h"
#include "store/version_record.h"
#include "shared_files.h"
#include "store_test_util.h"

namespace cablebase {
namespace {

using store_test::Fixture;
using store_test::SqlInt;
using store_test::SqlText;
using store_test::TempDir;

// Runs statements on a raw read-write connection; false (with the message) on failure.
bool SqlExec(const std::string& db_path, const std::string& sql, std::string* error = nullptr) {
  sqlite3* db = nullptr;
  bool ok = sqlite3_open(db_path.c_str(), &db) == SQLITE_OK;
  char* msg = nullptr;
  ok = ok && sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg) == SQLITE_OK;
  if (msg && error) *error = msg;
  sqlite3_free(msg);
  sqlite3_close(db);
  return ok;
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    out.push_back(c);
    if (c == '\'') out.push_back('\'');
  }
  return out + "'";
}

// Compares two records' JSON and, when they differ, shows only the neighbourhood of the first
// difference (a whole record is pages long).
void ExpectSameJson(const std::string& got, const std::string& want) {
  if (got == want) return;
  size_t i = 0;
  while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
  size_t from = i > 80 ? i - 80 : 0;
  ADD_FAILURE() << "records differ at byte " << i << "\n  got:  ..." << got.substr(from, 160)
                << "\n  want: ..." << want.substr(from, 160);
}

// Every cable of the dev corpus (HTML pages, text files, CSV rows): parsing what a version stores
// gives back the same record, field by field (compared as `cablebase parse` JSON).
TEST(VersionSource, ParsingTheStoredSourceGivesTheSameRecordForEveryCorpusCable) {
  CABLEBASE_SHARED_PATH(corpus, "corpus");
  int64_t failed = 0;
  std::vector<Cable> records =
      store_test::ParseAll({corpus + "/html", corpus + "/text", corpus + "/csv"}, &failed);
  ASSERT_GT(records.size(), 900u);
  size_t mismatches = 0;
  for (const Cable& c : records) {
    Result<Cable> again = ParseCable(store::SourceOfRecord(c));
    ASSERT_TRUE(again.ok()) << c.reference_id << ": " << again.status().ToString();
    if (CableToJson(*again) != CableToJson(c)) {
      ++mismatches;
      ADD_FAILURE() << c.reference_id << " (" << c.source.path << ") reads back differently";
      ExpectSameJson(CableToJson(*again), CableToJson(c));
      if (mismatches > 3) break;
    }
  }
  EXPECT_EQ(mismatches, 0u);
}

// A schema-1 archive (versions as record_json) opened for writing is upgraded: the seed cable's
// record comes back whole, its published metadata lands in the new columns, and the rows are
// marked for re-derivation (cables.parsed_by NULL) — and stay so until their cable comes back,
// even after an ingest of nothing (how the read-only commands tell users to upgrade).
TEST(VersionSource, SchemaOneArchiveIsUpgradedFromItsJson) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  TempDir dir;
  std::string db = dir.File("v1.db");
  auto files = ListSources({Fixture("seed")});
  ASSERT_TRUE(files.ok());
  std::vector<Cable> seed;
  ASSERT_TRUE(ReadSource(files->at(0), InputFormat::kAuto, [&](Result<RawCable> r) {
                Result<Cable> c = ParseCable(*r);
                if (c.ok()) seed.push_back(std::move(*c));
                return true;
              }).ok());
  ASSERT_EQ(seed.size(), 1u);
  const Cable& c = seed[0];
  std::string error;
  ASSERT_TRUE(SqlExec(db, std::string(store::Migrations()[0].sql) + "; PRAGMA user_version = 1;",
                      &error))
      << error;
  ASSERT_TRUE(SqlExec(db,
                      "INSERT INTO cable_versions(id, reference_id, version, content_hash, "
                      "ingested_at, source_path, source_format, source_line, record_json) VALUES (1, " +
                          Quote(c.reference_id) + ", 1, " + Quote(CableContentHash(c)) +
                          ", '2026-01-01T00:00:00Z', " +
                          Quote(c.source.path) + ", 'text', " + std::to_string(c.source.line) +
                          ", " + Quote(CableToJson(c)) +
                          "); INSERT INTO cables(id, reference_id, version_id, subject, body) "
                          "VALUES (1, " + Quote(c.reference_id) + ", 1, 'OLD', 'OLD');",
                      &error))
      << error;

  Result<std::unique_ptr<Archive>> a = Archive::Open(db, Archive::Mode::kReadWrite);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(SqlInt(db, "PRAGMA user_version"), store::LatestSchemaVersion());
  EXPECT_EQ(SqlText(db, "SELECT published_id FROM cable_versions"), "06MOSCOW1637");
  EXPECT_EQ(SqlText(db, "SELECT created FROM cable_versions"), "2006-02-20T10:07:00Z");
  EXPECT_EQ(SqlText(db, "SELECT parsed_by FROM cables"), "<null>");
  Result<Cable> back = (*a)->Get("06MOSCOW1637");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSameJson(CableToJson(*back), CableToJson(c));
  EXPECT_EQ(back->subject, "HAMAS VISIT TO MOSCOW");

  // An ingest of an empty directory (the upgrade the read-only commands ask for) derives nothing
  // and must not mark the stale row as current.
  std::filesystem::create_directories(dir.File("empty"));
  Result<IngestSummary> nothing = (*a)->Ingest({dir.File("empty")});
  ASSERT_TRUE(nothing.ok()) << nothing.status().ToString();
  EXPECT_EQ(SqlText(db, "SELECT parsed_by FROM cables"), "<null>");

  // Ingesting the same file again derives the stale row (subject 'OLD') again.
  Result<IngestSummary> sum = (*a)->Ingest({Fixture("seed")});
  ASSERT_TRUE(sum.ok()) << sum.status().ToString();
  EXPECT_EQ(sum->refreshed, 1) << "added " << sum->added << ", unchanged " << sum->unchanged
                                << ", new versions " << sum->new_versions;
  EXPECT_EQ(SqlText(db, "SELECT subject FROM cables"), "HAMAS VISIT TO MOSCOW");
  EXPECT_EQ(SqlText(db, "SELECT parsed_by FROM cables"), std::string(kVersion));
  EXPECT_EQ(SqlText(db, "PRAGMA integrity_check"), "ok");
}

// Rows derived by another cablebase version are derived again when their cable comes back from
// the same source; by this version, they are left alone.
TEST(VersionSource, RowsParsedByAnotherVersionAreDerivedAgainOnReingest) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  TempDir dir;
  std::string db = dir.File("a.db");
  Result<std::unique_ptr<Archive>> a = Archive::Open(db, Archive::Mode::kReadWrite);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE((*a)->Ingest({Fixture("seed")}).ok());
  ASSERT_TRUE(SqlExec(db, "UPDATE cables SET subject = 'STALE'"));
  Result<IngestSummary> same = (*a)->Ingest({Fixture("seed")});
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->unchanged, 1);
  EXPECT_EQ(SqlText(db, "SELECT subject FROM cables"), "STALE");
  // Rows of another version, while other cables are ingested first: only contact re-derives.
  ASSERT_TRUE(SqlExec(db, "UPDATE cables SET parsed_by = '0.0.1'"));
  ASSERT_TRUE((*a)->Ingest({Fixture("versions")}).ok());
  EXPECT_EQ(SqlText(db, "SELECT subject FROM cables WHERE reference_id = '06MOSCOW1637'"), "STALE");
  Result<IngestSummary> newer = (*a)->Ingest({Fixture("seed")});
  ASSERT_TRUE(newer.ok());
  EXPECT_EQ(newer->refreshed, 1);
  EXPECT_EQ(SqlText(db, "SELECT subject FROM cables WHERE reference_id = '06MOSCOW1637'"),
            "HAMAS VISIT TO MOSCOW");
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables_fts WHERE cables_fts MATCH 'subject:hamas'"),
            1);
}

// A schema-3 archive (before versions kept the published title): read-only commands refuse it with
// the command that upgrades it; after the upgrade, ingesting the same alx file again stores the
// title and the metadata-only cable 01STATE176819 gets its subject back, in the row and when its
// version is read.
TEST(VersionSource, SchemaThreeArchiveIsUpgradedAndTitlesComeBackOnReingest) {
  TempDir dir;
  std::string db = dir.File("v3.db");
  CABLEBASE_SHARED_PATH(alx, "corpus/text/alx__cablegate/01STATE176819.txt");
  {
    Result<std::unique_ptr<Archive>> a = Archive::Open(db, Archive::Mode::kReadWrite);
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE((*a)->Ingest({alx}).ok());
  }
  std::string error;
  ASSERT_TRUE(SqlExec(db,
                      "DROP TABLE audit_findings; DELETE FROM meta WHERE key = 'audit_findings'; "
                      "ALTER TABLE cable_versions DROP COLUMN published_title; "
                      "ALTER TABLE cable_versions DROP COLUMN archive_json; "
                      "DELETE FROM schema_migrations WHERE version >= 4; PRAGMA user_version = 3; "
                      "UPDATE cables SET subject = NULL, parsed_by = '0.2.0';",
                      &error))
      << error;
  Result<std::unique_ptr<Archive>> ro = Archive::Open(db, Archive::Mode::kReadOnly);
  ASSERT_FALSE(ro.ok());
  EXPECT_NE(ro.status().message().find("cablebase ingest --upgrade --db " + db),
            std::string::npos)
      << ro.status().message();

  Result<std::unique_ptr<Archive>> a = Archive::Open(db, Archive::Mode::kReadWrite);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(SqlInt(db, "PRAGMA user_version"), store::LatestSchemaVersion());
  EXPECT_EQ(SqlText(db, "SELECT published_title FROM cable_versions"), "<null>");
  Result<IngestSummary> again = (*a)->Ingest({alx});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->refreshed, 1);
  EXPECT_EQ(SqlText(db, "SELECT subject FROM cables"),
            "AFGHANISTAN'S POLITICAL FUTURE (CORRECTED COPY)");
  Result<Cable> back = (*a)->Get("01STATE176819");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->subject, "AFGHANISTAN'S POLITICAL FUTURE (CORRECTED COPY)");
  EXPECT_EQ(back->metadata_title, "AFGHANISTAN'S POLITICAL FUTURE (CORRECTED COPY)");
}

// A schema-5 archive (before audit_findings): opened for writing, it gets the table and every
// stored cable is audited once — 04MADRID961 (read from the shared folder) with the findings the
// writer would have stored; the meta key says the backfill is complete, so it is not run again.
TEST(VersionSource, SchemaFiveArchiveGetsItsCablesAudited) {
  CABLEBASE_SHARED_PATH(page, "corpus/html/chillicoder__cablegate/04MADRID961.html");
  TempDir dir;
  std::string db = dir.File("v4.db");
  {
    Result<std::unique_ptr<Archive>> a = Archive::Open(db, Archive::Mode::kReadWrite);
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE((*a)->Ingest({page}).ok());
  }
  const int64_t written = SqlInt(db, "SELECT count(*) FROM audit_findings");
  const std::string messages =
      SqlText(db, "SELECT group_concat(invariant || ': ' || message, '; ') FROM audit_findings");
  std::string error;
  ASSERT_TRUE(SqlExec(db,
                      "DROP TABLE audit_findings; DELETE FROM meta WHERE key = 'audit_findings'; "
                      "DELETE FROM schema_migrations WHERE version >= 6; PRAGMA user_version = 5;",
                      &error))
      << error;
  Result<std::unique_ptr<Archive>> ro = Archive::Open(db, Archive::Mode::kReadOnly);
  ASSERT_FALSE(ro.ok());
  Result<std::unique_ptr<Archive>> a = Archive::Open(db, Archive::Mode::kReadWrite);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(SqlInt(db, "PRAGMA user_version"), store::LatestSchemaVersion());
  EXPECT_EQ(SqlText(db, "SELECT value FROM meta WHERE key = 'audit_findings'"), "complete");
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM audit_findings"), written);
  EXPECT_EQ(SqlText(db, "SELECT group_concat(invariant || ': ' || message, '; ') FROM audit_findings"),
            messages);
  // The record as stored: the findings are the audit of the record Get returns.
  Result<Cable> back = (*a)->Get("04MADRID961");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(static_cast<int64_t>(AuditCable(*back).size()), written);
  Result<ArchiveStats> stats = (*a)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->cables_with_findings, written > 0 ? 1 : 0);
  ASSERT_EQ(stats->by_invariant.size(), Invariants().size());
  EXPECT_EQ(stats->by_invariant[0].key, "ref_labels");
}

}  // namespace
}  // namespace cablebase
