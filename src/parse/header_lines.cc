// Line-level helpers shared by the text-header parsers.
#include "parse/header_lines.h"

#include "model/text_util.h"

namespace cablebase::parse::internal {

using model::IsAlpha;
using model::IsDigit;
using model::IsSpace;

std::vector<Line> LinesWithOffsets(std::string_view text) {
  std::vector<Line> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    size_t e = end;
    if (e > start && text[e - 1] == '\r') --e;
    out.push_back({text.substr(start, e - start), start, e, next});
    start = next;
  }
  return out;
}

std::string CollapseLetterSpacing(std::string_view line) {
  std::string out;
  size_t i = 0;
  const size_t n = line.size();
  while (i < n) {
    // A run: letter, single space, letter, single space, letter... (at least 3 letters), each
    // letter standing alone (not part of a longer word).
    auto alone = [&](size_t k) {
      return IsAlpha(line[k]) && (k == 0 || !model::IsAlnum(line[k - 1])) &&
             (k + 1 >= n || !model::IsAlnum(line[k + 1]));
    };
    if (alone(i)) {
      size_t k = i;
      std::string word;
      while (k < n && alone(k)) {
        word.push_back(line[k]);
        if (k + 2 < n && line[k + 1] == ' ' && alone(k + 2)) {
          k += 2;
        } else {
          ++k;
          break;
        }
      }
      if (word.size() >= 3) {
        out += word;
        i = k;
        continue;
      }
    }
    out.push_back(line[i]);
    ++i;
  }
  return out;
}

namespace {

// Matches `word` (may contain spaces) at the start of `s`, ignoring extra spaces between words;
// requires a non-letter after it. Returns bytes used or 0.
size_t MatchWords(std::string_view s, std::string_view word) {
  size_t i = 0, j = 0;
  while (j < word.size()) {
    if (word[j] == ' ') {
      if (i >= s.size() || !(IsSpace(s[i]) || s[i] == '/' || s[i] == '-')) return 0;
      while (i < s.size() && (IsSpace(s[i]) || s[i] == '/' || s[i] == '-')) ++i;
      ++j;
      continue;
    }
    if (i >= s.size() || s[i] != word[j]) return 0;
    ++i;
    ++j;
  }
  if (i < s.size() && IsAlpha(s[i])) return 0;
  return i;
}

}  // namespace

std::string MatchClassification(std::string_view upper, size_t* used) {
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"TOP SECRET", "TOP SECRET"},
      {"UNCLASSIFIED", "UNCLASSIFIED"},
      {"UNCLAS", "UNCLASSIFIED"},
      {"UNCLASS", "UNCLASSIFIED"},
      {"CONFIDENTIAL", "CONFIDENTIAL"},
      {"SECRET", "SECRET"},
      {"LIMITED OFFICIAL USE", "LIMITED OFFICIAL USE"},
      // A lost first letter (10BAGHDAD290 "O N F I D E N T I A L BAGHDAD 000290").
      {"ONFIDENTIAL", "CONFIDENTIAL"},
      {"NCLASSIFIED", "UNCLASSIFIED"},
      {"NCLAS", "UNCLASSIFIED"},
      {"ECRET", "SECRET"},
  };
  for (const auto& [word, norm] : kWords) {
    size_t n = MatchWords(upper, word);
    if (n > 0) {
      if (used) *used = n;
      return std::string(norm);
    }
  }
  return {};
}

std::string MatchCaveat(std::string_view upper, size_t* used) {
  static constexpr std::pair<std::string_view, std::string_view> kCaveats[] = {
      {"SENSITIVE BUT UNCLASSIFIED", "SBU"},
      {"SENSITIVE BUT UNCLASSIFED", "SBU"},
      {"SENSITIVE SECURITY INFORMATION", "SSI"},
      {"SIPDIS", "SIPDIS"},
      {"NOFORN", "NOFORN"},
      {"NOFORM", "NOFORN"},
      {"SENSITIVE", "SENSITIVE"},
      {"SBU", "SBU"},
      {"EXDIS", "EXDIS"},
      {"NODIS", "NODIS"},
      {"LIMDIS", "LIMDIS"},
      {"STADIS", "STADIS"},
      {"ROGER CHANNEL", "ROGER CHANNEL"},
      {"OFFICIAL INFORMAL", "OFFICIAL INFORMAL"},
      {"SPECAT EXCLUSIVE", "SPECAT EXCLUSIVE"},
      {"SPECAT", "SPECAT"},
      {"WEBGRAM EXCLUDED ONLY", "WEBGRAM EXCLUDED ONLY"},
      {"EFTO", "EFTO"},
      {"ORCON", "ORCON"},
      {"NOCONTRACT", "NOCONTRACT"},
      {"PROPIN", "PROPIN"},
      {"FOR OFFICIAL USE ONLY", "FOUO"},
      {"FOUO", "FOUO"},
      {"CHEROKEE", "CHEROKEE"},
      {"DISSENT CHANNEL", "DISSENT CHANNEL"},
      {"EYES ONLY", "EYES ONLY"},
  };
  for (const auto& [word, norm] : kCaveats) {
    size_t n = MatchWords(upper, word);
    if (n > 0) {
      if (used) *used = n;
      return std::string(norm);
    }
  }
  return {};
}

size_t FindLabel(std::string_view text, std::string_view label, size_t from) {
  size_t pos = from;
  while (true) {
    pos = model::FindIgnoreCase(text, label, pos);
    if (pos == std::string_view::npos) return pos;
    bool before_ok = pos == 0 || !IsAlpha(text[pos - 1]);
    size_t after = pos + label.size();
    bool after_ok = after >= text.size() || !IsAlpha(text[after]);
    if (before_ok && after_ok) return pos;
    ++pos;
  }
}

bool StartsHeaderField(std::string_view line) {
  std::string_view t = model::Trim(line);
  std::string u = model::ToUpperAscii(t.substr(0, std::min<size_t>(t.size(), 24)));
  for (std::string_view p : {"E.O.", "E. O.", "EO 1", "EO:", "E.O ", "TAGS", "TAG ", "TAG:",
                             "SUBJECT", "SUBJ:", "SUBJ ", "REF:", "REF ", "REFS", "REFTEL",
                             "CLASSIFIED BY"}) {
    if (u.compare(0, p.size(), p) == 0) return true;
  }
  // A numbered paragraph "1. " / "1.(C)".
  size_t i = 0;
  while (i < u.size() && IsDigit(u[i])) ++i;
  return i > 0 && i <= 2 && i < u.size() && u[i] == '.';
}

bool ContinuesSubjectAfterBlank(std::string_view subject_block, std::string_view line,
                                std::string_view next) {
  auto has_lower = [](std::string_view s) {
    for (char c : s) {
      if (model::IsLower(c)) return true;
    }
    return false;
  };
  subject_block = model::Trim(subject_block);
  line = model::Trim(line);
  next = model::Trim(next);
  if (subject_block.size() < 40 || has_lower(subject_block)) return false;
  if (line.empty() || line.size() > 160 || has_lower(line) || line.back() == '.') return false;
  bool letters = false;
  size_t digits = 0;
  for (char c : line) {
    letters |= model::IsUpper(c);
    digits = IsDigit(c) ? digits + 1 : 0;
    if (digits >= 5) return false;  // a page header: "MADRID 00000614 001.2 OF 004"
  }
  if (!letters || StartsHeaderField(line)) return false;
  const std::string upper = model::ToUpperAscii(CollapseLetterSpacing(line));
  size_t used = 0;
  if (!MatchClassification(upper, &used).empty() || !MatchCaveat(upper, &used).empty()) {
    return false;
  }
  for (std::string_view opener : {"SUMMARY", "BEGIN SUMMARY", "PASS ", "FOR ", "DEPARTMENT FOR",
                                  "STATE FOR", "DEPT FOR", "SIPDIS", "(", "\xC2\xB6"}) {
    if (upper.compare(0, opener.size(), opener) == 0) return false;
  }
  // Only a REF or Classified By line proves the header goes on: before a numbered paragraph the
  // line is as likely a heading of the body (BACKGROUND, KEY POINTS), which must stay body.
  const std::string next_upper = model::ToUpperAscii(next.substr(0, std::min<size_t>(next.size(), 16)));
  for (std::string_view label : {"REF", "CLASSIFIED BY", "CLASSIFIED  BY"}) {
    if (next_upper.compare(0, label.size(), label) == 0) return true;
  }
  return false;
}

}  // namespace cablebase::parse::internal
