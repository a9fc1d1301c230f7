// Helpers shared by the src/read tests: fixture paths, file reading, collecting a reader's output.
#ifndef CABLEBASE_READ_READ_TEST_UTIL_H_
#define CABLEBASE_READ_READ_TEST_UTIL_H_

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cablebase/read.h"

namespace cablebase::read::testing {

// tests/testdata/read/<name> in the source tree.
inline std::string FixturePath(const std::string& name) {
  return std::string(CABLEBASE_SOURCE_DIR) + "/tests/testdata/read/" + name;
}

// The shared corpus directory (CABLEBASE_SHARED or <source>/../shared) + "/corpus".
inline std::string CorpusDir() {
  const char* env = std::getenv("CABLEBASE_SHARED");
  const std::string shared =
      env != nullptr ? env : std::string(CABLEBASE_SOURCE_DIR) + "/../shared";
  return shared + "/corpus";
}

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Everything a reader passed to its sink.
struct Collected {
  std::vector<RawCable> cables;
  std::vector<Status> errors;
  Status status;  // what the read call returned
};

inline Collected CollectBuffer(std::string_view bytes, InputFormat format, std::string_view path) {
  Collected c;
  c.status = ReadBuffer(bytes, format, path, [&](Result<RawCable> r) {
    if (r.ok()) {
      c.cables.push_back(std::move(r).value());
    } else {
      c.errors.push_back(r.status());
    }
    return true;
  });
  return c;
}

inline Collected CollectSource(const std::string& path, InputFormat format = InputFormat::kAuto) {
  Collected c;
  c.status = ReadSource(SourceFile{path, 0}, format, [&](Result<RawCable> r) {
    if (r.ok()) {
      c.cables.push_back(std::move(r).value());
    } else {
      c.errors.push_back(r.status());
    }
    return true;
  });
  return c;
}

inline Collected CollectFixture(const std::string& name, InputFormat format = InputFormat::kAuto) {
  return CollectSource(FixturePath(name), format);
}

}  // namespace cablebase::read::testing

#endif  // CABLEBASE_READ_READ_TEST_UTIL_H_
