// Puts the words of a query behind "--" (cli/query_argument.h).
#include "cli/query_argument.h"

#include <algorithm>
#include <string_view>

#include "model/text_util.h"

namespace cablebase::cli {

namespace {

// True when `arg` (starting with a single '-') is a short option of `command`.
bool IsShortOption(std::string_view command, std::string_view arg) {
  if (arg.size() < 2) return true;  // "-" alone: let CLI11 judge it
  const char letter = arg[1];
  const std::string_view rest = arg.substr(2);
  if (letter == 'h') return rest.empty();  // -h; -hamas is a word
  if (command == "search" && letter == 'n') return rest.empty() || model::IsAllDigits(rest);
  if (command == "export" && (letter == 'f' || letter == 'o')) {
    if (rest.empty() || letter == 'o') return true;  // -o FILE / -oFILE
    return rest == "csv" || rest == "jsonl" || rest == "graphml";
  }
  return false;
}

// Long and short options of `command` that take a value (the next argument is that value).
bool TakesValue(std::string_view command, std::string_view arg) {
  if (arg.find('=') != std::string_view::npos) return false;  // --limit=5
  if (arg == "--db") return true;
  if (command == "search") {
    return arg == "--limit" || arg == "-n" || arg == "--offset" || arg == "--sort" ||
           arg == "--facet-top";
  }
  return arg == "--format" || arg == "-f" || arg == "--out" || arg == "-o";
}

}  // namespace

std::vector<std::string> QueryWordsAfterOptions(std::vector<std::string> args) {
  if (args.empty() || (args[0] != "search" && args[0] != "export")) return args;
  if (std::find(args.begin(), args.end(), "--") != args.end()) return args;
  const std::string command = args[0];
  std::vector<std::string> options = {command}, words;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (TakesValue(command, a)) {
      options.push_back(a);
      if (i + 1 < args.size()) options.push_back(args[++i]);  // its value, whatever it looks like
    } else if (a.size() >= 2 && a[0] == '-' && (a[1] == '-' || IsShortOption(command, a))) {
      options.push_back(a);  // a flag, --name=value, or an unknown option CLI11 will report
    } else {
      words.push_back(a);
    }
  }
  if (words.empty()) return args;
  options.push_back("--");
  options.insert(options.end(), words.begin(), words.end());
  return options;
}

}  // namespace cablebase::cli
