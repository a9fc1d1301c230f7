// Marked blocks of a telegram body: SUMMARY … END SUMMARY and COMMENT … END COMMENT.
//
// The machinery ParseSummary (summary.h) and ParseComment (comment.h) share: where a block starts,
// where it ends and how its text is normalised. Pure functions, thread-safe, linear time.
#ifndef CABLEBASE_PARSE_BLOCKS_H_
#define CABLEBASE_PARSE_BLOCKS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/body_lines.h"

namespace cablebase::parse {

// A block start found in a string.
struct BlockMarker {
  size_t text_offset = 0;  // where the block's text starts (after marker, separator and mark)
  bool heading = false;    // nothing but rules follow on the line: the text starts below
};

// Reads `s` as the opening of a `keyword` block ("SUMMARY", "COMMENT"; case-insensitive):
// optional rule characters (`------- SUMMARY -------`), optional BEGIN/EXECUTIVE, with
// `allow_prefix_word` one qualifying word (`Embassy comment:`, `Post Comment:`), the keyword,
// optional `AND` + up to four words (`Summary and Action Request.` golden case,
// `SUMMARY AND TABLE OF CONTENTS`), then a separator (':', '.', ';', '-') or the end of the line
// (a heading). A portion mark after the separator is skipped (`Summary: (SBU) Japanese`).
// `Summary of the talks` is no marker (a word follows the keyword without a separator).
std::optional<BlockMarker> MatchBlockStart(std::string_view s, std::string_view keyword,
                                           bool allow_prefix_word, bool allow_rules);

// Finds `END [OF] keyword` in `s` from `from` (END and the keyword may be split by a line break:
// "End\nSummary." golden IWI Mexico case). Returns the offset of END, npos when absent; sets
// `*after` past the closing words (`END SUMMARY AND COMMENT.`, `End Comment)`).
size_t FindBlockEnd(std::string_view s, size_t from, std::string_view keyword, size_t* after);

// The text of a block that starts in lines[line] at `column` (after its marker) and runs until
// `END keyword`, or — without one before `limit_line` — to the end of its paragraph (a blank line,
// a rule, the next numbered paragraph, a run of three dashes inside the line: golden
// "The GOB [...]. -------- Training --------"; with `inline_paren`, also the ')' closing the '('
// that opened the block: "(Comment: ...)"). Numbers, portion marks and repeated markers at the
// start of its paragraphs are removed, blank and rule lines dropped, lines trimmed and joined with
// '\n'. Sets `*end_line` to the line where the block ended.
std::string BlockText(const std::vector<BodyLine>& lines, size_t line, size_t column, bool heading,
                      size_t limit_line, std::string_view keyword, bool inline_paren,
                      size_t* end_line);

// True when the trimmed line before `line` (skipping blank lines) ends with the word END — then a
// marker at the start of `line` is the second half of "End\nSummary".
bool PrecededByEnd(const std::vector<BodyLine>& lines, size_t line, size_t begin);

}  // namespace cablebase::parse

#endif  // CABLEBASE_PARSE_BLOCKS_H_
