// The lines of 1970s-90s telegram printouts that the Cablegate forms do not have: the page line
// "PAGE 01 ATHENS 03099 231541Z", the office action/info block, the dash-counter relay line,
// DRAFTED/CLEARED/APPROVED BY, NNNN end markers and OCR noise in the DTG. Read for the archive forms
// (PlusD, AAD, FOIA, cfpf-gt, PDFs); shared/spec/FORMAT.md §1 item 5.
#ifndef CABLEBASE_PARSE_ARCHIVE_LINES_H_
#define CABLEBASE_PARSE_ARCHIVE_LINES_H_

#include <string>
#include <string_view>

#include "cablebase/cable.h"

namespace cablebase::parse {

struct ArchiveLines {
  std::string text;       // the input with the lines below taken out and DTG lines repaired
  std::string page_post;  // "ATHENS" of the first PAGE line
  std::string page_serial;  // "03099"
  std::string page_time;    // "311734Z" of the first PAGE line with a time
  // "311829Z JUL 96" of the message centre's distribution line "311829Z JUL 96 STePS (TOTAL
  // COPIES:000)" (FOIA RAO/D COPY printouts, C06698243): the month and year the PAGE line lacks.
  std::string distribution_dtg;
  std::string drafter, approver;
  std::vector<std::string> clearers, action_offices, info_offices;
  std::string message_reference;  // "013841" of "------------     013841"
};

// One pass over the lines of `text` (linear):
// - "PAGE 01  ATHENS 03099  231541Z" (PlusD/AAD, 1974ATHENS03099; FOIA "PAGE 01 STATE 158406
//   311734Z", C06698243): removed; the first gives post and serial.
// - "ACTION EUR-25" / "ORIGIN NODS-00" and "INFO  OCT-01  EA-11 ... /104 W" with its continuation
//   lines of office codes (LETTERS-NN): removed, offices kept. "INFO AMEMBASSY X" is an addressee
//   and stays (its words are not office codes).
// - "---------------------     013841", "------------------201212Z 109980 /20": removed, the
//   number after the dashes (and time) kept as the message reference.
// - "DRAFTED BY EUR/CE:JHKORNBLUM:KP", "APPROVED BY D:STALBOTT" (also with ':' after BY),
//   "CLEARED BY ..." and the OFFICE:NAME lines that follow an APPROVED/CLEARED line (clearers in
//   the 1970s STATE form: "EUR/CE:DANDERSON"): removed, kept.
// - "311829Z JUL 96 STePS (TOTAL COPIES:000)" (distribution stamp; 122036L ... LMT local-time
//   twin too): removed, the first Z one kept as distribution_dtg.
// - "NNNN", "NNN" ending the text and "<< END OF DOCUMENT >>": removed.
// - A DTG line with OCR noise: "P 251346 Z JUN 7 3" → "P 251346Z JUN 73" (FORMAT.md §1); a
//   precedence read as a digit "0 021001Z FEB 95" → "O 021001Z FEB 95" (FOIA C06694636).
ArchiveLines ReadArchiveLines(std::string_view text);

// A DTG line "P 251346 Z JUN 7 3" repaired to "P 251346Z JUN 73"; empty when `line` is not a
// precedence + DTG line (even with noise).
std::string RepairDtgLine(std::string_view line);

}  // namespace cablebase::parse

#endif  // CABLEBASE_PARSE_ARCHIVE_LINES_H_
