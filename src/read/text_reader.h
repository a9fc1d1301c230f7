// Reading one plain-text cable (two-block text, the alx five-line layout, rendered text) into a
// RawCable.
#ifndef CABLEBASE_READ_TEXT_READER_H_
#define CABLEBASE_READ_TEXT_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "cablebase/read.h"
#include "cablebase/status.h"

namespace cablebase::read {

// The five metadata lines that open an alx file (alx/cablegate): ID, title, a date in a local time
// zone, classification, origin. Source: 08VLADIVOSTOK68, 00HOCHIMINHCITY838.
struct AlxMetadata {
  std::string reference_id;    // "08VLADIVOSTOK68"
  std::string title;           // may be empty (08MOSCOW2426)
  std::string created;         // "Wed Jul 09 00:00:00 +0200 2008"
  std::string classification;  // "UNCLASSIFIED", "SECRET//NOFORN"
  std::string origin;          // "Consulate Vladivostok"
  size_t body_offset = 0;      // offset in the text after the fifth line's newline
};

// The alx metadata of `text` (UTF-8, LF line ends), or nullopt when its first five lines are not
// that layout. Recognised by three of the lines: line 1 a reference ID (2 digits, letters and
// digits, ending in digits: also malformed IDs such as 08SCTION02OF02SAOPAULO335), line 3 a date
// ("Wed Jul 09 00:00:00 +0200 2008", or "YYYY-MM-DD", or "M/D/YYYY"), line 4 a classification
// (starts with UNCLASSIFIED, CONFIDENTIAL, SECRET, ...). Line 2 (title) and 5 (origin) may be any
// single line, even empty (08MOSCOW2426 has no title).
std::optional<AlxMetadata> ParseAlxMetadata(std::string_view text);

// Reads a plain-text cable held in `bytes`; `path` labels the result and errors.
// Bytes are decoded by read/charset.h (UTF-8, else Latin-1/Windows-1252 per byte; CRLF → LF), then
// HTML character references are decoded (the alx files are cut from web pages and not decoded;
// read/html_entities.h). The alx five metadata lines go to the RawCable fields; the rest (or the
// whole file) is split at the classification line (read/classification_line.h): the message or
// routing header before it → header, the rest → text; without a classification line everything is
// text. Rendered-text debris ("[1](#)1.", "TAGS: [PREL](#)") is left for the parser.
// Fails with kParseError when the input holds no text (empty or only whitespace) or holds a NUL
// byte (binary data, not text). An alx file with only its five lines (01STATE176819) is a RawCable
// with metadata and empty header and text. Thread-safe.
Result<RawCable> ReadPlainText(std::string_view bytes, std::string_view path);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_TEXT_READER_H_
