// The --db option and archive opening shared by the archive subcommands.
#include "cli/archive_option.h"

#include <CLI/CLI.hpp>

#include "cli/exit_codes.h"

namespace cablebase::cli {

void AddDbOption(CLI::App* cmd, std::string* path) {
  *path = kDefaultDbPath;
  cmd->add_option("--db", *path, "The archive file (SQLite; schema in docs/schema.md)")
      ->default_str(kDefaultDbPath);
}

std::unique_ptr<Archive> OpenArchiveOrReport(const std::string& path, Archive::Mode mode) {
  Result<std::unique_ptr<Archive>> a = Archive::Open(path, mode);
  if (!a.ok()) {
    Fail(a.status());
    return nullptr;
  }
  return std::move(*a);
}

void Fail(const Status& status) {
  PrintError(status);
  SetExitCode(ExitCodeFor(status));
}

}  // namespace cablebase::cli
