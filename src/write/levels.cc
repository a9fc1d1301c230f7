// Ranks of precedence words and classification levels, and the parts of a portion marking.
#include "write/levels.h"

#include "model/text_util.h"

namespace cablebase::write {

int PrecedenceRank(std::string_view word) {
  std::string w = model::ToUpperAscii(model::CollapseWhitespace(word));
  if (w == "ROUTINE") return 1;
  if (w == "PRIORITY") return 2;
  if (w == "IMMEDIATE" || w == "NIACT IMMEDIATE") return 3;
  if (w == "FLASH") return 4;
  return 0;
}

char PrecedenceProsign(std::string_view word) {
  switch (PrecedenceRank(word)) {
    case 1: return 'R';
    case 2: return 'P';
    case 3: return 'O';
    case 4: return 'Z';
    default: return '\0';
  }
}

int ClassificationRank(std::string_view classification) {
  std::string c = model::ToUpperAscii(model::CollapseWhitespace(classification));
  if (size_t slash = c.find("//"); slash != std::string::npos) c.resize(slash);
  c = std::string(model::Trim(c));
  if (c == "UNCLASSIFIED" || c == "UNCLAS" || c == "U" || c == "UNCLAS EFTO") return 0;
  if (c == "SBU" || c == "SENSITIVE BUT UNCLASSIFIED" || c == "UNCLASSIFIED SBU") return 0;
  if (c == "LIMITED OFFICIAL USE" || c == "LOU") return 2;
  if (c == "CONFIDENTIAL" || c == "C") return 3;
  if (c == "SECRET" || c == "S") return 4;
  if (c == "TOP SECRET" || c == "TS") return 5;
  return -1;
}

bool IsClassified(std::string_view classification) {
  return ClassificationRank(classification) >= 3;
}

PortionMark SplitPortionMark(std::string_view mark) {
  PortionMark out;
  std::string m = model::ToUpperAscii(model::Trim(mark));
  // Level first: up to the first '/' or space.
  size_t i = 0;
  while (i < m.size() && m[i] != '/' && m[i] != ' ') ++i;
  out.level = m.substr(0, i);
  std::string rest = m.substr(i);
  // Controls are separated by one or two slashes; "REL NATO" keeps its space.
  for (std::string_view piece : model::Split(rest, '/')) {
    std::string_view p = model::Trim(piece);
    if (p.empty()) continue;
    out.controls.emplace_back(p);
  }
  for (const std::string& c : out.controls) {
    if (c == "NF" || c == "NOFORN") out.noforn = true;
  }
  return out;
}

}  // namespace cablebase::write
