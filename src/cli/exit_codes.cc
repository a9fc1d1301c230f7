// Status → CLI message and exit code.
#include "cli/exit_codes.h"

#include <atomic>
#include <cstdio>

namespace cablebase::cli {

namespace {
std::atomic<int> g_exit_code{kExitOk};
}

void PrintError(const Status& status) {
  std::fprintf(stderr, "cablebase: %s\n", status.ToString().c_str());
}

int ExitCodeFor(const Status& status) { return status.ok() ? kExitOk : kExitError; }

void SetExitCode(int code) { g_exit_code = code; }
int GetExitCode() { return g_exit_code; }

}  // namespace cablebase::cli
