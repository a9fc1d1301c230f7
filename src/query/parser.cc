// The query parser: recursive descent over the lexer's tokens (see parser.h for the grammar).
#include "query/parser.h"

#include <optional>
#include <utility>
#include <vector>

#include "model/reference_id.h"
#include "model/text_util.h"

namespace cablebase::query {

namespace {

std::string Describe(const Token& t, std::string_view q) {
  switch (t.kind) {
    case TokenKind::kAnd:
      return "'AND'";
    case TokenKind::kOr:
      return "'OR'";
    case TokenKind::kNot:
      return "'NOT'";
    case TokenKind::kMinus:
      return "'-'";
    case TokenKind::kLParen:
      return "'('";
    case TokenKind::kRParen:
      return "')'";
    case TokenKind::kEnd:
      return "the end of the query";
    default:
      return "'" + std::string(q.substr(t.offset, t.end - t.offset)) + "'";
  }
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// "2006", "2006-2", "2006/02/20" → "2006", "2006-02", "2006-02-20"; "" when not a valid date
// between 1900 and 2099 (the release spans 1966-2010).
std::string NormalizeDate(std::string_view v) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= v.size(); ++i) {
    if (i == v.size() || v[i] == '-' || v[i] == '/') {
      parts.push_back(v.substr(start, i - start));
      start = i + 1;
    }
  }
  if (parts.empty() || parts.size() > 3) return "";
  if (parts[0].size() != 4) return "";
  int year = model::ParseSmallInt(parts[0]);
  if (year < 1900 || year > 2099) return "";
  std::string out(parts[0]);
  if (parts.size() >= 2) {
    if (parts[1].empty() || parts[1].size() > 2) return "";
    int month = model::ParseSmallInt(parts[1]);
    if (month < 1 || month > 12) return "";
    out += (month < 10 ? "-0" : "-") + std::to_string(month);
    if (parts.size() == 3) {
      if (parts[2].empty() || parts[2].size() > 2) return "";
      int day = model::ParseSmallInt(parts[2]);
      static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      int max_day = kDays[month - 1] + (month == 2 && IsLeapYear(year) ? 1 : 0);
      if (day < 1 || day > max_day) return "";
      out += (day < 10 ? "-0" : "-") + std::to_string(day);
    }
  }
  return out;
}

// class: values → cables.classification_level (docs/schema.md); "" when unknown.
std::string NormalizeClassification(std::string_view v) {
  std::string key;
  for (char c : v) {
    if (model::IsAlnum(c)) key.push_back(model::ToUpperChar(c));
  }
  if (key == "UNCLASSIFIED" || key == "UNCLAS" || key == "U") return "UNCLASSIFIED";
  if (key == "LIMITEDOFFICIALUSE" || key == "LOU") return "LIMITED OFFICIAL USE";
  if (key == "CONFIDENTIAL" || key == "C") return "CONFIDENTIAL";
  if (key == "SECRET" || key == "S") return "SECRET";
  if (key == "TOPSECRET" || key == "TS") return "TOP SECRET";
  return "";
}

class Parser {
 public:
  Parser(std::string_view query, std::vector<Token> tokens)
      : q_(query), tokens_(std::move(tokens)) {}

  Result<Node> Parse() {
    if (tokens_.size() == 1) {
      return QueryError(q_, 0,
                        "empty query: expected a word, a \"phrase\" or a filter such as tag:PREL");
    }
    Result<Node> root = ParseOr();
    if (!root.ok()) return root;
    if (Peek().kind == TokenKind::kRParen) {
      return QueryError(q_, Peek().offset, "unexpected ')' with no '(' to close");
    }
    if (Peek().kind != TokenKind::kEnd) {  // unreachable with this grammar; kept as a guard
      return QueryError(q_, Peek().offset, "unexpected " + Describe(Peek(), q_));
    }
    if (int64_t n = CountLeaves(*root); n > kMaxLeaves) {
      return QueryError(q_, 0,
                        "the query has " + std::to_string(n) + " terms; at most " +
                            std::to_string(kMaxLeaves) + " are allowed");
    }
    return root;
  }

 private:
  const Token& Peek() const { return tokens_[pos_]; }
  const Token& Next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }

  static bool StartsUnary(TokenKind k) {
    return k == TokenKind::kWord || k == TokenKind::kPhrase || k == TokenKind::kField ||
           k == TokenKind::kLParen || k == TokenKind::kNot || k == TokenKind::kMinus;
  }

  // Joins `children` under `kind`, flattening children of the same kind.
  static Node Join(NodeKind kind, std::vector<Node> children) {
    if (children.size() == 1) return std::move(children[0]);
    Node n;
    n.kind = kind;
    n.column = children[0].column;
    for (Node& c : children) {
      if (c.kind == kind) {
        for (Node& g : c.children) n.children.push_back(std::move(g));
      } else {
        n.children.push_back(std::move(c));
      }
    }
    return n;
  }

  Result<Node> ParseOr() {
    std::vector<Node> children;
    Result<Node> first = ParseAnd();
    if (!first.ok()) return first;
    children.push_back(std::move(*first));
    while (Peek().kind == TokenKind::kOr) {
      prev_ = Next();
      Result<Node> next = ParseAnd();
      if (!next.ok()) return next;
      children.push_back(std::move(*next));
    }
    return Join(NodeKind::kOr, std::move(children));
  }

  Result<Node> ParseAnd() {
    std::vector<Node> children;
    Result<Node> first = ParseUnary();
    if (!first.ok()) return first;
    children.push_back(std::move(*first));
    while (true) {
      if (Peek().kind == TokenKind::kAnd) {
        prev_ = Next();
      } else if (!StartsUnary(Peek().kind)) {
        break;
      }
      Result<Node> next = ParseUnary();
      if (!next.ok()) return next;
      children.push_back(std::move(*next));
    }
    return Join(NodeKind::kAnd, std::move(children));
  }

  Result<Node> ParseUnary() {
    if (Peek().kind == TokenKind::kNot || Peek().kind == TokenKind::kMinus) {
      Token op = Next();
      prev_ = op;
      if (++depth_ > kMaxNesting) {
        return QueryError(q_, op.offset,
                          "the query nests more than " + std::to_string(kMaxNesting) +
                              " levels of parentheses and NOT");
      }
      Result<Node> operand = ParseUnary();
      --depth_;
      if (!operand.ok()) return operand;
      Node n;
      n.kind = NodeKind::kNot;
      n.column = ColumnOf(q_, op.offset);
      n.children.push_back(std::move(*operand));
      return n;
    }
    return ParsePrimary();
  }

  Result<Node> ParsePrimary() {
    const Token& t = Peek();
    switch (t.kind) {
      case TokenKind::kWord:
      case TokenKind::kPhrase: {
        Node n;
        n.kind = NodeKind::kTerm;
        n.text = t.text;
        n.phrase = t.kind == TokenKind::kPhrase;
        n.prefix = t.prefix;
        n.column = ColumnOf(q_, t.offset);
        prev_ = Next();
        return n;
      }
      case TokenKind::kField: {
        Token f = Next();
        prev_ = f;
        return MakeFilter(f);
      }
      case TokenKind::kLParen: {
        Token open = Next();
        prev_ = open;
        if (++depth_ > kMaxNesting) {
          return QueryError(q_, open.offset,
                            "the query nests more than " + std::to_string(kMaxNesting) +
                                " levels of parentheses and NOT");
        }
        Result<Node> inner = ParseOr();
        --depth_;
        if (!inner.ok()) return inner;
        if (Peek().kind != TokenKind::kRParen) {
          return QueryError(q_, Peek().offset,
                            "expected ')' to close the '(' at column " +
                                std::to_string(ColumnOf(q_, open.offset)));
        }
        prev_ = Next();
        return inner;
      }
      case TokenKind::kRParen:
        if (depth_ == 0) return QueryError(q_, t.offset, "unexpected ')' with no '(' to close");
        return QueryError(q_, t.offset, "expected a search term before ')'" + After());
      case TokenKind::kAnd:
      case TokenKind::kOr:
        return QueryError(q_, t.offset,
                          "expected a search term before " + Describe(t, q_) + After() +
                              " (AND, OR and NOT are operators; write them in lower case or "
                              "\"quotes\" to search for the word)");
      case TokenKind::kEnd:
      default:
        return QueryError(q_, t.offset, "expected a search term" + After());
    }
  }

  // " after 'OR'" when the previous token was an operator or '(', else "".
  std::string After() const {
    if (!prev_) return "";
    switch (prev_->kind) {
      case TokenKind::kAnd:
      case TokenKind::kOr:
      case TokenKind::kNot:
      case TokenKind::kMinus:
      case TokenKind::kLParen:
        return " after " + Describe(*prev_, q_);
      default:
        return "";
    }
  }

  Result<Node> MakeFilter(const Token& f) {
    Node n;
    n.column = ColumnOf(q_, f.offset);
    const std::string name = FieldName(f.field);
    if (f.field == Field::kSubject) {
      n.kind = NodeKind::kTerm;
      n.text = f.text;
      n.phrase = f.quoted;
      n.prefix = f.prefix;
      n.subject_only = true;
      return n;
    }
    if (f.prefix) {
      return QueryError(
          q_, f.end - 1,
          "'*' (prefix search) works in words and subject: values, not in " + name + ":");
    }
    n.kind = NodeKind::kFilter;
    n.field = f.field;
    const size_t value_offset = f.offset + name.size() + 1;
    switch (f.field) {
      case Field::kTag:
      case Field::kCaveat:
      case Field::kOrigin:
        n.text = model::ToUpperAscii(model::CollapseWhitespace(f.text));
        break;
      case Field::kClass:
        n.text = NormalizeClassification(f.text);
        if (n.text.empty()) {
          return QueryError(q_, value_offset,
                            "expected a classification after 'class:': unclassified, lou (limited "
                            "official use), confidential, secret or top secret");
        }
        break;
      case Field::kFrom:
      case Field::kTo:
        n.text = NormalizeDate(model::Trim(f.text));
        if (n.text.empty()) {
          return QueryError(q_, value_offset,
                            "expected a date YYYY, YYYY-MM or YYYY-MM-DD after '" + name +
                                ":' (e.g. " + name + ":2006-02)");
        }
        break;
      case Field::kRef:
      case Field::kCites:
      case Field::kCitedBy: {
        std::string compact;
        for (char c : f.text) {
          if (!model::IsSpace(c)) compact.push_back(c);
        }
        n.text = model::CanonicalizeReferenceId(compact);
        if (n.text.empty()) {
          return QueryError(
              q_, value_offset,
              "expected a reference ID after '" + name + ":' (e.g. " + name + ":06MOSCOW1323)");
        }
        break;
      }
      default:
        return QueryError(q_, f.offset, "unsupported field '" + name + ":'");
    }
    return n;
  }

  std::string_view q_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;
  std::optional<Token> prev_;
};

}  // namespace

Result<Node> ParseQuery(std::string_view query) {
  Result<std::vector<Token>> tokens = Lex(query);
  if (!tokens.ok()) return tokens.status();
  return Parser(query, std::move(*tokens)).Parse();
}

}  // namespace cablebase::query
