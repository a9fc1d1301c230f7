// Reading a NARA AAD record of the 1973-79 Central Foreign Policy Files ("Message Text", the
// telegram, "Message Attributes", Key: value lines; shared/spec/FORMAT.md §1 item 5) into a
// RawCable. The same attributes fill the PlusD page's Metadata pane (plusd_reader.h).
#ifndef CABLEBASE_READ_AAD_READER_H_
#define CABLEBASE_READ_AAD_READER_H_

#include <string_view>

#include "cablebase/read.h"
#include "cablebase/status.h"

namespace cablebase::read {

// True when the first non-blank line of `head` is "Message Text" and a line "Message Attributes"
// follows.
bool LooksLikeAad(std::string_view head);

// Reads AAD "Key: value" lines into `raw` (a value continues on the following lines that are not
// themselves "Key:" lines, indented or not; quotes around values removed; "n/a" is no value):
// Document Number → archive.document_number (and the reference ID when raw has none), Film
// Number, Concepts (comma-separated), Handling Restrictions, Drafter, From, To, Subject (title),
// Original Classification, Draft Date ("23 MAY 1974", "01-Jan-1994 12:00:00 am" → created when
// raw has none). Linear. Returns the number of attributes read.
int ReadAadAttributes(std::string_view text, RawCable* raw);

// Reads an AAD record: the telegram between "Message Text" and "Message Attributes" (split at its
// classification line), the attributes after. Without the attributes line the whole text after
// "Message Text" is the telegram. Thread-safe.
Result<RawCable> ReadAad(std::string_view bytes, std::string_view path);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_AAD_READER_H_
