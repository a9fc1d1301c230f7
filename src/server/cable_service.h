// CableService: what the HTTP API needs from an archive, as JSON values (the API's own shapes).
//
// The handlers (api.cc) validate and bound every parameter, then call one of these; an
// implementation (archive_service.cc) turns the archive's and the query engine's results into the
// JSON documented in docs/openapi.json. The split keeps archive.h/query.h types out of the handlers
// and lets the handlers be exercised with any implementation.
#ifndef CABLEBASE_SERVER_CABLE_SERVICE_H_
#define CABLEBASE_SERVER_CABLE_SERVICE_H_

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "cablebase/status.h"

namespace cablebase::server {

enum class SortOrder { kRelevance, kDate, kDateDescending };  // "relevance", "date", "-date"
enum class RefDirection { kCites, kCitedBy, kBoth };           // "cites", "citedby", "both"
enum class ExportFormat { kCsv, kJsonl, kGraphml };            // "csv", "jsonl", "graphml"

// A search as the API accepts it, already checked against the server's limits.
struct SearchRequest {
  std::string query;
  int limit = 20;   // hits per page
  int offset = 0;   // hits skipped
  SortOrder sort = SortOrder::kRelevance;
  bool facets = false;  // add counts by year, origin, classification, caveat and TAGS
};

// Receives one chunk of a streamed export; returns false when the client has gone (stop writing).
using ChunkSink = std::function<bool(std::string_view chunk)>;

// Implementations must be safe to call from many server threads at once.
class CableService {
 public:
  virtual ~CableService() = default;

  // {query, total, limit, offset, sort, hits:[{reference_id, created, origin, classification,
  // subject, snippet:[{text, match}]}], facets?}. kInvalidArgument with the 1-based column for a
  // malformed query; kTimeout past the time limit.
  virtual Result<nlohmann::json> Search(const SearchRequest& request) = 0;
  // {query, total, facets:{year, month?, origin, classification, caveat, tag}}; an empty query
  // counts the whole archive.
  virtual Result<nlohmann::json> Facets(const std::string& query) = 0;
  // The record (CableToJson's fields) plus {version, versions}; kNotFound when absent.
  virtual Result<nlohmann::json> GetCable(const std::string& id) = 0;
  // The telegram as stored: header block, blank line, text block.
  virtual Result<std::string> GetCableText(const std::string& id) = 0;
  // {reference_id, current, versions:[{version, ...}]}.
  virtual Result<nlohmann::json> Versions(const std::string& id) = 0;
  // {reference_id, a, b, lines:[{op:" "|"-"|"+", text}]}: a line diff of version a's text against
  // version b's; kNotFound for an unknown version.
  virtual Result<nlohmann::json> Diff(const std::string& id, int a, int b) = 0;
  // {root, direction, depth, truncated, nodes:[{reference_id, in_archive, depth, subject?, created?,
  // origin?, classification?}], edges:[{from, to, label?}]} up to `max_nodes` nodes.
  virtual Result<nlohmann::json> Refs(const std::string& id, RefDirection direction, int depth,
                                      int max_nodes) = 0;
  // Counts by year, origin, classification, caveat and TAGS; unresolved references.
  virtual Result<nlohmann::json> Stats() = 0;
  // kInvalidArgument (with column) when `query` is malformed, else Ok; cheap (no search is run).
  virtual Status CheckQuery(const std::string& query) = 0;
  // Streams every hit of `query` (all cables when empty) in `format` through `sink`.
  virtual Status Export(const std::string& query, ExportFormat format, const ChunkSink& sink) = 0;
};

}  // namespace cablebase::server

#endif  // CABLEBASE_SERVER_CABLE_SERVICE_H_
