// The signer of a telegram: the upper-case name(s) at the end of the text ("BURNS").
#include "parse/signers.h"

#include <array>

#include "model/text_util.h"
#include "parse/paragraphs.h"

namespace cablebase::parse {
namespace {

using model::IsAlpha;
using model::IsLower;
using model::IsUpper;

// Words that end a telegram but are no names.
bool IsStopWord(std::string_view w) {
  static constexpr std::array<std::string_view, 40> kStop = {
      "END",     "TEXT",    "COMMENT",   "SUMMARY",  "NOTE",         "THANKS",       "THANK",
      "REGARDS", "SIPDIS",  "NNNN",      "BT",       "UNCLASSIFIED", "UNCLAS",       "CONFIDENTIAL",
      "SECRET",  "LIMITED", "OFFICIAL",  "NOFORN",   "CLASSIFIED",   "DECLASSIFIED", "PAGE",
      "DRAFTED", "CLEARED", "APPROVED",  "MINIMIZE", "CONSIDERED",   "PARA",         "ACTION",
      "INFO",    "FYI",     "SENSITIVE", "EXDIS",    "NODIS",        "LIMDIS",       "STADIS",
      "TAGS",    "SUBJECT", "AND",       "THE",      "YYY"};
  std::string u = model::ToUpperAscii(w);
  for (auto k : kStop) {
    if (u == k) return true;
  }
  if (u.size() >= 2 && u.find_first_not_of('X') == std::string::npos) return true;  // redaction
  return false;
}

// True for one word of a name: letters, '-' and '\'' (STRAUSZ-HUPE, O'NEILL), starting with a
// letter.
bool IsNameWord(std::string_view w) {
  if (w.empty() || w.size() > 30 || !IsAlpha(w[0])) return false;
  size_t letters = 0;
  for (char c : w) {
    if (IsAlpha(c)) {
      ++letters;
    } else if (c != '-' && c != '\'') {
      return false;
    }
  }
  return letters >= 2;
}

bool AllCaps(std::string_view w) {
  for (char c : w) {
    if (IsLower(c)) return false;
  }
  return true;
}

bool AllLower(std::string_view w) {
  for (char c : w) {
    if (IsUpper(c)) return false;
  }
  return true;
}

// `t` without trailing spaces, '.', '#' (MCNAMARA., HORAN##, "MURRAY .").
std::string_view StripTrailing(std::string_view t, bool* had_period) {
  *had_period = false;
  while (!t.empty()) {
    char c = t.back();
    if (c == '.') {
      *had_period = true;
    } else if (c != '#' && c != ' ' && c != '\t') {
      break;
    }
    t.remove_suffix(1);
  }
  return t;
}

// A surname particle written in capitals before the surname ("DE PREE", "VAN VOORST").
bool IsSurnameParticle(std::string_view w) {
  for (std::string_view p : {"DE", "DEL", "DELLA", "DI", "DA", "DU", "LA", "LE", "VAN", "VON", "ST",
                             "ST.", "MAC", "MC", "AL", "EL", "BIN", "TER", "TEN"}) {
    if (model::EqualsIgnoreCase(w, p)) return true;
  }
  return false;
}

// The name when the whole trimmed line is one; else empty.
// Initials written before a surname: "J.", "J.D." (capitals each followed by a stop).
bool IsInitials(std::string_view w) {
  if (w.size() < 2 || w.size() > 6) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    if (i % 2 == 0 ? !IsUpper(w[i]) : w[i] != '.') return false;
  }
  return w.back() == '.';
}

bool IsNameSuffix(std::string_view w) {
  for (std::string_view s : {"JR", "SR", "II", "III", "IV"}) {
    if (model::EqualsIgnoreCase(w, s)) return true;
  }
  return false;
}

std::string NameLine(std::string_view line) {
  bool period = false;
  std::string_view t = model::Trim(line);
  // "SIGNED: SMITH", "SIGNED SMITH": the word that says the name is signed is not the name.
  for (std::string_view label : {"SIGNED:", "SIGNED "}) {
    if (model::StartsWithIgnoreCase(t, label)) t = model::Trim(t.substr(label.size()));
  }
  t = StripTrailing(t, &period);
  if (t.empty() || t.size() > 40) return {};
  std::vector<std::string_view> words = model::SplitWhitespace(t);
  // Initials before the surname ("J.D. SMITH", "J. D. SMITH") and a suffix after it ("MCDONALD
  // JR.") belong to the name; they do not count among its words.
  size_t first = 0, last = words.size();
  while (first + 1 < last && IsInitials(words[first])) ++first;
  const bool suffix = last > first + 1 && IsNameSuffix(words[last - 1]);
  if (suffix) --last;
  const size_t count = last - first;
  if (count == 0 || count > 3) return {};
  // A line of several words ending in a stop is a sentence ("NO FURTHER ACTION."), except a
  // surname after its particle ("DE PREE.") or before its suffix ("MCDONALD JR.").
  if (period && count > 1 && !(count == 2 && IsSurnameParticle(words[first]))) return {};
  for (size_t i = first; i < last; ++i) {
    if (!IsNameWord(words[i]) || IsStopWord(words[i])) return {};
  }
  if (first > 0 || suffix) {
    if (!AllCaps(t)) return {};
    std::string out = model::CollapseWhitespace(t);
    if (suffix && period &&
        (model::EqualsIgnoreCase(words.back(), "JR") || model::EqualsIgnoreCase(words.back(), "SR"))) {
      out += '.';
    }
    return out;
  }
  // A name written twice (10BRASILIA108 "SHANNON Shannon", 09BRASILIA1113 "KUBISKE KUBISKE").
  if (words.size() == 2 && model::EqualsIgnoreCase(words[0], words[1]) && IsUpper(words[0][0])) {
    return std::string(words[0]);
  }
  bool caps = true;
  for (std::string_view w : words) caps = caps && AllCaps(w);
  if (!caps) {
    // A single capitalised word (09NAIROBI2497 "Ranneberger", 09DOHA728 "LeBaron", 09ASMARA429
    // "McMullen"), or a name written twice (10BRASILIA108 "SHANNON Shannon").
    if (words.size() != 1 || !IsUpper(words[0][0])) return {};
  }
  return model::CollapseWhitespace(t);
}

// True when `t` ends a sentence or a closing formula: '.', '!', '?', ')', '"' (also typographic
// quotes), "END COMMENT"/"END TEXT"/... (10USNATO52 "END TEXT HEFFERN"), "MINIMIZE CONSIDERED"
// (10BRASILIA43 "MINIMIZE CONSIDERED SHANNON"), or a rule line of '*' or '-'.
bool EndsSentence(std::string_view t) {
  t = model::TrimRight(t);
  if (t.empty()) return false;
  char c = t.back();
  if (c == '.' || c == '!' || c == '?' || c == ')' || c == '"') return true;
  if (model::EndsWithIgnoreCase(t, "\xE2\x80\x9D")) return true;  // U+201D
  if (model::EndsWithIgnoreCase(t, "MINIMIZE CONSIDERED")) return true;
  if (IsRuleLine(t)) return true;
  size_t sp = t.find_last_of(" \t");
  std::string_view last = sp == std::string_view::npos ? t : t.substr(sp + 1);
  std::string_view rest =
      sp == std::string_view::npos ? std::string_view() : model::TrimRight(t.substr(0, sp));
  if (model::EqualsIgnoreCase(last, "UNQUOTE")) return true;  // "CLINTON UNQUOTE CLINTON"
  for (std::string_view w : {"COMMENT", "TEXT", "NOTE", "SUMMARY", "QUOTE"}) {
    if (model::EqualsIgnoreCase(last, w) && model::EndsWithIgnoreCase(rest, "END")) return true;
  }
  return false;
}

// A name glued after the last sentence of the line: "... cleared this message. ROEMER". Sets
// `*column` to where it starts.
std::string GluedName(std::string_view line, size_t* column) {
  bool period = false;
  std::string_view t = StripTrailing(model::TrimRight(line), &period);
  size_t sp = t.find_last_of(" \t");
  if (sp == std::string_view::npos) return {};
  std::string_view w = t.substr(sp + 1);
  if (w.size() < 3 || !IsNameWord(w) || !IsUpper(w[0]) || IsStopWord(w)) return {};
  std::string_view before = model::TrimRight(t.substr(0, sp));
  // A surname particle before it belongs to the name ("CONSIDERED.  DE PREE").
  size_t sp2 = before.find_last_of(" \t");
  std::string_view prev = sp2 == std::string_view::npos ? before : before.substr(sp2 + 1);
  if (IsSurnameParticle(prev) && AllCaps(prev) && sp2 != std::string_view::npos) {
    std::string_view before2 = model::TrimRight(before.substr(0, sp2));
    if (EndsSentence(before2)) {
      sp = sp2;
      before = before2;
      w = t.substr(sp + 1);
    }
  }
  // Initials before it belong to the name when a sentence ends before them ("CONSIDERED.  J.D.
  // SMITH"): an initial's own stop is no sentence's end. At most three (a name has no more), so
  // the scan stays linear in the line.
  for (int round = 0; round < 3; ++round) {
    size_t sp3 = before.find_last_of(" \t");
    if (sp3 == std::string_view::npos) break;
    std::string_view initials = before.substr(sp3 + 1);
    std::string_view before3 = model::TrimRight(before.substr(0, sp3));
    if (!IsInitials(initials) || !EndsSentence(before3)) break;
    sp = sp3;
    before = before3;
    w = t.substr(sp + 1);
  }
  if (!EndsSentence(before)) return {};
  // The words before must be a sentence, not only a paragraph number and mark ("2. (C) Two.").
  size_t text_start = 0;
  if (auto ps = MatchParagraphStart(line)) {
    text_start = ps->text_offset;
  } else {
    size_t e = 0;
    if (MatchPortionMark(line, &e)) text_start = e;
  }
  if (text_start >= sp || model::Trim(line.substr(text_start, sp - text_start)).size() < 2) {
    return {};
  }
  *column = sp + 1;
  return model::CollapseWhitespace(w);
}

// Lines that close a telegram but carry no text (stamps, separators).
bool IsTrailerLine(std::string_view line) {
  std::string_view t = model::Trim(line);
  if (t.empty()) return true;
  bool any_alnum = false;
  for (char c : t) any_alnum = any_alnum || model::IsAlnum(c);
  if (!any_alnum) return true;  // ".", ">", "-", "***"
  // A redacted line ("XXXXXXXXXXXX" under "NNNN" / "End Cable Text", 09STATE63860): the signer is
  // above it.
  if (t.size() >= 4 && t.find_first_not_of('X') == std::string_view::npos) return true;
  // The message number after BT ("#1234", "#0456/01"), and a bare "SIGNED" under the name.
  if (t.size() >= 2 && t[0] == '#' &&
      t.find_first_not_of("0123456789/", 1) == std::string_view::npos) {
    return true;
  }
  if (model::EqualsIgnoreCase(t, "SIGNED") || model::EqualsIgnoreCase(t, "SIGNED.")) return true;
  if (model::StartsWithIgnoreCase(t, "Declassified/Released") ||
      model::StartsWithIgnoreCase(t, "Review ") ||
      model::StartsWithIgnoreCase(t, "Systematic Review") ||
      model::StartsWithIgnoreCase(t, "End Cable Text") ||
      model::StartsWithIgnoreCase(t, "SELECT * FROM") ||
      model::StartsWithIgnoreCase(t, "NOTE: NOT PASSED") ||
      model::StartsWithIgnoreCase(t, "NOTE: NOT PASSED TO ABOVE") || t == "NNNN" ||
      t == "GP-3" || t == "GP-1" ||
      t == "GP-2" || t == "GP-4" || t == "YYY") {
    return true;
  }
  // "2004CARACA01540 - UNCLASSIFIED", "2002ROME01748 - Classification: SECRET".
  if (t.size() > 8 && model::IsAllDigits(t.substr(0, 4))) {
    size_t dash = t.find(" - ");
    if (dash != std::string_view::npos && dash < 24 &&
        t.substr(0, dash).find(' ') == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<SignerLocation> FindSigner(const std::vector<BodyLine>& lines, size_t begin) {
  size_t i = lines.size();
  while (i > begin && IsTrailerLine(lines[i - 1].text)) --i;
  if (i <= begin) return std::nullopt;
  size_t idx = i - 1;
  std::string_view line = lines[idx].text;
  std::string name = NameLine(line);
  if (!name.empty() && model::TrimRight(line).back() == '.' && idx > begin &&
      !IsTrailerLine(lines[idx - 1].text) && !EndsSentence(lines[idx - 1].text)) {
    // "TRINIDAD'S\nASSISTANCE." (06BRIDGETOWN2164) ends a sentence; "MCNAMARA." stands alone.
    name.clear();
  }
  if (name.empty()) {
    // A repeat of the name above in another case (09BEIJING2964 "Huntsman" / "huntsman").
    size_t j = idx;
    while (j > begin && IsTrailerLine(lines[j - 1].text)) --j;
    if (j > begin) {
      std::string above = NameLine(lines[j - 1].text);
      if (!above.empty() && model::EqualsIgnoreCase(above, model::Trim(line))) {
        return SignerLocation{j - 1, 0, above};
      }
    }
    // A single lower-case word after a finished sentence or a rule (10KUWAIT45 "*****" / "jones",
    // 10ASHGABAT245 "... END COMMENT" / "curran").
    std::string_view t = model::Trim(line);
    if (j > begin && t.size() >= 3 && t.size() <= 30 && IsLower(t[0]) && IsNameWord(t) &&
        AllLower(t) && !IsStopWord(t) && (j < idx || EndsSentence(lines[j - 1].text))) {
      return SignerLocation{idx, 0, std::string(t)};
    }
    size_t column = 0;
    std::string glued = GluedName(line, &column);
    if (glued.empty()) return std::nullopt;
    return SignerLocation{idx, column, glued};
  }
  return SignerLocation{idx, 0, name};
}

std::vector<std::string> ParseSigners(std::string_view text) {
  std::vector<BodyLine> lines = CleanLines(text);
  size_t begin = FindBodyStartLine(lines);
  std::vector<std::string> out;
  if (auto s = FindSigner(lines, begin)) out.push_back(s->name);
  return out;
}

}  // namespace cablebase::parse
