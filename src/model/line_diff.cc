// Myers' diff over lines (E. W. Myers, "An O(ND) Difference Algorithm and Its Variations", 1986).
#include "model/line_diff.h"

#include <algorithm>

namespace cablebase::model {

namespace {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = nl + 1;
  }
  return lines;
}

}  // namespace

std::vector<DiffLine> DiffLines(std::string_view old_text, std::string_view new_text,
                                int max_edits) {
  const std::vector<std::string_view> a = SplitLines(old_text), b = SplitLines(new_text);
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  // Common prefix and suffix cost nothing and shrink the search.
  int pre = 0;
  while (pre < n && pre < m && a[pre] == b[pre]) ++pre;
  int suf = 0;
  while (suf < n - pre && suf < m - pre && a[n - 1 - suf] == b[m - 1 - suf]) ++suf;
  const int an = n - pre - suf, bm = m - pre - suf;
  auto A = [&](int i) { return a[pre + i]; };
  auto B = [&](int j) { return b[pre + j]; };

  std::vector<DiffLine> out;
  for (int i = 0; i < pre; ++i) out.push_back({' ', std::string(a[i])});

  // Forward search keeping each round's V array (x reached on diagonal k) for the backtrack.
  const int max_d = std::min(an + bm, std::max(0, max_edits));
  const int offset = max_d + 1;
  std::vector<std::vector<int>> trace;
  std::vector<int> v(2 * offset + 1, 0);
  int found_d = -1;
  for (int d = 0; d <= max_d && found_d < 0; ++d) {
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                            : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < an && y < bm && A(x) == B(y)) ++x, ++y;
      v[offset + k] = x;
      if (x >= an && y >= bm) {
        found_d = d;
        break;
      }
    }
    // Only diagonals -d..d were reached in round d: keep that slice.
    trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
  }

  std::vector<DiffLine> middle;
  if (found_d < 0) {
    for (int i = 0; i < an; ++i) middle.push_back({'-', std::string(A(i))});
    for (int j = 0; j < bm; ++j) middle.push_back({'+', std::string(B(j))});
  } else {
    int x = an, y = bm;
    for (int d = found_d; d > 0; --d) {
      const std::vector<int>& pv = trace[d - 1];
      const int k = x - y;
      const bool down = (k == -d || (k != d && pv[k - 1 + d - 1] < pv[k + 1 + d - 1]));
      const int pk = down ? k + 1 : k - 1;
      const int px = pv[pk + d - 1], py = px - pk;
      while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) {
        middle.push_back({' ', std::string(A(x - 1))});
        --x, --y;
      }
      if (down) {
        middle.push_back({'+', std::string(B(y - 1))});
        --y;
      } else {
        middle.push_back({'-', std::string(A(x - 1))});
        --x;
      }
    }
    while (x > 0 && y > 0) {
      middle.push_back({' ', std::string(A(x - 1))});
      --x, --y;
    }
    std::reverse(middle.begin(), middle.end());
  }
  out.insert(out.end(), std::make_move_iterator(middle.begin()),
             std::make_move_iterator(middle.end()));
  for (int i = n - suf; i < n; ++i) out.push_back({' ', std::string(a[i])});
  return out;
}

}  // namespace cablebase::model
