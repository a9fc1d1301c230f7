// The query parser: tokens (lexer.h) → a checked, normalised query tree (ast.h).
#ifndef CABLEBASE_QUERY_PARSER_H_
#define CABLEBASE_QUERY_PARSER_H_

#include <string_view>

#include "cablebase/status.h"
#include "query/ast.h"

namespace cablebase::query {

// Limits that keep every query cheap to compile and within SQLite's and FTS5's expression limits
// (FTS5 refuses expressions nested deeper than 256; SQLite's default expression depth is 1000).
inline constexpr int kMaxNesting = 32;  // levels of '(' and NOT/'-'
inline constexpr int kMaxLeaves = 256;  // words, phrases and filters in one query

// Parses `query` (docs/query_language.md). Grammar, loosest binding first:
//   query   := or_expr END
//   or_expr := and_expr ( "OR" and_expr )*
//   and_expr:= unary ( ["AND"] unary )*          (juxtaposition is AND)
//   unary   := ( "NOT" | "-" ) unary | primary
//   primary := word | "phrase" | field:value | "(" or_expr ")"
// Nested ANDs and ORs are flattened. Filter values are checked and normalised:
//   tag:, caveat:   upper case, inner whitespace collapsed ("biden,  joseph" → "BIDEN, JOSEPH")
//   origin:         upper case, whitespace collapsed ("rio de janeiro" → "RIO DE JANEIRO")
//   class:          one of UNCLASSIFIED, LIMITED OFFICIAL USE, CONFIDENTIAL, SECRET, TOP SECRET
//                   (also unclas/u, lou, c, s, ts, topsecret; the values of
//                   cables.classification_level)
//   from:, to:      YYYY, YYYY-MM or YYYY-MM-DD, zero-padded (2006-2 → 2006-02); '/' also separates
//   ref:, cites:, citedby:  a canonical reference ID (model::CanonicalizeReferenceId: 06moscow1323
//   →
//                   06MOSCOW1323)
//   subject:        becomes a kTerm with subject_only set
// Fails with kInvalidArgument whose `column` is the 1-based character position where the problem
// was found and whose message says what was expected there, e.g. "column 12: expected ')' to close
// the '(' at column 5"; every lexer error (lexer.h); an empty query; a query nested deeper than
// kMaxNesting or with more than kMaxLeaves terms.
Result<Node> ParseQuery(std::string_view query);

}  // namespace cablebase::query

#endif  // CABLEBASE_QUERY_PARSER_H_
