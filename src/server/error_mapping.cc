// Status → HTTP status + JSON error body (docs/http_api.md, "Errors").
#include "server/error_mapping.h"

#include <nlohmann/json.hpp>

namespace cablebase::server {

int HttpStatusFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    // A stored cable that cannot be read as a cable: the request was fine, the entity is not.
    case StatusCode::kParseError: return 422;
    case StatusCode::kNotFound: return 404;
    // A query stopped at its time limit: the server is busy with it, the client may retry later.
    case StatusCode::kTimeout: return 503;
    case StatusCode::kIoError:
    case StatusCode::kCorrupt:
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

std::string ErrorBody(const Status& status, const std::string& code_override) {
  nlohmann::json error = {
      {"code", code_override.empty() ? StatusCodeName(status.code()) : code_override},
      {"message", status.message()},
  };
  if (status.column() > 0) error["position"] = status.column();
  // Invalid UTF-8 (a hostile query echoed in a message) must not make dump() throw.
  return nlohmann::json{{"error", error}}.dump(-1, ' ', false,
                                               nlohmann::json::error_handler_t::replace);
}

}  // namespace cablebase::server
