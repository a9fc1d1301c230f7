// ListSources, ReadSource and ReadBuffer: files, directories and stdin to the format readers.
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>

#include "cablebase/read.h"
#include "model/text_util.h"
#include "read/byte_stream.h"
#include "read/csv_reader.h"
#include "read/foia_text_reader.h"
#include "read/frus_reader.h"
#include "read/aad_reader.h"
#include "read/cfpf_gt_reader.h"
#include "read/html_reader.h"
#include "read/plusd_reader.h"
#include "read/pdf_reader.h"
#include "read/text_reader.h"

namespace cablebase {
namespace {

namespace fs = std::filesystem;

std::string NotReadReasonForType(fs::file_type t) {
  switch (t) {
    case fs::file_type::fifo: return "a FIFO (named pipe): name it explicitly to read it";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::block: return "a block device";
    case fs::file_type::character: return "a character device";
    default: return "not a regular file";
  }
}

// Bytes looked at by DetectFormat.
constexpr size_t kHeadBytes = 64 * 1024;
// Why a directory entry that is not a regular file is not read (SourceFile::not_read); empty for
// a directory (recursed into, or hidden) and a regular file.
std::string NotReadReason(const fs::directory_entry& entry) {
  std::error_code ec;
  const fs::file_status link = entry.symlink_status(ec);
  if (ec) return "cannot stat: " + ec.message();
  if (fs::is_symlink(link)) {
    const fs::file_status target = entry.status(ec);
    if (ec || !fs::exists(target)) return "a dangling symbolic link (its target does not exist)";
    if (fs::is_directory(target)) return "a symbolic link to a directory (links are not followed)";
    if (fs::is_regular_file(target)) return {};
    return NotReadReasonForType(target.type());
  }
  if (fs::is_directory(link) || fs::is_regular_file(link)) return {};
  return NotReadReasonForType(link.type());
}

// Names of files a directory may hold beside cables (READMEs, manifests, expected-JSON fixtures);
// skipped when a directory is expanded, read when named explicitly.
bool IsCompanionFile(const fs::path& p) {
  const std::string ext = model::ToLowerAscii(p.extension().string());
  return ext == ".md" || ext == ".tsv" || ext == ".json" || ext == ".jsonl";
}

// Reads from `fd` until `want` bytes are in `out` or the end. False on a read error (errno set).
bool ReadUpTo(int fd, uint64_t want, std::string* out) {
  char buf[64 * 1024];
  while (out->size() < want) {
    const size_t n = static_cast<size_t>(std::min<uint64_t>(sizeof buf, want - out->size()));
    const ssize_t got = ::read(fd, buf, n);
    if (got == 0) return true;
    if (got < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    out->append(buf, static_cast<size_t>(got));
  }
  return true;
}

Status TooLarge(const std::string& path) {
  return Status(StatusCode::kParseError,
                "larger than " + std::to_string(kMaxCableFileBytes >> 20) +
                    " MiB, the limit of a file read as one cable: not read (a CSV dump is "
                    "streamed: give --format csv)",
                path);
}

int FifoWaitMs() {
  if (const char* env = std::getenv("CABLEBASE_FIFO_WAIT_MS"); env && *env) {
    char* end = nullptr;
    const long v = std::strtol(env, &end, 10);
    if (end && *end == '\0' && v >= 0 && v <= 24L * 3600 * 1000) return static_cast<int>(v);
  }
  return kFifoWaitMs;
}

// Waits up to FifoWaitMs() for `fd` (a FIFO opened O_NONBLOCK) to have data or its writer to
// close it. False when nothing came (no writer).
bool WaitForData(int fd) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(FifoWaitMs());
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    // A FIFO that never had a writer reports nothing; one whose writer came and went, POLLHUP.
    const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 100)));
    if (r > 0 && (p.revents & (POLLIN | POLLHUP))) return true;
    if (r < 0 && errno != EINTR) return true;  // let read() report the error
  }
}

Status ReadOneCable(std::string_view bytes, InputFormat format, std::string_view path,
                    const RawCableSink& sink) {
  if (format == InputFormat::kCablegateHtml) {
    read::ReadCablegatePage(bytes, path, sink);
  } else if (format == InputFormat::kPdf) {
    sink(read::ReadPdf(bytes, path));
  } else if (format == InputFormat::kPlusdHtml) {
    sink(read::ReadPlusdHtml(bytes, path));
  } else if (format == InputFormat::kCfpfGt) {
    sink(read::ReadCfpfGt(bytes, path));
  } else if (format == InputFormat::kFrusTei) {
    return read::ReadFrus(bytes, path, sink);
  } else if (format == InputFormat::kAad) {
    sink(read::ReadAad(bytes, path));
  } else if (format == InputFormat::kFoiaText) {
    sink(read::ReadFoiaText(bytes, path));
  } else {
    sink(read::ReadPlainText(bytes, path));
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<SourceFile>> ListSources(const std::vector<std::string>& paths) {
  std::vector<SourceFile> out;
  for (const std::string& p : paths) {
    if (p == "-") {
      out.push_back(SourceFile{"-", 0, {}});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      return Status(StatusCode::kNotFound, "no such file or directory: " + p, p);
    }
    if (!fs::is_directory(st)) {
      const uintmax_t size = fs::is_regular_file(st) ? fs::file_size(p, ec) : 0;
      out.push_back(SourceFile{p, ec ? 0 : static_cast<uint64_t>(size), {}});
      continue;
    }
    std::vector<SourceFile> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
    if (ec) return Status(StatusCode::kIoError, "cannot list " + p + ": " + ec.message(), p);
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) return Status(StatusCode::kIoError, "cannot list " + p + ": " + ec.message(), p);
      const fs::path& entry = it->path();
      const std::string name = entry.filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (std::string why = NotReadReason(*it); !why.empty()) {
        // Said, never skipped silently (issue 14: FIFOs and dangling links vanished from ingests).
        found.push_back(SourceFile{entry.string(), 0, std::move(why)});
        ec.clear();
        continue;
      }
      if (!it->is_regular_file(ec) || IsCompanionFile(entry)) continue;
      const uintmax_t size = it->file_size(ec);
      found.push_back(SourceFile{entry.string(), ec ? 0 : static_cast<uint64_t>(size), {}});
    }
    if (ec) return Status(StatusCode::kIoError, "cannot list " + p + ": " + ec.message(), p);
    std::sort(found.begin(), found.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

Status ReadBuffer(std::string_view bytes, InputFormat format, std::string_view path,
                  const RawCableSink& sink) {
  if (format == InputFormat::kAuto) format = DetectFormat(bytes.substr(0, kHeadBytes), path);
  if (format == InputFormat::kCsv) {
    read::ByteStream in(bytes);
    return read::ReadCsvDump(&in, path, sink);
  }
  return ReadOneCable(bytes, format, path, sink);
}

Status ReadSource(const SourceFile& file, InputFormat format, const RawCableSink& sink) {
  if (!file.not_read.empty()) {
    sink(Status(StatusCode::kIoError, "not read: " + file.not_read, file.path));
    return Status::Ok();
  }
  const bool is_stdin = file.path == "-";
  int fd = 0;
  if (!is_stdin) {
    // O_NONBLOCK: opening a FIFO for reading would block until a writer opens it.
    do {
      fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
      const int err = errno;
      return Status(err == ENOENT ? StatusCode::kNotFound : StatusCode::kIoError,
                    std::string("cannot open: ") + std::strerror(err), file.path);
    }
  }
  struct Closer {
    int fd;
    bool owned;
    ~Closer() {
      if (owned) ::close(fd);
    }
  } closer{fd, !is_stdin};
  if (!is_stdin) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
      return Status(StatusCode::kIoError, std::string("cannot stat: ") + std::strerror(errno),
                    file.path);
    }
    if (S_ISDIR(st.st_mode)) {
      return Status(StatusCode::kIoError, "is a directory", file.path);
    }
    if (S_ISFIFO(st.st_mode) && !WaitForData(fd)) {
      sink(Status(StatusCode::kIoError,
                  "nothing to read from this FIFO (named pipe) after " +
                      std::to_string(FifoWaitMs()) + " ms: no process writes to it",
                  file.path));
      return Status::Ok();
    }
    // Blocking reads from here on (a FIFO's writer may be slower than we are).
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  }

  auto io_error = [&](int err) {
    return Status(StatusCode::kIoError, std::string("read failed: ") + std::strerror(err),
                  file.path);
  };
  std::string bytes;
  if (!ReadUpTo(fd, kHeadBytes, &bytes)) return io_error(errno);
  if (format == InputFormat::kAuto) format = DetectFormat(bytes, file.path);
  if (format == InputFormat::kCsv) {
    read::ByteStream in(fd, std::move(bytes));
    return read::ReadCsvDump(&in, file.path, sink);
  }
  if (!is_stdin) {
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
        static_cast<uint64_t>(st.st_size) > kMaxCableFileBytes) {
      sink(TooLarge(file.path));  // refused from its size: nothing more is read
      return Status::Ok();
    }
  }
  if (!ReadUpTo(fd, kMaxCableFileBytes + 1, &bytes)) return io_error(errno);
  if (bytes.size() > kMaxCableFileBytes) {
    sink(TooLarge(file.path));
    return Status::Ok();
  }
  return ReadOneCable(bytes, format, file.path, sink);
}

}  // namespace cablebase
