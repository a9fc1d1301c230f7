// Runs a compiled search (SQL + FTS5 text with bound values, from src/query/compiler.h) on an
// archive.
//
// The only place where a search touches SQLite. Its input is backend-neutral plain data, so
// src/query never includes sqlite3.h and this file never sees a query tree. Owner: query.
#ifndef CABLEBASE_STORE_SEARCH_EXECUTOR_H_
#define CABLEBASE_STORE_SEARCH_EXECUTOR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cablebase/status.h"
#include "store/db.h"

namespace cablebase::store {

// The hit set as operations on sets of cable ids, each leaf one SELECT that returns cable ids from
// an index (`SELECT cable_id FROM tags WHERE tag = ? COLLATE NOCASE`), so that finding the hits
// never reads `cables` rows (one 4 KB page each: the rows carry the body). Built only by
// query::Compile. An empty kAnd is every cable.
struct IdSetExpr {
  enum class Kind { kSql, kAnd, kOr, kNot, kOrigin };
  Kind kind = Kind::kSql;
  std::string sql;                  // kSql, kOrigin: a SELECT of one integer column (cable ids)
  std::vector<std::string> params;  // kSql, kOrigin: text values of its '?' in order
  std::vector<IdSetExpr> children;  // kAnd/kOr: operands; kNot: exactly one
  // kSql, kOrigin: `sql` restricted to one more '?', a cable id (tests a few ids without reading
  // the whole set); `selective`: the set is known to be small (ref:, citedby:).
  std::string probe;
  bool selective = false;
  // kSql of tag:, caveat:, class:, from:/to:: the cached column ("tag", "caveat": ASCII case folded
  // as COLLATE NOCASE; "level": exact; "date") and the value `sql` matches — for sets too big to
  // read from the index.
  std::string set_column, value;
  // kSql of from:/to: (set_column "date"): created >= created_min (when not empty) and created <
  // created_below (when not empty), done as a range of date ranks of the cached columns.
  std::string created_min, created_below;
  // kOrigin (origin:, docs/query_language.md): cables whose post_key equals `post_key` (ASCII case
  // folded; skipped when empty) or whose origin, originator or post contains `words` as a
  // whole-word sequence (ASCII case folded) — what `sql` computes, done on the cached columns.
  std::string post_key, words;
};

// A compiled search. A cable `c` of table `cables` is a hit when
//   (match is empty OR cables_fts MATCH match for c.id) AND where
// `where` is an SQL boolean expression over alias `c` whose '?' placeholders take `params` in order
// (as text). Built only by query::Compile: `where` is SQL the compiler wrote, never user text.
struct SearchSql {
  std::string match;  // FTS5 expression or empty
  std::string where = "1";
  std::vector<std::string> params;
  std::string highlight;  // FTS5 expression for snippets when `match` is empty; may be empty
  // The same hit set as `where` (without `match`), as id-set operations; when absent (hand-built
  // SearchSql) the search runs as SQL over `cables` only.
  std::optional<IdSetExpr> filter;
  bool in_memory = true;  // false: always run the whole search as SQL (tests compare both paths)
  // Tuning of the in-memory path (tests set 0 to exercise the other branch): hit sets up to
  // small_hit_set get facets and date pages by SQL per hit instead of from the cached columns;
  // ranking switches to cached row sizes after rank_rows_before_sizes rows.
  size_t small_hit_set = 100;
  // tag:/caveat:/class:/from:/to: sets bigger than this come from the cached columns, not the index
  // (~150 ns an id from the index: tag:PREL, 191,316 ids, 29 ms; the column ~6 ms).
  size_t index_set_at_most = 30000;
  int64_t rank_rows_before_sizes = 2000;

  enum class Order { kRank, kDateAsc, kDateDesc };
  Order order = Order::kDateAsc;  // kRank requires a non-empty `match`
  int64_t limit = 20;             // < 0: all rows
  int64_t offset = 0;

  bool count = true;      // compute `total`
  bool ids_only = false;  // rows carry only reference_id (no snippet, no other columns)
  bool snippets = true;
  std::string mark_begin = "[[", mark_end = "]]", ellipsis = "…";
  int snippet_tokens = 24;  // FTS5 snippet() size, 1-64 tokens

  bool facets = false;  // compute SearchOutput::facets over the whole hit set
};

struct SearchRow {
  std::string reference_id;
  std::string created;         // ISO or ""
  std::string origin;          // COALESCE(origin, originator, post_key)
  std::string classification;  // classification_level or ""
  std::string subject;
  std::string snippet;
  double score = 0;  // -bm25 (higher is better) when ordered by rank, else 0
};

// One count of the hit set: facet is "year", "origin" (post_key), "classification"
// (classification_level), "caveat" or "tag" (upper-cased; distinct cables).
struct FacetRow {
  std::string facet;
  std::string value;  // "" for NULL (a cable without year/post/classification)
  int64_t count = 0;
};

struct SearchOutput {
  int64_t total = 0;
  std::vector<SearchRow> rows;
  std::vector<FacetRow> facets;  // unordered
};

// Runs `sql` on `db`. When `filter` is set and the search_columns cache is current (or not needed:
// a ranked page without facets), hits are computed as id sets in memory and the page, the total and
// the facets come from the FTS5 index, the id sets and the cached columns; otherwise (export with
// limit < 0, a stale cache) one SQL statement per part over `cables`. Both give the same rows,
// order, total and facets. Snippets are made for the returned rows only (one FTS5 snippet() per row
// over subject and body, of `match`, else of `highlight`); a row that does not match that
// expression (or any row when both are empty) gets the first `snippet_tokens` words of its summary
// or body, unmarked. Failures: kTimeout (locked), kIoError/kCorrupt (database), kInternal when
// SQLite rejects the compiled SQL or FTS5 text (a compiler bug; the message names no SQLite detail
// of the user's text).
Result<SearchOutput> ExecuteSearch(Db& db, const SearchSql& sql);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_SEARCH_EXECUTOR_H_
