// The one place tests find the team's shared folder (../shared: real cables, golden cases, seed).
//
// Real cables are never copied into this repository (issue 10): a test that needs one reads it from
// the shared folder, $CABLEBASE_SHARED when set, else `shared` beside the source tree. When the folder
// or the file is missing, the test is skipped with the reason outside CI, and fails with the reason
// in CI (CI=true), so no test silently stops testing there.
//
// Usage, inside a TEST body (the macro returns from the test when the file is missing):
//   CABLEBASE_SHARED_PATH(page, "corpus/html/chillicoder__cablegate/04MADRID961.html");
//   Cable c = ReadAndParse(page);
// Thread-safety: the functions only read the environment and the file system.
#ifndef CABLEBASE_TESTS_SHARED_FILES_H_
#define CABLEBASE_TESTS_SHARED_FILES_H_

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
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

// Declares `std::string var` = the shared file `rel`; when it does not exist, FAILs (in CI) or SKIPs
// (elsewhere) the current test with the reason, and returns from it.
#define CABLEBASE_SHARED_PATH(var, rel)                                                   \
  const std::string var = ::cablebase::testing_shared::SharedPath(rel);                  \
  if (!std::filesystem::exists(var)) {                                                    \
    if (::cablebase::testing_shared::InCi()) {                                            \
      FAIL() << ::cablebase::testing_shared::MissingMessage(var);                         \
    } else {                                                                              \
      GTEST_SKIP() << ::cablebase::testing_shared::MissingMessage(var);                   \
    }                                                                                     \
  }

#endif  // CABLEBASE_TESTS_SHARED_FILES_H_
