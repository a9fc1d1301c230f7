// Helpers for tests that run the real `cablebase` binary (path from the CABLEBASE_BINARY define).
#ifndef CABLEBASE_TESTS_CLI_TEST_UTIL_H_
#define CABLEBASE_TESTS_CLI_TEST_UTIL_H_

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "shared_files.h"

namespace cablebase::testing_util {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout (stderr too when merged with 2>&1 in the command)
};

// Runs `cablebase ARGS` through the shell and captures stdout. ARGS is shell text (quote it).
inline CommandResult RunCablebase(const std::string& args) {
  CommandResult r;
  std::string cmd = std::string("'") + CABLEBASE_BINARY + "' " + args;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// The source tree.
inline std::string SourceDir() { return CABLEBASE_SOURCE_DIR; }

}  // namespace cablebase::testing_util

#endif  // CABLEBASE_TESTS_CLI_TEST_UTIL_H_
