// The lines of a telegram text with transport debris removed, and where the body starts.
//
// Every body function (paragraphs, summary, comment, signers, clean content) reads the text through
// CleanLines(), so a rule about debris is stated once, here. Rules and the cables that taught them:
// docs/cable_format.md. All functions are pure and thread-safe; none throws on any byte sequence and
// all run in time linear in the input (no regular expressions: a 50 MB line must not recurse).
#ifndef CABLEBASE_PARSE_BODY_LINES_H_
#define CABLEBASE_PARSE_BODY_LINES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cablebase::parse {

// One line kept by CleanLines: its text with in-line debris removed (no '\n'; trailing spaces kept,
// cablemap's clean_content keeps them) and the byte offset of the original line in the input.
struct BodyLine {
  std::string text;
  size_t offset = 0;
};

// `line` without in-line debris: pilcrows (U+00B6, and a stray Latin-1 0xB6 byte), and markdown
// links of rendered text — a link whose text is "1" or "¶" is a swallowed paragraph anchor and
// vanishes (`[1](#)1. (C)` → `1. (C)`, seed 06MOSCOW1637), any other `[X](#...)` becomes X
// (`[PREL](#)` → `PREL`).
std::string RemoveLineDebris(std::string_view line);

// When `line` starts with a continuation page header, the rest of the line after it (possibly
// empty); nullopt otherwise. Recognised headers:
//  - `POST 000NNNNN  PPP[.S] OF NNN` (zero-padded 8-digit serial; 06MOSCOW5645 "MOSCOW 00005645 002
//    OF 010", 06BAKU1835 "BAKU 00001835  001.2 OF 003"; text may follow on the same line,
//    09ASHGABAT1182 "... 002.2 OF 003 THE EDUCATION SYSTEM: A TOTAL MESS");
//  - `[CLASSIFICATION] PAGE NN ... DDHHMMZ` of older cables (00HARARE6677 "PAGE 04 HARARE 06677 01
//  OF
//    03 291400Z COALITION GOVERNMENT...", "SECRET PAGE 02 ROME 03067 211833Z"): cut after the DTG;
//    without a DTG (`PAGE 02 RUEHFRA0170 S E C R E T`) the whole line is header.
std::optional<std::string_view> StripPageHeader(std::string_view line);

// True when the whole line is debris: a SIPDIS caveat line (`SIPDIS`, `S I P D I S`; `Not SIPDIS`
// is text), a repeated classification (`CONFIDENTIAL`, `C O N F I D E N T I A L`, centred between
// pages in the golden "HANOI 02605" signer case), the end-of-message `NNNN` and break `BT` lines.
bool IsDebrisLine(std::string_view line);

// The lines of `text` (split at '\n', '\r' dropped) with debris lines removed and page headers cut
// off; see RemoveLineDebris, StripPageHeader, IsDebrisLine. With `drop_debris_lines` false, SIPDIS
// and classification lines are kept (the text header, where they are caveats).
std::vector<BodyLine> CleanLines(std::string_view text, bool drop_debris_lines = true);

// True for a line that only draws a rule under a heading: at least three of '-', '=', '_', '*', '~'
// or the Unicode dashes U+2010..U+2015 (the golden Torrijos summary case: "SUMMARY AND
// INTRODUCTION" underlined with U+2010), spaces ignored.
bool IsRuleLine(std::string_view line);

// True when the line is empty or only whitespace.
bool IsBlankLine(std::string_view line);

// Index in `lines` of the first body line: the line after the text header (classification line,
// caveats, addressee notes, E.O., TAGS, SUBJECT, REF, Classified By — each keyword block runs until
// a blank line or a numbered paragraph). 0 when no header keyword is found (a fragment of a body).
// The header never extends past the first numbered paragraph (08ISLAMABAD405 has no blank lines).
size_t FindBodyStartLine(const std::vector<BodyLine>& lines);

}  // namespace cablebase::parse

#endif  // CABLEBASE_PARSE_BODY_LINES_H_
