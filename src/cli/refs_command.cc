// `cablebase refs`: the reference graph around one cable (cites / cited by, N hops), text or JSON.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cablebase/archive.h"
#include "cablebase/results_json.h"
#include "cli/archive_option.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace cablebase::cli {

namespace {

struct RefsFlags {
  std::string id;
  std::string db;
  std::string direction = "both";
  int depth = 1;
  bool json = false;
};

void Out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

std::string NodeText(const RefNode& n) {
  if (!n.in_archive) return n.reference_id + "  (not in the archive)";
  std::string s = n.reference_id;
  if (!n.created.empty()) s += "  " + n.created.substr(0, 10);
  if (!n.subject.empty()) s += "  " + n.subject;
  return s;
}

// Prints the graph as a tree from the root: "cites" lines (→) and "cited by" lines (←), each
// node expanded once (a node seen again is printed with "(see above)").
void PrintTree(const RefGraph& g, RefDirection dir, int depth) {
  std::map<std::string, const RefNode*> nodes;
  for (const RefNode& n : g.nodes) nodes[n.reference_id] = &n;
  std::map<std::string, std::vector<const RefEdge*>> out_edges, in_edges;
  for (const RefEdge& e : g.edges) {
    out_edges[e.citing_id].push_back(&e);
    if (!e.cited_id.empty()) in_edges[e.cited_id].push_back(&e);
  }
  std::set<std::string> expanded;
  auto label = [](const RefEdge& e) {
    std::string s = e.label.empty() ? "" : e.label + ". ";
    return s + e.text;
  };
  std::function<void(const std::string&, int)> walk = [&](const std::string& id, int d) {
    if (d >= depth || !expanded.insert(id).second) return;
    std::string indent(2 * (d + 1), ' ');
    if (dir != RefDirection::kCitedBy) {
      for (const RefEdge* e : out_edges[id]) {
        if (e->cited_id.empty()) {
          Out(indent + "→ " + label(*e) +
              (e->kind == "cable" ? "  (a cable; no reference ID could be made)\n"
                                  : "  (" + e->kind + ", not a cable)\n"));
          continue;
        }
        auto it = nodes.find(e->cited_id);
        bool seen = expanded.count(e->cited_id) != 0;
        Out(indent + "→ " + (it != nodes.end() ? NodeText(*it->second) : e->cited_id) +
            "  [" + label(*e) + "]" + (seen ? "  (see above)" : "") + "\n");
        if (!seen) walk(e->cited_id, d + 1);
      }
    }
    if (dir != RefDirection::kCites) {
      for (const RefEdge* e : in_edges[id]) {
        auto it = nodes.find(e->citing_id);
        bool seen = expanded.count(e->citing_id) != 0;
        Out(indent + "← " + (it != nodes.end() ? NodeText(*it->second) : e->citing_id) +
            "  [cites it as " + label(*e) + "]" + (seen ? "  (see above)" : "") + "\n");
        if (!seen) walk(e->citing_id, d + 1);
      }
    }
  };
  const RefNode* root = nodes.count(g.root) ? nodes[g.root] : nullptr;
  Out((root ? NodeText(*root) : g.root) + "\n");
  walk(g.root, 0);
  int missing = 0;
  for (const RefNode& n : g.nodes) missing += n.in_archive ? 0 : 1;
  auto count = [](size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  Out(count(g.nodes.size() - 1, "linked cable", "linked cables") + " (" +
      std::to_string(missing) + " not in the archive), " +
      count(g.edges.size(), "reference", "references") + "\n");
}

void RunRefs(const RefsFlags& flags) {
  Result<RefDirection> dir = ParseRefDirection(flags.direction);
  if (!dir.ok()) return Fail(dir.status());
  std::unique_ptr<Archive> archive = OpenArchiveOrReport(flags.db, Archive::Mode::kReadOnly);
  if (!archive) return;
  Result<RefGraph> g = archive->Refs(flags.id, *dir, flags.depth);
  if (!g.ok()) {
    PrintError(g.status());
    SetExitCode(g.status().code() == StatusCode::kNotFound ? kExitNoneFound
                                                           : ExitCodeFor(g.status()));
    return;
  }
  if (flags.json) {
    Out(RefGraphToJson(*g, *dir, flags.depth)
            .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
        "\n");
  } else {
    PrintTree(*g, *dir, flags.depth);
  }
  std::fflush(stdout);
  SetExitCode(g->edges.empty() ? kExitNoneFound : kExitOk);
}

}  // namespace

void RegisterRefsCommand(CLI::App& app) {
  auto flags = std::make_shared<RefsFlags>();
  CLI::App* cmd = app.add_subcommand(
      "refs",
      "Show the reference graph around a cable: the cables it cites (its REF line, →) and the\n"
      "cables that cite it (←), up to --depth hops. Cables cited but not in the archive are listed\n"
      "and marked; non-cable references (e-mails, memos, reports) are listed with their kind.\n"
      "Exit status: 0 references found, 1 none (or cable unknown), 2 error.\n\n"
      "Examples:\n"
      "  cablebase refs 06MOSCOW1637\n"
      "  cablebase refs 06MOSCOW1637 --direction citedby --depth 3\n"
      "  cablebase refs 06MOSCOW1637 --json | jq '.edges[] | select(.resolved | not)'");
  cmd->add_option("id", flags->id, "Reference ID, e.g. 06MOSCOW1637")->required();
  AddDbOption(cmd, &flags->db);
  cmd->add_option("--direction", flags->direction, "cites, citedby or both")
      ->default_str("both");
  cmd->add_option("--depth", flags->depth, "Hops from the cable (>= 1)")
      ->default_str("1")
      ->check(CLI::Range(1, 100));
  cmd->add_flag("--json", flags->json,
                "The graph as JSON, the document GET /api/cables/ID/refs returns:\n"
                "{root,direction,depth,truncated,nodes:[{reference_id,in_archive,depth,created,\n"
                "subject,origin}],edges:[{citing_id,cited_id,resolved,label,text,kind}]}; every\n"
                "REF entry is an edge (resolved:false when the cited cable is not in the archive,\n"
                "cited_id null when the entry names no cable)");
  cmd->callback([flags] { RunRefs(*flags); });
}

}  // namespace cablebase::cli
