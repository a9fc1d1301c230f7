// ReadArchiveLines: the 1970s printout lines of the archive forms (archive_lines.h).
#include "parse/archive_lines.h"

#include <vector>

#include "model/text_util.h"

namespace cablebase::parse {
namespace {

using model::IsAllDigits;
using model::IsDigit;
using model::IsUpper;

// "EUR-25", "OCT-01", "S/S-00", "CIAE-00": an office code and its copy count.
bool IsOfficeCode(std::string_view w) {
  size_t dash = w.rfind('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= w.size()) return false;
  if (!IsAllDigits(w.substr(dash + 1)) || w.size() - dash - 1 > 3) return false;
  for (char c : w.substr(0, dash)) {
    if (!IsUpper(c) && c != '/' && !IsDigit(c)) return false;
  }
  return IsUpper(w[0]) && dash <= 8;
}

// "/104 W", "/000R", "/104": the total that ends an office block.
bool IsOfficeTotal(std::string_view w) {
  return w.size() >= 2 && w[0] == '/' && IsDigit(w[1]);
}

// All words are office codes (at least one), or a total, or a lone W.
bool IsOfficeWords(const std::vector<std::string_view>& w, size_t from) {
  bool code = false;
  for (size_t i = from; i < w.size(); ++i) {
    if (IsOfficeCode(w[i])) code = true;
    else if (!(IsOfficeTotal(w[i]) || w[i] == "W" || w[i] == "R")) return false;
  }
  return code || (from < w.size() && IsOfficeTotal(w[from]));
}

// "PAGE 01 ATHENS 03099 231541Z": PAGE, a 2-3 digit number, post words, a serial, optional time.
bool ReadPageLine(const std::vector<std::string_view>& w, ArchiveLines* out) {
  if (w.size() < 3 || w[0] != "PAGE" || !IsAllDigits(w[1]) || w[1].size() > 3) return false;
  size_t end = w.size();
  // "PAGE 01 PHNOM 463 021001z FEB 95" (FOIA POEMS pages, C06694636): a whole DTG at the end.
  if (end > 6 && w[end - 1].size() == 2 && IsAllDigits(w[end - 1]) && w[end - 2].size() == 3) {
    end -= 2;
  }
  if (end > 3 && w[end - 1].size() == 7 && IsAllDigits(w[end - 1].substr(0, 6)) &&
      (w[end - 1][6] == 'Z' || w[end - 1][6] == 'z')) {
    if (out->page_time.empty()) out->page_time = model::ToUpperAscii(w[end - 1]);
    --end;
  }
  if (end < 4 || !IsAllDigits(w[end - 1])) return end == 2;  // "PAGE 02" alone
  if (out->page_post.empty()) {
    std::string post;
    for (size_t i = 2; i + 1 < end; ++i) {
      if (!post.empty()) post.push_back(' ');
      post.append(w[i]);
    }
    out->page_post = post;
    out->page_serial = std::string(w[end - 1]);
  }
  return true;
}

// "311829Z JUL 96 STePS (TOTAL COPIES:000)" / "122036L SEP 94 LMT (TOTAL COPIES:000)": the
// message centre's distribution stamp (C06698243, C06694655).
bool ReadDistributionLine(const std::vector<std::string_view>& w, ArchiveLines* out) {
  if (w.size() < 4 || w[0].size() != 7 || !IsAllDigits(w[0].substr(0, 6)) || w[1].size() != 3 ||
      w[2].size() != 2 || !IsAllDigits(w[2])) {
    return false;
  }
  if (!model::StartsWithIgnoreCase(w[3], "STEPS") && w[3] != "LMT") return false;
  if (out->distribution_dtg.empty() && (w[0][6] == 'Z' || w[0][6] == 'z')) {
    out->distribution_dtg = model::ToUpperAscii(std::string(w[0]) + " " + std::string(w[1]) + " " +
                                                std::string(w[2]));
  }
  return true;
}

// "---------   013841", "-------------------201212Z 109980 /20".
bool ReadDashCounter(std::string_view line, ArchiveLines* out) {
  size_t i = 0;
  while (i < line.size() && line[i] == '-') ++i;
  if (i < 8) return false;
  std::vector<std::string_view> w = model::SplitWhitespace(line.substr(i));
  if (w.empty()) return false;
  for (std::string_view x : w) {
    if (!IsAllDigits(x) && !(x.size() == 7 && IsAllDigits(x.substr(0, 6)) && x[6] == 'Z') &&
        !IsOfficeTotal(x)) {
      return false;
    }
  }
  for (std::string_view x : w) {
    if (IsAllDigits(x) && out->message_reference.empty()) out->message_reference = std::string(x);
  }
  return true;
}

// "EUR/CE:DANDERSON", "S/S-O:PJOHNSON", "S/S: ADWOLFF": an office, a colon, a name.
bool IsOfficeNameLine(std::string_view t) {
  size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 20 || t.size() > 60) return false;
  for (char c : t.substr(0, colon)) {
    if (!IsUpper(c) && !IsDigit(c) && c != '/' && c != '-' && c != '.') return false;
  }
  std::string_view rest = model::Trim(t.substr(colon + 1));
  if (rest.empty()) return false;
  for (char c : rest) {
    if (!IsUpper(c) && c != ' ' && c != '.' && c != ':' && c != '-' && c != '/' && c != '\'') {
      return false;
    }
  }
  return true;
}

// "DRAFTED BY EUR/CE:X", "DRAFTED BY: X" → "EUR/CE:X"; empty when not that keyword.
bool TakeBy(std::string_view t, std::string_view keyword, std::string* value) {
  if (!model::StartsWithIgnoreCase(t, keyword)) return false;
  std::string_view rest = t.substr(keyword.size());
  if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
  *value = model::CollapseWhitespace(rest);
  return true;
}

// Precedence letters read by OCR: O may come out as 0.
char PrecedenceLetter(char c) {
  if (c == '0') return 'O';
  return c;
}

}  // namespace

std::string RepairDtgLine(std::string_view line) {
  // Glue the characters back, then read: precedence letter(s), 6 digits, Z, month, 2-digit year.
  std::vector<std::string_view> w = model::SplitWhitespace(line);
  if (w.size() < 3 || w.size() > 9) return {};
  std::string prec;
  size_t i = 0;
  while (i < w.size() && w[i].size() == 1 && (std::string_view("OPRZ0").find(w[i][0]) !=
                                               std::string_view::npos)) {
    prec.push_back(PrecedenceLetter(w[i][0]));
    if (!prec.empty() && prec.size() > 2) return {};
    ++i;
  }
  if (prec.empty() || prec.size() > 2) return {};
  std::string rest;
  for (size_t k = i; k < w.size(); ++k) rest.append(w[k]);
  // rest: "251346ZJUN73" (+ optional trailing letters such as ZFF6 are refused: too noisy).
  if (rest.size() != 12 || !IsAllDigits(rest.substr(0, 6)) ||
      (rest[6] != 'Z' && rest[6] != 'z') || !IsAllDigits(rest.substr(10, 2))) {
    return {};
  }
  std::string mon = model::ToUpperAscii(rest.substr(7, 3));
  static constexpr std::string_view kMonths = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
  bool month = false;
  for (size_t m = 0; m < kMonths.size(); m += 3) month = month || kMonths.substr(m, 3) == mon;
  if (!month) return {};
  std::string out;
  for (size_t k = 0; k < prec.size(); ++k) {
    if (k) out.push_back(' ');
    out.push_back(prec[k]);
  }
  return out + " " + rest.substr(0, 6) + "Z " + mon + " " + rest.substr(10, 2);
}

ArchiveLines ReadArchiveLines(std::string_view text) {
  ArchiveLines out;
  out.text.reserve(text.size());
  enum class Block { kNone, kInfo, kClearers } block = Block::kNone;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    const std::string_view t = model::Trim(line);
    const std::vector<std::string_view> w = model::SplitWhitespace(t);
    bool drop = false;
    std::string value;
    if (t.empty()) {
      // A blank line does not end an office block (PlusD writes one between the INFO lines).
    } else if (ReadPageLine(w, &out)) {
      drop = true;
    } else if (ReadDistributionLine(w, &out)) {
      drop = true;
    } else if ((w[0] == "ACTION" || w[0] == "ORIGIN") && w.size() >= 2 && IsOfficeWords(w, 1)) {
      for (size_t i = 1; i < w.size(); ++i) {
        if (IsOfficeCode(w[i])) out.action_offices.emplace_back(w[i]);
      }
      drop = true;
      block = Block::kNone;
    } else if (w[0] == "INFO" && w.size() >= 2 && IsOfficeWords(w, 1)) {
      for (size_t i = 1; i < w.size(); ++i) {
        if (IsOfficeCode(w[i])) out.info_offices.emplace_back(w[i]);
      }
      drop = true;
      block = Block::kInfo;
    } else if (block == Block::kInfo && IsOfficeWords(w, 0)) {
      for (std::string_view x : w) {
        if (IsOfficeCode(x)) out.info_offices.emplace_back(x);
      }
      drop = true;
    } else if (ReadDashCounter(t, &out)) {
      drop = true;
      block = Block::kNone;
    } else if (TakeBy(t, "DRAFTED BY", &value)) {
      if (out.drafter.empty()) out.drafter = value;
      drop = true;
      block = Block::kNone;
    } else if (TakeBy(t, "APPROVED BY", &value)) {
      if (out.approver.empty()) out.approver = value;
      drop = true;
      block = Block::kClearers;
    } else if (TakeBy(t, "CLEARED BY", &value)) {
      if (!value.empty()) out.clearers.push_back(value);
      drop = true;
      block = Block::kClearers;
    } else if (block == Block::kClearers && IsOfficeNameLine(t)) {
      out.clearers.emplace_back(model::CollapseWhitespace(t));
      drop = true;
    } else if (t == "NNNN" || t == "NNN" || t == "<< END OF DOCUMENT >>" ||
               model::StartsWithIgnoreCase(t, "NNNNMAFVVZCZ")) {
      drop = true;
    } else {
      if (block != Block::kNone) block = Block::kNone;
      std::string dtg = t.size() <= 40 ? RepairDtgLine(t) : std::string();
      if (!dtg.empty()) {
        out.text.append(dtg);
        out.text.push_back('\n');
        continue;
      }
    }
    if (drop) continue;
    out.text.append(line);
    out.text.push_back('\n');
  }
  return out;
}

}  // namespace cablebase::parse
