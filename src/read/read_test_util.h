// Helpers shared by the src/read tests: fixture paths, file reading, collecting a reader's output.
#ifndef CABLEBASE_READ_READ_TEST_UTIL_H_
#define CABLEBASE_READ_READ_TEST_UTIL_H_

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cablebase/read.h"
#include "shared_files.h"

namespace cablebase::read::testing {

// <name> in the fixture set "read" (tests/testdata/read.files: real cables staged from the shared
// folder); a test using it starts with CABLEBASE_SHARED_SET(dir, "read"), which skips or fails it
// when the set cannot be staged.
inline std::string FixturePath(const std::string& name) {
  return ::cablebase::testing_shared::StagedSet("read") + "/" + name;
}

// The shared corpus directory (tests/shared_files.h) + "/corpus".
inline std::string CorpusDir() { return ::cablebase::testing_shared::SharedPath("corpus"); }

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
  c.status = ReadSource(SourceFile{path, 0, {}}, format, [&](Result<RawCable> r) {
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
