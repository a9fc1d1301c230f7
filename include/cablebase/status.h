// Status and Result<T>: the error values the cablebase library returns instead of throwing.
#ifndef CABLEBASE_STATUS_H_
#define CABLEBASE_STATUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace cablebase {

// What kind of failure a Status carries. Maps one-to-one to CLI exit codes and HTTP statuses in
// exactly one place each (src/cli/exit_codes.cc, src/server/error_mapping.cc).
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is malformed (a bad query, a bad flag value)
  kParseError,       // a cable (or a row of a dump) could not be read as a cable
  kNotFound,         // a file, a cable or a version does not exist
  kIoError,          // the operating system refused a read or a write
  kCorrupt,          // stored data is inconsistent (e.g. a database that fails its checks)
  kTimeout,          // an operation ran past its time limit
  kInternal,         // a bug in cablebase
};

// Short lower-case name of a code ("parse_error"), used in JSON error bodies.
const char* StatusCodeName(StatusCode code);

// A success or a failure with a human-readable message and, where known, where in the input it
// happened: `file` (path as given by the user, or "-" for stdin), 1-based `line` (a line of a text
// file, or the row of a CSV dump) and 1-based `column`; 0 means unknown. Cheap to copy; immutable.
class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::string file = {}, int64_t line = 0,
         int64_t column = 0)
      : code_(code), message_(std::move(message)), file_(std::move(file)), line_(line),
        column_(column) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& file() const { return file_; }
  int64_t line() const { return line_; }
  int64_t column() const { return column_; }

  // Returns a copy with the location set (keeps fields already set unless overridden by non-empty).
  Status WithLocation(std::string file, int64_t line = 0, int64_t column = 0) const;

  // "FILE:LINE:COL: message" (the parts that are known), the form every CLI error line takes.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string file_;
  int64_t line_ = 0;
  int64_t column_ = 0;
};

// A value of type T or a failed Status. `ok()` tells which; `value()` on a failure is a bug
// (asserts in debug builds).
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}   // NOLINT: must be a failure

  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  // The failure; Status::Ok() when the result holds a value.
  Status status() const { return ok() ? Status::Ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace cablebase

#endif  // CABLEBASE_STATUS_H_
