// The query lexer: query text → tokens (see lexer.h).
#include "query/lexer.h"

#include <array>
#include <utility>

#include "model/text_util.h"

namespace cablebase::query {

namespace {

struct FieldSpelling {
  std::string_view name;
  Field field;
};

constexpr std::array<FieldSpelling, 10> kFields = {{
    {"tag", Field::kTag},
    {"origin", Field::kOrigin},
    {"class", Field::kClass},
    {"caveat", Field::kCaveat},
    {"from", Field::kFrom},
    {"to", Field::kTo},
    {"ref", Field::kRef},
    {"cites", Field::kCites},
    {"citedby", Field::kCitedBy},
    {"subject", Field::kSubject},
}};

constexpr std::string_view kFieldList =
    "tag, origin, class, caveat, from, to, ref, cites, citedby, subject";

// Length in bytes of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
size_t Utf8Length(std::string_view s, size_t i, uint32_t* code_point) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *code_point = c;
    return 1;
  }
  size_t n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  *code_point = cp;
  return n;
}

Status Error(std::string_view query, size_t offset, const std::string& message);

bool IsSeparatorByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u <= 0x20 || u == 0x7F;
}

bool EndsWord(char c) { return IsSeparatorByte(c) || c == '(' || c == ')' || c == '"'; }

// Reads a "quoted string" whose opening quote is at `open`. On success `*content` is the text
// between the quotes and `*after` the offset just past the closing quote.
Status ReadQuoted(std::string_view q, size_t open, std::string* content, size_t* after) {
  size_t close = q.find('"', open + 1);
  if (close == std::string_view::npos) {
    return Error(
        q, q.size(),
        "expected '\"' to close the phrase opened at column " + std::to_string(ColumnOf(q, open)));
  }
  *content = std::string(q.substr(open + 1, close - open - 1));
  *after = close + 1;
  return Status::Ok();
}

// Consumes '*'s at `*pos`; true when there was at least one.
bool ReadStars(std::string_view q, size_t* pos) {
  bool any = false;
  while (*pos < q.size() && q[*pos] == '*') {
    ++*pos;
    any = true;
  }
  return any;
}

Status Error(std::string_view query, size_t offset, const std::string& message) {
  return QueryError(query, offset, message);
}

}  // namespace

Status QueryError(std::string_view query, size_t offset, const std::string& message) {
  int64_t column = ColumnOf(query, offset);
  return Status(StatusCode::kInvalidArgument, "column " + std::to_string(column) + ": " + message,
                "", 0, column);
}

const char* FieldName(Field field) {
  for (const FieldSpelling& f : kFields) {
    if (f.field == field) return f.name.data();
  }
  return "";
}

int64_t ColumnOf(std::string_view query, size_t offset) {
  int64_t column = 1;
  for (size_t i = 0; i < offset && i < query.size(); ++i) {
    // Count every byte that does not continue a UTF-8 sequence.
    if ((static_cast<unsigned char>(query[i]) & 0xC0) != 0x80) ++column;
  }
  if (offset > query.size()) column += static_cast<int64_t>(offset - query.size());
  return column;
}

bool HasTokenCharacter(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = 0;
    size_t n = Utf8Length(text, i, &cp);
    if (n == 0) {
      ++i;
      continue;
    }
    i += n;
    if (cp < 0x80) {
      if (model::IsAlnum(static_cast<char>(cp))) return true;
      continue;
    }
    bool latin1_letter_or_number = cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 ||
                                   cp == 0xB9 || cp == 0xBA || (cp >= 0xBC && cp <= 0xBE);
    if (cp <= 0xBF && !latin1_letter_or_number) continue;
    if (cp >= 0x2000 && cp <= 0x206F) continue;
    if (cp >= 0x3000 && cp <= 0x303F) continue;
    if (cp >= 0x2190 && cp <= 0x2BFF) continue;    // arrows, math, technical, shapes, dingbats
    if (cp >= 0xFE00 && cp <= 0xFE0F) continue;    // variation selectors
    if (cp >= 0x1F000 && cp <= 0x1FAFF) continue;  // emoji and pictographs
    return true;
  }
  return false;
}

Result<std::vector<Token>> Lex(std::string_view q) {
  for (size_t i = 0; i < q.size();) {
    uint32_t cp = 0;
    size_t n = Utf8Length(q, i, &cp);
    if (n == 0) return Error(q, i, "invalid UTF-8 byte in the query");
    i += n;
  }

  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < q.size()) {
    char c = q[pos];
    if (IsSeparatorByte(c)) {
      ++pos;
      continue;
    }
    Token t;
    t.offset = pos;
    if (c == '(' || c == ')') {
      t.kind = c == '(' ? TokenKind::kLParen : TokenKind::kRParen;
      t.end = ++pos;
      tokens.push_back(std::move(t));
      continue;
    }
    if (c == '"') {
      if (Status s = ReadQuoted(q, pos, &t.text, &pos); !s.ok()) return s;
      t.kind = TokenKind::kPhrase;
      t.prefix = ReadStars(q, &pos);
      t.end = pos;
      // A phrase without any word ("", "--") would match nothing; drop it like a punctuation word.
      if (HasTokenCharacter(t.text)) tokens.push_back(std::move(t));
      continue;
    }
    // '-' (or '+', which only restates the default) glued to what follows is an operator.
    if ((c == '-' || c == '+') && pos + 1 < q.size() && !IsSeparatorByte(q[pos + 1]) &&
        q[pos + 1] != ')' && q[pos + 1] != '-' && q[pos + 1] != '+') {
      ++pos;
      if (c == '-') {
        t.kind = TokenKind::kMinus;
        t.end = pos;
        tokens.push_back(std::move(t));
      }
      continue;
    }

    size_t start = pos;
    while (pos < q.size() && !EndsWord(q[pos])) ++pos;
    std::string_view word = q.substr(start, pos - start);

    if (word == "AND" || word == "OR" || word == "NOT") {
      t.kind = word == "AND" ? TokenKind::kAnd : word == "OR" ? TokenKind::kOr : TokenKind::kNot;
      t.end = pos;
      tokens.push_back(std::move(t));
      continue;
    }

    // A field filter: letters, then ':'.
    size_t letters = 0;
    while (letters < word.size() && model::IsAlpha(word[letters])) ++letters;
    if (letters > 0 && letters < word.size() && word[letters] == ':') {
      std::string_view name = word.substr(0, letters);
      Field field = Field::kNone;
      for (const FieldSpelling& f : kFields) {
        if (model::EqualsIgnoreCase(f.name, name)) field = f.field;
      }
      if (field == Field::kNone) {
        return Error(q, start,
                     "unknown field '" + std::string(name) + ":'; known fields are " +
                         std::string(kFieldList) + " (put the word in quotes to search for it)");
      }
      t.kind = TokenKind::kField;
      t.field = field;
      std::string_view value = word.substr(letters + 1);
      if (value.empty() && pos < q.size() && q[pos] == '"') {
        if (Status s = ReadQuoted(q, pos, &t.text, &pos); !s.ok()) return s;
        t.quoted = true;
        t.prefix = ReadStars(q, &pos);
      } else {
        size_t stars = 0;
        while (stars < value.size() && value[value.size() - 1 - stars] == '*') ++stars;
        t.prefix = stars > 0;
        t.text = std::string(value.substr(0, value.size() - stars));
      }
      // `subject:-iran` reads as an exclusion but would search for "iran" (FTS5 drops the '-');
      // the exclusion is written before the field.
      if (!t.quoted && !t.text.empty() && (t.text[0] == '-' || t.text[0] == '+')) {
        return Error(q, start + letters + 1,
                     "a field value cannot start with '" + std::string(1, t.text[0]) +
                         "'; to exclude, put '-' before the field (-" +
                         std::string(FieldName(field)) + ":" + t.text.substr(1) + ")");
      }
      if (!HasTokenCharacter(t.text)) {
        return Error(q, start + letters + 1,
                     "expected a value after '" + std::string(FieldName(field)) + ":' (e.g. " +
                         std::string(FieldName(field)) +
                         (field == Field::kFrom || field == Field::kTo ? ":2006-02" : ":value") +
                         ")");
      }
      t.end = pos;
      tokens.push_back(std::move(t));
      continue;
    }

    size_t stars = 0;
    while (stars < word.size() && word[word.size() - 1 - stars] == '*') ++stars;
    std::string_view stem = word.substr(0, word.size() - stars);
    if (stars > 0 && !HasTokenCharacter(stem)) {
      return Error(q, start + stem.size(),
                   "expected a word before '*' (a prefix search is written like vers*)");
    }
    if (!HasTokenCharacter(stem)) continue;  // punctuation only: "&", "|", "--"
    t.kind = TokenKind::kWord;
    t.text = std::string(stem);
    t.prefix = stars > 0;
    t.end = pos;
    tokens.push_back(std::move(t));
  }
  Token end;
  end.kind = TokenKind::kEnd;
  end.offset = end.end = q.size();
  tokens.push_back(std::move(end));
  return tokens;
}

}  // namespace cablebase::query
