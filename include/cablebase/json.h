// The cable record as JSON: the output of `cablebase parse` and the input of `cablebase format`.
#ifndef CABLEBASE_JSON_H_
#define CABLEBASE_JSON_H_

#include <string>
#include <string_view>

#include "cablebase/cable.h"
#include "cablebase/status.h"

namespace cablebase {

// The record as one JSON object (field names as in cable.h; empty strings as null, enums as their
// names). `indent` < 0 gives one line (JSON Lines), else pretty-printed with that many spaces.
// Invalid UTF-8 in a field is replaced by U+FFFD, so the output is always valid JSON.
std::string CableToJson(const Cable& cable, int indent = -1);

// The inverse of CableToJson. Missing fields stay empty; fails with kInvalidArgument (line/column of
// the JSON error) on malformed JSON or a field of the wrong type.
Result<Cable> CableFromJson(std::string_view json, std::string_view path = {});

}  // namespace cablebase

#endif  // CABLEBASE_JSON_H_
