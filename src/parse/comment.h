// The comments of a telegram: the text of COMMENT … END COMMENT blocks.
#ifndef CABLEBASE_PARSE_COMMENT_H_
#define CABLEBASE_PARSE_COMMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "parse/body_lines.h"

namespace cablebase::parse {

// The text of every comment block of a telegram text, in order, joined by a blank line; empty when
// there is none. A block opens
//  - at the start of a body line or paragraph (after number and mark): `COMMENT:`, `Comment.`,
//    `BEGIN COMMENT`, `Embassy comment:`, a heading `Comment` underlined by a rule (08RIYADH1619);
//    seed 06MOSCOW1637 `17. (C) Comment. Like other GOR officials ...`;
//  - inside a line after '(': `(Comment. We expect ... End Comment)` (seed, paragraph 2);
//  - inside a line after a sentence, with a colon: `... WILL CONTINUE.  COMMENT: THE TURKS ...`.
// A block runs to END COMMENT (before the next block opens), else to the end of its paragraph, or
// for the '(' form to the matching ')'. A line that only finishes "END\nCOMMENT" opens nothing.
// Text normalised as for the summary (blocks.h BlockText).
std::string ParseComment(std::string_view text);

// The same over lines already cleaned; lines[begin, end) is the body as for ParseSummaryLines.
std::string ParseCommentLines(const std::vector<BodyLine>& lines, size_t begin, size_t end);

}  // namespace cablebase::parse

#endif  // CABLEBASE_PARSE_COMMENT_H_
