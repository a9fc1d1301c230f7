// A line diff (Myers' O(ND) algorithm) for the versions views (CLI `show --versions`, HTTP diff): which lines of one text were removed,
// added or kept in another.
#ifndef CABLEBASE_MODEL_LINE_DIFF_H_
#define CABLEBASE_MODEL_LINE_DIFF_H_

#include <string>
#include <string_view>
#include <vector>

namespace cablebase::model {

struct DiffLine {
  char op = ' ';  // ' ' kept, '-' only in the old text, '+' only in the new text
  std::string text;
};

// The shortest edit script from `old_text` to `new_text`, line by line ('\n' separates lines; a final
// '\n' does not add an empty line; "\r\n" counts as "\n"). When more than `max_edits` lines differ the
// search stops and the result is every old line removed and every new line added (still correct, not
// minimal), so the cost is bounded by O((N+M) * max_edits) time and O(max_edits^2) memory (4 MB at 1000).
std::vector<DiffLine> DiffLines(std::string_view old_text, std::string_view new_text,
                                int max_edits = 1000);

}  // namespace cablebase::model

#endif  // CABLEBASE_MODEL_LINE_DIFF_H_
