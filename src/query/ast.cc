// The query tree: rendering and counting (see ast.h).
#include "query/ast.h"

namespace cablebase::query {

std::string ToString(const Node& node) {
  switch (node.kind) {
    case NodeKind::kTerm: {
      std::string s = node.subject_only ? "subject:" : "";
      s += '"' + node.text + '"';
      if (node.prefix) s += '*';
      return s;
    }
    case NodeKind::kFilter:
      return std::string(FieldName(node.field)) + ":" + node.text;
    case NodeKind::kAnd:
    case NodeKind::kOr:
    case NodeKind::kNot: {
      std::string s = node.kind == NodeKind::kAnd  ? "(AND"
                      : node.kind == NodeKind::kOr ? "(OR"
                                                   : "(NOT";
      for (const Node& child : node.children) s += " " + ToString(child);
      return s + ")";
    }
  }
  return "";
}

int64_t CountLeaves(const Node& node) {
  if (node.kind == NodeKind::kTerm || node.kind == NodeKind::kFilter) return 1;
  int64_t n = 0;
  for (const Node& child : node.children) n += CountLeaves(child);
  return n;
}

}  // namespace cablebase::query
