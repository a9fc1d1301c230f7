// `cablebase validate`: check cables against the telegram format rules; compiler-style diagnostics.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "cablebase/write.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/format_option.h"
#include "cli/parsed_cables.h"

namespace cablebase::cli {

namespace {

struct ValidateOptions {
  std::vector<std::string> inputs;
  std::string format = "auto";
  bool json = false;
  bool list_rules = false;
  bool stats = false;
};

void ListRules() {
  for (const ValidationRule& r : ValidationRules()) {
    std::printf("%-7s %-8s %-18s %s\n", r.code, SeverityName(r.severity), r.family,
                r.description);
  }
}

// Per-rule counts for --stats.
struct RuleCount {
  int64_t cables = 0;       // cables with at least one diagnostic of the rule
  int64_t diagnostics = 0;  // all its diagnostics
};

// The lines of a text file, read once per path, to map telegram lines to file lines.
class FileLines {
 public:
  const std::string* Get(const std::string& path) {
    if (path.empty() || path == "-") return nullptr;
    auto it = cache_.find(path);
    if (it != cache_.end()) return &it->second;
    cache_.clear();  // one file at a time: files are visited in order
    // Only files read as one cable (read.h kMaxCableFileBytes): a CSV dump of GBs is not mapped
    // (its diagnostics keep the row's line), and a FIFO cannot be read twice.
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec) ||
        std::filesystem::file_size(path, ec) > kMaxCableFileBytes || ec) {
      return nullptr;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return nullptr;
    std::ostringstream ss;
    ss << in.rdbuf();
    return &(cache_[path] = ss.str());
  }

 private:
  std::map<std::string, std::string> cache_;
};

void RunValidate(const ValidateOptions& opt) {
  if (opt.list_rules) {
    ListRules();
    SetExitCode(kExitOk);
    return;
  }
  InputFormat format = InputFormat::kAuto;
  if (Status s = ParseFormatOption(opt.format, &format); !s.ok()) {
    PrintError(s);
    SetExitCode(kExitError);
    return;
  }
  if (opt.inputs.empty()) {
    PrintError(Status(StatusCode::kInvalidArgument, "give files or directories to validate"));
    SetExitCode(kExitError);
    return;
  }
  int64_t cables = 0, cables_with_errors = 0, cables_clean = 0, errors = 0, warnings = 0;
  std::map<std::string, RuleCount> counts;
  FileLines files;
  auto each = [&](const RawCable& raw_cable, const Cable& parsed) {
    const RawCable* raw = &raw_cable;
    const Cable* cable = &parsed;
    ++cables;
    std::vector<Diagnostic> diags = ValidateCable(*cable, *raw);
    bool has_error = false;
    std::set<std::string> rules_hit;
    for (const Diagnostic& d : diags) {
      has_error = has_error || d.severity == Severity::kError;
      (d.severity == Severity::kError ? errors : warnings)++;
      counts[d.code].diagnostics++;
      rules_hit.insert(d.code);
    }
    for (const std::string& code : rules_hit) counts[code].cables++;
    if (has_error) ++cables_with_errors;
    if (diags.empty()) ++cables_clean;
    if (opt.stats || diags.empty()) return true;

    // Telegram lines → file lines where the file holds the telegram verbatim (text files).
    std::vector<int64_t> file_line;
    if (raw->source.format == InputFormat::kText) {
      if (const std::string* bytes = files.Get(raw->source.path)) {
        file_line = TelegramLinesInFile(*raw, *bytes);
      }
    }
    const std::string& path = raw->source.path;
    for (const Diagnostic& d : diags) {
      int64_t line = d.line;
      if (line > 0 && static_cast<size_t>(line) <= file_line.size() && file_line[line - 1] > 0) {
        line = file_line[line - 1];
      }
      if (opt.json) {
        nlohmann::json j = {{"path", path},
                            {"reference_id", cable->reference_id},
                            {"line", line},
                            {"column", d.column},
                            {"severity", SeverityName(d.severity)},
                            {"code", d.code},
                            {"message", d.message}};
        std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        std::printf("%s\n", s.c_str());
      } else {
        std::printf("%s:%lld:%lld: %s %s: %s [%s]\n", path.c_str(), static_cast<long long>(line),
                    static_cast<long long>(d.column), SeverityName(d.severity), d.code.c_str(),
                    d.message.c_str(), cable->reference_id.c_str());
      }
    }
    return true;
  };
  bool any_failed = !ForEachParsedCable(opt.inputs, format, /*skipped=*/nullptr, each);
  if (opt.stats) {
    if (opt.json) {
      nlohmann::json rules = nlohmann::json::array();
      for (const ValidationRule& r : ValidationRules()) {
        RuleCount rc = counts[r.code];
        rules.push_back({{"code", r.code},
                         {"severity", SeverityName(r.severity)},
                         {"cables", rc.cables},
                         {"diagnostics", rc.diagnostics},
                         {"description", r.description}});
      }
      nlohmann::json j = {{"cables", cables},
                          {"cables_with_errors", cables_with_errors},
                          {"cables_clean", cables_clean},
                          {"rules", rules}};
      std::printf("%s\n", j.dump(2).c_str());
    } else {
      std::printf("%-7s %-8s %7s %7s  %s\n", "rule", "severity", "cables", "hits", "description");
      for (const ValidationRule& r : ValidationRules()) {
        RuleCount rc = counts[r.code];
        std::printf("%-7s %-8s %7lld %7lld  %s\n", r.code, SeverityName(r.severity),
                    static_cast<long long>(rc.cables), static_cast<long long>(rc.diagnostics),
                    r.description);
      }
      std::printf("\n%lld cables: %lld with errors, %lld without any diagnostic\n",
                  static_cast<long long>(cables), static_cast<long long>(cables_with_errors),
                  static_cast<long long>(cables_clean));
    }
  } else if (!opt.json) {
    std::fprintf(stderr, "%lld cables: %lld errors, %lld warnings\n",
                 static_cast<long long>(cables), static_cast<long long>(errors),
                 static_cast<long long>(warnings));
  }
  std::fflush(stdout);
  // --stats reports data; its exit status only tells whether the input could be read. No cable
  // at all in readable inputs is 1, as for parse and audit (issue 14).
  if (!any_failed && cables == 0) ReportNoCables(opt.inputs);
  int code = any_failed ? kExitError
             : (cables == 0 || (!opt.stats && errors > 0)) ? kExitNoneFound
                                                           : kExitOk;
  SetExitCode(code);
}

}  // namespace

void RegisterValidateCommand(CLI::App& app) {
  auto opt = std::make_shared<ValidateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "validate",
      "Check cables against the telegram format rules (DTG ranges, precedence, classification and\n"
      "portion marks, E.O. line and declassification, TAGS, SUBJECT, paragraph numbering, sections,\n"
      "REF labels, addressees) and print one line per broken rule, like a compiler:\n"
      "  PATH:LINE:COL: error|warning CODE: message [REFERENCE-ID]\n"
      "LINE counts lines of the file for text files, and lines of the telegram (routing header,\n"
      "then text) for HTML pages and CSV rows. Exit status: 1 when any error was found or the inputs\n"
      "hold no cable (as parse and audit), 2 when an input could not be read, 0 otherwise (warnings\n"
      "alone give 0).\n\n"
      "Examples:\n"
      "  cablebase validate cable.txt\n"
      "  cablebase validate --json ~/cables/ | jq -r .code | sort | uniq -c\n"
      "  cablebase validate --stats ../shared/corpus      (how many cables break each rule)\n"
      "  cablebase validate --list-rules");
  cmd->add_option("inputs", opt->inputs, "Files or directories (recursive), or - for stdin");
  cmd->add_option("--format,-f", opt->format, FormatOptionHelp())->default_str("auto");
  cmd->add_flag("--json", opt->json,
                "One JSON object per diagnostic (path, reference_id, line, column, severity,\n"
                "code, message); with --stats the table as one JSON object");
  cmd->add_flag("--list-rules", opt->list_rules,
                "Print every rule: code, severity, family, one-line description");
  cmd->add_flag("--stats", opt->stats,
                "Print how many cables break each rule (a table) instead of the diagnostics");
  cmd->callback([opt] { RunValidate(*opt); });
}

}  // namespace cablebase::cli
