// The --db option and archive opening shared by the archive subcommands (ingest, show, refs, ...).
#ifndef CABLEBASE_CLI_ARCHIVE_OPTION_H_
#define CABLEBASE_CLI_ARCHIVE_OPTION_H_

#include <memory>
#include <string>

#include "cablebase/archive.h"

namespace CLI {
class App;
}

namespace cablebase::cli {

// The archive used when --db is not given.
inline constexpr const char* kDefaultDbPath = "cablebase.db";

// Adds `--db FILE` (default kDefaultDbPath) to `cmd`, stored in `*path`.
void AddDbOption(CLI::App* cmd, std::string* path);

// Opens the archive; on failure prints "cablebase: FILE: reason", sets exit code 2 and returns null.
std::unique_ptr<Archive> OpenArchiveOrReport(const std::string& path, Archive::Mode mode);

// Prints the failure and sets exit code 2 (the single exit path of the archive commands).
void Fail(const Status& status);

}  // namespace cablebase::cli

#endif  // CABLEBASE_CLI_ARCHIVE_OPTION_H_
