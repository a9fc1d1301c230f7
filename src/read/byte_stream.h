// A forward-only byte reader over memory or a file descriptor, with a fixed-size buffer.
#ifndef CABLEBASE_READ_BYTE_STREAM_H_
#define CABLEBASE_READ_BYTE_STREAM_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "cablebase/status.h"

namespace cablebase::read {

// Reads bytes one at a time with one byte of lookahead. Over a file descriptor it holds at most
// `buffer_size` bytes (plus the prefix given at construction), so a file of any size is read in
// constant memory. Not thread-safe; does not own the descriptor; the memory must outlive it.
class ByteStream {
 public:
  static constexpr size_t kDefaultBufferSize = size_t{1} << 20;  // 1 MiB

  // Reads `memory`.
  explicit ByteStream(std::string_view memory) : view_(memory) {}
  // Reads `prefix` (bytes already taken from `fd`, e.g. for format detection), then `fd` to its
  // end.
  ByteStream(int fd, std::string prefix, size_t buffer_size = kDefaultBufferSize);

  // The next byte (0-255) without consuming it, or -1 at the end or after a read error.
  int Peek() {
    if (pos_ < view_.size()) return static_cast<unsigned char>(view_[pos_]);
    return Fill() ? static_cast<unsigned char>(view_[pos_]) : -1;
  }
  // The next byte, consumed; -1 at the end.
  int Get() {
    const int c = Peek();
    if (c >= 0) {
      ++pos_;
      ++offset_;
    }
    return c;
  }
  // Bytes consumed so far.
  uint64_t offset() const { return offset_; }
  // kIoError when reading the descriptor failed (the stream then reports its end); else OK.
  const Status& status() const { return status_; }

 private:
  // Refills the buffer from the descriptor; false at the end or on error.
  bool Fill();

  std::string_view view_;
  size_t pos_ = 0;
  uint64_t offset_ = 0;
  int fd_ = -1;
  bool eof_ = true;
  std::string buffer_;
  size_t buffer_size_ = 0;
  Status status_;
};

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_BYTE_STREAM_H_
