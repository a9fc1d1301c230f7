// The summary of a telegram: the text between SUMMARY and END SUMMARY.
#ifndef CABLEBASE_PARSE_SUMMARY_H_
#define CABLEBASE_PARSE_SUMMARY_H_

#include <string>
#include <string_view>
#include <vector>

#include "parse/body_lines.h"

namespace cablebase::parse {

// The summary of a telegram text (the whole text block, or a fragment of a body), or empty.
// Start: the first body line (after paragraph number and portion mark) that opens a SUMMARY block
// (blocks.h MatchBlockStart: `1. (C) SUMMARY: ...`, `Summary and Comment:`, a heading
// `------- SUMMARY -------` or `SUMMARY` underlined; seed 06MOSCOW1637 `1. (C) SUMMARY. A/DCM
// met ...`). Without such a line but with an END SUMMARY, the summary starts at the first numbered
// paragraph of the body (golden cases: `1. (C) German FM Westerwelle told [...]. END SUMMARY.`).
// End: END SUMMARY (any case, split across lines, with `AND COMMENT` etc.); without it, the end of
// the paragraph (golden: `1. (C) SUMMARY: Fidel Castro's [...].` then a blank line). Numbers and
// portion marks of the paragraphs inside are removed, blank lines dropped, lines joined by '\n'.
std::string ParseSummary(std::string_view text);

// The same over lines already cleaned (body_lines.h CleanLines of the whole text): the body is
// lines[begin, end), where `end` is the signer's line (one past it when the signer is glued to the
// end of a line). ParseCable cleans a text once and passes the lines to every body function.
std::string ParseSummaryLines(const std::vector<BodyLine>& lines, size_t begin, size_t end);

}  // namespace cablebase::parse

#endif  // CABLEBASE_PARSE_SUMMARY_H_
