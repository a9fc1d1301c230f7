// The telegram parser: a RawCable (read.h) → a Cable record (cable.h).
#ifndef CABLEBASE_PARSE_H_
#define CABLEBASE_PARSE_H_

#include "cablebase/cable.h"
#include "cablebase/read.h"
#include "cablebase/status.h"

namespace cablebase {

// Parses one cable. Thread-safe (no shared state); the result owns all its strings.
// Fails with kParseError (file/line from raw.source) only when no reference ID can be found or made
// (neither metadata nor a classification line with post + serial and a date); every other missing
// or malformed part leaves its field empty and the record is still returned.
Result<Cable> ParseCable(const RawCable& raw);

}  // namespace cablebase

#endif  // CABLEBASE_PARSE_H_
