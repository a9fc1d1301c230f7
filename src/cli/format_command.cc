// `cablebase format`: cable records as JSON (parse output or a hand-written draft) → telegram text.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cablebase/json.h"
#include "cablebase/read.h"
#include "cablebase/write.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "write/dtg_check.h"

namespace cablebase::cli {

namespace {

struct FormatCommandOptions {
  std::vector<std::string> inputs;
  bool transmission = false;
  bool now = false;
  std::string dtg;
  std::string serial;
};

// The top-level JSON values of `text`: one object, an array of objects (each element), or many
// objects one after another (JSON Lines, or the pretty objects `cablebase parse` prints).
// Each piece is returned with its 1-based starting line for error messages.
struct JsonPiece {
  std::string text;
  int64_t line = 1;
};
std::vector<JsonPiece> SplitJsonValues(std::string_view text) {
  std::vector<JsonPiece> out;
  int depth = 0;
  bool in_string = false, escaped = false;
  size_t start = 0;
  int64_t line = 1, start_line = 1;
  bool top_array = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' && depth == 0 && !top_array) {
      top_array = true;  // the elements of a top-level array are the values
    } else if (c == ']' && depth == 0 && top_array) {
      top_array = false;
    } else if (c == '{' || c == '[') {
      if (depth++ == 0) {
        start = i;
        start_line = line;
      }
    } else if (c == '}' || c == ']') {
      if (depth > 0 && --depth == 0) {
        out.push_back({std::string(text.substr(start, i + 1 - start)), start_line});
      }
    }
  }
  if (depth > 0) out.push_back({std::string(text.substr(start)), start_line});  // reports the error
  return out;
}

// The whole input, at most read.h's kMaxCableFileBytes (a draft is a few KB; /dev/zero or a
// multi-GB file is refused naming the limit instead of exhausting memory, issue 14).
Result<std::string> ReadAll(const std::string& path) {
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return Status(StatusCode::kNotFound, "cannot open", path);
  }
  std::istream& in = path == "-" ? std::cin : file;
  std::string s;
  char buf[64 * 1024];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    s.append(buf, static_cast<size_t>(in.gcount()));
    if (s.size() > kMaxCableFileBytes) {
      return Status(StatusCode::kInvalidArgument,
                    "larger than " + std::to_string(kMaxCableFileBytes >> 20) +
                        " MiB, the limit of a draft file: not read",
                    path);
    }
  }
  return s;
}

void RunFormat(const FormatCommandOptions& opt) {
  FormatOptions fo;
  fo.transmission = opt.transmission;
  fo.serial = opt.serial;
  if (!opt.dtg.empty()) {
    if (std::string why = write::DtgProblem(opt.dtg); !why.empty()) {
      PrintError(Status(StatusCode::kInvalidArgument, "--dtg '" + opt.dtg + "': " + why));
      SetExitCode(kExitError);
      return;
    }
    fo.now_dtg = opt.dtg;
  }
  else if (opt.now) fo.now_dtg = FormatDtg(std::time(nullptr));
  std::vector<std::string> inputs = opt.inputs;
  if (inputs.empty()) inputs.push_back("-");
  bool any_failed = false;
  int written = 0;
  for (const std::string& path : inputs) {
    Result<std::string> bytes = ReadAll(path);
    if (!bytes.ok()) {
      PrintError(bytes.status());
      any_failed = true;
      continue;
    }
    for (const JsonPiece& piece : SplitJsonValues(*bytes)) {
      Result<Cable> cable = CableFromJson(piece.text, path);
      if (!cable.ok()) {
        Status s = cable.status();
        // Lines inside the piece → lines of the file.
        PrintError(Status(s.code(), s.message(), path, s.line() > 0 ? s.line() + piece.line - 1 : 0,
                          s.column()));
        any_failed = true;
        continue;
      }
      if (cable->source.path.empty()) cable->source.path = path;
      Result<std::string> text = FormatCable(*cable, fo);
      if (!text.ok()) {
        PrintError(Status(text.status().code(), text.status().message(), path, piece.line));
        any_failed = true;
        continue;
      }
      if (written++ > 0) std::fputc('\n', stdout);
      std::fwrite(text->data(), 1, text->size(), stdout);
    }
  }
  std::fflush(stdout);
  SetExitCode(any_failed ? kExitError : (written ? kExitOk : kExitNoneFound));
}

}  // namespace

void RegisterFormatCommand(CLI::App& app) {
  auto opt = std::make_shared<FormatCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "format",
      "Write cable records (JSON as `cablebase parse` prints it, or a hand-written draft with the\n"
      "fields a drafter fills) as telegram text in the standard layout: precedence + DTG, FM/TO/INFO,\n"
      "classification line with post and serial, caveats, E.O. line, TAGS, SUBJECT, REF,\n"
      "Classified By, numbered paragraphs with portion marks, signer. A value a telegram must have\n"
      "and the record lacks (DTG, serial, originator, addressee, classification, post) is taken from\n"
      "an option or reported as an error (exit status 2); nothing is made up.\n\n"
      "Examples:\n"
      "  cablebase format docs/draft_example.json --now --serial 123\n"
      "  cablebase parse --jsonl cable.html | cablebase format --transmission\n"
      "  cablebase format draft.json --dtg '201007Z FEB 06' | cablebase parse --format text -");
  cmd->add_option("inputs", opt->inputs,
                  "JSON files: one record, an array of records, or JSON Lines (default: stdin)");
  cmd->add_flag("--transmission", opt->transmission,
                "Also write the ACP-127 transmission lines (VZCZC..., prosigns and routing\n"
                "indicators, DE station #serial, ZNY security) when the record has them");
  cmd->add_flag("--now", opt->now, "Use the current UTC time as the DTG of a record without one");
  cmd->add_option("--dtg", opt->dtg,
                  "Use this DTG (\"DDHHMMZ MON YY\") for a record without one (wins over --now)");
  cmd->add_option("--serial", opt->serial,
                  "Serial for a record without one; digits are zero-padded to six (123 → 000123)");
  cmd->callback([opt] { RunFormat(*opt); });
}

}  // namespace cablebase::cli
