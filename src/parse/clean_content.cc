// The body text of a telegram cleaned for reading and indexing.
#include "parse/clean_content.h"

#include <vector>

#include "model/text_util.h"
#include "parse/blocks.h"
#include "parse/body_lines.h"
#include "parse/paragraphs.h"

namespace cablebase::parse {
namespace {

bool IsX(char c) { return c == 'x' || c == 'X'; }

// `s` without runs of two or more x/X that are not enclosed by letters on both sides.
std::string RemoveRedactions(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (IsX(s[i])) {
      size_t j = i;
      while (j < s.size() && IsX(s[j])) ++j;
      bool letter_before = i > 0 && model::IsAlpha(s[i - 1]);
      bool letter_after = j < s.size() && model::IsAlpha(s[j]);
      if (j - i >= 2 && !(letter_before && letter_after)) {
        i = j;
        continue;
      }
      out.append(s.substr(i, j - i));
      i = j;
      continue;
    }
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

// `l` without every "END SUMMARY[ AND ...][.]".
std::string RemoveSummaryEnds(std::string l) {
  size_t after = 0;
  for (size_t pos = FindBlockEnd(l, 0, "SUMMARY", &after); pos != std::string::npos;
       pos = FindBlockEnd(l, pos, "SUMMARY", &after)) {
    l.erase(pos, after - pos);
  }
  return l;
}

}  // namespace

std::string CleanContent(std::string_view text) {
  std::string out;
  for (const BodyLine& bl : CleanLines(text)) {
    std::string_view l = bl.text;
    if (auto ps = MatchParagraphStart(l)) {
      l = l.substr(std::min(ps->text_offset, l.size()));
      if (auto m = MatchBlockStart(l, "SUMMARY", false, false); m && !m->heading) {
        l = l.substr(std::min(m->text_offset, l.size()));
      }
    }
    std::string cleaned = RemoveRedactions(RemoveSummaryEnds(std::string(l)));
    if (model::Trim(cleaned).empty()) continue;
    out.append(cleaned);
    out.push_back('\n');
  }
  bool final_newline = !text.empty() && text.back() == '\n';
  if (!final_newline && !out.empty()) out.pop_back();
  return out;
}

std::string CleanBody(std::string_view text) {
  std::vector<BodyLine> lines = CleanLines(text);
  return CleanBodyLines(lines, FindBodyStartLine(lines));
}

std::string CleanBodyLines(const std::vector<BodyLine>& lines, size_t begin) {
  std::string out;
  bool pending_blank = false;
  for (size_t i = begin; i < lines.size(); ++i) {
    std::string_view t = model::TrimRight(lines[i].text);
    if (t.empty()) {
      pending_blank = !out.empty();
      continue;
    }
    if (pending_blank) out.push_back('\n');
    pending_blank = false;
    if (!out.empty()) out.push_back('\n');
    out.append(t);
  }
  return out;
}

}  // namespace cablebase::parse
