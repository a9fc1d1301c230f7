// The one place that maps a library Status to an HTTP status code and a JSON error body.
#ifndef CABLEBASE_SERVER_ERROR_MAPPING_H_
#define CABLEBASE_SERVER_ERROR_MAPPING_H_

#include <string>

#include "cablebase/status.h"

namespace cablebase::server {

// The HTTP status for a failed Status: invalid_argument 400, parse_error 422, not_found 404,
// timeout 503, io_error/corrupt/internal 500; kOk is 200.
int HttpStatusFor(const Status& status);

// The JSON error body `{"error":{"code":..., "message":..., "position":N}}`. `code` is
// StatusCodeName (or `code_override` when non-empty, e.g. "method_not_allowed" for a 405 that has no
// library Status); `position` is the Status column (1-based character of a query) and is present
// only when known. The message never carries SQL or SQLite text: the library does not put it there.
std::string ErrorBody(const Status& status, const std::string& code_override = {});

}  // namespace cablebase::server

#endif  // CABLEBASE_SERVER_ERROR_MAPPING_H_
