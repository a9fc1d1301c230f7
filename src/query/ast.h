// The query tree: what a search query means, independent of how it is executed.
#ifndef CABLEBASE_QUERY_AST_H_
#define CABLEBASE_QUERY_AST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "query/lexer.h"

namespace cablebase::query {

enum class NodeKind {
  kTerm,    // full-text: a word, a "phrase" or a prefix*, in subject + body (or the subject only)
  kFilter,  // a metadata filter: tag:, origin:, class:, caveat:, from:, to:, ref:, cites:, citedby:
  kAnd,     // all children (2 or more)
  kOr,      // any child (2 or more)
  kNot,     // not its one child
};

// One node of the tree. Owned by value (children are owned by their parent); copyable.
struct Node {
  NodeKind kind = NodeKind::kTerm;
  // kTerm: the words as typed (phrase content without quotes, word without its '*').
  // kFilter: the normalised value (see parser.h for each field's normal form).
  std::string text;
  bool phrase = false;         // kTerm: written in quotes (or several words in one subject:"...")
  bool prefix = false;         // kTerm: the last word is a prefix (vers*)
  bool subject_only = false;   // kTerm: from subject:..., matches the subject column only
  Field field = Field::kNone;  // kFilter
  std::vector<Node> children;  // kAnd, kOr (≥ 2), kNot (1)
  int64_t column = 0;          // 1-based character position of the node's first token
};

// A compact, unambiguous rendering for tests and `--explain`-style debugging:
// (AND "hamas" "visit"* subject:"moscow" tag:PREL (NOT "x")); a phrase prints as "hamas visit".
std::string ToString(const Node& node);

// Number of kTerm and kFilter leaves.
int64_t CountLeaves(const Node& node);

}  // namespace cablebase::query

#endif  // CABLEBASE_QUERY_AST_H_
