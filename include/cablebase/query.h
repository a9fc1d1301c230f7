// Search: the query language (docs/query_language.md) and searching an archive with it.
//
// A query is parsed into a tree, checked, compiled to SQL + an FTS5 expression with every user
// value bound as a parameter, and run against an Archive (archive.h). No SQLite type crosses this
// header; the CLI (`cablebase search`), `export QUERY` and the HTTP server all go through Search().
#ifndef CABLEBASE_QUERY_H_
#define CABLEBASE_QUERY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cablebase/archive.h"
#include "cablebase/status.h"

namespace cablebase {

// How hits are ordered.
enum class SearchSort {
  kAuto,       // relevance when the query has words that can be ranked, else kDate
  kRelevance,  // BM25 (subject weighted 4x body); falls back to kDate for filter-only queries
  kDate,       // oldest first (cables without a date last), then by reference ID
  kDateDesc,   // newest first (cables without a date last), then by reference ID
};

// "relevance", "date", "-date" (also "auto") → sort; kInvalidArgument naming the accepted values.
Result<SearchSort> ParseSearchSort(std::string_view s);

// What to search and how to present it. Plain data; copyable.
struct SearchRequest {
  std::string query;   // the query text (docs/query_language.md); UTF-8
  int64_t limit = 20;  // hits to return; < 0 → all hits (export); 0 → none (count/facets only)
  int64_t offset = 0;  // hits to skip (paging); < 0 is treated as 0
  SearchSort sort = SearchSort::kAuto;
  bool facets = false;      // also count the whole hit set by year, origin, classification, ...
  int64_t facet_limit = 0;  // keep the largest N values of each facet except year (0 = all)
  bool snippets = true;     // compute snippets (false: faster, for export)
  // Markers put around each matched word of a snippet: "[[" "]]" for plain text, ANSI bold
  // ("\x1b[1m", "\x1b[0m") on a terminal, "<mark>" "</mark>" for HTML. Inserted verbatim: the
  // snippet text itself is not escaped.
  std::string mark_begin = "[[";
  std::string mark_end = "]]";
  std::string ellipsis = "…";  // marks text cut at either end of a snippet
  int snippet_words = 24;      // approximate length of a snippet in words (1-64)
};

// One hit: the current version of a cable (docs/schema.md, table cables).
struct SearchHit {
  std::string reference_id;  // "06MOSCOW1637"
  std::string created;       // ISO 8601 UTC "2006-02-20T10:07:00Z"; empty when unknown
  std::string origin;  // publisher's origin "Embassy Moscow", else the originator, else the post
  std::string classification;  // classification level "CONFIDENTIAL"; empty when unknown
  std::string subject;         // "HAMAS VISIT TO MOSCOW"; empty when the cable has none
  // A passage with the matched words between mark_begin/mark_end; for a query without words (or a
  // hit found only through a filter) the beginning of the summary or body, unmarked.
  std::string snippet;
  double score = 0;  // BM25 relevance (higher is better); 0 when not ranked
};

// A count of hits by one value.
struct FacetValue {
  std::string value;
  int64_t count = 0;
};

// Counts over the whole hit set (not only the returned page).
struct SearchFacets {
  std::vector<FacetValue> year;            // "2006", ascending by year; "" = cables without a date
  std::vector<FacetValue> origin;          // post of the reference ID ("MOSCOW"), largest first
  std::vector<FacetValue> classification;  // classification level, largest first
  std::vector<FacetValue> caveat;  // "NOFORN" (text or metadata), distinct cables, largest first
  std::vector<FacetValue> tag;     // "PREL", distinct cables, largest first
};

struct SearchResults {
  int64_t total = 0;            // number of hits in the whole archive (not only this page)
  std::vector<SearchHit> hits;  // the page: at most `limit` hits after `offset`
  bool ranked = false;          // hits are ordered by relevance
  bool has_facets = false;      // `facets` was requested and filled
  SearchFacets facets;
  double took_ms = 0;           // wall time of Search() itself, in milliseconds
};

// Checks `query` without an archive. Fails with kInvalidArgument: `column` is the 1-based character
// position of the problem and the message says what was expected there, e.g.
// "column 12: expected ')' to close the '(' at column 5".
Status ValidateQuery(std::string_view query);

// The query's tree in a compact form for debugging and tests, e.g.
// `hamas -visit tag:prel` → (AND "hamas" (NOT "visit") tag:PREL). Fails like ValidateQuery.
Result<std::string> ExplainQuery(std::string_view query);

// Runs `request` against `archive`. Thread safety: as the Archive (one thread at a time per
// Archive). Failures: kInvalidArgument for a malformed query (as ValidateQuery); kTimeout when the
// database stayed locked; kIoError/kCorrupt for database failures. A query that matches nothing is
// a success with total == 0.
Result<SearchResults> Search(Archive& archive, const SearchRequest& request);

// The reference IDs of every hit of `query`, in `sort` order (for `export QUERY`); streams nothing
// else. Failures as Search.
Result<std::vector<std::string>> SearchReferenceIds(Archive& archive, std::string_view query,
                                                    SearchSort sort = SearchSort::kDate);

}  // namespace cablebase

#endif  // CABLEBASE_QUERY_H_
