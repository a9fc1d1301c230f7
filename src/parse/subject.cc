// The SUBJECT line of the text header (may wrap over several lines).
#include <algorithm>

#include "model/text_util.h"
#include "parse/header_lines.h"
#include "parse/text_header.h"

namespace cablebase::parse {

namespace {

using model::IsAlpha;
using model::IsDigit;

bool HasLower(std::string_view s) {
  for (char c : s) {
    if (model::IsLower(c)) return true;
  }
  return false;
}

// A continuation-page header inside the text: "PRETORIA 00000954 001.2 OF 004",
// "GENEVA 00002654  001.2 OF 004" (golden parse_subject), "PAGE 02 ROME 01196 01 OF 02 082030Z".
bool IsPageHeader(std::string_view line) {
  std::string u = model::ToUpperAscii(model::Trim(line));
  if (u.compare(0, 5, "PAGE ") == 0) return true;
  std::vector<std::string_view> w = model::SplitWhitespace(u);
  for (size_t i = 1; i + 1 < w.size(); ++i) {
    if (w[i] != "OF" || !model::IsAllDigits(w[i + 1])) continue;
    for (size_t k = 0; k < i; ++k) {
      if (w[k].size() >= 5 && model::IsAllDigits(w[k])) return true;
    }
  }
  return false;
}

// Decodes numeric character references ("&#8217;") to UTF-8 (golden: "Bla &#8217; bla").
std::string DecodeNumericEntities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&' && i + 3 < s.size() && s[i + 1] == '#') {
      size_t j = i + 2;
      unsigned long cp = 0;
      while (j < s.size() && IsDigit(s[j]) && j - i < 10) cp = cp * 10 + (s[j++] - '0');
      if (j < s.size() && s[j] == ';' && j > i + 2 && cp > 0 && cp < 0x110000) {
        if (cp < 0x80) {
          out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
          out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
          out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
          out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
          out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
          out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
        i = j;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

// Where the subject ends inside one line: a REF label (even glued, "UK PRIMEREF: A. LONDON 1939"),
// "Classified By" (even glued, "CAIROClassified By:"), a "Sensitive but unclassified" banner.
size_t InlineEnd(std::string_view line) {
  std::string u = model::ToUpperAscii(line);
  size_t end = u.size();
  auto consider = [&](size_t p) {
    if (p != std::string::npos && p < end) end = p;
  };
  for (std::string_view label : {"REF:", "REFS:", "REF(S):", "REFS :", "REFTEL:", "REFTELS:"}) {
    consider(u.find(label));
  }
  consider(u.find("CLASSIFIED BY"));
  consider(u.find("SENSITIVE BUT"));
  for (std::string_view label : {"REF", "REFS"}) {
    // " REF A. ..." or " REF: " as a word.
    size_t p = internal::FindLabel(u, label);
    while (p != std::string::npos) {
      size_t after = p + label.size();
      if (p > 0 && u[p - 1] == ' ' && after + 2 < u.size() && u[after] == ' ' &&
          (IsAlpha(u[after + 1]) || u[after + 1] == '(') &&
          (u[after + 2] == '.' || u[after + 2] == ')' || u[after + 2] == ' ' ||
           IsAlpha(u[after + 2]))) {
        // Only "REF A." / "REF (A)" / "REF: X" forms; "REF" inside a title is rare but possible,
        // so require a bullet right after.
        if (u[after + 2] == '.' || u[after + 2] == ')' || u[after + 1] == '(') consider(p);
      }
      p = internal::FindLabel(u, label, p + 1);
    }
  }
  return end;
}

// A portion mark's text (inside the parentheses): a classification code in either case, alone or
// followed by "/" and caveats ("U", "C/NF", "SBU", "s" 08BERLIN1068, "S/REL UK" 10STATE9565,
// "S//NF"). "(C-TN9-01234)" (a tasking number, 10STATE9565) and words are no marks.
bool IsPortionMark(std::string_view inner) {
  if (inner.empty() || inner.size() > 24) return false;
  size_t slash = inner.find('/');
  std::string code = model::ToUpperAscii(model::Trim(inner.substr(0, slash)));
  bool known = false;
  for (std::string_view c : {"U", "C", "S", "TS", "SBU", "LOU", "FOUO", "S-NF", "C-NF"}) {
    known |= code == c;
  }
  if (!known) return false;
  if (slash == std::string_view::npos) return true;
  // Caveats: letters, spaces, commas and further slashes ("REL UK", "NF", "REL USA, AUS").
  for (char c : inner.substr(slash)) {
    if (!IsAlpha(c) && c != '/' && c != ' ' && c != ',') return false;
  }
  return true;
}

// Strips a leading portion mark "(U)", "(C/NF)", "(SBU)", "(s)", "(S/REL UK)", and one written at
// the end of the subject ("... MEETING (C)").
std::string StripPortionMark(std::string s) {
  if (s.size() > 2 && s[0] == '(') {
    size_t close = s.find(')');
    if (close != std::string::npos && IsPortionMark(std::string_view(s).substr(1, close - 1))) {
      s = std::string(model::Trim(std::string_view(s).substr(close + 1)));
    }
  }
  if (s.size() > 3 && s.back() == ')') {
    size_t open = s.rfind('(');
    if (open != std::string::npos && open > 0 && s[open - 1] == ' ' &&
        IsPortionMark(std::string_view(s).substr(open + 1, s.size() - open - 2))) {
      s = std::string(model::TrimRight(std::string_view(s).substr(0, open)));
    }
  }
  return s;
}

// A rule line: only dashes, equals signs or underscores ("-----------" under the subject of
// 09HARARE888, 09PRETORIA939, 09PRETORIA954 — it opens a heading, not more subject).
bool IsRuleLine(std::string_view t) {
  if (t.size() < 3) return false;
  for (char c : t) {
    if (c != '-' && c != '=' && c != '_' && c != ' ') return false;
  }
  return true;
}

// The subject text after an old-format page header ("PAGE 02 HARARE 06677 01 OF 03 291400Z
// OPPOSITION LEADER", 00HARARE6677): the page break cut the subject line and the rest follows the
// header's DTG on the same line. Empty when the line is no such header or nothing follows.
std::string_view AfterOldPageHeader(std::string_view t) {
  std::string u = model::ToUpperAscii(t);
  if (u.compare(0, 5, "PAGE ") != 0) return {};
  std::vector<std::string_view> w = model::SplitWhitespace(u);
  for (size_t i = 2; i < w.size() && i < 9; ++i) {
    std::string_view x = w[i];
    if (x.size() == 7 && x.back() == 'Z' && model::IsAllDigits(x.substr(0, 6))) {
      size_t off = static_cast<size_t>(x.data() - u.data()) + x.size();
      return model::Trim(t.substr(off));
    }
  }
  return {};
}

// Finds the SUBJECT label; returns the offset just after it (and its colon), or npos.
size_t FindSubjectLabel(std::string_view text) {
  for (const internal::Line& l : internal::LinesWithOffsets(text)) {
    std::string u = model::ToUpperAscii(l.text);
    for (std::string_view label : {"SUBJECT", "SUBJ", "UBJECT"}) {
      size_t p = internal::FindLabel(u, label);
      while (p != std::string::npos) {
        size_t after = p + label.size();
        size_t k = after;
        while (k < u.size() && u[k] == ' ') ++k;
        bool colon = k < u.size() && u[k] == ':';
        bool at_start = model::Trim(std::string_view(u).substr(0, p)).empty();
        // Mid-line only with a colon ("... Tags: prel Subject: turkish"); never after "//"
        // ("C O R R E C T E D COPY//SUBJECT LINE", golden parse_subject).
        bool ok = (at_start && (colon || k > after)) || (colon && p > 0 && u[p - 1] == ' ');
        if (ok && label == "UBJECT" && !at_start) ok = false;
        if (ok) return l.begin + (colon ? k + 1 : after);
        p = internal::FindLabel(u, label, p + 1);
      }
    }
  }
  return std::string_view::npos;
}

bool StartsWithClassification(std::string_view line) {
  std::string u = model::ToUpperAscii(internal::CollapseLetterSpacing(model::Trim(line)));
  size_t used = 0;
  std::string cls = internal::MatchClassification(u, &used);
  return !cls.empty() && (used == u.size() || u[used] == ' ');
}

// A line that is only a classification word: the banner at the foot or head of a page
// (" CONFIDENTIAL" in 00HARARE6677).
bool IsBannerOnly(std::string_view line) {
  std::string u = model::ToUpperAscii(internal::CollapseLetterSpacing(model::Trim(line)));
  size_t used = 0;
  std::string cls = internal::MatchClassification(u, &used);
  return !cls.empty() && used == u.size();
}

// True when the subject so far stops where a sentence cannot: after a connecting word ("... ON
// ALLEGATIONS OF" / "SECRET DETENTION CENTERS", corpus) or a ',', ':', ';' or '-' ("IRAN
// POST-ELECTION:" / "[Source removed] CALLS RESULTS", corpus). The next line then continues it,
// whatever its first word or case.
bool Unfinished(std::string_view subject) {
  subject = model::TrimRight(subject);
  if (subject.empty()) return false;
  char c = subject.back();
  if (c == ',' || c == ':' || c == ';' || c == '-') return true;
  size_t sp = subject.find_last_of(' ');
  std::string last = model::ToUpperAscii(sp == std::string_view::npos ? subject : subject.substr(sp + 1));
  for (std::string_view w : {"OF", "ON", "AND", "THE", "TO", "IN", "FOR", "A", "AN", "WITH", "AT",
                             "BY", "FROM", "OR", "ITS", "AS", "OVER", "INTO"}) {
    if (last == w) return true;
  }
  return false;
}

// Appends a line's piece: a word hyphenated at the wrap is joined ("JURIS-\nDICTION"); a dash —
// "--", or a hyphen after a blank ("FRANCE -") — keeps its space ("IRAN --\nAND THE U.S.?",
// 09SANAA2070), also over a page break.
void AppendPiece(std::string* subject, std::string_view piece) {
  const std::string& s = *subject;
  if (!s.empty() && (s.back() != '-' || model::EndsWithIgnoreCase(s, "--") ||
                     (s.size() >= 2 && s[s.size() - 2] == ' '))) {
    subject->push_back(' ');
  }
  subject->append(piece);
}

// True for a line that opens a numbered paragraph or a portion-marked one ("1. (C) ...", "(U)").
bool OpensParagraph(std::string_view t) {
  size_t d = 0;
  while (d < t.size() && IsDigit(t[d])) ++d;
  if (d > 0 && d < t.size() && (t[d] == '.' || t[d] == ')')) return true;
  if (t.size() >= 3 && t[0] == '(' && t.find(')') != std::string_view::npos && t.find(')') <= 12) {
    std::string_view mark = t.substr(1, t.find(')') - 1);
    for (char c : mark) {
      if (!model::IsUpper(c) && c != '/' && c != ' ') return false;
    }
    return true;
  }
  return false;
}

// Mostly capitals: fewer than one lower-case letter for five capitals ("TEHRAN's SHADOW", "55th").
// Letters inside parentheses are not counted: a tasking number ("(c-ne9-01257)") is written in
// lower case in upper-case subjects. A line that is only a tasking number — a parenthesis holding
// no blank, a digit and a hyphen — counts as capitals.
bool MostlyUpper(std::string_view s) {
  std::string_view t = model::Trim(s);
  if (t.size() >= 4 && t.front() == '(' && t.back() == ')' && t.find(' ') == std::string_view::npos &&
      t.find('-') != std::string_view::npos &&
      std::any_of(t.begin(), t.end(), [](char c) { return IsDigit(c); })) {
    return true;
  }
  int lower = 0, upper = 0, depth = 0;
  for (char c : s) {
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth > 0) continue;
    lower += model::IsLower(c);
    upper += model::IsUpper(c);
  }
  return lower * 5 < upper;
}

}  // namespace

std::string ParseSubject(std::string_view text, SubjectForm form) {
  size_t start = FindSubjectLabel(text);
  if (start == std::string_view::npos) return {};
  std::vector<internal::Line> lines = internal::LinesWithOffsets(text.substr(start));
  std::string subject;
  bool upper_only = true;
  bool started = false;
  bool continued = false;  // a continuation after a blank line was taken (at most one)
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i].text;
    // Lines ending in a stray backslash (golden: "SESSION \\\n \\\n").
    std::string_view t = model::TrimRight(line);
    if (!t.empty() && t.back() == '\\') t.remove_suffix(1);
    t = model::Trim(t);
    if (t.empty()) {
      if (started) {
        // A subject wrapped across a blank line (09MOSCOW1108): one more line, then the end.
        size_t j = i + 1;
        while (j < lines.size() && model::Trim(lines[j].text).empty()) ++j;
        if (continued || !upper_only || j >= lines.size()) break;
        const bool one_line_block = j + 1 >= lines.size() ||
                                    model::Trim(lines[j + 1].text).empty() ||
                                    internal::StartsHeaderField(lines[j + 1].text);
        size_t k = j + 1;
        while (k < lines.size() && model::Trim(lines[k].text).empty()) ++k;
        if (!one_line_block || k >= lines.size() ||
            !internal::ContinuesSubjectAfterBlank("SUBJECT: " + subject, lines[j].text,
                                                  lines[k].text)) {
          break;
        }
        continued = true;
        i = j - 1;  // the loop's ++i lands on the continuation
      }
      continue;  // "SUBJECT:\n\nCooperation and ..." (golden): the subject is on a later line
    }
    if (started && IsRuleLine(t)) break;
    if (started && i > 0 && StartsWithClassification(t)) {
      // A page break inside the subject (00HARARE6677): the banner, then an old-format page
      // header carrying the rest of the subject after its DTG.
      size_t j = i + 1;
      while (j < lines.size() && model::Trim(lines[j].text).empty()) ++j;
      std::string_view rest = j < lines.size() ? AfterOldPageHeader(model::Trim(lines[j].text))
                                               : std::string_view();
      if (!rest.empty() && !(upper_only && HasLower(rest) && !MostlyUpper(rest))) {
        size_t end = InlineEnd(rest);
        std::string_view piece = model::Trim(rest.substr(0, end));
        AppendPiece(&subject, piece);
        if (end < rest.size()) break;
        i = j;
        continue;
      }
    }
    if (started && i > 0 && IsBannerOnly(t) && i + 1 < lines.size()) {
      // The same page break once the reader has cut the page header out of the line (what
      // CleanLines does): the banner alone, then at once the rest of the subject.
      std::string_view next = model::Trim(lines[i + 1].text);
      // A number there is the subject's own unless it opens a paragraph ("… MARCH" / "
      // CONFIDENTIAL" / "17-20 VISIT …"); so is a classification word after an unfinished subject.
      const bool unfinished = Unfinished(subject);
      if (!next.empty() && !internal::StartsHeaderField(next) && !IsPageHeader(next) &&
          (unfinished || !StartsWithClassification(next)) &&
          !(upper_only && HasLower(next) && !MostlyUpper(next)) &&
          !OpensParagraph(next)) {
        continue;
      }
    }
    // A subject left unfinished continues on this line unless it opens a header field, a page
    // header or a paragraph: a classification word or lower case there is the subject's own.
    const bool carry = started && Unfinished(subject) && !internal::StartsHeaderField(t) &&
                       !IsPageHeader(t) && !OpensParagraph(t) && !IsBannerOnly(t);
    if (i > 0 || !started) {
      if (i > 0 && !carry &&
          (internal::StartsHeaderField(t) || IsPageHeader(t) || StartsWithClassification(t))) {
        break;
      }
    }
    if (started && upper_only && HasLower(t) && !carry && !MostlyUpper(t)) break;
    size_t end = InlineEnd(t);
    std::string_view piece = model::Trim(t.substr(0, end));
    if (!piece.empty()) {
      // A word hyphenated at the wrap is joined ("JURIS-\nDICTION"); a dash pair "--" standing
      // for a dash keeps its space ("IRAN --\nAND THE U.S.?", 09SANAA2070).
      AppendPiece(&subject, piece);
      if (!started) upper_only = !HasLower(piece) || [&] {
        // A mostly upper-case subject with a lower-case ordinal ("55th") still counts as upper.
        int lower = 0, upper = 0;
        for (char c : piece) {
          lower += model::IsLower(c);
          upper += model::IsUpper(c);
        }
        return lower * 5 < upper;
      }();
      started = true;
    }
    if (end < t.size() || continued) break;
  }
  std::string written = model::CollapseWhitespace(DecodeNumericEntities(subject));
  return form == SubjectForm::kAsWritten ? written : StripPortionMark(std::move(written));
}

}  // namespace cablebase::parse
