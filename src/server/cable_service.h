// CableService: what the HTTP API needs from an archive, as JSON values.
//
// The handlers (api.cc) validate and bound every parameter, then call one of these; an
// implementation (archive_service.cc) turns the archive's and the query engine's results into the
// JSON documented in docs/openapi.json, through the library's serializers (results_json.h), so
// that the API and `cablebase … --json` give the same documents. The split keeps archive.h/query.h
// types out of the handlers and lets the handlers be exercised with any implementation.
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

// The JSON documents, keys in their documented order. Defined once in the library
// (include/cablebase/results_json.h) and shared with the CLI's --json output.
using Json = nlohmann::ordered_json;

// Implementations must be safe to call from many server threads at once.
class CableService {
 public:
  virtual ~CableService() = default;

  // SearchResultsToJson (results_json.h): {query, total, limit, offset, sort, ranked, took_ms,
  // hits:[{reference_id, created, origin, classification, subject, snippet:[{text, match}],
  // score}], facets?}. kInvalidArgument with the 1-based column for a malformed query; kTimeout
  // past the time limit.
  virtual Result<Json> Search(const SearchRequest& request) = 0;
  // {query, total, facets: SearchFacetsToJson}; an empty query counts the whole archive.
  virtual Result<Json> Facets(const std::string& query) = 0;
  // The record (CableRecordJson: CableToJson's document); kNotFound when absent.
  virtual Result<Json> GetCable(const std::string& id) = 0;
  // The telegram as stored: header block, blank line, text block.
  virtual Result<std::string> GetCableText(const std::string& id) = 0;
  // {reference_id, findings:[{invariant, field, message, expected, found}]}: where the record
  // disagrees with its own text (cablebase/audit.h; empty when it keeps every invariant).
  // kNotFound when absent.
  virtual Result<Json> Audit(const std::string& id) = 0;
  // VersionsToJson: {reference_id, current, versions:[{version, ..., record?}]}; each version's
  // record only with `with_records`.
  virtual Result<Json> Versions(const std::string& id, bool with_records) = 0;
  // {reference_id, a, b, added, removed, changed_fields, lines:[{op:" "|"-"|"+", text}]}: a line
  // diff of version a's text against version b's, of the first part that has both (versions are
  // numbered within their part); kNotFound for an unknown version.
  virtual Result<Json> Diff(const std::string& id, int a, int b) = 0;
  // RefGraphToJson: {root, direction, depth, truncated, nodes:[...], edges:[{citing_id, cited_id,
  // resolved, label, text, kind}]} with at most `max_nodes` nodes.
  virtual Result<Json> Refs(const std::string& id, RefDirection direction, int depth,
                            int max_nodes) = 0;
  // ArchiveStatsToJson, the largest 500 values per list.
  virtual Result<Json> Stats() = 0;
  // kInvalidArgument (with column) when `query` is malformed, else Ok; cheap (no search is run).
  virtual Status CheckQuery(const std::string& query) = 0;
  // Streams every hit of `query` (all cables when empty) in `format` through `sink`
  // (ExportCables, include/cablebase/export.h: the bytes of `cablebase export`).
  virtual Status Export(const std::string& query, ExportFormat format, const ChunkSink& sink) = 0;
};

}  // namespace cablebase::server

#endif  // CABLEBASE_SERVER_CABLE_SERVICE_H_
