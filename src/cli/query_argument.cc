// Moves a query that begins with '-' behind "--" (cli/query_argument.h).
#include "cli/query_argument.h"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace cablebase::cli {

namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// True when `arg` (starting with a single '-') is a short option of `command`.
bool IsShortOption(std::string_view command, std::string_view arg) {
  if (arg.size() < 2) return true;  // "-" alone: let CLI11 judge it
  const char letter = arg[1];
  const std::string_view rest = arg.substr(2);
  if (letter == 'h') return rest.empty();  // -h; -hamas is a word
  if (command == "search" && letter == 'n') return rest.empty() || AllDigits(rest);
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

std::vector<std::string> QueryStartingWithMinusLast(std::vector<std::string> args) {
  if (args.empty() || (args[0] != "search" && args[0] != "export")) return args;
  if (std::find(args.begin(), args.end(), "--") != args.end()) return args;
  const std::string command = args[0];
  size_t found = 0, candidates = 0;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (TakesValue(command, a)) {
      ++i;  // its value, whatever it looks like
      continue;
    }
    if (a.size() >= 2 && a[0] == '-' && a[1] != '-' && !IsShortOption(command, a)) {
      found = i;
      ++candidates;
    }
  }
  if (candidates != 1) return args;
  std::string query = args[found];
  args.erase(args.begin() + static_cast<std::ptrdiff_t>(found));
  args.push_back("--");
  args.push_back(query);
  return args;
}

}  // namespace cablebase::cli
