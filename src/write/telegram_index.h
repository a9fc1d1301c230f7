// A line index over one raw telegram (header block then text block) to give diagnostics positions.
#ifndef CABLEBASE_WRITE_TELEGRAM_INDEX_H_
#define CABLEBASE_WRITE_TELEGRAM_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cablebase/read.h"

namespace cablebase::write {

// A 1-based line and column in the telegram; {0, 0} when unknown.
struct Position {
  int64_t line = 0;
  int64_t column = 0;
  bool found() const { return line > 0; }
};

// The lines of RawCable::header followed by the lines of RawCable::text, numbered from 1 (the
// numbering of Diagnostic::line). Owns a copy of both blocks; immutable after construction, so it
// may be shared between threads.
class TelegramIndex {
 public:
  explicit TelegramIndex(const RawCable& raw);

  int64_t line_count() const { return static_cast<int64_t>(lines_.size()); }
  // Lines 1..header_line_count() come from the header block.
  int64_t header_line_count() const { return header_lines_; }
  // Line `n` (1-based); empty for a line out of range.
  std::string_view line(int64_t n) const;

  // The first case-insensitive occurrence of `needle` in lines [from, to] (to = 0: the last line).
  Position Find(std::string_view needle, int64_t from = 1, int64_t to = 0) const;

  // The first line in [from, to] that begins with `prefix` (case-insensitive) once leading blanks,
  // '¶' and rendered-link debris ("[1](#)") are skipped; the position is that of the prefix.
  Position FindLineStart(std::string_view prefix, int64_t from = 1, int64_t to = 0) const;

  // The first non-blank line of the text block: the classification line (line 1 when the text is
  // empty).
  Position TextStart() const;

 private:
  std::string header_;
  std::string text_;
  std::vector<std::string_view> lines_;
  int64_t header_lines_ = 0;
};

// The offset of the line's content after leading blanks, '¶' (UTF-8 C2 B6 or Latin-1 B6) and
// rendered-markdown link debris "[1](#)" (the seed cable's paragraph links).
size_t SkipLineDebris(std::string_view line);

}  // namespace cablebase::write

#endif  // CABLEBASE_WRITE_TELEGRAM_INDEX_H_
