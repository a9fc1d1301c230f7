// Numbered paragraphs of a telegram body: `1. (C) text`, their portion markings and their sequence.
#include "parse/paragraphs.h"

#include <array>

#include "model/text_util.h"
#include "parse/signers.h"

namespace cablebase::parse {
namespace {

using model::IsDigit;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// True when `content` (inside parentheses, or before ')' in the malformed form) is a portion mark.
bool IsMarkContent(std::string_view content) {
  std::string_view t = model::Trim(content);
  if (t.empty() || t.size() > 40) return false;
  for (char c : t) {
    if (!(model::IsAlnum(c) || c == '/' || c == ' ' || c == '-' || c == ',' || c == '.')) {
      return false;
    }
  }
  size_t n = 0;
  while (n < t.size() && model::IsAlpha(t[n])) ++n;
  if (n < t.size() && !(t[n] == '/' || t[n] == ' ' || t[n] == '-' || t[n] == ',')) return false;
  std::string first = model::ToUpperAscii(t.substr(0, n));
  static constexpr std::array<std::string_view, 12> kFirst = {
      "U",     "C", "S", "TS", "SBU", "LOU", "FOUO", "NF", "CONFIDENTIAL", "SECRET", "UNCLASSIFIED",
      "UNCLAS"};
  for (auto k : kFirst) {
    if (first == k) return true;
  }
  return false;
}

std::string NormalizeMark(std::string_view content) {
  return model::ToUpperAscii(model::CollapseWhitespace(content));
}

std::optional<std::string> MatchMark(std::string_view s, size_t* end, bool allow_bare) {
  size_t i = 0;
  while (i < s.size() && IsBlank(s[i])) ++i;
  if (i >= s.size()) return std::nullopt;
  size_t close = std::string_view::npos;
  size_t open = i;
  if (s[i] == '(') {
    for (size_t j = i + 1; j < s.size() && j <= i + 42; ++j) {
      if (s[j] == ')') {
        close = j;
        break;
      }
      if (s[j] == '(' || s[j] == '\n') break;
    }
    if (close == std::string_view::npos) return std::nullopt;
    ++open;
  } else if (allow_bare && model::IsUpper(s[i])) {
    // Malformed `C) text`, `SBU/N) text`: capitals and '/' right before ')'.
    size_t j = i;
    while (j < s.size() && j - i <= 8 && (model::IsUpper(s[j]) || s[j] == '/')) ++j;
    if (j >= s.size() || s[j] != ')') return std::nullopt;
    close = j;
  } else {
    return std::nullopt;
  }
  std::string_view content = s.substr(open, close - open);
  if (!IsMarkContent(content)) return std::nullopt;
  size_t e = close + 1;
  while (e < s.size() && IsBlank(s[e])) ++e;
  *end = e;
  return NormalizeMark(content);
}

struct Candidate {
  size_t line = 0;
  ParagraphStart start;
};

// The number written after a leading "1": "16" → 6; -1 when the text has no such form.
int AfterLeadingOne(const std::string& number_text) {
  if (number_text.size() < 2 || number_text[0] != '1' || number_text[1] == '0') return -1;
  return model::ParseSmallInt(std::string_view(number_text).substr(1));
}

// Appends the paragraph text of lines [first, last) (the first from `first_column`, line `last`
// up to `last_column` when non-zero) to `out`: lines trimmed, blank lines dropped, '\n' between.
std::string CollectText(const std::vector<BodyLine>& lines, size_t first, size_t first_column,
                        size_t last, size_t last_column) {
  std::vector<std::string_view> kept;
  auto take = [&](std::string_view piece) {
    std::string_view t = model::Trim(piece);
    if (!t.empty()) kept.push_back(t);
  };
  for (size_t i = first; i < last && i < lines.size(); ++i) {
    std::string_view l = lines[i].text;
    if (i == first) l = l.substr(std::min(first_column, l.size()));
    take(l);
  }
  if (last_column > 0 && last < lines.size()) {
    std::string_view l = lines[last].text;
    size_t from = last == first ? std::min(first_column, l.size()) : 0;
    if (last_column > from) take(l.substr(from, std::min(last_column, l.size()) - from));
  }
  // A heading underlined by a rule at the end belongs to the next section, not to this text.
  while (!kept.empty() && IsRuleLine(kept.back())) {
    kept.pop_back();
    if (!kept.empty() && kept.size() > 1 && kept.back().size() < 100) kept.pop_back();
  }
  std::string out;
  for (size_t i = 0; i < kept.size(); ++i) {
    if (i > 0) out.push_back('\n');
    out.append(kept[i]);
  }
  return out;
}

}  // namespace

std::optional<std::string> MatchPortionMark(std::string_view s, size_t* end) {
  return MatchMark(s, end, /*allow_bare=*/false);
}

std::optional<ParagraphStart> MatchParagraphStart(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 8 && IsBlank(line[i])) ++i;
  size_t d = i;
  while (i < line.size() && IsDigit(line[i])) ++i;
  if (i == d || i - d > 3) return std::nullopt;
  std::string number_text(line.substr(d, i - d));
  size_t j = i;
  while (j < line.size() && IsBlank(line[j]) && j - i < 2) ++j;
  if (j >= line.size() || (line[j] != '.' && line[j] != ',')) return std::nullopt;
  bool comma = line[j] == ',';
  ++j;
  if (j < line.size() && IsDigit(line[j])) return std::nullopt;  // "5.6 percent", "1.4(b)"
  ParagraphStart ps;
  ps.number = model::ParseSmallInt(number_text);
  if (ps.number <= 0) return std::nullopt;
  ps.number_text = std::move(number_text);
  size_t e = 0;
  if (auto mark = MatchMark(line.substr(j), &e, /*allow_bare=*/true)) {
    ps.portion_marking = std::move(*mark);
    ps.text_offset = j + e;
  } else {
    if (comma) return std::nullopt;
    while (j < line.size() && IsBlank(line[j])) ++j;
    ps.text_offset = j;
  }
  return ps;
}

std::vector<Paragraph> ParseParagraphLines(const std::vector<BodyLine>& lines, size_t begin,
                                           size_t end, size_t end_column) {
  std::vector<Candidate> cands;
  size_t scan_end = std::min(lines.size(), end_column > 0 ? end + 1 : end);
  for (size_t i = begin; i < scan_end; ++i) {
    if (auto ps = MatchParagraphStart(lines[i].text)) {
      if (i == end && ps->text_offset >= end_column) continue;
      cands.push_back(Candidate{i, std::move(*ps)});
    }
  }
  // Where the sequence starts: the first paragraph numbered 1 when there is one (a list numbered
  // "3." above it is intro text), else a "11." that a swallowed link made of 1, else the first
  // candidate (a fragment of a later section).
  size_t first = 0;
  bool found_first = false;
  for (size_t k = 0; k < cands.size() && !found_first; ++k) {
    if (cands[k].start.number == 1) {
      first = k;
      found_first = true;
    }
  }
  for (size_t k = 0; k < cands.size() && !found_first; ++k) {
    if (AfterLeadingOne(cands[k].start.number_text) == 1) {
      first = k;
      found_first = true;
    }
  }
  struct Accepted {
    size_t cand;
    int number;
  };
  std::vector<Accepted> acc;
  constexpr size_t kLookAhead = 200;
  for (size_t k = first; k < cands.size(); ++k) {
    const ParagraphStart& c = cands[k].start;
    int n = c.number;
    if (acc.empty()) {
      if (n != 1 && AfterLeadingOne(c.number_text) == 1) {
        // "11." opening a sequence that goes on with 2 or 12: the leading 1 is a swallowed link.
        for (size_t k2 = k + 1; k2 < cands.size() && k2 < k + kLookAhead; ++k2) {
          const ParagraphStart& c2 = cands[k2].start;
          if (c2.number == 2 || AfterLeadingOne(c2.number_text) == 2) {
            n = 1;
            break;
          }
        }
      }
      acc.push_back({k, n});
      continue;
    }
    const ParagraphStart& prev = cands[acc.back().cand].start;
    int expected = acc.back().number + 1;
    int as = 0;
    if (n == expected) {
      as = expected;
    } else if (AfterLeadingOne(c.number_text) == expected) {
      as = expected;
    } else if (n > expected && n <= expected + 10) {
      // Skipped numbers: a marked paragraph whose successor follows (09BAGHDAD3195 goes from 8
      // to 12), or within two numbers; unmarked only among unmarked paragraphs.
      bool next_follows = k + 1 < cands.size() && cands[k + 1].start.number == n + 1;
      bool last = k + 1 == cands.size();
      if (!c.portion_marking.empty()) {
        if (n <= expected + 2 || next_follows || last) as = n;
      } else if (prev.portion_marking.empty() && n <= expected + 2 && next_follows) {
        as = n;
      }
    }
    if (as == 0) continue;
    if (c.portion_marking.empty() && !prev.portion_marking.empty()) {
      // Marked paragraphs so far and this one unmarked: a numbered list inside the paragraph when
      // a marked paragraph with the same number follows.
      bool later_marked = false;
      for (size_t k2 = k + 1; k2 < cands.size() && k2 < k + kLookAhead; ++k2) {
        const ParagraphStart& c2 = cands[k2].start;
        bool same = c2.number == as || AfterLeadingOne(c2.number_text) == as;
        if (same && !c2.portion_marking.empty()) {
          later_marked = true;
          break;
        }
        if (c2.number > as && c2.number <= as + 2 && !c2.portion_marking.empty()) break;
      }
      if (later_marked) continue;
    }
    acc.push_back({k, as});
  }
  std::vector<Paragraph> out;
  out.reserve(acc.size());
  for (size_t a = 0; a < acc.size(); ++a) {
    const Candidate& c = cands[acc[a].cand];
    size_t last = a + 1 < acc.size() ? cands[acc[a + 1].cand].line : end;
    size_t last_column = a + 1 < acc.size() ? 0 : end_column;
    Paragraph p;
    p.number = acc[a].number;
    p.portion_marking = c.start.portion_marking;
    p.text = CollectText(lines, c.line, c.start.text_offset, last, last_column);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<Paragraph> ParseParagraphs(std::string_view text) {
  std::vector<BodyLine> lines = CleanLines(text);
  size_t begin = FindBodyStartLine(lines);
  size_t end = lines.size(), end_column = 0;
  if (auto s = FindSigner(lines, begin)) {
    end = s->line;
    end_column = s->column;
  }
  return ParseParagraphLines(lines, begin, end, end_column);
}

}  // namespace cablebase::parse
