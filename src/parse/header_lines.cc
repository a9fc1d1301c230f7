// Line-level helpers shared by the text-header parsers.
#include "parse/header_lines.h"

#include "model/reference_id.h"
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

void RefBlockState::Add(std::string_view line) {
  std::string_view t = model::Trim(line);
  if (t.empty() || closed) return;
  if (model::FindIgnoreCase(t, "CLASSIFIED BY") != std::string_view::npos) {
    closed = true;
    return;
  }
  tail.assign(t);
  const size_t n = t.size();
  for (size_t i = 0; i < n; ++i) {
    char expected = last_bullet == 0 ? 'A' : static_cast<char>(last_bullet + 1);
    if (expected > 'Z' || model::ToUpperChar(t[i]) != expected) continue;
    size_t j = i + 1;
    bool ok = false;
    if (i > 0 && (t[i - 1] == '(' || t[i - 1] == '[')) {
      ok = j < n && (t[j] == ')' || t[j] == ']') && (i < 2 || !model::IsAlnum(t[i - 2]));
    } else if (i == 0 || !model::IsAlnum(t[i - 1])) {
      ok = j < n && (t[j] == '.' || t[j] == ')' || t[j] == ':') &&
           (j + 1 >= n || !model::IsAlnum(t[j + 1]));
    }
    if (ok) last_bullet = expected;
  }
}

namespace {

// The bullet letter `line` starts with ("B.", "B)", "(B)", "[B]", "B:" after '-' or a pilcrow), or 0.
char LeadingBullet(std::string_view line) {
  std::string_view s = model::Trim(line);
  while (!s.empty() && (s[0] == '-' || s[0] == ' ')) s.remove_prefix(1);
  if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 &&
      static_cast<unsigned char>(s[1]) == 0xB6) {
    s = model::TrimLeft(s.substr(2));
  }
  if (s.size() >= 3 && (s[0] == '(' || s[0] == '[') && IsAlpha(s[1]) &&
      (s[2] == ')' || s[2] == ']')) {
    return model::ToUpperChar(s[1]);
  }
  if (s.size() >= 2 && IsAlpha(s[0]) && (s[1] == '.' || s[1] == ')' || s[1] == ':') &&
      (s.size() == 2 || !model::IsAlnum(s[2]))) {
    return model::ToUpperChar(s[0]);
  }
  return 0;
}

// How the REF block ends (see ContinuesRefAfterBlank): 2 when its last entry has no text yet (a
// bare bullet, a bare year, or the REF label alone on its line), 1 when it is a post without its serial, 0 otherwise.
int IncompleteEnd(std::string_view block) {
  std::string_view t = model::TrimRight(block);
  while (!t.empty() && (t.back() == ',' || t.back() == '\\')) t = model::TrimRight(t.substr(0, t.size() - 1));
  size_t b = t.size();
  // "B) STATE (01) 213042,C)": the last entry starts after a space, ',' or ';'.
  while (b > 0 && !IsSpace(t[b - 1]) && t[b - 1] != ',' && t[b - 1] != ';') --b;
  std::string_view last = t.substr(b);
  if (last.empty()) return 0;
  // The label alone ("REF:" / "" / "LA PAZ 2974"): the first entry is still to come.
  if (b == 0) {
    std::string u = model::ToUpperAscii(last);
    for (std::string_view label : {"REF:", "REFS:", "REFTEL:", "REFTELS:", "REF(S):", "REFERENCE:",
                                   "REFERENCES:", "REFERENCE(S):"}) {
      if (u == label) return 2;
    }
  }
  if (last.size() <= 2 && model::IsAllDigits(last)) return 2;  // "D. 03"
  if (last.size() == 2 && IsAlpha(last[0]) && (last[1] == ')' || last[1] == '.')) return 2;
  if (last.size() == 3 && last[0] == '(' && IsAlpha(last[1]) && last[2] == ')') return 2;
  std::string letters;
  for (char c : last) {
    if (!IsAlpha(c)) return 0;
    letters.push_back(model::ToUpperChar(c));
  }
  // Spelled as a post, or as the aliases REF lines use for State and the missions; never a near
  // miss (a word one letter from a post is a word).
  std::string post = model::CanonicalPostName(letters);
  bool exact = post == letters || letters == "SECSTATE" || letters == "USUN" || letters == "HAGUE";
  return model::IsKnownPost(post) && exact ? 1 : 0;
}

}  // namespace

namespace {

// True for the notice of a corrected copy, letter-spaced or not ("C O R R E C T E D COPY OF PANAMA
// 1957 - TEXT", golden parse_references #91; "C O R R E C T E D   C O P Y - ADDED NOFORN CAPTION",
// 08ISLAMABAD1432): a caption of the header, never a REF entry.
bool IsCorrectedCopyNotice(std::string_view line) {
  std::string letters;
  for (char c : line.substr(0, std::min<size_t>(line.size(), 48))) {
    if (!IsSpace(c)) letters.push_back(model::ToUpperChar(c));
  }
  return letters.compare(0, 13, "CORRECTEDCOPY") == 0;
}

}  // namespace

bool ContinuesRefAfterBlank(const RefBlockState& block, std::string_view line,
                            std::string_view after) {
  std::string_view t = model::Trim(line);
  if (t.empty() || block.closed) return false;
  if (char b = LeadingBullet(t); b != 0) {
    char last = block.last_bullet;
    if (last != 0 && (b == last + 1 || b == last) && b != 'A') return true;
  }
  int incomplete = IncompleteEnd(block.tail);
  if (incomplete == 2 && !StartsHeaderField(t)) return true;
  // A list left open: the block's last line ends with the separator of its entries
  // (09RIODEJANEIRO365 "REF: RIO DE JANEIRO 329; RIO DE JANEIRO 346;" / "" / "RIO DE JANEIRO 353").
  std::string_view tail = model::TrimRight(block.tail);
  if (!tail.empty() && (tail.back() == ';' || tail.back() == ',') && !StartsHeaderField(t) &&
      !IsRepeatedClassificationLine(t)) {
    return true;
  }
  if (incomplete == 1 && IsDigit(t[0]) && !StartsHeaderField(t)) return true;
  std::string_view a = model::Trim(after);
  return model::StartsWithIgnoreCase(a, "CLASSIFIED BY") && !StartsHeaderField(t) &&
         !IsRepeatedClassificationLine(t) && !IsCorrectedCopyNotice(t);
}

bool IsRepeatedClassificationLine(std::string_view line) {
  std::string u = model::ToUpperAscii(CollapseLetterSpacing(model::Trim(line)));
  size_t used = 0;
  if (MatchClassification(u, &used).empty()) return false;
  std::string_view rest = model::Trim(std::string_view(u).substr(used));
  if (rest.empty() || rest.compare(0, 7, "SECTION") == 0 || rest.compare(0, 2, "//") == 0) {
    return true;
  }
  // "... KHARTOUM 000881": a post and a serial of 3+ digits, nothing else.
  size_t sp = rest.rfind(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view serial = rest.substr(sp + 1);
  std::string_view post = model::Trim(rest.substr(0, sp));
  return serial.size() >= 3 && model::IsAllDigits(serial) && post.size() <= 40 &&
         model::IsKnownPost(model::CanonicalPostName(post));
}

}  // namespace cablebase::parse::internal
