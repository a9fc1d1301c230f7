// Streaming reader of the Cablegate full-release CSV dump (cables.csv): one RawCable per row.
#ifndef CABLEBASE_READ_CSV_READER_H_
#define CABLEBASE_READ_CSV_READER_H_

#include <string_view>

#include "cablebase/read.h"
#include "cablebase/status.h"
#include "read/byte_stream.h"

namespace cablebase::read {

// Longest field / row accepted, in bytes; a longer one is reported as a malformed row (the longest
// cable of the release is well under 1 MiB).
inline constexpr size_t kMaxCsvRowBytes = size_t{64} << 20;  // 64 MiB

// Reads every row of the dump from `in` and calls `sink` with one RawCable per row, in order.
//
// The format (shared/spec/FORMAT.md §1.4; sample csv/GavinMendelGleason__mapper/cables_sample.csv):
// no header row; 8 columns id, date ("12/28/1966 18:48"), reference ID, origin, classification,
// references, header, text; every field in double quotes; real newlines inside fields; a quote
// inside a field written \" and a backslash \\ (MySQL escaping, not RFC 4180's ""); \' also
// occurs ("SHAH\'S", 72TEHRAN1164). Other backslashes are kept as written. References are split
// at ',' and at '|' (the sample joins them with '|': 72MOSCOW1603|72TEHRAN1091|72TEHRAN263).
// Unquoted fields and CRLF row ends are accepted. Fields are decoded like plain text (UTF-8, else
// Latin-1/Windows-1252; CRLF → LF); entities are not decoded (the dump has none).
// RawCable.source.line is the physical line where the row starts, source.csv_id its id column.
//
// A malformed row (id column not digits, a byte other than ',' or a line end after a closing
// quote, more or fewer than 8 columns, end of file inside quotes, a row over kMaxCsvRowBytes) is
// passed to `sink` as a kParseError Status naming the file, the row's first line and what was
// expected; reading resumes at the next line that starts like a row: "<digits>","
// An input without any row or error (empty, or only line ends) gives one kParseError "empty input".
// Memory: the stream's buffer plus one row. Returns kIoError when reading fails, else OK (also
// when `sink` returns false to stop early).
Status ReadCsvDump(ByteStream* in, std::string_view path, const RawCableSink& sink);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_CSV_READER_H_
