// Archive-wide counts for `cablebase stats` (store/stats.cc).
#ifndef CABLEBASE_STORE_STATS_H_
#define CABLEBASE_STORE_STATS_H_

#include "cablebase/archive.h"
#include "store/db.h"

namespace cablebase::store {

// Archive::Stats on a connection (archive.h states the contract). Runs in one read transaction so
// the counts agree with each other while a writer commits.
Result<ArchiveStats> ComputeStats(Db& db, int top);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_STATS_H_
