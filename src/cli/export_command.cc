// `cablebase export`: stream the records (CSV, JSON Lines) or the reference graph (GraphML) out.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>
#include <string_view>

#include "cablebase/archive.h"
#include "cablebase/export.h"
#include "cli/archive_option.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "model/text_util.h"

namespace cablebase::cli {

namespace {

struct ExportFlags {
  std::string query;
  std::vector<std::string> query_words;  // the shell words of the query, joined into `query`
  std::string db;
  std::string format = "jsonl";
  std::string out;
};

void RunExport(const ExportFlags& flags) {
  Result<ExportFormat> format = ParseExportFormat(flags.format);
  if (!format.ok()) return Fail(format.status());
  std::unique_ptr<Archive> archive = OpenArchiveOrReport(flags.db, Archive::Mode::kReadOnly);
  if (!archive) return;
  FILE* f = stdout;
  if (!flags.out.empty() && flags.out != "-") {
    f = std::fopen(flags.out.c_str(), "w");
    if (!f) return Fail(Status(StatusCode::kIoError, "cannot create the output file", flags.out));
  }
  bool write_failed = false;
  Result<int64_t> n = ExportCables(*archive, flags.query, *format, [&](std::string_view chunk) {
    write_failed = std::fwrite(chunk.data(), 1, chunk.size(), f) != chunk.size();
    return !write_failed;
  });
  bool close_failed = f != stdout ? std::fclose(f) != 0 : std::fflush(stdout) != 0;
  if (write_failed || close_failed) {
    return Fail(Status(StatusCode::kIoError, "write failed", flags.out.empty() ? "-" : flags.out));
  }
  if (!n.ok()) return Fail(n.status());
  SetExitCode(*n > 0 ? kExitOk : kExitNoneFound);
}

}  // namespace

void RegisterExportCommand(CLI::App& app) {
  auto flags = std::make_shared<ExportFlags>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Stream the archive's records out: every cable, or the hits of QUERY (the `search` query\n"
      "language), oldest first; the same bytes as GET /api/export. csv: one row per cable,\n"
      "columns reference_id,created,released,origin,originator,precedence,classification,\n"
      "metadata_classification,caveats,tags,subject,references,declassify_on,signers,source_path,\n"
      "summary,body (lists joined with '; ');\n"
      "jsonl: the full record per line (as `cablebase parse --jsonl`); graphml: the reference graph\n"
      "for Gephi/networkx (exported cables, cited cables marked in_archive=false when absent).\n"
      "Exit status: 0 when cables were exported, 1 when none matched, 2 on error.\n\n"
      "Examples:\n"
      "  cablebase export --format jsonl --out cables.jsonl\n"
      "  cablebase export 'tag:PREL origin:moscow' --format csv --out moscow.csv\n"
      "  cablebase export --format graphml --out refs.graphml");
  cmd->add_option("query", flags->query_words,
                  "Export only the hits of this query (default: all); several words are joined");
  AddDbOption(cmd, &flags->db);
  cmd->add_option("--format,-f", flags->format, "csv, jsonl or graphml")->default_str("jsonl");
  cmd->add_option("--out,-o", flags->out, "Output file (default: stdout)");
  cmd->callback([flags] {
    flags->query = model::Join(flags->query_words, " ");
    RunExport(*flags);
  });
}

}  // namespace cablebase::cli
