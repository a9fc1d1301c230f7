// Numbered paragraphs of a telegram body: `1. (C) text`, their portion markings and their sequence.
#ifndef CABLEBASE_PARSE_PARAGRAPHS_H_
#define CABLEBASE_PARSE_PARAGRAPHS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cablebase/cable.h"
#include "parse/body_lines.h"

namespace cablebase::parse {

// A line that may open a numbered paragraph.
struct ParagraphStart {
  int number = 0;           // the number as written ("16" → 16)
  std::string number_text;  // "16"
  std::string
      portion_marking;     // "C", "S/NF", "C/REL NATO" (upper case, spaces collapsed); or empty
  size_t text_offset = 0;  // offset in the line of the paragraph text after number and mark
};

// Reads `line` as the start of a numbered paragraph: up to 8 leading spaces, 1-3 digits, '.' not
// followed by a digit (so "5.6 percent" is not one), then an optional portion mark: `(C)`,
// `(S//NF)`,
// `(C/REL NATO)`, `(C - ENTIRE TEXT)` or the malformed `C)` / `SBU/N)` (golden clean_content case).
// `1, (C)` (08ISLAMABAD405) counts only with a mark. nullopt when the line does not start so.
std::optional<ParagraphStart> MatchParagraphStart(std::string_view line);

// When `s` (after optional spaces) starts with a portion mark — `(C)`, `(SBU)`, `(S/NF)`, a mark
// whose first part is U, C, S, TS, SBU, LOU, FOUO, NF or a classification word — the mark (upper
// case) and sets `*end` to the offset after it and the spaces that follow. Else nullopt.
std::optional<std::string> MatchPortionMark(std::string_view s, size_t* end);

// The numbered paragraphs of a telegram text (the whole text block, or a body). The header is
// skipped (FindBodyStartLine). The sequence starts at the first paragraph numbered 1 (else at the
// first candidate: a fragment). Numbers must follow each other: a candidate is accepted when its
// number is the next one; when it skips numbers, if it is marked and skips at most two, or skips up
// to ten and its successor follows (09BAGHDAD3195 goes from 8 to 12); unmarked skips only among
// unmarked paragraphs. An unmarked candidate among marked paragraphs is a list item when a marked
// candidate with the same number follows (08LONDON1115 quotes a letter numbered 1-7 inside its
// paragraph 2). A candidate written `1` + the expected number (`16.` when 6 is expected) is that
// number — a paragraph link that swallowed its ¶ left a "1" (seed 06MOSCOW1637: paragraphs 6 and 7
// written `16. (C)`, `17. (C)`). Other numbered lines (lists, years such as `2001.` in
// 04MADRID4367) stay in the text of their paragraph, as do sub-paragraphs `A.` and `--`. Text:
// lines trimmed, blank lines and trailing headings (a line underlined by a rule) dropped, joined by
// '\n'; the signer block (ParseSigners) is not part of the last paragraph.
std::vector<Paragraph> ParseParagraphs(std::string_view text);

// The same on lines already cleaned, from line `begin` up to (not including) line `end`, with
// `end_column` characters of line `end` still included when non-zero (a signer glued to the last
// line, 10NEWDELHI163 "... cleared this message. ROEMER").
std::vector<Paragraph> ParseParagraphLines(const std::vector<BodyLine>& lines, size_t begin,
                                           size_t end, size_t end_column);

}  // namespace cablebase::parse

#endif  // CABLEBASE_PARSE_PARAGRAPHS_H_
