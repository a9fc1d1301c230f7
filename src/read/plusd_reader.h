// Reading a WikiLeaks PlusD page (wikileaks.org/plusd/cables/..., 1973-76 CFPF) into a RawCable.
#ifndef CABLEBASE_READ_PLUSD_READER_H_
#define CABLEBASE_READ_PLUSD_READER_H_

#include <string_view>

#include "cablebase/read.h"
#include "cablebase/status.h"

namespace cablebase::read {

// True when `head` holds a PlusD page: an HTML page with `<table id="synopsis">` or a
// "/plusd/" link near a "Canonical ID" label.
bool LooksLikePlusd(std::string_view head);

// Reads a PlusD page through libxml2's HTML parser (shared/corpus-more/README.md, plusd-html):
// - `<table id="synopsis">`: its first row is the title (archive.title); each cell has a
//   `div.s_key` label and a `div.s_val` value: Date ("1974 May 23, 15:15 (Thursday)" → created),
//   Canonical ID ("1974ATHENS03099_b" → archive.document_number "1974ATHENS03099" and the reference
//   ID 74ATHENS3099), Original Classification, Handling Restrictions, Film Number, Concepts and To
//   (values separated by '|'), From (origin, archive.from); "-- N/A or Blank --" is no value.
// - The telegram: the longest `div.text-content` (the "Raw content" tab: routing header and text
//   as plain lines), split at its classification line like a text cable.
// - `<table class="references">`, second column: the publisher's IDs of the cables this one
//   refers to (archive.resolved_references, 1974ATHENS03099 → 1974STATE097844, 1973STATE097844).
// Fails with kParseError when the page has neither synopsis nor text. Thread-safe.
Result<RawCable> ReadPlusdHtml(std::string_view bytes, std::string_view path);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_PLUSD_READER_H_
