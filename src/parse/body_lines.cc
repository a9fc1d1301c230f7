// The lines of a telegram text with transport debris removed, and where the body starts.
#include "parse/body_lines.h"

#include <algorithm>
#include <array>

#include "model/text_util.h"
#include "parse/header_lines.h"

namespace cablebase::parse {
namespace {

using model::IsAlpha;
using model::IsDigit;
using model::IsSpace;
using model::IsUpper;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Length of a markdown link `[T](#...)` starting at s[i] == '[' and its text T; 0 when none.
size_t MatchMarkdownLink(std::string_view s, size_t i, std::string_view* link_text) {
  constexpr size_t kMaxText = 40, kMaxTarget = 200;
  size_t close = std::string_view::npos;
  for (size_t j = i + 1; j < s.size() && j <= i + 1 + kMaxText; ++j) {
    if (s[j] == ']') {
      close = j;
      break;
    }
    if (s[j] == '[' || s[j] == '\n') return 0;
  }
  if (close == std::string_view::npos || close + 2 >= s.size()) return 0;
  if (s[close + 1] != '(' || s[close + 2] != '#') return 0;
  for (size_t j = close + 3; j < s.size() && j <= close + 3 + kMaxTarget; ++j) {
    if (s[j] == ')') {
      *link_text = s.substr(i + 1, close - i - 1);
      return j + 1 - i;
    }
    if (s[j] == '(' || s[j] == '\n' || s[j] == ' ') return 0;
  }
  return 0;
}

// True for the words a classification is written with, spaces removed and upper case.
bool IsClassificationWord(std::string_view w) {
  static constexpr std::array<std::string_view, 9> kWords = {
      "UNCLASSIFIED",     "UNCLAS",     "CONFIDENTIAL",
      "SECRET",           "TOPSECRET",  "LIMITEDOFFICIALUSE",
      "UNCLASSIFIEDEFTO", "UNCLASEFTO", "SENSITIVEBUTUNCLASSIFIED"};
  for (auto k : kWords) {
    if (w == k) return true;
  }
  return false;
}

// Offset just after a DTG token "DDHHMMZ" found in s[from, from + limit); npos when none.
size_t FindDtgEnd(std::string_view s, size_t from, size_t limit) {
  size_t stop = std::min(s.size(), from + limit);
  for (size_t i = from; i + 7 <= stop; ++i) {
    if (i > 0 && !IsSpace(s[i - 1])) continue;
    bool ok = true;
    for (size_t k = 0; k < 6; ++k) ok = ok && IsDigit(s[i + k]);
    if (!ok || s[i + 6] != 'Z') continue;
    if (i + 7 < s.size() && !IsSpace(s[i + 7])) continue;
    return i + 7;
  }
  return std::string_view::npos;
}

// The modern page header `POST 000NNNNN  PPP[.S] OF NNN` anywhere in `line`: sets [*begin, *end)
// to its extent and returns true.
bool FindModernPageHeader(std::string_view line, size_t* begin, size_t* end) {
  // Every such header has "OF" after the serial: lines without it (most) are rejected with one
  // memchr-speed search instead of a scan of every byte (issue 6 profile: 10% of parse time).
  size_t of = line.find("OF", 10);
  if (of == std::string_view::npos) return false;
  // Anchor on the 8-digit serial preceded by a space.
  for (size_t i = 1; i + 8 <= line.size(); ++i) {
    if (line[i - 1] != ' ' || !IsDigit(line[i])) continue;
    size_t d = i;
    while (d < line.size() && IsDigit(line[d])) ++d;
    if (d - i != 8) {
      i = d;
      continue;
    }
    size_t j = d;
    while (j < line.size() && IsBlank(line[j])) ++j;
    if (j == d) {
      i = d;
      continue;
    }
    size_t p = j;
    while (j < line.size() && IsDigit(line[j])) ++j;
    if (j - p < 1 || j - p > 3) {
      i = d;
      continue;
    }
    if (j < line.size() && line[j] == '.') {
      ++j;
      while (j < line.size() && IsDigit(line[j])) ++j;
    }
    size_t k = j;
    while (k < line.size() && IsBlank(line[k])) ++k;
    if (k == j || line.substr(k, 2) != "OF") {
      i = d;
      continue;
    }
    k += 2;
    size_t m = k;
    while (m < line.size() && IsBlank(line[m])) ++m;
    if (m == k) {
      i = d;
      continue;
    }
    size_t q = m;
    while (q < line.size() && IsDigit(line[q])) ++q;
    if (q - m < 1 || q - m > 3 || (q < line.size() && !IsSpace(line[q]))) {
      i = d;
      continue;
    }
    // The post: at most 10 characters of capitals, spaces and .'- before the serial (the page
    // header truncates the post name: "BUENOS AIR", "RIO DE JAN"), never starting mid-word.
    size_t s = i - 1;  // the space before the serial
    size_t b = s;
    while (b > 0 && s - b < 10) {
      char c = line[b - 1];
      if (IsUpper(c) || c == ' ' || c == '.' || c == '\'' || c == '-') {
        --b;
      } else {
        break;
      }
    }
    while (b < s && b > 0 && IsAlpha(line[b - 1]) && line[b] != ' ') ++b;  // mid-word: back off
    while (b < s && line[b] == ' ') ++b;
    if (b == s || !IsUpper(line[b])) {
      i = d;
      continue;
    }
    *begin = b;
    *end = q;
    return true;
  }
  return false;
}

// In a "Classified By" line, the offset of a first paragraph glued to its end (09TRIPOLI65
// "... REASON: 1.4 (b), (d) 1. (C/NF) Summary: While ...", 10VATICAN13, 08OSLO522 "... 1.4 b and d
// 1.(C)"); npos when none. The paragraph must open with "1." and a parenthesised mark.
size_t FindGluedFirstParagraph(std::string_view line) {
  std::string_view t = model::TrimLeft(line);
  if (!model::StartsWithIgnoreCase(t, "CLASSIFIED BY")) return std::string::npos;
  for (size_t p = line.find(" 1."); p != std::string_view::npos; p = line.find(" 1.", p + 1)) {
    size_t q = p + 3;
    while (q < line.size() && IsBlank(line[q])) ++q;
    if (q >= line.size() || line[q] != '(') continue;
    size_t close = line.find(')', q);
    if (close == std::string_view::npos || close - q > 16) continue;
    std::string_view mark = line.substr(q + 1, close - q - 1);
    if (mark.empty() || !IsUpper(mark[0])) continue;
    bool ok = true;
    for (char c : mark) ok = ok && (IsUpper(c) || c == '/' || c == ' ');
    if (ok) return p + 1;
  }
  return std::string::npos;
}

}  // namespace

std::string RemoveLineDebris(std::string_view line) {
  // Most lines carry neither a link nor a pilcrow (0xB6 is also the last byte of UTF-8 "¶").
  if (line.find('[') == std::string_view::npos && line.find('\xB6') == std::string_view::npos) {
    return std::string(line);
  }
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size();) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == 0xC2 && i + 1 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0xB6) {
      i += 2;
      continue;
    }
    if (c == 0xB6 && (i == 0 || static_cast<unsigned char>(line[i - 1]) < 0x80)) {
      ++i;  // a Latin-1 pilcrow that escaped decoding
      continue;
    }
    if (c == '[') {
      std::string_view t;
      if (size_t n = MatchMarkdownLink(line, i, &t); n > 0) {
        if (!(t.empty() || t == "1" || t == "\xC2\xB6")) out.append(t);
        i += n;
        continue;
      }
    }
    out.push_back(static_cast<char>(c));
    ++i;
  }
  return out;
}

namespace {

// StripPageHeader's older form (`[CLASSIFICATION] PAGE NN ... DDHHMMZ`); nullopt when the line
// does not start with one.
std::optional<std::string_view> StripOldPageHeader(std::string_view line) {
  if (line.find("PAGE") == std::string_view::npos) return std::nullopt;
  size_t i = 0;
  while (i < line.size() && IsBlank(line[i])) ++i;
  // Older form: optional classification word(s), then PAGE NN.
  size_t p = i;
  for (int words = 0; words < 4 && p < line.size(); ++words) {
    if (line.substr(p, 5) == "PAGE " || line.substr(p, 5) == "PAGE\t") break;
    size_t w = p;
    while (w < line.size() && IsUpper(line[w])) ++w;
    if (w == p) break;
    while (w < line.size() && IsBlank(line[w])) ++w;
    p = w;
  }
  if (line.substr(p, 4) == "PAGE") {
    std::string_view before = line.substr(i, p - i);
    std::string squeezed;
    for (char c : before) {
      if (!IsSpace(c)) squeezed.push_back(c);
    }
    size_t j = p + 4;
    size_t ws = j;
    while (j < line.size() && IsBlank(line[j])) ++j;
    size_t d = j;
    while (j < line.size() && IsDigit(line[j])) ++j;
    bool number_ok =
        j > ws && d > ws && j - d >= 2 && j - d <= 3 && (j == line.size() || IsBlank(line[j]));
    if (number_ok && (squeezed.empty() || IsClassificationWord(squeezed))) {
      size_t e = FindDtgEnd(line, j, 80);
      if (e == std::string_view::npos) return std::string_view();
      while (e < line.size() && IsBlank(line[e])) ++e;
      return line.substr(e);
    }
  }
  return std::nullopt;
}

// The rest of `line` after a modern page header found at [b, e) when only blanks precede it.
std::optional<std::string_view> AfterLeadingModernHeader(std::string_view line, size_t b, size_t e) {
  if (!model::Trim(line.substr(0, b)).empty()) return std::nullopt;
  while (e < line.size() && IsBlank(line[e])) ++e;
  return line.substr(e);
}

}  // namespace

std::optional<std::string_view> StripPageHeader(std::string_view line) {
  if (auto rest = StripOldPageHeader(line)) return rest;
  size_t b = 0, e = 0;
  if (FindModernPageHeader(line, &b, &e)) return AfterLeadingModernHeader(line, b, e);
  return std::nullopt;
}

bool IsDebrisLine(std::string_view line) {
  // Squeezed (spaces removed, upper case) into a fixed buffer: every debris line is short, and
  // this runs on every line of every cable.
  constexpr size_t kMax = 64;
  char buf[kMax];
  size_t n = 0;
  for (char c : line) {
    if (IsSpace(c)) continue;
    if (n == kMax) return false;
    buf[n++] = model::ToUpperChar(c);
  }
  if (n == 0) return false;
  std::string_view squeezed(buf, n);
  if (squeezed == "NNNN" || squeezed == "BT") return true;
  if (IsClassificationWord(squeezed)) return true;
  // SIPDIS, possibly repeated: but only when written in capitals ("Not SIPDIS" is text).
  std::string_view t = model::Trim(line);
  if (!t.empty() && !IsUpper(t[0])) return false;
  if (squeezed.size() % 6 != 0) return false;
  for (size_t i = 0; i < squeezed.size(); i += 6) {
    if (squeezed.compare(i, 6, "SIPDIS") != 0) return false;
  }
  return true;
}

std::vector<BodyLine> CleanLines(std::string_view text, bool drop_debris_lines) {
  std::vector<BodyLine> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t stop = nl == std::string_view::npos ? text.size() : nl;
    std::string_view raw = text.substr(start, stop - start);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string cleaned = RemoveLineDebris(raw);
    bool keep = true;
    size_t b = 0, e = 0;
    bool modern = FindModernPageHeader(cleaned, &b, &e);
    std::optional<std::string_view> rest = StripOldPageHeader(cleaned);
    if (!rest && modern) rest = AfterLeadingModernHeader(cleaned, b, e);
    if (rest) {
      if (model::Trim(*rest).empty()) {
        keep = false;
      } else {
        cleaned = std::string(*rest);
      }
    } else {
      // A page header glued inside a line (08BRASILIA351 "... NELSON JOBIM TO WASHINGTON
      // BRASILIA 00000351 001.2 OF 003"): cut it out and keep the text on both sides.
      if (modern) {
        std::string joined = cleaned.substr(0, b);
        std::string_view after = model::TrimLeft(std::string_view(cleaned).substr(e));
        while (!joined.empty() && IsBlank(joined.back())) joined.pop_back();
        if (!after.empty()) {
          joined.push_back(' ');
          joined.append(after);
        }
        cleaned = std::move(joined);
      }
    }
    if (keep && drop_debris_lines && IsDebrisLine(cleaned)) keep = false;
    if (keep) {
      size_t glued = FindGluedFirstParagraph(cleaned);
      if (glued != std::string::npos) {
        std::string first_paragraph = cleaned.substr(glued);
        cleaned.resize(glued);
        out.push_back(BodyLine{std::move(cleaned), start});
        out.push_back(BodyLine{std::move(first_paragraph), start + glued});
      } else {
        out.push_back(BodyLine{std::move(cleaned), start});
      }
    }
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return out;
}

bool IsRuleLine(std::string_view line) {
  size_t marks = 0;
  for (size_t i = 0; i < line.size();) {
    char c = line[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (c == '-' || c == '=' || c == '_' || c == '*' || c == '~') {
      ++marks;
      ++i;
      continue;
    }
    // U+2010..U+2015 are E2 80 90..95 in UTF-8.
    if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < line.size() &&
        static_cast<unsigned char>(line[i + 1]) == 0x80 &&
        static_cast<unsigned char>(line[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(line[i + 2]) <= 0x95) {
      ++marks;
      i += 3;
      continue;
    }
    return false;
  }
  return marks >= 3;
}

bool IsBlankLine(std::string_view line) { return model::Trim(line).empty(); }

namespace {

enum class HeaderKeyword { kNone, kMain, kOther };

// Header keyword lines (case-insensitive at the start of the trimmed line). kMain: SUBJECT and
// Classified By, after which the first non-keyword block is the body.
HeaderKeyword KeywordOf(std::string_view t) {
  auto starts = [&](std::string_view p) { return model::StartsWithIgnoreCase(t, p); };
  auto word_then = [&](std::string_view w) {
    if (!starts(w)) return false;
    if (t.size() == w.size()) return true;
    char c = t[w.size()];
    return c == ':' || c == ' ' || c == '\t' || c == '.' || c == ',';
  };
  if (starts("CLASSIFIED BY") || starts("CLASSIFIED  BY") || word_then("SUBJECT") ||
      starts("SUBJ:") || starts("SUBJ ")) {
    return HeaderKeyword::kMain;
  }
  if (starts("E.O.") || starts("E. O.") || starts("EO 1") || starts("E.O 1") || starts("EO:") ||
      word_then("TAGS") || word_then("TAG") || word_then("REF") || word_then("REFS") ||
      word_then("REFTEL") || word_then("REFTELS") || starts("REFERENCE:") ||
      starts("REFERENCES:") || starts("DERIVED FROM") || starts("DECL:")) {
    return HeaderKeyword::kOther;
  }
  return HeaderKeyword::kNone;
}

// True when the line opens a numbered paragraph (digits then '.' not followed by a digit), a
// cheap form of paragraphs.h's MatchParagraphStart that needs no portion mark.
bool LooksNumbered(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 8 && IsBlank(line[i])) ++i;
  size_t d = i;
  while (i < line.size() && IsDigit(line[i])) ++i;
  if (i == d || i - d > 3) return false;
  while (i < line.size() && IsBlank(line[i]) && i - d < 6) ++i;
  if (i >= line.size() || (line[i] != '.' && line[i] != ',')) return false;
  return i + 1 >= line.size() || !IsDigit(line[i + 1]);
}

// True when the keyword line is a REF label (REF, REFS, REFTEL(S), REFERENCE(S), any case).
bool IsRefLabel(std::string_view t) {
  return model::StartsWithIgnoreCase(t, "REF");
}

// "4, 2006." / "1. 2009": digits, ',' or '.', blanks, then a digit (a date or a count, not the
// number of a paragraph).
bool NumberThenNumber(std::string_view t) {
  size_t i = 0;
  while (i < t.size() && IsDigit(t[i])) ++i;
  if (i == 0 || i >= t.size() || (t[i] != ',' && t[i] != '.')) return false;
  ++i;
  if (i >= t.size() || !IsBlank(t[i])) return false;
  while (i < t.size() && IsBlank(t[i])) ++i;
  return i < t.size() && IsDigit(t[i]);
}

}  // namespace

size_t FindBodyStartLine(const std::vector<BodyLine>& lines) {
  constexpr size_t kMaxHeaderLines = 120;  // no real text header is longer
  size_t body = 0;
  bool in_block = false, seen_main = false;
  std::string subject_block;  // a SUBJECT block just ended, its lines joined (it may continue)
  bool in_subject = false;
  // The REF block while it may go on across blank lines (header_lines.h ContinuesRefAfterBlank);
  // `ref_open` is false once another field or the body follows.
  internal::RefBlockState ref_block;
  bool ref_open = false, in_ref = false;
  for (size_t i = 0; i < lines.size() && i < kMaxHeaderLines; ++i) {
    std::string_view t = model::Trim(lines[i].text);
    if (t.empty()) {
      in_block = false;
      in_subject = false;
      in_ref = false;
      continue;
    }
    // A subject line wrapped before a number ("... FROM MARCH 1 TO" / "4, 2006.", 06PARIS2242) is
    // subject: a paragraph number is followed by text, never by another number.
    if (LooksNumbered(lines[i].text) && !(in_subject && NumberThenNumber(t))) break;
    HeaderKeyword k = KeywordOf(t);
    if (k != HeaderKeyword::kNone) {
      in_block = true;
      body = i + 1;
      if (k == HeaderKeyword::kMain) seen_main = true;
      in_subject = k == HeaderKeyword::kMain && !model::StartsWithIgnoreCase(t, "CLASSIF");
      subject_block = in_subject ? std::string(t) : std::string();
      in_ref = ref_open = IsRefLabel(t);
      ref_block = internal::RefBlockState();
      if (in_ref) ref_block.Add(t);
      continue;
    }
    if (in_block) {
      body = i + 1;
      if (in_subject) subject_block.append(" ").append(t);
      if (in_ref) ref_block.Add(t);
      continue;
    }
    if (ref_open) {
      // REF entries after a blank line (04MADRID961 "REF: A. MADRID 881" / "" / "B. MADRID 919").
      size_t block_end = i + 1;
      const size_t limit = std::min(lines.size(), i + 64);
      while (block_end < limit && !model::Trim(lines[block_end].text).empty()) ++block_end;
      size_t after = block_end;
      while (after < limit && model::Trim(lines[after].text).empty()) ++after;
      std::string_view after_text = after < limit ? std::string_view(lines[after].text) : "";
      if (block_end - i <= 30 && internal::ContinuesRefAfterBlank(ref_block, t, after_text)) {
        in_block = true;
        in_ref = true;
        body = i + 1;
        ref_block.Add(t);
        continue;
      }
      ref_open = false;
    }
    if (seen_main && internal::IsRepeatedClassificationLine(t)) {
      // The text header again, below the metadata's copy (09KHARTOUM881, 09NAIROBI2497): its
      // fields are header; the body starts after them as after the first header.
      seen_main = false;
      subject_block.clear();
      continue;
    }
    if (seen_main && !subject_block.empty()) {
      // A subject wrapped across a blank line (header_lines.h ContinuesSubjectAfterBlank): its
      // one-line continuation is header, and REF / Classified By after it too (09MOSCOW1108).
      size_t next = i + 1;
      while (next < lines.size() && model::Trim(lines[next].text).empty()) ++next;
      const bool one_line_block = i + 1 >= lines.size() ||
                                  model::Trim(lines[i + 1].text).empty() ||
                                  KeywordOf(model::Trim(lines[i + 1].text)) != HeaderKeyword::kNone;
      if (one_line_block && next < lines.size() &&
          internal::ContinuesSubjectAfterBlank(subject_block, t, lines[next].text)) {
        body = i + 1;
        subject_block.clear();
        continue;
      }
    }
    if (seen_main) break;
  }
  return body;
}

}  // namespace cablebase::parse
