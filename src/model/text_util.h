// Small ASCII string helpers shared by every part of cablebase (one copy only).
//
// All functions are pure, thread-safe and byte-oriented: bytes >= 0x80 (UTF-8 sequences) are
// passed through untouched and never treated as letters, digits or whitespace.
#ifndef CABLEBASE_MODEL_TEXT_UTIL_H_
#define CABLEBASE_MODEL_TEXT_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

namespace cablebase::model {

// ASCII classification (locale-independent; false for every byte >= 0x80). Inline: the body
// scanners call them on every byte (issue 6 profile: 4% of parse time as out-of-line calls).
inline bool IsSpace(char c) {  // ' ', \t, \n, \r, \f, \v
  return c == ' ' || (c >= '\t' && c <= '\r');
}
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }
inline bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
inline char ToUpperChar(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
inline char ToLowerChar(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// `s` without leading/trailing ASCII whitespace. The view points into `s`.
std::string_view Trim(std::string_view s);
std::string_view TrimLeft(std::string_view s);
std::string_view TrimRight(std::string_view s);

// Every run of ASCII whitespace (including newlines) → one space; leading/trailing removed.
std::string CollapseWhitespace(std::string_view s);
// Alias of CollapseWhitespace (INTERNAL_API.md calls it CollapseSpaces).
std::string CollapseSpaces(std::string_view s);

// Edit distance between two strings in bytes: insertions, deletions and substitutions cost 1
// (Levenshtein); with `transpositions`, swapping two adjacent bytes also costs 1 (optimal string
// alignment). O(|a|·|b|) time and memory: for words, not texts. Used to accept misspelled labels
// ("Ambassaor", "AMBASSSADOR" in Classified By lines; TAGS typos; post names in reference IDs).
// With `cap` >= 0, any distance above it is reported as cap + 1, and strings whose lengths differ
// by more than `cap` cost nothing to compare (the parser asks "within 1 or 2?" of every word of
// a Classified By line: without this it was 5% of parse time, issue 6).
int EditDistance(std::string_view a, std::string_view b, bool transpositions, int cap = -1);

// ASCII upper/lower case copies.
std::string ToUpperAscii(std::string_view s);
std::string ToLowerAscii(std::string_view s);
// Alias of ToUpperAscii.
std::string ToUpper(std::string_view s);

// ASCII case-insensitive comparisons.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix);
// Offset of the first occurrence of `needle` in `haystack`, or npos: std::string_view::find's
// answer by Boyer-Moore-Horspool (glibc's memmem under 4 bytes) — not a memchr per candidate
// first byte, which made the format sniffers' finds over a 64 KB HTML head 9% of `parse --jsonl`
// (issue 12). For short fixed needles: O(n*m) worst case.
size_t FindBytes(std::string_view haystack, std::string_view needle);
// Offset of the first case-insensitive occurrence of `needle` at or after `from`, or npos.
size_t FindIgnoreCase(std::string_view haystack, std::string_view needle, size_t from = 0);

// Lines of `s` split at '\n' (a trailing '\r' is dropped from each line). A final line without '\n'
// is included; an empty input gives no lines. Views point into `s`.
std::vector<std::string_view> SplitLines(std::string_view s);

// `s` split at every `sep` (empty pieces kept). Views point into `s`.
std::vector<std::string_view> Split(std::string_view s, char sep);
// `s` split at runs of ASCII whitespace (no empty pieces). Views point into `s`.
std::vector<std::string_view> SplitWhitespace(std::string_view s);

// Joins pieces with `sep` between them.
std::string Join(const std::vector<std::string>& pieces, std::string_view sep);

// True when every byte is an ASCII digit (false for the empty string).
bool IsAllDigits(std::string_view s);
// `digits` without leading zeros ("000068" → "68"; "0000" → "0"; "" → "").
std::string StripLeadingZeros(std::string_view digits);
// Parses a non-negative decimal int of at most 9 digits; -1 when `s` is empty or not all digits.
int ParseSmallInt(std::string_view s);

// Replaces every occurrence of `from` (non-empty) with `to`.
std::string ReplaceAll(std::string_view s, std::string_view from, std::string_view to);

// `s` with every UTF-8 no-break space (C2 A0) and tab turned into a plain space, and every byte that
// is neither printable ASCII, '\n', nor part of a UTF-8 sequence dropped ('\r', NUL, control bytes).
std::string NormalizeSpaces(std::string_view s);

}  // namespace cablebase::model

#endif  // CABLEBASE_MODEL_TEXT_UTIL_H_
