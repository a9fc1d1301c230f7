// Finding the classification line that starts a telegram's text, and splitting a block of text
// into header (routing/message header) and text at it.
#ifndef CABLEBASE_READ_CLASSIFICATION_LINE_H_
#define CABLEBASE_READ_CLASSIFICATION_LINE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cablebase::read {

// Where the classification line of a telegram is in a block of text. Offsets are byte offsets
// into the text that was searched.
struct ClassificationLineSpan {
  size_t line_begin = 0;  // start of the physical line holding the marker
  size_t marker = 0;      // first byte of the classification word: where the text block begins
  size_t line_end = 0;    // offset of the '\n' ending that line, or the text's size
  bool glued = false;     // the marker follows other text on the same line (alx layout)
  bool full = false;  // marker + [SECTION n OF m] + post + serial; false: marker (+ caveats) only
};

// Finds the classification line that starts the text block of a telegram, or nullopt.
//
// A classification marker is UNCLASSIFIED, UNCLAS, LIMITED OFFICIAL USE, CONFIDENTIAL, SECRET or
// TOP SECRET, possibly letter-spaced ("C O N F I D E N T I A L", 06MOSCOW1637; up to two spaces
// between letters). A FULL line is the marker, optional caveats, optional "SECTION nn OF nn", the
// post (1-6 words) and the serial (1-7 digits): "UNCLAS SECTION 01 OF 03 HO CHI MINH CITY 000838".
// A BARE line is the marker alone on its line or followed only by caveat words (EFTO, NOFORN,
// SIPDIS ...).
// - At the start of a line (after indentation) the marker may be in any case ("C o n f i d e n t
//   i a l section 01 of 04 ankara 000348", 04ANKARA348; mixed case only when letter-spaced) and
//   may carry one stray or lost first letter, transmission garbles seen in the published texts:
//   "UUNCLAS MANAGUA" (06MANAGUA1002), "SS E C R E T TUNIS" (08TUNIS679), "CSE C R E T SECTION 01
//   OF 02 SHENYANG" (09MOSCOW1108), "O N F I D E N T I A L BAGHDAD" (10BAGHDAD290), "E C R E T
//   SANAA" (07SANAA473). A 2- or 4-digit year may precede the post ("C O N F I D E N T I A L 75
//   LIBREVILLE 1895", 7575LIBREVILLE1895).
// - Glued to the end of another line (the alx layout lost the newline between the blocks:
//   "AMCONSUL VLADIVOSTOKUNCLAS VLADIVOSTOK 000068", 08VLADIVOSTOK68; "COLLECTIVEC O N F I D E N T
//   I A L SECTION 01 OF 02 MADRID 000049", 10MADRID49) only an upper-case FULL line counts.
// A marker followed by something that is not a post + serial is no classification line: old
// telegrams repeat "UNCLASSIFIED     PTQ5647" in their page banners (00HOCHIMINHCITY838).
// A glued marker after a space counts only when the serial ends its line.
// Choice: the search starts at the message header ("FM <originator>" followed by a "TO " line)
// when there is one and a classification line follows it — lines above it belong to printout
// banners ("S E C R E T        DOHA 00214" above the routing lines of 09DOHA214; a bare
// "CONFIDENTIAL" and "TAGS:" in the banner of 03ABUDHABI2641) — else at the top. From there: the
// first FULL line; but a BARE line before it wins when a text-header line (SUBJECT, TAGS, E.O.)
// lies between the two, since those only follow the classification line. With no FULL line, the
// first BARE line. Cost: linear in the size of `text`.
std::optional<ClassificationLineSpan> FindClassificationLine(std::string_view text);

// A block of text cut in two at its classification line.
struct HeaderAndText {
  std::string header;  // everything before the classification line; blank lines at both ends and
                       // trailing spaces removed; empty when there is none
  std::string text;    // from the classification marker to the end (unchanged)
};

// Splits `all` at FindClassificationLine: header before, text from the marker on. Without a
// classification line the whole input is text and the header is empty (rendered text that lost
// its first lines; alx files that hold only a partial-extract note).
// Sources: the seed 06MOSCOW1637 (message header "O 201007Z FEB 06 / FM / TO / INFO" then the
// classification line), 06NEWDELHI5238 (paul-mathieu: transmission + message header, then
// "CONFIDENTIAL NEW DELHI 005238"), 08VLADIVOSTOK68 (alx: glued).
HeaderAndText SplitHeaderAndText(std::string_view all);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_CLASSIFICATION_LINE_H_
