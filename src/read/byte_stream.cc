// ByteStream: buffered forward-only reading of memory or a file descriptor.
#include "read/byte_stream.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cablebase::read {

ByteStream::ByteStream(int fd, std::string prefix, size_t buffer_size)
    : fd_(fd), eof_(false), buffer_(std::move(prefix)), buffer_size_(buffer_size) {
  view_ = buffer_;
}

bool ByteStream::Fill() {
  if (eof_ || fd_ < 0) return false;
  buffer_.resize(buffer_size_);
  for (;;) {
    const ssize_t n = ::read(fd_, buffer_.data(), buffer_.size());
    if (n > 0) {
      view_ = std::string_view(buffer_.data(), static_cast<size_t>(n));
      pos_ = 0;
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      status_ = Status(StatusCode::kIoError, std::string("read failed: ") + std::strerror(errno));
    }
    eof_ = true;
    view_ = {};
    pos_ = 0;
    return false;
  }
}

}  // namespace cablebase::read
