// Reading a State Department FOIA reading-room release (the OCR text layer of its PDF) into a
// RawCable: page stamps and review markings removed, the message header found wherever the
// printout put it (often after the body), OCR-garbled classification repaired.
#ifndef CABLEBASE_READ_FOIA_TEXT_READER_H_
#define CABLEBASE_READ_FOIA_TEXT_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cablebase/read.h"
#include "cablebase/status.h"

namespace cablebase::read {

// True when `head` starts like a FOIA release's text: a "[Page 1]" line then, within the first
// lines, a stamp with "Case No." and "Doc No." (shared/corpus-more/foia-text).
bool LooksLikeFoiaText(std::string_view head);

// Reads the text of a FOIA release ("[Page N]" lines start the pages). Thread-safe.
Result<RawCable> ReadFoiaText(std::string_view bytes, std::string_view path);

// Reads a FOIA release given as the text of its pages (from the text file or the PDF):
// - Stamp lines (holding "Case No." and "Doc No.") are removed; the first gives
//   archive.document_number ("C06698243") and archive.collection ("F-2017-13804").
// - Printout page heads are removed: "POEMS Automated Telegram Handler ...", "Item Subject: ..."
//   (its text is archive.title), "... D COPY 2 OF 13 Page 1 OF 3", "PTP6804", "Post: STATE MRN:
//   234299 Printed by: ..." (the MRN is archive.message_reference).
// - Review markings are removed wherever they fall: lines "RELEASE IN FULL/PART", "DECLASSIFIED",
//   "DECAPTIONED", exemption codes (B1, 1.4(B), B6), "Declassification Authority: ..." with its
//   reviewer line, "Classification Extended ..."; the same words ending a line are cut off
//   ("PAGE 01 STATE 158406 311734Z [RELEASE IN FULL", C06698243).
// - The message header (precedence + DTG, FM, TO/INFO, classification line, E.O., TAGS, SUBJECT,
//   REF) is moved before the body when the printout has it after (POEMS pages, C06694636); an
//   OCR-garbled classification run into the post is repaired ("bECRETSTATE 158406." → "SECRET
//   STATE 158406.", "CONFIDENTIALSECTION 01 OF 02 TOKYO 001140"), and "E.0." read as "E.O.".
Result<RawCable> ReadFoiaPages(const std::vector<std::string>& pages, std::string_view path);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_FOIA_TEXT_READER_H_
