// Caveats and captions of the text header: SIPDIS, NOFORN, SENSITIVE, EXDIS, NODIS...
#include <algorithm>

#include "model/text_util.h"
#include "parse/header_lines.h"
#include "parse/text_header.h"

namespace cablebase::parse {

namespace {

// Adds the caveats a line starts with (separators "/", "//", "-", "," between them) to `out`.
// Returns true when the whole line was caveats (or blank).
bool CollectLeadingCaveats(std::string_view line, std::vector<std::string>* out) {
  std::string upper = model::ToUpperAscii(internal::CollapseLetterSpacing(line));
  std::string_view s = upper;
  while (true) {
    while (!s.empty() && (model::IsSpace(s[0]) || s[0] == '/' || s[0] == '-' || s[0] == ',' ||
                          s[0] == ';' || s[0] == '.')) {
      s.remove_prefix(1);
    }
    if (s.empty()) return true;
    size_t used = 0;
    std::string caveat = internal::MatchCaveat(s, &used);
    if (caveat.empty()) return false;
    if (std::find(out->begin(), out->end(), caveat) == out->end()) out->push_back(caveat);
    s.remove_prefix(used);
  }
}

}  // namespace

std::vector<std::string> ParseCaveats(std::string_view text_header) {
  std::vector<std::string> out;
  std::string_view rest = text_header;
  if (std::optional<ClassificationLine> cl = ParseClassificationLine(text_header)) {
    // Caveats after the serial on the classification line itself ("... MOSCOW 000228  SIPDIS  STATE
    // FOR EUR/RUS", 10MOSCOW228 whose header is on one line).
    size_t line_start = text_header.rfind('\n', cl->end >= 2 ? cl->end - 2 : 0);
    line_start = line_start == std::string_view::npos || cl->end < 2 ? 0 : line_start + 1;
    std::string_view line = text_header.substr(line_start, cl->end - line_start);
    if (!cl->serial.empty()) {
      size_t pos = line.find(cl->serial);
      if (pos != std::string_view::npos) {
        CollectLeadingCaveats(line.substr(pos + cl->serial.size()), &out);
      }
    }
    rest = text_header.substr(std::min(cl->end, text_header.size()));
  }
  int seen = 0;
  for (std::string_view line : model::SplitLines(rest)) {
    if (model::Trim(line).empty()) continue;
    if (internal::StartsHeaderField(line) || ++seen > 25) break;
    CollectLeadingCaveats(line, &out);
  }
  return out;
}

}  // namespace cablebase::parse
