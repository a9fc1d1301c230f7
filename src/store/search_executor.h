// Runs a compiled search (SQL + FTS5 text with bound values, from src/query/compiler.h) on an
// archive.
//
// The only place where a search touches SQLite. Its input is backend-neutral plain data, so
// src/query never includes sqlite3.h and this file never sees a query tree. Owner: query.
#ifndef CABLEBASE_STORE_SEARCH_EXECUTOR_H_
#define CABLEBASE_STORE_SEARCH_EXECUTOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "cablebase/status.h"
#include "store/db.h"

namespace cablebase::store {

// A compiled search. A cable `c` of table `cables` is a hit when
//   (match is empty OR cables_fts MATCH match for c.id) AND where
// `where` is an SQL boolean expression over alias `c` whose '?' placeholders take `params` in order
// (as text). Built only by query::Compile: `where` is SQL the compiler wrote, never user text.
struct SearchSql {
  std::string match;  // FTS5 expression or empty
  std::string where = "1";
  std::vector<std::string> params;
  std::string highlight;  // FTS5 expression for snippets when `match` is empty; may be empty

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

// Runs `sql` on `db`. Snippets are made for the returned rows only (one FTS5 snippet() per row over
// subject and body, of `match`, else of `highlight`); a row that does not match that expression (or
// any row when both are empty) gets the first `snippet_tokens` words of its summary or body,
// unmarked. Failures: kTimeout (locked), kIoError/kCorrupt (database), kInternal when SQLite
// rejects the compiled SQL or FTS5 text (a compiler bug; the message names no SQLite detail of the
// user's text).
Result<SearchOutput> ExecuteSearch(Db& db, const SearchSql& sql);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_SEARCH_EXECUTOR_H_
