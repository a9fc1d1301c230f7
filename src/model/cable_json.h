// The cable record as a JSON value (internal; include/cablebase/json.h prints it as text).
#ifndef CABLEBASE_MODEL_CABLE_JSON_H_
#define CABLEBASE_MODEL_CABLE_JSON_H_

#include <nlohmann/json.hpp>

#include "cablebase/cable.h"

namespace cablebase::model {

// The record as one JSON object, keys in the order of cable.h (ordered_json): the document that
// CableToJson prints. Empty strings are null, enums their names. Strings are copied unchecked:
// invalid UTF-8 is replaced only when the value is dumped with error_handler_t::replace.
nlohmann::ordered_json CableJsonValue(const Cable& cable);

// The record's "source" member: {path, format, line, csv_id} (path and csv_id null when empty,
// line 0 when unknown).
nlohmann::ordered_json SourceJsonValue(const SourceInfo& source);

}  // namespace cablebase::model

#endif  // CABLEBASE_MODEL_CABLE_JSON_H_
