// The query lexer: the text of a search query → tokens (words, phrases, field filters, operators).
//
// docs/query_language.md is the user's description of the syntax; this is the first stage of the
// pipeline lexer → parser (parser.h) → AST (ast.h) → compiler (compiler.h).
#ifndef CABLEBASE_QUERY_LEXER_H_
#define CABLEBASE_QUERY_LEXER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cablebase/status.h"

namespace cablebase::query {

// The field filters of the language (`name:value`).
enum class Field {
  kNone,
  kTag,      // tag:PREL
  kOrigin,   // origin:moscow
  kClass,    // class:secret
  kCaveat,   // caveat:noforn
  kFrom,     // from:2006-02
  kTo,       // to:2006-03
  kRef,      // ref:06MOSCOW1323 (cables that cite it; same as cites:)
  kCites,    // cites:06MOSCOW1323
  kCitedBy,  // citedby:06MOSCOW1637 (cables that 06MOSCOW1637 cites)
  kSubject,  // subject:hamas (words within the subject only)
};

// "tag", "origin", ... as written in a query ("" for kNone).
const char* FieldName(Field field);

enum class TokenKind {
  kWord,    // hamas, vers* (prefix), U.S. — `text` is the word without the trailing '*'
  kPhrase,  // "hamas visit" — `text` is the content without the quotes
  kField,   // tag:PREL, origin:"rio de janeiro" — `field` and `text` (the value, quotes removed)
  kLParen,  // (
  kRParen,  // )
  kAnd,     // AND (upper case only; "and" is a word)
  kOr,      // OR
  kNot,     // NOT
  kMinus,   // '-' directly before a word, phrase, field or '(' : -hamas
  kEnd,     // end of the query (always the last token)
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;
  Field field = Field::kNone;
  bool prefix = false;  // the word (or phrase, or field value) ended in '*'
  bool quoted = false;  // a field value written as a "quoted string"
  size_t offset = 0;    // byte offset of the token's first byte in the query
  size_t end = 0;       // byte offset just past the token
};

// Splits `query` into tokens, the last of which is kEnd.
//
// Rules (docs/query_language.md §Syntax):
// - ASCII whitespace and control bytes (including NUL) separate tokens.
// - A word is a run of bytes up to whitespace, '(', ')' or '"'. A word that has no letter or digit
//   ("&", "--", "|") is dropped, as the full-text tokenizer would drop it.
// - `name:` with a known field name (case-insensitive) starts a field filter; its value is the rest
//   of the word, or the "quoted string" right after the colon.
// Fails with kInvalidArgument, `column` = 1-based character position, when: the query is not valid
// UTF-8; a '"' is not closed; a field has no value; a field name is unknown (`body:x`); a '*'
// stands alone (not after a word).
Result<std::vector<Token>> Lex(std::string_view query);

// A kInvalidArgument Status for a malformed query: `column` = ColumnOf(query, offset) and the
// message "column N: " + `message` (the message says what was expected there).
Status QueryError(std::string_view query, size_t offset, const std::string& message);

// The 1-based character (UTF-8 code point) column of byte `offset` in `query`.
int64_t ColumnOf(std::string_view query, size_t offset);

// True when `text` contains at least one character the full-text tokenizer keeps (an ASCII letter
// or digit, or a non-ASCII character outside the punctuation and symbol blocks that unicode61
// treats as separators: U+0080-U+00BF except its letters and digits, U+2000-U+206F, U+2190-U+2BFF,
// U+3000-U+303F, U+FE00-U+FE0F, U+1F000-U+1FAFF emoji). Invalid UTF-8 counts as no character.
bool HasTokenCharacter(std::string_view text);

}  // namespace cablebase::query

#endif  // CABLEBASE_QUERY_LEXER_H_
