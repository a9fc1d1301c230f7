// The query compiler: a query tree (ast.h) → SQL text with '?' placeholders and an FTS5 expression,
// against the archive schema of docs/schema.md. No user text ever becomes SQL or FTS5 syntax.
#ifndef CABLEBASE_QUERY_COMPILER_H_
#define CABLEBASE_QUERY_COMPILER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cablebase/status.h"
#include "query/ast.h"
#include "store/search_executor.h"

namespace cablebase::query {

// A compiled query, backend-neutral (plain strings; executed by store/search_executor.h).
//
// A cable `c` (a row of `cables`) is a hit when
//     (match is empty OR c.id IN (SELECT rowid FROM cables_fts WHERE cables_fts MATCH match))
//     AND where
// `match` is the ranked full-text part: the conjunction of every top-level full-text conjunct that
// FTS5 can express (words, phrases, prefixes, subject: terms, OR between them, NOT inside AND).
// Everything else (filters, full text mixed with filters under OR, NOT standing alone) is in
// `where`, whose full-text leaves are `c.id IN (SELECT rowid FROM cables_fts WHERE cables_fts MATCH
// ?)`.
// The id-set expression every cable satisfies: an AND with no operand.
inline store::IdSetExpr AllCables() {
  store::IdSetExpr e;
  e.kind = store::IdSetExpr::Kind::kAnd;
  return e;
}

struct CompiledQuery {
  std::string match;                // FTS5 expression; empty when the query has no ranked text part
  std::string where;                // SQL boolean expression over alias `c`; "1" when no filter
  std::vector<std::string> params;  // text values of the '?' in `where`, in order
  // FTS5 expression (OR of every term not under a NOT) to mark snippets when `match` is empty but
  // the query still has words (`hamas OR tag:PREL`); empty otherwise.
  std::string highlight;
  // The hit set without `match`, as operations on sets of cable ids (each leaf a SELECT answered
  // from one index; store/search_executor.h): the same cables as `where`. An empty AND when there
  // is no filter.
  store::IdSetExpr filter = AllCables();
};

// Compiles `root`. Each term becomes an FTS5 string: "word" (inner '"' doubled, control characters
// replaced by spaces), "word" * for a prefix, {subject} : "word" for subject: terms — so FTS5 only
// ever sees quoted strings and its own operators AND/OR/NOT and parentheses, which the compiler
// writes. Filters (docs/query_language.md §Filters):
//   tag:T       c.id IN (SELECT cable_id FROM tags WHERE tag = T COLLATE NOCASE)
//   caveat:V    c.id IN (SELECT cable_id FROM caveats WHERE caveat = V COLLATE NOCASE)
//   class:L     c.classification_level = L
//   origin:O    c.post_key = CanonicalPostName(O) (NOCASE), or O as a whole-word sequence of
//               c.origin ("Embassy Moscow"), c.originator ("AMEMBASSY MOSCOW") or c.post
//   from:D      c.created >= D          (ISO text compares as dates; docs/schema.md)
//   to:D        c.created < D || '~'    ('~' sorts after every character of an ISO date, so the
//                                        whole day/month/year D is included)
//   ref:/cites:R   c.id IN (SELECT cable_id FROM refs WHERE cited_id = R)
//   citedby:R      c.reference_id IN (SELECT cited_id FROM refs WHERE citing_id = R)
// Fails with kInternal only for a tree the parser cannot produce (e.g. a kNot without a child).
Result<CompiledQuery> Compile(const Node& root);

// The FTS5 string for one word or phrase: `text` in double quotes, inner quotes doubled, control
// characters replaced by spaces; " *" appended for a prefix.
std::string QuoteFts(std::string_view text, bool prefix);

}  // namespace cablebase::query

#endif  // CABLEBASE_QUERY_COMPILER_H_
