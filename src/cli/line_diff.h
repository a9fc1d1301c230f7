// Unified-style line diff of two texts (over model::DiffLines), for `cablebase show --versions`.
#ifndef CABLEBASE_CLI_LINE_DIFF_H_
#define CABLEBASE_CLI_LINE_DIFF_H_

#include <string>
#include <string_view>

namespace cablebase::cli {

// Unified-style hunks: "@@ -a,n +b,m @@" headers, then lines prefixed ' ' (context, `context`
// lines around each change), '-' (only in `before`) and '+' (only in `after`). Empty when the texts
// have the same lines. Lines are compared and printed without trailing whitespace. Cost bounds are
// those of model::DiffLines. Pure and thread-safe.
std::string LineDiff(std::string_view before, std::string_view after, int context = 2);

}  // namespace cablebase::cli

#endif  // CABLEBASE_CLI_LINE_DIFF_H_
