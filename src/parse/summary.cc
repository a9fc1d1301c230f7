// The summary of a telegram: the text between SUMMARY and END SUMMARY.
#include "parse/summary.h"

#include <vector>

#include "parse/blocks.h"
#include "parse/body_lines.h"
#include "parse/paragraphs.h"
#include "parse/signers.h"

namespace cablebase::parse {

namespace {

// Offset in `line` after a paragraph number and/or a portion mark at its start.
size_t AfterNumberAndMark(std::string_view line) {
  if (auto ps = MatchParagraphStart(line)) return ps->text_offset;
  size_t e = 0;
  if (MatchPortionMark(line, &e)) return e;
  return 0;
}

}  // namespace

std::string ParseSummary(std::string_view text) {
  std::vector<BodyLine> lines = CleanLines(text);
  size_t begin = FindBodyStartLine(lines);
  size_t end = lines.size();
  if (auto s = FindSigner(lines, begin)) end = s->column > 0 ? s->line + 1 : s->line;
  return ParseSummaryLines(lines, begin, end);
}

std::string ParseSummaryLines(const std::vector<BodyLine>& lines, size_t begin, size_t end) {
  size_t end_line = 0;
  for (size_t i = begin; i < end; ++i) {
    std::string_view l = lines[i].text;
    size_t off = AfterNumberAndMark(l);
    auto m = MatchBlockStart(l.substr(off), "SUMMARY", false, true);
    if (m && !PrecededByEnd(lines, i, begin)) {
      return BlockText(lines, i, off + m->text_offset, m->heading, end, "SUMMARY", false,
                       &end_line);
    }
  }
  // No start marker: a summary that only says where it ends starts at the first paragraph.
  std::string joined;
  std::vector<size_t> starts;
  for (size_t i = begin; i < end; ++i) {
    starts.push_back(joined.size());
    joined.append(lines[i].text);
    joined.push_back('\n');
  }
  size_t after = 0;
  size_t pos = FindBlockEnd(joined, 0, "SUMMARY", &after);
  if (pos == std::string::npos) return {};
  size_t k = 0;
  while (k + 1 < starts.size() && starts[k + 1] <= pos) ++k;
  size_t end_of = begin + k;
  for (size_t i = begin; i <= end_of; ++i) {
    if (auto ps = MatchParagraphStart(lines[i].text)) {
      return BlockText(lines, i, ps->text_offset, false, end, "SUMMARY", false, &end_line);
    }
  }
  size_t start = end_of;
  while (start > begin && !IsBlankLine(lines[start - 1].text)) --start;
  return BlockText(lines, start, 0, false, end, "SUMMARY", false, &end_line);
}

}  // namespace cablebase::parse
