// The one place tests find the team's shared folder (../shared: real cables, golden cases, seed).
//
// Real cables are never copied into this repository (issue 10): a test that needs one reads it from
// the shared folder, $CABLEBASE_SHARED when set, else `shared` beside the source tree. When the folder
// or the file is missing, the test is skipped with the reason outside CI, and fails with the reason
// in CI (CI=true), so no test silently stops testing there.
//
// Usage, inside a TEST body or SetUp() (the macros return from it when something is missing):
//   CABLEBASE_SHARED_PATH(page, "corpus/html/chillicoder__cablegate/04MADRID961.html");
//   Cable c = ReadAndParse(page);
//   CABLEBASE_SHARED_SET(dir, "store");   // a named set of fixtures staged into a temp directory
//   archive->Ingest({dir + "/versions"});
// The seed cable is the one real cable the repository holds (seed/): SeedPath() never skips.
// The folder itself is found by shared_dir.h. Thread-safety: StagedSet takes a lock; the rest only
// reads the environment and the file system.
#ifndef CABLEBASE_TESTS_SHARED_FILES_H_
#define CABLEBASE_TESTS_SHARED_FILES_H_

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "shared_dir.h"

namespace cablebase::testing_shared {

// The repository's own copy of the seed cable (seed/: the project's founding document, the one real
// cable the repository holds; identical to the shared folder's seed/), e.g. SeedPath("expected.json").
inline std::string SeedPath(const std::string& name = "000_517f99ca9aa40bf8.txt") {
  return std::string(CABLEBASE_SOURCE_DIR) + "/seed/" + name;
}

// A named set of fixtures (tests/testdata/SET.files: the real cables a group of tests ingests, under
// the names they had when they were copies in the repository) staged once per process into a
// temporary directory by tests/stage_fixtures.sh, which copies them from the shared folder and
// writes the variants derived from them. Returns the directory, or "" when staging failed (the
// shared folder or a file is missing); `why` then holds the script's message. The directories are
// removed at exit.
inline std::string StagedSet(const std::string& set, std::string* why = nullptr) {
  struct Staged {
    std::map<std::string, std::pair<std::string, std::string>> sets;  // set → (dir, error)
    ~Staged() {
      std::error_code ec;
      for (const auto& [name, r] : sets) {
        if (!r.first.empty()) std::filesystem::remove_all(r.first, ec);
      }
    }
  };
  static std::mutex mu;
  static Staged staged;
  std::lock_guard<std::mutex> lock(mu);
  auto it = staged.sets.find(set);
  if (it == staged.sets.end()) {
    const std::string dir = (std::filesystem::temp_directory_path() /
                             ("cablebase_fixtures_" + set + "_" + std::to_string(::getpid())))
                                .string();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    const std::string cmd = "bash '" + std::string(CABLEBASE_SOURCE_DIR) +
                            "/tests/stage_fixtures.sh' '" + set + "' '" + dir + "' 2>&1";
    std::string out;
    int status = -1;
    if (FILE* p = ::popen(cmd.c_str(), "r")) {
      std::array<char, 4096> buf;
      size_t n;
      while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
      status = ::pclose(p);
    }
    const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!ok) std::filesystem::remove_all(dir, ec);
    it = staged.sets
             .emplace(set, ok ? std::make_pair(dir, std::string())
                              : std::make_pair(std::string(),
                                               "fixture set '" + set + "' not staged: " + out))
             .first;
  }
  if (why != nullptr) *why = it->second.second;
  return it->second.first;
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

// Declares `std::string var` = the staged directory of the fixture set `set` (StagedSet); when it
// could not be staged, FAILs (in CI) or SKIPs (elsewhere) the current test with the reason.
#define CABLEBASE_SHARED_SET(var, set)                                                    \
  std::string var##_why_;                                                                 \
  const std::string var = ::cablebase::testing_shared::StagedSet(set, &var##_why_);      \
  if (var.empty()) {                                                                      \
    if (::cablebase::testing_shared::InCi()) {                                            \
      FAIL() << var##_why_;                                                               \
    } else {                                                                              \
      GTEST_SKIP() << var##_why_;                                                         \
    }                                                                                     \
  }

#endif  // CABLEBASE_TESTS_SHARED_FILES_H_
