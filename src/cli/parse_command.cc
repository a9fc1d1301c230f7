// `cablebase parse`: read cables in any form and print one JSON record per cable.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>
#include <vector>

#include "cablebase/json.h"
#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/format_option.h"
#include "cli/parsed_cables.h"

namespace cablebase::cli {

namespace {

struct ParseOptions {
  std::vector<std::string> inputs;
  std::string format = "auto";
  bool jsonl = false;
};

void RunParse(const ParseOptions& opt) {
  InputFormat format = InputFormat::kAuto;
  if (Status s = ParseFormatOption(opt.format, &format); !s.ok()) {
    PrintError(s);
    SetExitCode(kExitError);
    return;
  }
  std::vector<std::string> inputs = opt.inputs;
  if (inputs.empty()) inputs.push_back("-");
  int64_t printed = 0, skipped = 0;
  bool ok = ForEachParsedCable(inputs, format, &skipped, [&](const RawCable&, const Cable& cable) {
    std::string json = CableToJson(cable, opt.jsonl ? -1 : 2);
    json.push_back('\n');
    std::fwrite(json.data(), 1, json.size(), stdout);
    ++printed;
    return true;
  });
  bool any_failed = !ok;
  std::fflush(stdout);
  if (skipped) {
    std::fprintf(stderr, "cablebase: %lld %s skipped (not telegrams: FRUS memoranda and the like)\n",
                 static_cast<long long>(skipped), skipped == 1 ? "document" : "documents");
  }
  if (!any_failed && !printed && !skipped) ReportNoCables(inputs);
  SetExitCode(any_failed ? kExitError : (printed || skipped ? kExitOk : kExitNoneFound));
}

}  // namespace

void RegisterParseCommand(CLI::App& app) {
  auto opt = std::make_shared<ParseOptions>();
  CLI::App* cmd = app.add_subcommand(
      "parse",
      "Read cables (Cablegate HTML pages, plain/rendered text, the full-release CSV dump) and print\n"
      "one JSON record per cable on stdout. Also the archive forms: PDFs (text layer), PlusD pages,\n"
      "FRUS TEI (telegram documents; others are counted as skipped), cfpf-gt bodies, FOIA texts, AAD\n"
      "records. Errors go to stderr as FILE:LINE: reason; the run goes on\n"
      "and the exit status is 2 if any input failed, 1 if no cable was found (validate and audit\n"
      "agree), 0 otherwise.\n\n"
      "Examples:\n"
      "  cablebase parse ../shared/corpus/html/chillicoder__cablegate/04ANKARA348.html\n"
      "  cablebase parse --jsonl ~/cables/ > records.jsonl      (a directory is read recursively)\n"
      "  cat cable.txt | cablebase parse --format text -\n"
      "  cablebase parse --jsonl cables.csv | jq .subject       (a 1.7 GB dump streams)");
  cmd->add_option("inputs", opt->inputs,
                  "Files, directories (recursive) or - for stdin (default: stdin)");
  cmd->add_option("--format,-f", opt->format, FormatOptionHelp())
      ->default_str("auto");
  cmd->add_flag("--jsonl", opt->jsonl,
                "One record per line (JSON Lines) instead of pretty-printed JSON objects");
  cmd->callback([opt] { RunParse(*opt); });
}

}  // namespace cablebase::cli
