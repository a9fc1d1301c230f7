// The signer of a telegram: the upper-case name(s) at the end of the text ("BURNS").
#ifndef CABLEBASE_PARSE_SIGNERS_H_
#define CABLEBASE_PARSE_SIGNERS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/body_lines.h"

namespace cablebase::parse {

// Where the signer stands in cleaned lines: line index, the column where the name starts (0 for a
// line of its own) and the name as written without trailing '.', '#' and spaces.
struct SignerLocation {
  size_t line = 0;
  size_t column = 0;
  std::string name;
};

// Finds the signer among lines[begin..]: walking up from the end, lines that are no text are
// skipped — blank or punctuation-only lines (`.`, `>`, `-`), transmission/release stamps
// (`Declassified/Released US Department of State EO Systematic Review 30 JUN 2006`,
// `2004CARACA01540 - UNCLASSIFIED`, `2002ROME01748 - Classification: SECRET`, `NOTE: NOT PASSED TO
// ABOVE ADDRESSEE(S)`, `GP-3`); classification repeats, `NNNN` and page headers are already gone
// (CleanLines). The first remaining line is the signer when it is a name: 1-3 words of letters,
// hyphens and apostrophes, all in capitals (`DE PREE`, `STRAUSZ-HUPE`) or a single capitalised word
// (09NAIROBI2497 `Ranneberger`); a trailing '.'/'#' is dropped (`MCNAMARA.`, `HORAN##`) but a
// multi-word line ending in '.' is a sentence (`END TEXT.`). A name glued after the last sentence
// counts too (10NEWDELHI163 "... cleared this message. ROEMER", `BEIRUT MINIMIZE CONSIDERED.
// EAGLETON`). A line repeating the name in lower case (09BEIJING2964 `Huntsman` / `huntsman`) is
// skipped. Words such as END, COMMENT, TEXT, SUMMARY, NOTE or classification words are never names.
// nullopt when the last text line is no name (the golden case ending "KINSHASA 00000329 008 OF 008
// ... 5.6 percent. The" ends mid-sentence).
std::optional<SignerLocation> FindSigner(const std::vector<BodyLine>& lines, size_t begin);

// The signers of a telegram text (whole text block or its end): at most one name today, as found
// by FindSigner; empty when none. Sources: the corpus cables named above and cablemap's
// parse_signed_by golden cases.
std::vector<std::string> ParseSigners(std::string_view text);

}  // namespace cablebase::parse

#endif  // CABLEBASE_PARSE_SIGNERS_H_
