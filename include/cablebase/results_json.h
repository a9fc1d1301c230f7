// The JSON shapes of what an archive answers: search hits and facets, reference graphs, archive
// counts, version lists and the record. One serializer for both outputs — `cablebase search|show|
// refs|stats --json` (src/cli) and the HTTP API (src/server, docs/http_api.md) — so that a script
// written against one reads the other unchanged.
//
// Conventions shared by every shape (and by the record, json.h):
// - keys are snake_case and keep the order documented here (nlohmann::ordered_json);
// - a string the archive does not know (no subject, no date) is null, never "";
// - reference IDs are canonical ("06MOSCOW1637"); dates are ISO 8601 UTC ("2006-02-20T10:07:00Z");
// - a count by value is {"value": …, "count": …}, in facets and in stats alike.
// Strings are copied as stored: dump with nlohmann::ordered_json::error_handler_t::replace so that
// invalid UTF-8 in a cable becomes U+FFFD instead of an exception.
//
// Including this header makes nlohmann/json a dependency of the includer (the rest of the public
// API returns JSON as text). All functions are pure and thread-safe; they never fail.
#ifndef CABLEBASE_RESULTS_JSON_H_
#define CABLEBASE_RESULTS_JSON_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "cablebase/archive.h"
#include "cablebase/cable.h"
#include "cablebase/query.h"

namespace cablebase {

// Snippet markers for JSON output: U+E000 and U+E001 (private use), which no cable text contains.
// Put them in SearchRequest::mark_begin/mark_end when the results are meant for
// SearchResultsToJson: its split into runs is then exact.
inline constexpr std::string_view kJsonMarkBegin = "\xEE\x80\x80";
inline constexpr std::string_view kJsonMarkEnd = "\xEE\x80\x81";

// The search results of `request` (the request Search() was given):
//   {"query": "hamas visit tag:PREL",  the query text as given
//    "total": 1,                       hits in the whole archive, not only this page
//    "limit": 20, "offset": 0,         the page asked for
//    "sort": "relevance",              the order the hits are in: "relevance" (ranked), "date"
//                                      (oldest first) or "-date"; a filter-only query asked for by
//                                      relevance is in date order and says "date"
//    "ranked": true,                   hits are ordered by relevance
//    "took_ms": 1.8,                   SearchResults::took_ms (the only field that varies between
//                                      two runs of the same request)
//    "hits": [{"reference_id": "06MOSCOW1637", "created": "2006-02-20T10:07:00Z"|null,
//              "origin": "AMEMBASSY MOSCOW"|null, "classification": "CONFIDENTIAL"|null,
//              "subject": "HAMAS VISIT TO MOSCOW"|null,
//              "snippet": [{"text": "…the ", "match": false}, {"text": "Hamas", "match": true}],
//              "score": 2.7}],          BM25, higher is better; 0 when not ranked
//    "facets": SearchFacetsToJson(…)}  only when the request asked for facets
// The snippet is split into runs at request.mark_begin/mark_end (empty runs dropped); with other
// markers than kJsonMarkBegin/kJsonMarkEnd, marker text inside a cable would split it too.
nlohmann::ordered_json SearchResultsToJson(const SearchRequest& request,
                                           const SearchResults& results);

// The facets of a search: {"year": [...], "origin": [...], "classification": [...],
// "caveat": [...], "tag": [...]}, each a list of {"value": "2006", "count": 3}. year is ascending
// with "" (cables without a date) last; the others are largest first. "" is a real value: the
// cables without one.
nlohmann::ordered_json SearchFacetsToJson(const SearchFacets& facets);

// The reference graph around graph.root, as Archive::Refs(root, direction, depth) returned it:
//   {"root": "06MOSCOW1637", "direction": "cites"|"citedby"|"both", "depth": 1,
//    "truncated": false,             true when nodes were left out (max_nodes, or the store's own
//                                    cap) — edges to a left-out node are then left out too
//    "nodes": [{"reference_id": "06MOSCOW1323",
//               "in_archive": false,  false: cited by an archived cable but not itself stored
//               "depth": 1,           hops from the root (root = 0)
//               "created": …|null, "subject": …|null,   null when not in the archive
//               "origin": "MOSCOW"|null}],              the post of the reference ID
//    "edges": [{"citing_id": "06MOSCOW1637",  the cable whose REF line has the entry
//               "cited_id": "06MOSCOW1323"|null,  null: the entry names no cable (an e-mail, a
//                                             memo, or a cable too vaguely cited to make an ID)
//               "resolved": false,            the cited cable is in the archive
//               "label": "A"|null, "text": "MOSCOW 1323"|null,
//               "kind": "cable"}]}            ReferenceKindName: "cable", "email", "memo", ...
// Nodes are root first, then by depth and ID; edges in the graph's order. Every REF entry of an
// expanded cable is an edge, resolved or not: the cables a historian is missing are listed.
// `max_nodes` keeps the first N nodes (0 = all).
nlohmann::ordered_json RefGraphToJson(const RefGraph& graph, RefDirection direction, int depth,
                                      size_t max_nodes = 0);

// Archive counts (Archive::Stats):
//   {"cables", "versions", "multi_version_cables", "addressees", "paragraphs", "references",
//    "cable_references", "resolved_references", "unresolved_references", "unresolved_cables":
//    integers (archive.h ArchiveStats says what each counts),
//    "by_year", "by_origin", "by_classification", "by_caveat", "by_tag": lists of
//    {"value": "PREL", "count": 4} as the facets ("" = cables without one)}.
nlohmann::ordered_json ArchiveStatsToJson(const ArchiveStats& stats);

// The stored versions of one cable (Archive::Versions, by part, oldest first; not empty):
//   {"reference_id": "10MADRID49",   the canonical ID
//    "current": 2,                   the number of the current version of the first part (0 if
//                                    none is marked)
//    "parts": [{"part": 1, "part_count": 2, "current": 1}, …]   every stored part and its current
//                                    version (one entry for a cable stored whole: 1 of 1, or the
//                                    SECTION 01 OF nn of a sectioned cable published whole)
//    "versions": [{"version": 1, "part": 1, "part_count": 1, "current": false,
//                  "content_hash": "<SHA-256 hex>",
//                  "released": "2010-11-29T21:09:00Z"|null, "ingested_at": "…Z",
//                  "created": …|null, "subject": …|null,
//                  "source": {"path", "format", "line", "csv_id"},   as in the record
//                  "record": {…}}]}   CableRecordJson of that version; only with `with_records`
nlohmann::ordered_json VersionsToJson(const std::vector<CableVersion>& versions, bool with_records);

// The record as a JSON value: the same document, in the same key order, as CableToJson (json.h).
nlohmann::ordered_json CableRecordJson(const Cable& cable);

}  // namespace cablebase

#endif  // CABLEBASE_RESULTS_JSON_H_
