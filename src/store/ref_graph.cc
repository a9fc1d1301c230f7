// Breadth-first walk of the refs table around one cable (store/ref_graph.h).
#include "store/ref_graph.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <utility>

#include "store/cable_writer.h"

namespace cablebase::store {

Result<RefGraph> BuildRefGraph(Db& db, const std::string& reference_id, RefDirection direction,
                               int depth) {
  if (depth < 1) return Status(StatusCode::kInvalidArgument, "--depth must be at least 1");
  Result<Statement> node_info =
      db.Prepare("SELECT created, subject FROM cables WHERE reference_id = ?1");
  Result<Statement> cites = db.Prepare(
      "SELECT position, label, text, kind, cited_id FROM refs WHERE citing_id = ?1 "
      "ORDER BY position");
  Result<Statement> cited_by = db.Prepare(
      "SELECT citing_id, position, label, text, kind FROM refs WHERE cited_id = ?1 "
      "ORDER BY citing_id, position");
  for (auto* st : {&node_info, &cites, &cited_by}) {
    if (!st->ok()) return st->status();
  }

  RefGraph g;
  g.root = reference_id;
  std::map<std::string, RefNode> nodes;
  std::set<std::pair<std::string, int64_t>> edge_keys;  // (citing_id, position)
  std::deque<std::string> queue;

  // Adds a node (first sighting decides its depth); returns true when it is new and in the archive.
  auto add_node = [&](const std::string& id, int d) -> Result<bool> {
    if (nodes.count(id) || nodes.size() >= kMaxRefGraphNodes) return false;
    RefNode n;
    n.reference_id = id;
    n.depth = d;
    n.origin = PostKeyOf(id);
    node_info->Reset();
    node_info->BindText(1, id);
    Result<bool> row = node_info->Step();
    if (!row.ok()) return row.status();
    if (*row) {
      n.in_archive = true;
      n.created = node_info->ColumnText(0);
      n.subject = node_info->ColumnText(1);
    }
    node_info->Reset();
    bool expand = n.in_archive;
    nodes.emplace(id, std::move(n));
    return expand;
  };
  auto add_edge = [&](RefEdge e, int64_t position) {
    if (edge_keys.emplace(e.citing_id, position).second) g.edges.push_back(std::move(e));
  };

  Result<bool> root = add_node(reference_id, 0);
  if (!root.ok()) return root.status();
  bool root_cited = false;
  {
    cited_by->Reset();
    cited_by->BindText(1, reference_id);
    Result<bool> row = cited_by->Step();
    if (!row.ok()) return row.status();
    root_cited = *row;
    cited_by->Reset();
  }
  if (!nodes[reference_id].in_archive && !root_cited) {
    return Status(StatusCode::kNotFound,
                  reference_id + " is neither in the archive nor cited by a cable in it");
  }
  queue.push_back(reference_id);
  while (!queue.empty()) {
    std::string id = queue.front();
    queue.pop_front();
    int d = nodes[id].depth;
    if (d >= depth) continue;
    if (direction != RefDirection::kCitedBy && nodes[id].in_archive) {
      cites->Reset();
      cites->BindText(1, id);
      for (;;) {
        Result<bool> row = cites->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        RefEdge e{id, cites->ColumnText(4), cites->ColumnText(1), cites->ColumnText(2),
                  cites->ColumnText(3)};
        if (!e.cited_id.empty()) {
          Result<bool> fresh = add_node(e.cited_id, d + 1);
          if (!fresh.ok()) return fresh.status();
          if (*fresh) queue.push_back(e.cited_id);
        }
        add_edge(std::move(e), cites->ColumnInt(0));
      }
      cites->Reset();
    }
    if (direction != RefDirection::kCites) {
      cited_by->Reset();
      cited_by->BindText(1, id);
      for (;;) {
        Result<bool> row = cited_by->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        RefEdge e{cited_by->ColumnText(0), id, cited_by->ColumnText(2), cited_by->ColumnText(3),
                  cited_by->ColumnText(4)};
        Result<bool> fresh = add_node(e.citing_id, d + 1);
        if (!fresh.ok()) return fresh.status();
        if (*fresh) queue.push_back(e.citing_id);
        add_edge(std::move(e), cited_by->ColumnInt(1));
      }
      cited_by->Reset();
    }
  }
  for (auto& [id, n] : nodes) g.nodes.push_back(std::move(n));
  std::stable_sort(g.nodes.begin(), g.nodes.end(), [](const RefNode& a, const RefNode& b) {
    return a.depth != b.depth ? a.depth < b.depth : a.reference_id < b.reference_id;
  });
  return g;
}

}  // namespace cablebase::store
