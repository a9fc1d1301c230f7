// Marked blocks of a telegram body: SUMMARY … END SUMMARY and COMMENT … END COMMENT.
#include "parse/blocks.h"

#include <array>

#include "model/text_util.h"
#include "parse/paragraphs.h"

namespace cablebase::parse {
namespace {

using model::IsAlpha;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Length of a rule character at s[i] ('-', '=', '_', '*', '~', U+2010..U+2015); 0 when none.
size_t RuleCharAt(std::string_view s, size_t i) {
  char c = s[i];
  if (c == '-' || c == '=' || c == '_' || c == '*' || c == '~') return 1;
  if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < s.size() &&
      static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
      static_cast<unsigned char>(s[i + 2]) <= 0x95) {
    return 3;
  }
  return 0;
}

// Words that may qualify COMMENT at the start of a paragraph ("Embassy comment:").
bool IsCommentQualifier(std::string_view w) {
  static constexpr std::array<std::string_view, 18> kWords = {
      "EMBASSY",    "POST",    "MISSION", "CONSULATE", "CONGEN", "DEPARTMENT",
      "DEPT",       "OUR",     "FINAL",   "GENERAL",   "BRIEF",  "CLOSING",
      "CONCLUDING", "OVERALL", "USUN",    "USEU",      "USNATO", "ADDITIONAL"};
  std::string u = model::ToUpperAscii(w);
  for (auto k : kWords) {
    if (u == k) return true;
  }
  return false;
}

size_t SkipBlanks(std::string_view s, size_t i) {
  while (i < s.size() && IsBlank(s[i])) ++i;
  return i;
}

size_t SkipWord(std::string_view s, size_t i) {
  while (i < s.size() && (IsAlpha(s[i]) || s[i] == '-' || s[i] == '\'')) ++i;
  return i;
}

}  // namespace

std::optional<BlockMarker> MatchBlockStart(std::string_view s, std::string_view keyword,
                                           bool allow_prefix_word, bool allow_rules) {
  size_t i = SkipBlanks(s, 0);
  if (allow_rules) {
    while (i < s.size()) {
      size_t n = RuleCharAt(s, i);
      if (n == 0 && !IsBlank(s[i])) break;
      i += n == 0 ? 1 : n;
    }
  }
  for (std::string_view p : {std::string_view("BEGIN "), std::string_view("EXECUTIVE ")}) {
    if (model::StartsWithIgnoreCase(s.substr(i), p)) i = SkipBlanks(s, i + p.size());
  }
  if (!model::StartsWithIgnoreCase(s.substr(i), keyword)) {
    if (!allow_prefix_word) return std::nullopt;
    size_t w = SkipWord(s, i);
    if (w == i || !IsCommentQualifier(s.substr(i, w - i))) return std::nullopt;
    size_t k = SkipBlanks(s, w);
    if (k == w || !model::StartsWithIgnoreCase(s.substr(k), keyword)) return std::nullopt;
    i = k;
  }
  i += keyword.size();
  if (i < s.size() && IsAlpha(s[i])) return std::nullopt;
  // "AND" + up to four words before the separator.
  size_t j = SkipBlanks(s, i);
  bool and_words = false;
  if (model::StartsWithIgnoreCase(s.substr(j), "AND ") || s.substr(j, 2) == "& ") {
    size_t k = SkipBlanks(s, j + (s[j] == '&' ? 1 : 3));
    for (int words = 0; words < 4; ++words) {
      size_t w = SkipWord(s, k);
      if (w == k) break;
      k = SkipBlanks(s, w);
      and_words = true;
      if (k >= s.size() || !IsAlpha(s[k])) break;
    }
    if (!and_words) return std::nullopt;
    i = k;
  }
  i = SkipBlanks(s, i);
  BlockMarker m;
  if (i < s.size()) {
    char c = s[i];
    if (c == ':' || c == '.' || c == ';') {
      ++i;
    } else if (RuleCharAt(s, i) > 0) {
      while (i < s.size() && RuleCharAt(s, i) > 0) i += RuleCharAt(s, i);
    } else {
      return std::nullopt;  // "Summary of the talks", "comment on"
    }
  }
  i = SkipBlanks(s, i);
  std::string_view rest = s.substr(i);
  if (rest.empty() || IsRuleLine(rest)) {
    m.heading = true;
    m.text_offset = s.size();
    return m;
  }
  size_t e = 0;
  if (MatchPortionMark(rest, &e)) i += e;
  m.text_offset = i;
  return m;
}

size_t FindBlockEnd(std::string_view s, size_t from, std::string_view keyword, size_t* after) {
  for (size_t pos = model::FindIgnoreCase(s, "END", from); pos != std::string_view::npos;
       pos = model::FindIgnoreCase(s, "END", pos + 1)) {
    if (pos > 0 && IsAlpha(s[pos - 1])) continue;
    size_t j = pos + 3;
    size_t ws = j;
    while (j < s.size() && model::IsSpace(s[j])) ++j;
    if (j == ws) continue;
    if (model::StartsWithIgnoreCase(s.substr(j), "OF ")) j = SkipBlanks(s, j + 3);
    if (!model::StartsWithIgnoreCase(s.substr(j), keyword)) continue;
    j += keyword.size();
    if (j < s.size() && IsAlpha(s[j])) continue;
    size_t k = SkipBlanks(s, j);
    if (model::StartsWithIgnoreCase(s.substr(k), "AND ")) {
      k = SkipBlanks(s, k + 4);
      for (int words = 0; words < 4; ++words) {
        size_t w = SkipWord(s, k);
        if (w == k) break;
        j = w;
        k = SkipBlanks(s, w);
      }
    }
    j = SkipBlanks(s, j);
    while (j < s.size() && (s[j] == '.' || s[j] == ')' || s[j] == ':' || s[j] == '-')) ++j;
    *after = j;
    return pos;
  }
  return std::string_view::npos;
}

bool PrecededByEnd(const std::vector<BodyLine>& lines, size_t line, size_t begin) {
  size_t i = line;
  while (i > begin && IsBlankLine(lines[i - 1].text)) --i;
  if (i <= begin) return false;
  std::string_view t = model::TrimRight(lines[i - 1].text);
  if (t.size() < 3 || !model::EndsWithIgnoreCase(t, "END")) return false;
  return t.size() == 3 || !IsAlpha(t[t.size() - 4]);
}

std::string BlockText(const std::vector<BodyLine>& lines, size_t line, size_t column, bool heading,
                      size_t limit_line, std::string_view keyword, bool inline_paren,
                      size_t* end_line) {
  limit_line = std::min(limit_line, lines.size());
  size_t first = line, first_col = column;
  if (heading) {
    first = line + 1;
    first_col = 0;
    while (first < limit_line &&
           (IsBlankLine(lines[first].text) || IsRuleLine(lines[first].text))) {
      ++first;
    }
  }
  *end_line = first;
  if (first >= limit_line) return {};
  // The block's lines joined, to find END across line breaks.
  std::string joined;
  std::vector<size_t> starts;
  for (size_t i = first; i < limit_line; ++i) {
    std::string_view l = lines[i].text;
    if (i == first) l = l.substr(std::min(first_col, l.size()));
    starts.push_back(joined.size());
    joined.append(l);
    joined.push_back('\n');
  }
  std::string segment;
  size_t after = 0;
  size_t end_pos = FindBlockEnd(joined, 0, keyword, &after);
  if (end_pos != std::string::npos) {
    segment = joined.substr(0, end_pos);
    size_t k = 0;
    while (k + 1 < starts.size() && starts[k + 1] <= end_pos) ++k;
    *end_line = first + k;
  } else {
    int depth = 0;
    size_t i = first;
    for (; i < limit_line; ++i) {
      std::string_view l = lines[i].text;
      if (i == first) {
        l = l.substr(std::min(first_col, l.size()));
      } else if (IsBlankLine(l) || IsRuleLine(l) || MatchParagraphStart(l)) {
        break;
      }
      bool stop = false;
      size_t cut = l.size();
      if (size_t d = l.find("---"); d != std::string_view::npos && d > 0) {
        cut = d;
        stop = true;
      }
      if (inline_paren) {
        for (size_t c = 0; c < cut; ++c) {
          if (l[c] == '(') {
            ++depth;
          } else if (l[c] == ')') {
            if (depth == 0) {
              cut = c;
              stop = true;
              break;
            }
            --depth;
          }
        }
      }
      segment.append(l.substr(0, cut));
      segment.push_back('\n');
      if (stop) break;
    }
    *end_line = i;
  }
  // Normalise: per line, numbers/marks/markers at paragraph starts removed; blank/rule lines out.
  std::string out;
  size_t pos = 0;
  bool first_piece = true;
  while (pos <= segment.size()) {
    size_t nl = segment.find('\n', pos);
    if (nl == std::string::npos) nl = segment.size();
    std::string_view l(segment.data() + pos, nl - pos);
    bool para_start = first_piece && heading;
    if (!first_piece || heading) {
      if (auto ps = MatchParagraphStart(l)) {
        l = l.substr(std::min(ps->text_offset, l.size()));
        para_start = true;
      }
    }
    if (para_start) {
      size_t e = 0;
      if (MatchPortionMark(l, &e)) l = l.substr(e);
      if (auto m = MatchBlockStart(l, keyword, false, false); m && !m->heading) {
        l = l.substr(std::min(m->text_offset, l.size()));
      }
    }
    std::string_view t = model::Trim(l);
    if (!t.empty() && !IsRuleLine(t)) {
      if (!out.empty()) out.push_back('\n');
      out.append(t);
    }
    first_piece = false;
    pos = nl + 1;
  }
  while (!out.empty() && (model::IsSpace(out.back()) || out.back() == '(')) out.pop_back();
  return out;
}

}  // namespace cablebase::parse
