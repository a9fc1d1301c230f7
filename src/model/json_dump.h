// Printing a JSON value as text, byte for byte as nlohmann::json's dump(indent, ' ', false,
// error_handler_t::replace) prints it, in one pass with one output buffer (issue 12: nlohmann's
// per-byte UTF-8 decoding in dump_escaped was a fifth of `parse --jsonl`).
#ifndef CABLEBASE_MODEL_JSON_DUMP_H_
#define CABLEBASE_MODEL_JSON_DUMP_H_

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace cablebase::model {

// `value` as text: compact when `indent` < 0, else pretty with `indent` spaces per level and
// ": " after keys (nlohmann's layout). Strings that are valid UTF-8 are escaped here (\" \\ \b
// \f \n \r \t, other control bytes as \u00xx, everything else as is); a string that is not valid
// UTF-8 is printed by nlohmann itself (its replacement of bad bytes by U+FFFD), as are floating
// point numbers. Never throws for any string bytes. Thread-safe.
std::string DumpJson(const nlohmann::ordered_json& value, int indent = -1);

// Appends `s` as a JSON string (quoted, escaped as above) to `out`.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace cablebase::model

#endif  // CABLEBASE_MODEL_JSON_DUMP_H_
