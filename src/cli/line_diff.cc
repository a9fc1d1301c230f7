// Line diff by longest common subsequence with unified-style hunks.
#include "cli/line_diff.h"

#include <algorithm>
#include <vector>

#include "model/text_util.h"

namespace cablebase::cli {

std::string LineDiff(std::string_view before, std::string_view after, int context,
                     size_t max_cells) {
  std::vector<std::string_view> a = model::SplitLines(before);
  std::vector<std::string_view> b = model::SplitLines(after);
  // Trailing blanks are layout, not text (the 2011 Cablegate pages put a space on empty lines:
  // 72TEHRAN5055).
  for (auto* lines : {&a, &b}) {
    for (std::string_view& l : *lines) l = model::TrimRight(l);
  }
  // Common prefix/suffix first: versions usually differ in a few lines.
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) {
    ++suf;
  }
  if (pre == a.size() && pre == b.size()) return {};
  size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
  if ((n + 1) * (m + 1) > max_cells) {
    return "texts differ (" + std::to_string(a.size()) + " vs " + std::to_string(b.size()) +
           " lines; too long for a line diff)\n";
  }
  // lcs[i][j] = LCS length of a[pre+i..] and b[pre+j..] (middle part only).
  std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      at(i, j) = a[pre + i] == b[pre + j] ? at(i + 1, j + 1) + 1
                                          : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  // The edit script over the whole texts: ' ' / '-' / '+' with indexes into a and b.
  struct Op {
    char kind;
    size_t ai, bi;
  };
  std::vector<Op> ops;
  for (size_t k = 0; k < pre; ++k) ops.push_back({' ', k, k});
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[pre + i] == b[pre + j]) {
      ops.push_back({' ', pre + i, pre + j});
      ++i;
      ++j;
    } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
      ops.push_back({'+', pre + i, pre + j});
      ++j;
    } else {
      ops.push_back({'-', pre + i, pre + j});
      ++i;
    }
  }
  for (size_t k = 0; k < suf; ++k) ops.push_back({' ', a.size() - suf + k, b.size() - suf + k});

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
