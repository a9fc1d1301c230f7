// The one place that maps a library Status to a CLI message and exit code (ripgrep's convention).
#ifndef CABLEBASE_CLI_EXIT_CODES_H_
#define CABLEBASE_CLI_EXIT_CODES_H_

#include <string>

#include "cablebase/status.h"

namespace cablebase::cli {

// Exit statuses every subcommand uses: 0 ok / found, 1 nothing found, 2 error (bad input, I/O, ...).
inline constexpr int kExitOk = 0;
inline constexpr int kExitNoneFound = 1;
inline constexpr int kExitError = 2;

// Prints "cablebase: FILE:LINE:COL: message" to stderr (the parts the Status knows).
void PrintError(const Status& status);

// The exit code for a failed status (always kExitError today; one place to change it).
int ExitCodeFor(const Status& status);

// The exit code a subcommand callback chose; main() returns it. Starts at kExitOk.
void SetExitCode(int code);
int GetExitCode();

}  // namespace cablebase::cli

#endif  // CABLEBASE_CLI_EXIT_CODES_H_
