// The `cablebase` executable: one CLI11 app, one subcommand per file (see commands.h).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "cablebase/version.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/query_argument.h"

int main(int argc, char** argv) {
  CLI::App app{
      "cablebase — read, parse, search and cross-reference diplomatic cables.\n\n"
      "Typical session:\n"
      "  cablebase parse ../shared/corpus/html/chillicoder__cablegate/04ANKARA348.html\n"
      "  cablebase ingest ~/cables/ --db cables.db\n"
      "  cablebase search 'hamas visit tag:PREL from:2006-02 to:2006-02' --db cables.db\n"
      "  cablebase show 06MOSCOW1637 --db cables.db\n"
      "Run `cablebase COMMAND --help` for each command's options and examples.",
      "cablebase"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "cablebase " + std::string(cablebase::kVersion));
  cablebase::cli::RegisterParseCommand(app);
  cablebase::cli::RegisterIngestCommand(app);
  cablebase::cli::RegisterSearchCommand(app);
  cablebase::cli::RegisterShowCommand(app);
  cablebase::cli::RegisterRefsCommand(app);
  cablebase::cli::RegisterStatsCommand(app);
  cablebase::cli::RegisterExportCommand(app);
  cablebase::cli::RegisterServeCommand(app);
  cablebase::cli::RegisterFormatCommand(app);
  cablebase::cli::RegisterValidateCommand(app);
  cablebase::cli::RegisterAuditCommand(app);
  // `search -hamas moscow`: the words of a query are the query, even one starting with '-'.
  std::vector<std::string> args =
      cablebase::cli::QueryWordsAfterOptions(std::vector<std::string>(argv + 1, argv + argc));
  std::reverse(args.begin(), args.end());  // CLI11 takes the vector form last-first
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    // CLI11 uses 0 for --help/--version and 1xx for usage errors; ours are 0 and 2.
    return rc == 0 ? cablebase::cli::kExitOk : cablebase::cli::kExitError;
  }
  return cablebase::cli::GetExitCode();
}
