// Unified-style hunks over model::DiffLines, for `cablebase show --versions`.
#include "cli/line_diff.h"

#include <algorithm>
#include <vector>

#include "model/line_diff.h"
#include "model/text_util.h"

namespace cablebase::cli {

std::string LineDiff(std::string_view before, std::string_view after, int context) {
  std::vector<std::string_view> a = model::SplitLines(before);
  std::vector<std::string_view> b = model::SplitLines(after);
  // Trailing blanks are layout, not text (the 2011 Cablegate pages put a space on empty lines:
  // 72TEHRAN5055).
  for (auto* lines : {&a, &b}) {
    for (std::string_view& l : *lines) l = model::TrimRight(l);
  }
  // The edit script (model::DiffLines, Myers) with indexes into a and b for the hunk headers.
  auto join = [](const std::vector<std::string_view>& lines) {
    std::string text;
    for (std::string_view l : lines) text.append(l).push_back('\n');
    return text;
  };
  std::vector<model::DiffLine> script = model::DiffLines(join(a), join(b));
  struct Op {
    char kind;
    size_t ai, bi;
  };
  std::vector<Op> ops;
  bool changed = false;
  size_t ai = 0, bi = 0;
  for (const model::DiffLine& d : script) {
    ops.push_back({d.op, ai, bi});
    if (d.op != '+') ++ai;
    if (d.op != '-') ++bi;
    changed |= d.op != ' ';
  }
  if (!changed) return {};

  std::string out;
  size_t k = 0;
  const size_t ctx = static_cast<size_t>(std::max(0, context));
  while (k < ops.size()) {
    while (k < ops.size() && ops[k].kind == ' ') ++k;
    if (k == ops.size()) break;
    size_t start = k >= ctx ? k - ctx : 0;
    // Extend the hunk while changes are closer than 2×context lines apart.
    size_t end = k;
    while (end < ops.size()) {
      if (ops[end].kind != ' ') {
        ++end;
        continue;
      }
      size_t run = end;
      while (run < ops.size() && ops[run].kind == ' ') ++run;
      if (run < ops.size() && run - end <= 2 * ctx) {
        end = run;
      } else {
        end = std::min(ops.size(), end + ctx);
        break;
      }
    }
    size_t a_count = 0, b_count = 0;
    for (size_t x = start; x < end; ++x) {
      if (ops[x].kind != '+') ++a_count;
      if (ops[x].kind != '-') ++b_count;
    }
    out += "@@ -" + std::to_string(ops[start].ai + 1) + "," + std::to_string(a_count) + " +" +
           std::to_string(ops[start].bi + 1) + "," + std::to_string(b_count) + " @@\n";
    for (size_t x = start; x < end; ++x) {
      out.push_back(ops[x].kind);
      std::string_view line = ops[x].kind == '+' ? b[ops[x].bi] : a[ops[x].ai];
      out.append(line.data(), line.size());
      out.push_back('\n');
    }
    k = end;
  }
  return out;
}

}  // namespace cablebase::cli
