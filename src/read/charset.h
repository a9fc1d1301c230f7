// Byte decoding for plain-text inputs: UTF-8 validation with a Latin-1/Windows-1252 fallback, and
// line-ending normalisation (CRLF/CR → LF).
#ifndef CABLEBASE_READ_CHARSET_H_
#define CABLEBASE_READ_CHARSET_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace cablebase::read {

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

// `bytes` as valid UTF-8. Well-formed UTF-8 sequences are kept; every other byte is taken as
// Windows-1252 (0x80-0x9F: its printable characters, e.g. 0x93 → “) or Latin-1 (0xA0-0xFF), so a
// whole Latin-1 file and a UTF-8 file with a few stray Latin-1 bytes both come out right. A leading
// UTF-8 byte-order mark is dropped. Never fails.
// Source: the paul-mathieu text files (06NEWDELHI5238) write the pilcrow as the single byte 0xB6,
// the alx files (08VLADIVOSTOK68) as UTF-8 C2 B6; both become "¶".
std::string ToUtf8(std::string_view bytes);

// `text` with CRLF and lone CR turned into LF. Source: every paul-mathieu file (06NEWDELHI5238)
// ends its lines with CRLF.
std::string NormalizeNewlines(std::string_view text);

// Appends the UTF-8 encoding of code point `cp`; NUL, surrogates and values above U+10FFFF become
// U+FFFD.
void AppendUtf8(uint32_t cp, std::string* out);

// Offset of the first NUL byte, or npos. Plain text never holds NUL; a file that does is binary.
size_t FindNul(std::string_view bytes);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_CHARSET_H_
