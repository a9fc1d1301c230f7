// Status helpers: code names and the "FILE:LINE:COL: message" rendering.
#include "cablebase/status.h"

namespace cablebase {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kParseError: return "parse_error";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kIoError: return "io_error";
    case StatusCode::kCorrupt: return "corrupt";
    case StatusCode::kTimeout: return "timeout";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

Status Status::WithLocation(std::string file, int64_t line, int64_t column) const {
  Status s = *this;
  if (!file.empty()) s.file_ = std::move(file);
  if (line) s.line_ = line;
  if (column) s.column_ = column;
  return s;
}

std::string Status::ToString() const {
  std::string out;
  if (!file_.empty()) {
    out += file_;
    if (line_) out += ":" + std::to_string(line_);
    if (line_ && column_) out += ":" + std::to_string(column_);
    out += ": ";
  }
  out += message_;
  return out;
}

}  // namespace cablebase
