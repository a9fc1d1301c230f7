// Reading a 1970s CFPF cable body with named-entity markup (history-lab's "gt" files) into a
// RawCable whose entities are the record's (archive.entities).
#ifndef CABLEBASE_READ_CFPF_GT_READER_H_
#define CABLEBASE_READ_CFPF_GT_READER_H_

#include <string>
#include <string_view>

#include "cablebase/read.h"
#include "cablebase/status.h"

namespace cablebase::read {

// True when `head` is an entity list ("1. NAME  TYPE" or "1<TAB>NAME<TAB>TYPE" lines) followed by
// a line "@@@".
bool LooksLikeCfpfGt(std::string_view head);

// The body with its markup taken out: "[[TEXT || n]]" → TEXT (spacing around "||" varies, marks
// nest: "[[[[CDU||78]]/[[CSU||80]]||81]]"); each mark's TEXT is added to the mentions of entity n
// of `entities` (created when the list lacks it). Linear: one pass with a stack of open marks.
std::string StripEntityMarkup(std::string_view body, std::vector<Entity>* entities);

// Reads a cfpf-gt file (shared/corpus-more/README.md, cfpf-gt): UTF-8 BOM and blank lines, the
// numbered entity list (archive.entities: number, name, type such as PER.IND, GPE.NATION, ORG.GOV,
// LOC), a line "@@@", then the telegram text (no routing header) with the markup removed. The
// file name, when a document number ("1975STATE105676.txt"), gives archive.document_number and the
// reference ID (75STATE105676). Trailing "*** Current Handling Restrictions *** n/a" and
// "*** Current Classification *** ..." lines are metadata, not text. Thread-safe.
Result<RawCable> ReadCfpfGt(std::string_view bytes, std::string_view path);

// "1973STATE097844" → 73STATE97844; empty when `number` is not 4 digits, letters, digits.
std::string ReferenceIdOfDocumentNumber(std::string_view number);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_CFPF_GT_READER_H_
