// The query compiler: tree → FTS5 expression + SQL with bound values (see compiler.h).
#include "query/compiler.h"

#include <optional>
#include <utility>

#include "model/reference_id.h"

namespace cablebase::query {

namespace {

constexpr std::string_view kFtsIn =
    "c.id IN (SELECT rowid FROM cables_fts WHERE cables_fts MATCH ?)";

std::string TermFts(const Node& term) {
  std::string s = QuoteFts(term.text, term.prefix);
  return term.subject_only ? "{subject} : " + s : s;
}

// `parts` joined by `op` ("AND"/"OR"), parenthesised when there are several.
std::string JoinFts(const std::vector<std::string>& parts, std::string_view op) {
  if (parts.size() == 1) return parts[0];
  std::string s = "(";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) s += op;
    s += parts[i];
  }
  return s + ")";
}

// (P1 AND P2 ...) NOT (N1 OR N2 ...): one level however many negations (FTS5 limits nesting).
std::string AndNot(const std::vector<std::string>& pos, const std::vector<std::string>& neg) {
  std::string s = JoinFts(pos, " AND ");
  if (!neg.empty()) s = "(" + s + " NOT " + JoinFts(neg, " OR ") + ")";
  return s;
}

// The FTS5 expression of a subtree FTS5 can express on its own, or nullopt: a term; an OR of
// expressible subtrees; an AND of expressible subtrees and NOTs of expressible subtrees with at
// least one positive child (FTS5's NOT is binary: "a NOT b").
std::optional<std::string> FtsExpr(const Node& n) {
  switch (n.kind) {
    case NodeKind::kTerm:
      return TermFts(n);
    case NodeKind::kOr: {
      std::string s = "(";
      for (size_t i = 0; i < n.children.size(); ++i) {
        std::optional<std::string> c = FtsExpr(n.children[i]);
        if (!c) return std::nullopt;
        s += (i ? " OR " : "") + *c;
      }
      return s + ")";
    }
    case NodeKind::kAnd: {
      std::vector<std::string> pos, neg;
      for (const Node& child : n.children) {
        if (child.kind == NodeKind::kNot && child.children.size() == 1) {
          std::optional<std::string> c = FtsExpr(child.children[0]);
          if (!c) return std::nullopt;
          neg.push_back(std::move(*c));
        } else {
          std::optional<std::string> c = FtsExpr(child);
          if (!c) return std::nullopt;
          pos.push_back(std::move(*c));
        }
      }
      if (pos.empty()) return std::nullopt;
      return AndNot(pos, neg);
    }
    default:
      return std::nullopt;
  }
}

// "% MOSCOW %" with LIKE's own characters escaped by '\'.
std::string WordLikePattern(std::string_view words) {
  std::string p = "% ";
  for (char c : words) {
    if (c == '%' || c == '_' || c == '\\') p.push_back('\\');
    p.push_back(c);
  }
  return p + " %";
}

class SqlBuilder {
 public:
  explicit SqlBuilder(std::vector<std::string>* params) : params_(params) {}

  Result<std::string> Build(const Node& n) {
    if (std::optional<std::string> fts = FtsExpr(n)) {
      params_->push_back(std::move(*fts));
      return std::string(kFtsIn);
    }
    switch (n.kind) {
      case NodeKind::kFilter:
        return Filter(n);
      case NodeKind::kNot: {
        if (n.children.size() != 1) return Status(StatusCode::kInternal, "NOT without an operand");
        Result<std::string> inner = Build(n.children[0]);
        if (!inner.ok()) return inner;
        return "NOT (" + *inner + ")";
      }
      case NodeKind::kAnd:
      case NodeKind::kOr: {
        if (n.children.empty()) return Status(StatusCode::kInternal, "AND/OR without operands");
        std::string s = "(";
        for (size_t i = 0; i < n.children.size(); ++i) {
          Result<std::string> c = Build(n.children[i]);
          if (!c.ok()) return c;
          if (i) s += n.kind == NodeKind::kAnd ? " AND " : " OR ";
          s += *c;
        }
        return s + ")";
      }
      default:
        return Status(StatusCode::kInternal, "unexpected query node");
    }
  }

 private:
  std::string Bind(std::string value) {
    params_->push_back(std::move(value));
    return "?";
  }

  Result<std::string> Filter(const Node& n) {
    switch (n.field) {
      case Field::kTag:
        return "c.id IN (SELECT cable_id FROM tags WHERE tag = " + Bind(n.text) +
               " COLLATE NOCASE)";
      case Field::kCaveat:
        return "c.id IN (SELECT cable_id FROM caveats WHERE caveat = " + Bind(n.text) +
               " COLLATE NOCASE)";
      case Field::kClass:
        return "c.classification_level = " + Bind(n.text);
      case Field::kFrom:
        return "c.created >= " + Bind(n.text);
      case Field::kTo:
        return "c.created < " + Bind(n.text + "~");
      case Field::kRef:
      case Field::kCites:
        return "c.id IN (SELECT cable_id FROM refs WHERE cited_id = " + Bind(n.text) + ")";
      case Field::kCitedBy:
        return "c.reference_id IN (SELECT cited_id FROM refs WHERE citing_id = " + Bind(n.text) +
               ")";
      case Field::kOrigin: {
        std::string s = "(";
        std::string key = model::CanonicalPostName(n.text);
        if (!key.empty()) s += "c.post_key = " + Bind(key) + " COLLATE NOCASE OR ";
        std::string pattern = WordLikePattern(n.text);
        s += "(' ' || c.origin || ' ') LIKE " + Bind(pattern) + " ESCAPE '\\' OR ";
        s += "(' ' || c.originator || ' ') LIKE " + Bind(pattern) + " ESCAPE '\\' OR ";
        s += "(' ' || c.post || ' ') LIKE " + Bind(pattern) + " ESCAPE '\\')";
        return s;
      }
      default:
        return Status(StatusCode::kInternal, "unexpected filter field");
    }
  }

  std::vector<std::string>* params_;
};

// Every term not under a NOT (for snippet marks).
void CollectPositiveTerms(const Node& n, std::vector<std::string>* out) {
  if (n.kind == NodeKind::kTerm) {
    out->push_back(TermFts(n));
  } else if (n.kind == NodeKind::kAnd || n.kind == NodeKind::kOr) {
    for (const Node& c : n.children) CollectPositiveTerms(c, out);
  }
}

}  // namespace

std::string QuoteFts(std::string_view text, bool prefix) {
  std::string s = "\"";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"') {
      s += "\"\"";
    } else if (u < 0x20 || u == 0x7F) {
      s.push_back(' ');
    } else {
      s.push_back(c);
    }
  }
  s.push_back('"');
  if (prefix) s += " *";
  return s;
}

Result<CompiledQuery> Compile(const Node& root) {
  CompiledQuery out;
  std::vector<const Node*> conjuncts;
  if (root.kind == NodeKind::kAnd) {
    for (const Node& c : root.children) conjuncts.push_back(&c);
  } else {
    conjuncts.push_back(&root);
  }

  std::vector<std::string> pos, neg;
  std::vector<const Node*> rest;
  for (const Node* c : conjuncts) {
    if (std::optional<std::string> fts = FtsExpr(*c)) {
      pos.push_back(std::move(*fts));
    } else if (c->kind == NodeKind::kNot && c->children.size() == 1) {
      if (std::optional<std::string> inner = FtsExpr(c->children[0])) {
        neg.push_back(std::move(*inner));
      } else {
        rest.push_back(c);
      }
    } else {
      rest.push_back(c);
    }
  }

  std::vector<std::string> where;
  if (!pos.empty()) {
    out.match = AndNot(pos, neg);
  } else if (!neg.empty()) {
    // NOT alone: every cable except those that match any of the negated parts.
    out.params.push_back(JoinFts(neg, " OR "));
    where.push_back("NOT (" + std::string(kFtsIn) + ")");
  }

  SqlBuilder builder(&out.params);
  for (const Node* c : rest) {
    Result<std::string> sql = builder.Build(*c);
    if (!sql.ok()) return sql.status();
    where.push_back(std::move(*sql));
  }
  if (where.empty()) {
    out.where = "1";
  } else {
    for (size_t i = 0; i < where.size(); ++i) out.where += (i ? " AND " : "") + where[i];
  }

  if (out.match.empty()) {
    std::vector<std::string> terms;
    CollectPositiveTerms(root, &terms);
    for (size_t i = 0; i < terms.size(); ++i) out.highlight += (i ? " OR " : "") + terms[i];
  }
  return out;
}

}  // namespace cablebase::query
