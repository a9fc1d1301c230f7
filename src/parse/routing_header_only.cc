// Header-only texts: every line belongs to the routing header (see routing_header_only.h).
#include "parse/routing_header_only.h"

#include <string>
#include <vector>

#include "model/dates.h"
#include "model/text_util.h"

namespace cablebase::parse {
namespace {

bool IsPrecedenceProsigns(std::string_view w) {
  if (w.empty() || w.size() > 2) return false;
  for (char c : w) {
    if (c != 'Z' && c != 'O' && c != 'P' && c != 'R') return false;
  }
  return true;
}

// A routing indicator: 4-7 capitals starting with R (RUEHC, RUEHROV, RHEHAAA, RUCNFUR).
bool IsRoutingIndicator(std::string_view w) {
  if (w.size() < 4 || w.size() > 7 || w[0] != 'R') return false;
  for (char c : w) {
    if (!model::IsUpper(c)) return false;
  }
  return true;
}

bool StartsWithWord(std::string_view line, std::string_view word) {
  if (!model::StartsWithIgnoreCase(line, word)) return false;
  return line.size() == word.size() || !model::IsAlnum(line[word.size()]);
}

bool HasLower(std::string_view line) {
  for (char c : line) {
    if (model::IsLower(c)) return true;
  }
  return false;
}

// A line that opens the text: a classification word (also spaced out), or a text-header keyword.
bool OpensText(std::string_view line) {
  static const char* const kWords[] = {
      "UNCLAS", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET", "LIMITED OFFICIAL USE",
      "TAGS",   "TAG",          "SUBJECT",      "SUBJ",   "E.O.",       "E. O.", "EO", "REF",
      "REFS",   "REFTEL",       "CLASSIFIED BY", "SIPDIS", "PASS",      "SENSITIVE", "NOFORN",
      "SECTION", "PAGE"};
  for (const char* w : kWords) {
    if (StartsWithWord(line, w)) return true;
  }
  // Spaced classification: "S E C R E T", "C O N F I D E N T I A L".
  if (line.size() >= 3 && model::IsUpper(line[0]) && line[1] == ' ' && model::IsUpper(line[2])) {
    return true;
  }
  return !line.empty() && model::IsDigit(line[0]);
}

// An addressee line after FM/TO/INFO: at most 8 words and the shape of an addressee — a routing
// indicator before a slash (`RUEHGG/UN SECURITY COUNCIL COLLECTIVE PRIORITY`), a precedence word
// or a sequence number at the end (`AMEMBASSY KINSHASA PRIORITY 0100`), a collective, or a sender
// title or Washington address (`AMEMBASSY PARIS`, `SECDEF WASHDC`). A line of prose in capitals is
// not one, so a text without a classification line is never taken for header.
bool IsAddresseeLine(const std::vector<std::string_view>& words) {
  if (words.empty() || words.size() > 8) return false;
  std::string_view first = words.front(), last = words.back();
  size_t slash = first.find('/');
  if (slash != std::string_view::npos && IsRoutingIndicator(first.substr(0, slash))) return true;
  static const char* const kEnds[] = {"IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH", "WASHDC", "DC"};
  for (const char* e : kEnds) {
    if (last == e) return true;
  }
  bool sequence = !last.empty();
  for (char c : last) sequence = sequence && (model::IsDigit(c) || c == '-');
  if (sequence && words.size() > 1) return true;
  static const char* const kFirsts[] = {"AMEMBASSY", "AMCONSUL", "USMISSION", "SECSTATE", "SECDEF",
                                        "USDEL", "USUN", "USNATO", "USEU", "CINC", "CDR", "COMSIXTHFLT"};
  for (const char* f : kFirsts) {
    if (first == f) return true;
  }
  for (std::string_view w : words) {
    if (w == "COLLECTIVE") return true;
  }
  return false;
}

}  // namespace

bool IsRoutingHeaderOnly(std::string_view text) {
  bool named_part = false;    // a line that only the routing header has
  bool in_addressees = false; // after FM/TO/INFO/XMT
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = model::Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) continue;
    std::vector<std::string_view> words = model::SplitWhitespace(line);
    std::string_view first = words.front();
    if (model::StartsWithIgnoreCase(line, "VZCZC") || first == "DE" || first == "ZNY" ||
        first == "ZNR") {
      named_part = true;
      continue;
    }
    if (first == "FM" || first == "TO" || first == "INFO" || first == "XMT" ||
        model::StartsWithIgnoreCase(first, "XMT/")) {
      named_part = true;
      in_addressees = true;
      continue;
    }
    if (line == "BT") continue;
    // Precedence prosigns: with routing indicators (FL2) or with a DTG (FL5).
    if (IsPrecedenceProsigns(first)) {
      size_t k = 1;
      if (k < words.size() && IsPrecedenceProsigns(words[k]) && words[k].size() == 1) ++k;  // "O R"
      bool indicators = k < words.size();
      for (size_t i = k; i < words.size(); ++i) indicators = indicators && IsRoutingIndicator(words[i]);
      if (indicators) {
        named_part = true;
        continue;
      }
      std::string rest;
      for (size_t i = k; i < words.size(); ++i) {
        if (!rest.empty()) rest.push_back(' ');
        rest.append(words[i]);
      }
      if (!model::NormalizeDtg(rest).empty()) {
        named_part = true;
        continue;
      }
    }
    bool all_indicators = true;
    for (std::string_view w : words) all_indicators = all_indicators && IsRoutingIndicator(w);
    if (all_indicators) continue;
    if (in_addressees && !HasLower(line) && !OpensText(line) && IsAddresseeLine(words)) continue;
    return false;
  }
  return named_part;
}

}  // namespace cablebase::parse
