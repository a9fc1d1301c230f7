// The JSON shapes of include/cablebase/results_json.h: one serializer for the CLI and the HTTP API.
#include "cablebase/results_json.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "model/cable_json.h"

namespace cablebase {

namespace {

using Json = nlohmann::ordered_json;

// "A string the archive does not know is null" (the record's rule, cable_json.cc).
Json Str(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

// Splits a marked snippet into [{text, match}] runs, dropping empty runs. Empty markers cannot
// mark anything: the snippet is then one unmatched run.
Json SnippetRuns(std::string_view s, std::string_view begin, std::string_view end) {
  Json runs = Json::array();
  bool match = false;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) runs.push_back(Json{{"text", cur}, {"match", match}});
    cur.clear();
  };
  for (size_t i = 0; i < s.size();) {
    if (!begin.empty() && s.substr(i, begin.size()) == begin) {
      flush();
      match = true;
      i += begin.size();
    } else if (!end.empty() && s.substr(i, end.size()) == end) {
      flush();
      match = false;
      i += end.size();
    } else {
      cur.push_back(s[i++]);
    }
  }
  flush();
  return runs;
}

// The order the hits are in (not the order asked for: relevance falls back to date).
const char* SortName(SearchSort sort, bool ranked) {
  if (ranked) return "relevance";
  return sort == SearchSort::kDateDesc ? "-date" : "date";
}

template <typename Item, typename Key>
Json ValueCounts(const std::vector<Item>& items, Key key) {
  Json out = Json::array();
  for (const Item& it : items) out.push_back(Json{{"value", it.*key}, {"count", it.count}});
  return out;
}

}  // namespace

Json SearchFacetsToJson(const SearchFacets& f) {
  return Json{{"year", ValueCounts(f.year, &FacetValue::value)},
              {"origin", ValueCounts(f.origin, &FacetValue::value)},
              {"classification", ValueCounts(f.classification, &FacetValue::value)},
              {"caveat", ValueCounts(f.caveat, &FacetValue::value)},
              {"tag", ValueCounts(f.tag, &FacetValue::value)}};
}

Json SearchResultsToJson(const SearchRequest& request, const SearchResults& results) {
  Json hits = Json::array();
  for (const SearchHit& h : results.hits) {
    hits.push_back(Json{{"reference_id", h.reference_id},
                        {"created", Str(h.created)},
                        {"origin", Str(h.origin)},
                        {"classification", Str(h.classification)},
                        {"subject", Str(h.subject)},
                        {"snippet", SnippetRuns(h.snippet, request.mark_begin, request.mark_end)},
                        {"score", results.ranked ? h.score : 0.0}});
  }
  Json out{{"query", request.query},
           {"total", results.total},
           {"limit", request.limit},
           {"offset", std::max<int64_t>(request.offset, 0)},
           {"sort", SortName(request.sort, results.ranked)},
           {"ranked", results.ranked},
           {"took_ms", results.took_ms},
           {"hits", std::move(hits)}};
  if (results.has_facets) out["facets"] = SearchFacetsToJson(results.facets);
  return out;
}

Json RefGraphToJson(const RefGraph& graph, RefDirection direction, int depth, size_t max_nodes) {
  Json nodes = Json::array();
  std::unordered_map<std::string, bool> kept;  // reference ID → in the archive
  bool truncated = false;
  for (const RefNode& n : graph.nodes) {
    if (max_nodes > 0 && kept.size() >= max_nodes) {
      truncated = true;
      break;
    }
    kept.emplace(n.reference_id, n.in_archive);
    nodes.push_back(Json{{"reference_id", n.reference_id},
                         {"in_archive", n.in_archive},
                         {"depth", n.depth},
                         {"created", Str(n.created)},
                         {"subject", Str(n.subject)},
                         {"origin", Str(n.origin)}});
  }
  Json edges = Json::array();
  for (const RefEdge& e : graph.edges) {
    auto cited = e.cited_id.empty() ? kept.end() : kept.find(e.cited_id);
    // An edge to a node that is not listed (cut here, or by the store's own cap) would point
    // nowhere: it goes, and the graph says it is incomplete.
    if (!kept.count(e.citing_id) || (!e.cited_id.empty() && cited == kept.end())) {
      truncated = true;
      continue;
    }
    edges.push_back(Json{{"citing_id", e.citing_id},
                         {"cited_id", Str(e.cited_id)},
                         {"resolved", cited != kept.end() && cited->second},
                         {"label", Str(e.label)},
                         {"text", Str(e.text)},
                         {"kind", e.kind}});
  }
  return Json{{"root", graph.root},
              {"direction", RefDirectionName(direction)},
              {"depth", depth},
              {"truncated", truncated},
              {"nodes", std::move(nodes)},
              {"edges", std::move(edges)}};
}

Json ArchiveStatsToJson(const ArchiveStats& s) {
  return Json{{"cables", s.cables},
              {"versions", s.versions},
              {"multi_version_cables", s.multi_version_cables},
              {"addressees", s.addressees},
              {"paragraphs", s.paragraphs},
              {"references", s.references},
              {"cable_references", s.cable_references},
              {"resolved_references", s.resolved_references},
              {"unresolved_references", s.unresolved_references},
              {"unresolved_cables", s.unresolved_cables},
              {"by_year", ValueCounts(s.by_year, &CountItem::key)},
              {"by_origin", ValueCounts(s.by_origin, &CountItem::key)},
              {"by_classification", ValueCounts(s.by_classification, &CountItem::key)},
              {"by_caveat", ValueCounts(s.by_caveat, &CountItem::key)},
              {"by_tag", ValueCounts(s.by_tag, &CountItem::key)},
              {"cables_with_findings", s.cables_with_findings},
              {"by_invariant", ValueCounts(s.by_invariant, &CountItem::key)}};
}

Json VersionsToJson(const std::vector<CableVersion>& versions, bool with_records) {
  Json list = Json::array();
  Json parts = Json::array();
  int current = 0;
  std::string reference_id;
  for (const CableVersion& v : versions) {
    if (v.current && parts.empty()) current = v.version;
    if (v.current && (parts.empty() || parts.back()["part"] != v.part)) {
      parts.push_back(Json{{"part", v.part}, {"part_count", v.part_count}, {"current", v.version}});
    }
    reference_id = v.cable.reference_id;
    Json o{{"version", v.version},
           {"part", v.part},
           {"part_count", v.part_count},
           {"current", v.current},
           {"content_hash", v.content_hash},
           {"released", Str(v.released)},
           {"ingested_at", Str(v.ingested_at)},
           {"created", Str(v.cable.created)},
           {"subject", Str(v.cable.subject)},
           {"source", model::SourceJsonValue(v.cable.source)}};
    if (with_records) o["record"] = model::CableJsonValue(v.cable);
    list.push_back(std::move(o));
  }
  return Json{{"reference_id", reference_id},
              {"current", current},
              {"parts", std::move(parts)},
              {"versions", std::move(list)}};
}

Json CableRecordJson(const Cable& cable) { return model::CableJsonValue(cable); }

}  // namespace cablebase
