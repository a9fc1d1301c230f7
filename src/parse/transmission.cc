// The ACP-127 transmission header: FL1 (VZCZC), FL2 (prosigns + routing), FL3 (DE), FL4 (ZNY/ZNR).
#include "parse/transmission.h"

#include "model/text_util.h"

namespace cablebase::parse {

namespace {

using model::IsAllDigits;
using model::IsUpper;

bool IsProsign(std::string_view w) {
  return w == "ZZ" || w == "OO" || w == "PP" || w == "RR" || w == "YY" || w == "Z" ||
         w == "O" || w == "P" || w == "R";
}

// A routing indicator: 4-7 upper-case letters starting with R ("RUEHC", "RHEHNSC", "RUCNDT").
bool IsRoutingIndicator(std::string_view w) {
  if (w.size() < 4 || w.size() > 8 || w[0] != 'R') return false;
  for (char c : w) {
    if (!IsUpper(c)) return false;
  }
  return true;
}

}  // namespace

std::optional<TransmissionHeader> ParseTransmissionHeader(std::string_view header) {
  TransmissionHeader th;
  bool found = false;
  bool in_routing = false;
  for (std::string_view raw : model::SplitLines(header)) {
    std::string_view line = model::Trim(raw);
    if (line.empty()) continue;
    std::vector<std::string_view> w = model::SplitWhitespace(line);
    if (model::StartsWithIgnoreCase(line, "VZCZC")) {
      th.transmission_id = std::string(w[0]);
      found = true;
      in_routing = true;
      continue;
    }
    if (w[0] == "DE" && w.size() >= 2 && IsRoutingIndicator(w[1])) {
      // FL3: "DE RUEHSW #0881/01 2540944" (also "DE RUEHC #5238 2070843").
      th.originating_station = std::string(w[1]);
      for (size_t k = 2; k < w.size(); ++k) {
        std::string_view t = w[k];
        if (!t.empty() && t[0] == '#') {
          t.remove_prefix(1);
          size_t slash = t.find('/');
          th.station_serial = std::string(t.substr(0, slash));
          if (slash != std::string_view::npos) th.section = std::string(t.substr(slash + 1));
        } else if (IsAllDigits(t) && t.size() == 7 && th.julian_time.empty()) {
          th.julian_time = std::string(t);
        }
      }
      found = true;
      in_routing = false;
      continue;
    }
    if ((w[0] == "ZNY" || w[0] == "ZNR") && th.security.empty()) {
      // FL4: "ZNY CCCCC ZZH" (ZNY classified, ZNR unclassified).
      th.security = model::CollapseWhitespace(line);
      continue;
    }
    if (in_routing) {
      // FL2 and its wrapped continuation lines: prosigns then routing indicators.
      bool all_routing = true;
      size_t k = 0;
      if (th.precedence_prosigns.empty()) {
        while (k < w.size() && IsProsign(w[k])) th.precedence_prosigns.emplace_back(w[k++]);
      }
      for (; k < w.size(); ++k) {
        if (IsRoutingIndicator(w[k])) {
          th.routing_indicators.emplace_back(w[k]);
        } else {
          all_routing = false;
        }
      }
      if (!all_routing) in_routing = false;
      continue;
    }
    // The DTG/FM lines end the transmission header.
    if (w[0] == "FM") break;
  }
  if (!found) return std::nullopt;
  return th;
}

}  // namespace cablebase::parse
