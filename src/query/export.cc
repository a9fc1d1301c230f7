// Streaming export of an archive (include/cablebase/export.h): CSV, JSON Lines, GraphML.
#include "cablebase/export.h"

#include <algorithm>
#include <set>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cablebase/json.h"
#include "cablebase/query.h"
#include "model/text_util.h"

namespace cablebase {

namespace {

// Pieces are gathered to this size before they go to the sink: not one call per cable.
constexpr size_t kChunkBytes = 65536;

// RFC 4180: quoted only when needed, quotes doubled.
std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

// XML 1.0 text: markup characters escaped, control bytes XML cannot carry dropped.
std::string Xml(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out.push_back(c);
    }
  }
  return out;
}

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

constexpr std::string_view kGraphmlHead =
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
    "  <graph id=\"references\" edgedefault=\"directed\">\n";

// Gathers output into chunks for the sink; remembers when the sink refused one.
class ChunkWriter {
 public:
  explicit ChunkWriter(const ExportSink& sink) : sink_(sink) {}
  // False once the sink has refused a chunk (the export should stop).
  bool Put(std::string_view s) {
    buf_ += s;
    if (buf_.size() >= kChunkBytes) Flush();
    return !stopped_;
  }
  bool Flush() {
    if (!stopped_ && !buf_.empty() && !sink_(buf_)) stopped_ = true;
    buf_.clear();
    return !stopped_;
  }
  bool stopped() const { return stopped_; }

 private:
  const ExportSink& sink_;
  std::string buf_;
  bool stopped_ = false;
};

}  // namespace

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "jsonl") return ExportFormat::kJsonl;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "graphml") return ExportFormat::kGraphml;
  return Status(StatusCode::kInvalidArgument, "unknown export format '" + std::string(name) +
                                                  "' (expected csv, jsonl or graphml)");
}

std::string CableToCsvRow(const Cable& c) {
  std::vector<std::string> refs;
  for (const Reference& r : c.references) {
    if (r.reference_id) refs.push_back(*r.reference_id);
  }
  std::vector<std::string> caveats = c.caveats;
  for (const std::string& m : c.metadata_caveats) {
    if (std::find(caveats.begin(), caveats.end(), m) == caveats.end()) caveats.push_back(m);
  }
  const std::string fields[] = {c.reference_id,
                                c.created,
                                c.released,
                                c.origin,
                                c.originator,
                                c.precedence,
                                c.classification,
                                c.metadata_classification,
                                model::Join(caveats, "; "),
                                model::Join(c.tags, "; "),
                                c.subject,
                                model::Join(refs, "; "),
                                c.declassify_on,
                                model::Join(c.signers, "; "),
                                c.source.path,
                                c.summary,
                                c.body};
  std::string row;
  for (const std::string& f : fields) {
    if (&f != &fields[0]) row.push_back(',');
    row += CsvField(f);
  }
  return row + "\n";
}

Result<int64_t> ExportCables(Archive& archive, std::string_view query, ExportFormat format,
                             const ExportSink& sink) {
  // The cables to export: a query's hits (in date order) or every cable.
  const bool all = query.find_first_not_of(" \t\r\n") == std::string_view::npos;
  std::vector<std::string> ids;
  if (!all) {
    Result<std::vector<std::string>> hits = SearchReferenceIds(archive, query, SearchSort::kDate);
    if (!hits.ok()) return hits.status();
    ids = std::move(*hits);
  }
  ChunkWriter w(sink);
  // Visits the selected cables in order, streaming; stops when `fn` returns false.
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
  Status s;
  switch (format) {
    case ExportFormat::kJsonl:
      s = for_each([&](const Cable& c) {
        ++n;
        return w.Put(CableToJson(c) + "\n");
      });
      break;
    case ExportFormat::kCsv:
      w.Put(kCsvHeader);
      s = for_each([&](const Cable& c) {
        ++n;
        return w.Put(CableToCsvRow(c));
      });
      break;
    case ExportFormat::kGraphml: {
      w.Put(kGraphmlHead);
      std::unordered_set<std::string> written;
      s = for_each([&](const Cable& c) {
        written.insert(c.reference_id);
        ++n;
        return w.Put(GraphNode(c.reference_id, true, true, &c));
      });
      if (!s.ok() || w.stopped()) break;
      // Cited cables not written yet (absent, or outside the query's hits): one node each.
      std::set<std::pair<std::string, bool>> extra;
      s = archive.ForEachEdge([&](const RefEdge& e, bool resolved) {
        if (written.count(e.citing_id) && !written.count(e.cited_id)) {
          extra.emplace(e.cited_id, resolved);
        }
        return true;
      });
      if (!s.ok()) break;
      for (const auto& [id, resolved] : extra) {
        if (!w.Put(GraphNode(id, resolved, false, nullptr))) break;
      }
      int64_t edge_id = 0;
      s = archive.ForEachEdge([&](const RefEdge& e, bool) {
        if (!written.count(e.citing_id)) return true;
        return w.Put("    <edge id=\"e" + std::to_string(edge_id++) + "\" source=\"" +
                     Xml(e.citing_id) + "\" target=\"" + Xml(e.cited_id) +
                     "\">\n      <data key=\"label\">" + Xml(e.label) +
                     "</data>\n      <data key=\"text\">" + Xml(e.text) + "</data>\n    </edge>\n");
      });
      if (!s.ok()) break;
      w.Put("  </graph>\n</graphml>\n");
      break;
    }
  }
  if (!s.ok()) return s;
  if (!w.Flush()) return Status(StatusCode::kIoError, "the export's output stopped accepting data");
  return n;
}

}  // namespace cablebase
