// Reading FRUS (Foreign Relations of the United States) TEI XML: one RawCable per telegram
// document; other documents are reported as skipped.
#ifndef CABLEBASE_READ_FRUS_READER_H_
#define CABLEBASE_READ_FRUS_READER_H_

#include <string_view>

#include "cablebase/read.h"
#include "cablebase/status.h"

namespace cablebase::read {

// True when `head` is TEI with a `<div type="document"` (a volume or a document cut from one).
bool LooksLikeFrus(std::string_view head);

// Reads every `<div type="document">` of a FRUS TEI file (libxml2; a volume or one document; see
// shared/corpus-more/README.md, frus-tei) and calls `sink` once per document, in order:
// - A document whose <head> (footnotes left out) does not say "Telegram" is passed as a RawCable
//   with `skipped` set ("Memorandum of Conversation ..."): counted by the caller, not an error.
// - A telegram: originator and addressee from `gloss`/`persName` type="from"/"to" in the head
//   (else from "Telegram From the X to the Y"), date-time from `<date when>` (else the div's
//   frus:doc-dateTime-min), place from the dateline's <placeName> (origin), the source note
//   (archive.source_note; its classification and caveats as written — "Secret; Priority;
//   Nodis." → SECRET//NODIS, precedence words left out), archive.collection = the volume id
//   (from the TEI root or the file name "frus1961-63v04_d239.xml"), archive.document_number =
//   "frus1961-63v04/d239". Text: the <p>s and list items, footnotes (<note>) and page breaks left
//   out; the telegram number is the number opening the first paragraph when above 1 ("816.",
//   "Secto 93.", "MAC 2033."; "1." is paragraph 1) and makes the reference ID with the
//   dateline's place for Embassy/Department telegrams (63SAIGON816); the signer is <closer><signed>.
// Returns a failure only when the bytes are not XML with any document div. Thread-safe.
Status ReadFrus(std::string_view bytes, std::string_view path, const RawCableSink& sink);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_FRUS_READER_H_
