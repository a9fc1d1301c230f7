// The body parser's functions (docs/INTERNAL_API.md "body.h"): paragraphs, summary, comment,
// signers, clean content and the partial-extract flag. Each lives in its own file; this header
// gathers them. Rules and the real cables behind them: docs/cable_format.md.
#ifndef CABLEBASE_PARSE_BODY_H_
#define CABLEBASE_PARSE_BODY_H_

#include <string_view>

#include "parse/clean_content.h"
#include "parse/comment.h"
#include "parse/paragraphs.h"
#include "parse/signers.h"
#include "parse/summary.h"

namespace cablebase::parse {

// True when `text` carries WikiLeaks' note "This record is a partial extract of the original
// cable" (any case, any line wrapping). The note stands in the first block of the page
// (04MADRID583, 00HOCHIMINHCITY838), so callers test the header block and the text.
bool IsPartialExtract(std::string_view text);

}  // namespace cablebase::parse

#endif  // CABLEBASE_PARSE_BODY_H_
