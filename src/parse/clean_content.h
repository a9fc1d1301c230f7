// The body text of a telegram cleaned for reading and indexing.
#ifndef CABLEBASE_PARSE_CLEAN_CONTENT_H_
#define CABLEBASE_PARSE_CLEAN_CONTENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "parse/body_lines.h"

namespace cablebase::parse {

// cablemap's clean_content semantics (golden cases): `text` with debris removed (body_lines.h:
// page headers, SIPDIS lines, pilcrows, rendered links), paragraph numbers and portion marks at the
// start of lines removed (also the malformed `1. C) Content`, `3. SBU/N) Content`), an opening
// `Summary.`/`Summary and comment.` after them and every `End Summary[ and ...].` removed, runs of
// two or more x/X that are not inside a word removed (redactions `XXXXXXXXXXXX`, golden
// `gentlexxx` → `gentle`; `Exxon` stays), blank lines dropped. Other line breaks and trailing
// spaces are kept as written; a final '\n' is kept when the input had one.
std::string CleanContent(std::string_view text);

// The body of a telegram text for Cable::body: the lines from the body start (body_lines.h
// FindBodyStartLine) with debris removed (page headers, SIPDIS lines, classification repeats,
// NNNN, pilcrows, rendered links), trailing spaces trimmed, runs of blank lines collapsed to one
// and blank lines at both ends removed. Paragraph numbers, marks and the signer stay: this is the
// text as a reader wants it.
std::string CleanBody(std::string_view text);

// The same over lines already cleaned (CleanLines of the whole text), from lines[begin].
std::string CleanBodyLines(const std::vector<BodyLine>& lines, size_t begin);

}  // namespace cablebase::parse

#endif  // CABLEBASE_PARSE_CLEAN_CONTENT_H_
