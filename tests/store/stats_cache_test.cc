// The counts ingest stores (store/stats_cache.h) are the counts ComputeStats gives, for every
// `top`, and are never used once a cable was written after them: Stats then computes, and the next
// ingest stores the new counts.
#include <gtest/gtest.h>

#include "cablebase/archive.h"
#include "cablebase/results_json.h"
#include "store/stats.h"
#include "store/stats_cache.h"
#include "store_test_util.h"

namespace cablebase {
namespace {

using store_test::ParseAll;
using store_test::TempDir;

std::string AsJson(const ArchiveStats& s) { return ArchiveStatsToJson(s).dump(); }

TEST(StatsCache, StoredByIngestEqualsComputedAndGoesStaleOnWrite) {
  CABLEBASE_SHARED_SET(fixtures, "store");
  TempDir dir;
  auto archive = Archive::Open(dir.File("a.db"), Archive::Mode::kReadWrite);
  ASSERT_TRUE(archive.ok()) << archive.status().ToString();
  Archive& a = **archive;
  ASSERT_TRUE(a.Ingest({store_test::Fixture("seed")}).ok());

  for (int top : {0, 1, 3, 500}) {
    Result<std::optional<ArchiveStats>> cached = store::LoadCachedStats(a.db(), top);
    ASSERT_TRUE(cached.ok()) << cached.status().ToString();
    ASSERT_TRUE(cached->has_value()) << "ingest stored no counts (top " << top << ")";
    Result<ArchiveStats> computed = store::ComputeStats(a.db(), top);
    ASSERT_TRUE(computed.ok());
    EXPECT_EQ(AsJson(**cached), AsJson(*computed)) << "top " << top;
    Result<ArchiveStats> served = a.Stats(top);
    ASSERT_TRUE(served.ok());
    EXPECT_EQ(AsJson(*served), AsJson(*computed)) << "top " << top;
  }
  Result<ArchiveStats> before = a.Stats();
  ASSERT_TRUE(before.ok());

  // A cable written after the ingest (a real cable of the "versions" fixture, not in "seed").
  int64_t failed = 0;
  std::vector<Cable> more = ParseAll({store_test::Fixture("versions")}, &failed);
  ASSERT_FALSE(more.empty());
  ASSERT_TRUE(a.Put(more.front()).ok());
  Result<std::optional<ArchiveStats>> stale = store::LoadCachedStats(a.db(), 0);
  ASSERT_TRUE(stale.ok());
  EXPECT_FALSE(stale->has_value()) << "counts of an older generation were used";
  Result<ArchiveStats> after = a.Stats();
  Result<ArchiveStats> computed = store::ComputeStats(a.db(), 0);
  ASSERT_TRUE(after.ok() && computed.ok());
  EXPECT_EQ(AsJson(*after), AsJson(*computed));
  EXPECT_NE(AsJson(*after), AsJson(*before));

  // An ingest of nothing stores the counts of the new generation.
  ASSERT_TRUE(a.Ingest({}).ok());
  Result<std::optional<ArchiveStats>> fresh = store::LoadCachedStats(a.db(), 0);
  ASSERT_TRUE(fresh.ok());
  ASSERT_TRUE(fresh->has_value());
  EXPECT_EQ(AsJson(**fresh), AsJson(*computed));
}

}  // namespace
}  // namespace cablebase
