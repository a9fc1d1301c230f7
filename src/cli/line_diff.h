// A line diff of two texts (longest common subsequence), for `cablebase show --versions`.
#ifndef CABLEBASE_CLI_LINE_DIFF_H_
#define CABLEBASE_CLI_LINE_DIFF_H_

#include <string>
#include <string_view>

namespace cablebase::cli {

// Unified-style hunks: "@@ -a,n +b,m @@" headers, then lines prefixed ' ' (context, `context`
// lines around each change), '-' (only in `before`) and '+' (only in `after`). Empty when the texts
// have the same lines. Lines are compared and printed without trailing whitespace. When the texts have more
// than `max_cells` line pairs (a quadratic table), the result is one line saying that they differ
// and how many lines each has. Pure and thread-safe.
std::string LineDiff(std::string_view before, std::string_view after, int context = 2,
                     size_t max_cells = 16'000'000);

}  // namespace cablebase::cli

#endif  // CABLEBASE_CLI_LINE_DIFF_H_
