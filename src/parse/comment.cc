// The comments of a telegram: the text of COMMENT … END COMMENT blocks.
#include "parse/comment.h"

#include <vector>

#include "model/text_util.h"
#include "parse/blocks.h"
#include "parse/body_lines.h"
#include "parse/paragraphs.h"
#include "parse/signers.h"

namespace cablebase::parse {
namespace {

struct Start {
  size_t line = 0;
  size_t column = 0;
  bool heading = false;
  bool inline_paren = false;
};

// A comment opening inside `l` (after '(' or after a sentence with "COMMENT:"); sets `*s`.
bool FindInlineStart(std::string_view l, size_t line, Start* s) {
  for (size_t p = l.find('('); p != std::string_view::npos; p = l.find('(', p + 1)) {
    auto m = MatchBlockStart(l.substr(p + 1), "COMMENT", false, false);
    if (m && !m->heading) {
      *s = Start{line, p + 1 + m->text_offset, false, true};
      return true;
    }
  }
  for (size_t q = model::FindIgnoreCase(l, "COMMENT:"); q != std::string_view::npos;
       q = model::FindIgnoreCase(l, "COMMENT:", q + 1)) {
    if (q == 0 || l[q - 1] != ' ') continue;
    std::string_view before = model::TrimRight(l.substr(0, q));
    if (before.empty() || before.back() != '.') continue;
    size_t c = q + 8;
    while (c < l.size() && (l[c] == ' ' || l[c] == '\t')) ++c;
    if (c >= l.size()) continue;
    *s = Start{line, c, false, false};
    return true;
  }
  return false;
}

}  // namespace

std::string ParseComment(std::string_view text) {
  std::vector<BodyLine> lines = CleanLines(text);
  size_t begin = FindBodyStartLine(lines);
  size_t end = lines.size();
  if (auto s = FindSigner(lines, begin)) end = s->column > 0 ? s->line + 1 : s->line;
  return ParseCommentLines(lines, begin, end);
}

std::string ParseCommentLines(const std::vector<BodyLine>& lines, size_t begin, size_t end) {
  std::vector<Start> starts;
  for (size_t i = begin; i < end; ++i) {
    std::string_view l = lines[i].text;
    size_t off = 0;
    if (auto ps = MatchParagraphStart(l)) {
      off = ps->text_offset;
    } else {
      size_t e = 0;
      if (MatchPortionMark(l, &e)) off = e;
    }
    auto m = MatchBlockStart(l.substr(off), "COMMENT", true, true);
    if (m && !PrecededByEnd(lines, i, begin)) {
      starts.push_back(Start{i, off + m->text_offset, m->heading, false});
      continue;
    }
    Start s;
    if (FindInlineStart(l, i, &s)) starts.push_back(s);
  }
  std::string out;
  size_t done_until = begin;
  for (size_t k = 0; k < starts.size(); ++k) {
    const Start& s = starts[k];
    if (s.line < done_until) continue;  // inside the previous block
    size_t limit = end;
    if (k + 1 < starts.size()) limit = std::max(starts[k + 1].line, s.line + 1);
    size_t end_line = s.line;
    std::string t =
        BlockText(lines, s.line, s.column, s.heading, limit, "COMMENT", s.inline_paren, &end_line);
    done_until = end_line;
    if (t.empty()) continue;
    if (!out.empty()) out.append("\n\n");
    out.append(t);
  }
  return out;
}

}  // namespace cablebase::parse
