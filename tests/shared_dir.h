// Where the team's shared folder is (../shared: real cables, golden cases, seed): the one resolver of
// the C++ tests (tests/shared_files.h, which adds skip-or-fail macros) and the benchmarks (bench/).
// Scripts find it the same way (scripts/shared.sh). Real cables are never copied into this
// repository (issue 10): they are read there.
// Thread-safety: the functions only read the environment.
#ifndef CABLEBASE_TESTS_SHARED_DIR_H_
#define CABLEBASE_TESTS_SHARED_DIR_H_

#include <cstdlib>
#include <cstring>
#include <string>

namespace cablebase::testing_shared {

// The shared folder: $CABLEBASE_SHARED, else <source dir>/../shared (no trailing slash).
inline std::string SharedDir() {
  if (const char* s = std::getenv("CABLEBASE_SHARED"); s != nullptr && *s != '\0') return s;
  return std::string(CABLEBASE_SOURCE_DIR) + "/../shared";
}

// SharedDir() + "/" + rel (rel: e.g. "corpus/html/chillicoder__cablegate/04MADRID961.html").
inline std::string SharedPath(const std::string& rel) { return SharedDir() + "/" + rel; }

// True when this run is CI's (CI=true or CI=1): a missing shared file is then a failure.
inline bool InCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && (std::strcmp(ci, "true") == 0 || std::strcmp(ci, "1") == 0);
}

// The message a test prints when `path` is missing.
inline std::string MissingMessage(const std::string& path) {
  return "real cable file not found: " + path +
         " (tests read real cables from the shared folder: set CABLEBASE_SHARED, or check out the "
         "project beside ../shared)";
}

}  // namespace cablebase::testing_shared

#endif  // CABLEBASE_TESTS_SHARED_DIR_H_
