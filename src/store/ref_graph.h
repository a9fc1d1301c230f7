// The reference graph around one cable, read from the refs table (breadth-first, N hops).
#ifndef CABLEBASE_STORE_REF_GRAPH_H_
#define CABLEBASE_STORE_REF_GRAPH_H_

#include <string>

#include "cablebase/archive.h"
#include "store/db.h"

namespace cablebase::store {

// Most nodes one graph holds; expansion stops there (a depth-5 "both" walk can reach the whole
// archive). RefGraph::nodes.size() == kMaxRefGraphNodes tells the caller it was cut.
inline constexpr size_t kMaxRefGraphNodes = 5000;

// Archive::Refs on a connection (archive.h states the contract). `reference_id` is canonical.
Result<RefGraph> BuildRefGraph(Db& db, const std::string& reference_id, RefDirection direction,
                               int depth);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_REF_GRAPH_H_
