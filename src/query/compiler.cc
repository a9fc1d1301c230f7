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
        // A filter on a field the cable lacks is NULL, not false (`c.origin LIKE ...` with no
        // origin); NOT must still keep that cable.
        return "NOT COALESCE(" + *inner + ", 0)";
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

// The id-set form of the hit set (store::IdSetExpr): each leaf a SELECT of cable ids that SQLite
// answers from one index, so that no `cables` row is read to find hits (a row is a 4 KB page:
// `tag:PREL` read 190,000 of them, 556 ms at 251,287 cables).
class IdSetBuilder {
 public:
  using Expr = store::IdSetExpr;

  Result<Expr> Build(const Node& n) {
    if (std::optional<std::string> fts = FtsExpr(n)) return FtsLeaf(std::move(*fts));
    switch (n.kind) {
      case NodeKind::kFilter:
        return Filter(n);
      case NodeKind::kNot: {
        if (n.children.size() != 1) return Status(StatusCode::kInternal, "NOT without an operand");
        Result<Expr> inner = Build(n.children[0]);
        if (!inner.ok()) return inner;
        Expr e;
        e.kind = Expr::Kind::kNot;
        e.children.push_back(std::move(*inner));
        return e;
      }
      case NodeKind::kAnd: {
        std::vector<const Node*> children;
        for (const Node& c : n.children) children.push_back(&c);
        return And(children);
      }
      case NodeKind::kOr: {
        if (n.children.empty()) return Status(StatusCode::kInternal, "OR without operands");
        Expr e;
        e.kind = Expr::Kind::kOr;
        for (const Node& c : n.children) {
          Result<Expr> child = Build(c);
          if (!child.ok()) return child;
          e.children.push_back(std::move(*child));
        }
        return e;
      }
      default:
        return Status(StatusCode::kInternal, "unexpected query node");
    }
  }

  // The AND of `nodes`; one from: and one to: among them become one date range (one index range
  // instead of two half-archives intersected).
  Result<Expr> And(const std::vector<const Node*>& nodes) {
    Expr e;
    e.kind = Expr::Kind::kAnd;
    const Node* from = nullptr;
    const Node* to = nullptr;
    for (const Node* c : nodes) {
      if (c->kind == NodeKind::kFilter && c->field == Field::kFrom && !from) {
        from = c;
      } else if (c->kind == NodeKind::kFilter && c->field == Field::kTo && !to) {
        to = c;
      } else {
        Result<Expr> child = Build(*c);
        if (!child.ok()) return child;
        e.children.push_back(std::move(*child));
      }
    }
    if (from && to) {
      Expr range = Leaf("SELECT id FROM cables WHERE created >= ? AND created < ?",
                        {from->text, to->text + "~"}, "id");
      range.set_column = "date";
      range.created_min = from->text;
      range.created_below = to->text + "~";
      e.children.push_back(std::move(range));
    } else if (from || to) {
      Result<Expr> child = Filter(from ? *from : *to);
      if (!child.ok()) return child;
      e.children.push_back(std::move(*child));
    }
    return e;
  }

  static Expr FtsLeaf(std::string fts) {
    return Leaf("SELECT rowid FROM cables_fts WHERE cables_fts MATCH ?", {std::move(fts)}, "rowid");
  }

 private:
  // `id_column` names the leaf's id column, for its probe form (one id at a time).
  static Expr Leaf(std::string sql, std::vector<std::string> params, std::string_view id_column,
                   bool selective = false) {
    Expr e;
    e.probe = sql + " AND " + std::string(id_column) + " = ?";
    e.sql = std::move(sql);
    e.params = std::move(params);
    e.selective = selective;
    return e;
  }

  Result<Expr> Filter(const Node& n) {
    switch (n.field) {
      case Field::kTag: {
        Expr e =
            Leaf("SELECT cable_id FROM tags WHERE tag = ? COLLATE NOCASE", {n.text}, "cable_id");
        e.set_column = "tag";
        e.value = n.text;
        return e;
      }
      case Field::kCaveat: {
        Expr e = Leaf("SELECT cable_id FROM caveats WHERE caveat = ? COLLATE NOCASE", {n.text},
                      "cable_id");
        e.set_column = "caveat";
        e.value = n.text;
        return e;
      }
      case Field::kClass: {
        Expr e = Leaf("SELECT id FROM cables WHERE classification_level = ?", {n.text}, "id");
        e.set_column = "level";
        e.value = n.text;
        return e;
      }
      case Field::kFrom: {
        Expr e = Leaf("SELECT id FROM cables WHERE created >= ?", {n.text}, "id");
        e.set_column = "date";
        e.created_min = n.text;
        return e;
      }
      case Field::kTo: {
        Expr e = Leaf("SELECT id FROM cables WHERE created < ?", {n.text + "~"}, "id");
        e.set_column = "date";
        e.created_below = n.text + "~";
        return e;
      }
      case Field::kRef:
      case Field::kCites:
        // A cable is cited by a few others: a small set, evaluated first in an AND.
        return Leaf("SELECT cable_id FROM refs WHERE cited_id = ?", {n.text}, "cable_id", true);
      case Field::kCitedBy:
        return Leaf(
            "SELECT id FROM cables WHERE reference_id IN "
            "(SELECT cited_id FROM refs WHERE citing_id = ?)",
            {n.text}, "id", true);
      case Field::kOrigin: {
        // Its SQL form reads every `cables` row (LIKE on three columns); the executor runs it on
        // the cached columns instead when they are current.
        std::vector<std::string> params;
        SqlBuilder sql(&params);
        Result<std::string> where = sql.Build(n);
        if (!where.ok()) return where.status();
        Expr e = Leaf("SELECT c.id FROM cables c WHERE " + *where, std::move(params), "c.id");
        e.kind = Expr::Kind::kOrigin;
        e.post_key = model::CanonicalPostName(n.text);
        e.words = n.text;
        return e;
      }
      default:
        return Status(StatusCode::kInternal, "unexpected filter field");
    }
  }
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
  // The same conjunction as id sets: `rest`, and the NOT-alone part.
  IdSetBuilder ids;
  Result<store::IdSetExpr> filter = ids.And(rest);
  if (!filter.ok()) return filter.status();
  if (pos.empty() && !neg.empty()) {
    store::IdSetExpr n;
    n.kind = store::IdSetExpr::Kind::kNot;
    n.children.push_back(IdSetBuilder::FtsLeaf(JoinFts(neg, " OR ")));
    filter->children.push_back(std::move(n));
  }
  out.filter = std::move(*filter);

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
