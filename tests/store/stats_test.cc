// Counts from Archive::Stats and the tables equal counts computed from the parsed records directly.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "cablebase/archive.h"
#include "store_test_util.h"

namespace cablebase {
namespace {

using store_test::CurrentRecords;
using store_test::ParseAll;
using store_test::SqlInt;
using store_test::TempDir;

std::map<std::string, int64_t> ToMap(const std::vector<CountItem>& items) {
  std::map<std::string, int64_t> m;
  for (const CountItem& c : items) m[c.key] = c.count;
  return m;
}

std::string PostOf(const std::string& id) {
  size_t b = 0;
  while (b < id.size() && b < 2 && isdigit(static_cast<unsigned char>(id[b]))) ++b;
  size_t e = id.size();
  while (e > b && isdigit(static_cast<unsigned char>(id[e - 1]))) --e;
  return id.substr(b, e - b);
}

// Ingests `sources` and checks every count of Stats against the records parsed without the archive.
void CheckCountsAgainstParsedRecords(const std::vector<std::string>& sources) {
  TempDir dir;
  std::string db = dir.File("a.db");
  auto archive = Archive::Open(db, Archive::Mode::kReadWrite);
  ASSERT_TRUE(archive.ok()) << archive.status().ToString();
  Result<IngestSummary> sum = (*archive)->Ingest(sources);
  ASSERT_TRUE(sum.ok()) << sum.status().ToString();

  int64_t failed = 0;
  std::vector<Cable> records = ParseAll(sources, &failed);
  std::map<std::string, Cable> current = CurrentRecords(records);
  EXPECT_EQ(sum->failed, failed);
  EXPECT_EQ(sum->cables_read, static_cast<int64_t>(records.size()) + failed);
  EXPECT_EQ(sum->added, static_cast<int64_t>(current.size()));

  std::map<std::string, int64_t> by_year, by_origin, by_tag;
  int64_t prel_moscow = 0, paragraphs = 0, refs = 0, cable_refs = 0, resolved = 0;
  std::set<std::string> absent;
  for (const auto& [id, c] : current) {
    by_year[c.created.size() >= 4 ? c.created.substr(0, 4) : ""]++;
    by_origin[PostOf(id)]++;
    std::set<std::string> tags(c.tags.begin(), c.tags.end());
    for (const std::string& t : tags) by_tag[t]++;
    if (tags.count("PREL") && PostOf(id) == "MOSCOW") ++prel_moscow;
    paragraphs += static_cast<int64_t>(c.paragraphs.size());
    refs += static_cast<int64_t>(c.references.size());
    for (const Reference& r : c.references) {
      if (!r.reference_id) continue;
      ++cable_refs;
      if (current.count(*r.reference_id)) {
        ++resolved;
      } else {
        absent.insert(*r.reference_id);
      }
    }
  }

  Result<ArchiveStats> s = (*archive)->Stats();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->cables, static_cast<int64_t>(current.size()));
  EXPECT_EQ(s->paragraphs, paragraphs);
  EXPECT_EQ(s->references, refs);
  EXPECT_EQ(s->cable_references, cable_refs);
  EXPECT_EQ(s->resolved_references, resolved);
  EXPECT_EQ(s->unresolved_cables, static_cast<int64_t>(absent.size()));
  EXPECT_EQ(ToMap(s->by_year), by_year);
  EXPECT_EQ(ToMap(s->by_origin), by_origin);
  EXPECT_EQ(ToMap(s->by_tag), by_tag);
  // A filter a researcher writes in SQL (docs/schema.md): TAGS PREL from Moscow.
  EXPECT_EQ(SqlInt(db,
                   "SELECT count(DISTINCT c.id) FROM cables c JOIN tags t ON t.cable_id = c.id "
                   "WHERE t.tag = 'PREL' AND c.post_key = 'moscow' COLLATE NOCASE"),
            prel_moscow);
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables_fts"), static_cast<int64_t>(current.size()));
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cable_versions"),
            s->versions);
  EXPECT_GE(s->versions, s->cables);
}

TEST(ArchiveStats, CountsEqualParsedRecordsOnFixtures) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  CheckCountsAgainstParsedRecords({store_test::Fixture("seed"), store_test::Fixture("versions")});
}

TEST(ArchiveStats, CountsEqualParsedRecordsOnSamples) {
  CABLEBASE_SHARED_SET(samples, "samples");
  CheckCountsAgainstParsedRecords({samples});
}

TEST(ArchiveStats, CountsEqualParsedRecordsOnTheWholeCorpus) {
  CABLEBASE_SHARED_PATH(corpus, "corpus");
  CheckCountsAgainstParsedRecords({corpus + "/html", corpus + "/text", corpus + "/csv"});
}

}  // namespace
}  // namespace cablebase
