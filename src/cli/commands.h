// The subcommands of the `cablebase` executable: each file src/cli/<name>_command.cc registers one.
#ifndef CABLEBASE_CLI_COMMANDS_H_
#define CABLEBASE_CLI_COMMANDS_H_

namespace CLI {
class App;
}

namespace cablebase::cli {

// Each adds its subcommand, its flags with help and examples, and its callback to `app`.
// A callback ends the process through the exit code it stores with SetExitCode (exit_codes.h).
void RegisterParseCommand(CLI::App& app);   // parse_command.cc
void RegisterIngestCommand(CLI::App& app);  // ingest_command.cc
void RegisterSearchCommand(CLI::App& app);  // search_command.cc
void RegisterShowCommand(CLI::App& app);    // show_command.cc
void RegisterRefsCommand(CLI::App& app);    // refs_command.cc
void RegisterStatsCommand(CLI::App& app);   // stats_command.cc
void RegisterExportCommand(CLI::App& app);  // export_command.cc
void RegisterFormatCommand(CLI::App& app);  // format_command.cc (record JSON → telegram text)
void RegisterValidateCommand(CLI::App& app);  // validate_command.cc (format rules, diagnostics)
void RegisterAuditCommand(CLI::App& app);    // audit_command.cc (record vs its raw text)
void RegisterServeCommand(CLI::App& app);   // serve_command.cc (HTTP API + web UI, src/server/)

}  // namespace cablebase::cli

#endif  // CABLEBASE_CLI_COMMANDS_H_
