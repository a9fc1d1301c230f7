// `cablebase export`: stream the records (CSV, JSON Lines) or the reference graph (GraphML) out.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "cablebase/archive.h"
#include "cablebase/json.h"
#include "cablebase/query.h"
#include "cli/archive_option.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "model/text_util.h"

namespace cablebase::cli {

namespace {

struct ExportFlags {
  std::string query;
  std::string db;
  std::string format = "jsonl";
  std::string out;
};

// The CSV columns, one row per cable (lists joined with "; ").
constexpr const char* kCsvHeader =
    "reference_id,created,released,origin,originator,precedence,classification,"
    "metadata_classification,caveats,tags,subject,references,declassify_on,signers,"
    "source_path,summary,body\n";

std::string CsvField(std::string_view s) {
  bool quote = s.find_first_of(",\"\n\r") != std::string_view::npos;
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

std::string CsvRow(const Cable& c) {
  std::vector<std::string> refs;
  for (const Reference& r : c.references) {
    if (r.reference_id) refs.push_back(*r.reference_id);
  }
  std::vector<std::string> caveats = c.caveats;
  for (const std::string& m : c.metadata_caveats) {
    if (std::find(caveats.begin(), caveats.end(), m) == caveats.end()) caveats.push_back(m);
  }
  const std::string fields[] = {c.reference_id, c.created, c.released, c.origin, c.originator,
                                c.precedence, c.classification, c.metadata_classification,
                                model::Join(caveats, "; "), model::Join(c.tags, "; "), c.subject,
                                model::Join(refs, "; "), c.declassify_on,
                                model::Join(c.signers, "; "), c.source.path, c.summary, c.body};
  std::string row;
  for (const std::string& f : fields) {
    if (!row.empty() || &f != &fields[0]) row.push_back(',');
    row += CsvField(f);
  }
  return row + "\n";
}

// XML text: markup characters escaped, characters XML 1.0 forbids (controls) dropped.
std::string Xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out.push_back(c);
    }
  }
  return out;
}

class Writer {
 public:
  explicit Writer(FILE* f) : f_(f) {}
  void Put(const std::string& s) {
    if (std::fwrite(s.data(), 1, s.size(), f_) != s.size()) failed_ = true;
  }
  bool failed() const { return failed_; }

 private:
  FILE* f_;
  bool failed_ = false;
};

std::string GraphNode(const std::string& id, bool in_archive, bool hit, const Cable* c) {
  std::string s = "    <node id=\"" + Xml(id) + "\">\n";
  s += "      <data key=\"in_archive\">" + std::string(in_archive ? "true" : "false") + "</data>\n";
  s += "      <data key=\"hit\">" + std::string(hit ? "true" : "false") + "</data>\n";
  if (c) {
    s += "      <data key=\"created\">" + Xml(c->created) + "</data>\n";
    s += "      <data key=\"origin\">" + Xml(c->origin.empty() ? c->originator : c->origin) +
         "</data>\n";
    s += "      <data key=\"classification\">" +
         Xml(c->classification.empty() ? c->metadata_classification : c->classification) +
         "</data>\n";
    s += "      <data key=\"subject\">" + Xml(c->subject) + "</data>\n";
  }
  return s + "    </node>\n";
}

// Streams the export; returns the number of cables written, or the failure.
Result<int64_t> Export(Archive& archive, const ExportFlags& flags, Writer& w) {
  // The cables to export: a query's hits (in date order) or every cable.
  std::vector<std::string> ids;
  const bool all = flags.query.empty();
  if (!all) {
    Result<std::vector<std::string>> hits =
        SearchReferenceIds(archive, flags.query, SearchSort::kDate);
    if (!hits.ok()) return hits.status();
    ids = std::move(*hits);
  }
  // Visits the selected cables in order, streaming.
  auto for_each = [&](const std::function<bool(const Cable&)>& fn) -> Status {
    if (all) return archive.ForEachCable(fn);
    for (const std::string& id : ids) {
      Result<Cable> c = archive.Get(id);
      if (!c.ok()) return c.status();
      if (!fn(*c)) break;
    }
    return Status::Ok();
  };
  int64_t n = 0;
  if (flags.format == "jsonl") {
    Status s = for_each([&](const Cable& c) {
      w.Put(CableToJson(c) + "\n");
      ++n;
      return !w.failed();
    });
    if (!s.ok()) return s;
  } else if (flags.format == "csv") {
    w.Put(kCsvHeader);
    Status s = for_each([&](const Cable& c) {
      w.Put(CsvRow(c));
      ++n;
      return !w.failed();
    });
    if (!s.ok()) return s;
  } else {
    w.Put(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "  <key id=\"in_archive\" for=\"node\" attr.name=\"in_archive\" attr.type=\"boolean\"/>\n"
        "  <key id=\"hit\" for=\"node\" attr.name=\"hit\" attr.type=\"boolean\"/>\n"
        "  <key id=\"created\" for=\"node\" attr.name=\"created\" attr.type=\"string\"/>\n"
        "  <key id=\"origin\" for=\"node\" attr.name=\"origin\" attr.type=\"string\"/>\n"
        "  <key id=\"classification\" for=\"node\" attr.name=\"classification\" "
        "attr.type=\"string\"/>\n"
        "  <key id=\"subject\" for=\"node\" attr.name=\"subject\" attr.type=\"string\"/>\n"
        "  <key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "  <key id=\"text\" for=\"edge\" attr.name=\"text\" attr.type=\"string\"/>\n"
        "  <graph id=\"references\" edgedefault=\"directed\">\n");
    std::unordered_set<std::string> written;
    Status s = for_each([&](const Cable& c) {
      w.Put(GraphNode(c.reference_id, true, true, &c));
      written.insert(c.reference_id);
      ++n;
      return !w.failed();
    });
    if (!s.ok()) return s;
    // Cited cables not written yet (absent, or outside the query's hits): one node each.
    std::set<std::pair<std::string, bool>> extra;
    s = archive.ForEachEdge([&](const RefEdge& e, bool resolved) {
      if (written.count(e.citing_id) && !written.count(e.cited_id)) {
        extra.emplace(e.cited_id, resolved);
      }
      return true;
    });
    if (!s.ok()) return s;
    for (const auto& [id, resolved] : extra) w.Put(GraphNode(id, resolved, false, nullptr));
    int64_t edge_id = 0;
    s = archive.ForEachEdge([&](const RefEdge& e, bool) {
      if (!written.count(e.citing_id)) return true;
      w.Put("    <edge id=\"e" + std::to_string(edge_id++) + "\" source=\"" + Xml(e.citing_id) +
            "\" target=\"" + Xml(e.cited_id) + "\">\n      <data key=\"label\">" + Xml(e.label) +
            "</data>\n      <data key=\"text\">" + Xml(e.text) + "</data>\n    </edge>\n");
      return !w.failed();
    });
    if (!s.ok()) return s;
    w.Put("  </graph>\n</graphml>\n");
  }
  return n;
}

void RunExport(const ExportFlags& flags) {
  if (flags.format != "csv" && flags.format != "jsonl" && flags.format != "graphml") {
    return Fail(Status(StatusCode::kInvalidArgument,
                       "unknown --format '" + flags.format + "' (expected csv, jsonl or graphml)"));
  }
  std::unique_ptr<Archive> archive = OpenArchiveOrReport(flags.db, Archive::Mode::kReadOnly);
  if (!archive) return;
  FILE* f = stdout;
  if (!flags.out.empty() && flags.out != "-") {
    f = std::fopen(flags.out.c_str(), "w");
    if (!f) return Fail(Status(StatusCode::kIoError, "cannot create the output file", flags.out));
  }
  Writer w(f);
  Result<int64_t> n = Export(*archive, flags, w);
  bool close_failed = f != stdout ? std::fclose(f) != 0 : std::fflush(stdout) != 0;
  if (!n.ok()) return Fail(n.status());
  if (w.failed() || close_failed) {
    return Fail(Status(StatusCode::kIoError, "write failed", flags.out.empty() ? "-" : flags.out));
  }
  SetExitCode(*n > 0 ? kExitOk : kExitNoneFound);
}

}  // namespace

void RegisterExportCommand(CLI::App& app) {
  auto flags = std::make_shared<ExportFlags>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Stream the archive's records out: every cable, or the hits of QUERY (the `search` query\n"
      "language), oldest first. csv: one row per cable (main fields, lists joined with '; ');\n"
      "jsonl: the full record per line (as `cablebase parse --jsonl`); graphml: the reference graph\n"
      "for Gephi/networkx (exported cables, cited cables marked in_archive=false when absent).\n"
      "Exit status: 0 when cables were exported, 1 when none matched, 2 on error.\n\n"
      "Examples:\n"
      "  cablebase export --format jsonl --out cables.jsonl\n"
      "  cablebase export 'tag:PREL origin:moscow' --format csv --out moscow.csv\n"
      "  cablebase export --format graphml --out refs.graphml");
  cmd->add_option("query", flags->query, "Export only the hits of this query (default: all)");
  AddDbOption(cmd, &flags->db);
  cmd->add_option("--format,-f", flags->format, "csv, jsonl or graphml")->default_str("jsonl");
  cmd->add_option("--out,-o", flags->out, "Output file (default: stdout)");
  cmd->callback([flags] { RunExport(*flags); });
}

}  // namespace cablebase::cli
