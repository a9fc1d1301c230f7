// A line index over one raw telegram (header block then text block) to give diagnostics positions.
#include "write/telegram_index.h"

#include "cablebase/write.h"
#include "model/text_util.h"

namespace cablebase::write {

size_t SkipLineDebris(std::string_view line) {
  size_t i = 0;
  for (;;) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::string_view rest = line.substr(i);
    if (rest.substr(0, 2) == "\xC2\xB6") {
      i += 2;
    } else if (!rest.empty() && rest[0] == '\xB6') {
      i += 1;
    } else if (!rest.empty() && rest[0] == '[') {
      // "[text](#)" as left by a markdown rendering of a link.
      size_t close = rest.find("](");
      size_t end = close == std::string_view::npos ? close : rest.find(')', close);
      if (end == std::string_view::npos || close > 8) return i;
      i += end + 1;
    } else {
      return i;
    }
  }
}

TelegramIndex::TelegramIndex(const RawCable& raw) : header_(raw.header), text_(raw.text) {
  for (std::string_view l : model::SplitLines(header_)) lines_.push_back(l);
  header_lines_ = static_cast<int64_t>(lines_.size());
  for (std::string_view l : model::SplitLines(text_)) lines_.push_back(l);
}

std::string_view TelegramIndex::line(int64_t n) const {
  if (n < 1 || n > line_count()) return {};
  return lines_[static_cast<size_t>(n - 1)];
}

Position TelegramIndex::Find(std::string_view needle, int64_t from, int64_t to) const {
  if (needle.empty()) return {};
  if (to <= 0 || to > line_count()) to = line_count();
  for (int64_t n = std::max<int64_t>(from, 1); n <= to; ++n) {
    size_t at = model::FindIgnoreCase(line(n), needle);
    if (at != std::string_view::npos) return {n, static_cast<int64_t>(at) + 1};
  }
  return {};
}

Position TelegramIndex::FindLineStart(std::string_view prefix, int64_t from, int64_t to) const {
  if (to <= 0 || to > line_count()) to = line_count();
  for (int64_t n = std::max<int64_t>(from, 1); n <= to; ++n) {
    std::string_view l = line(n);
    size_t at = SkipLineDebris(l);
    if (model::StartsWithIgnoreCase(l.substr(at), prefix)) {
      return {n, static_cast<int64_t>(at) + 1};
    }
  }
  return {};
}

Position TelegramIndex::TextStart() const {
  for (int64_t n = header_lines_ + 1; n <= line_count(); ++n) {
    std::string_view l = line(n);
    size_t at = SkipLineDebris(l);
    if (at < l.size()) return {n, static_cast<int64_t>(at) + 1};
  }
  return {std::min<int64_t>(header_lines_ + 1, std::max<int64_t>(line_count(), 1)), 1};
}

}  // namespace cablebase::write

namespace cablebase {

std::vector<int64_t> TelegramLinesInFile(const RawCable& raw, std::string_view file_bytes) {
  write::TelegramIndex index(raw);
  std::vector<std::string_view> file_lines = model::SplitLines(file_bytes);
  std::vector<int64_t> out(static_cast<size_t>(index.line_count()), 0);
  size_t next = raw.source.line > 0 ? static_cast<size_t>(raw.source.line - 1) : 0;
  for (int64_t n = 1; n <= index.line_count(); ++n) {
    std::string_view want = model::Trim(index.line(n));
    if (want.empty()) continue;
    // Look a short way ahead only, so one unmatched line cannot skip the rest of the file.
    for (size_t k = next; k < file_lines.size() && k < next + 8; ++k) {
      std::string_view have = model::Trim(file_lines[k]);
      if (have == want || (have.size() > want.size() && have.ends_with(want)) ||
          (have.size() > want.size() && have.starts_with(want))) {
        out[static_cast<size_t>(n - 1)] = static_cast<int64_t>(k) + 1;
        next = (have == want || have.ends_with(want)) ? k + 1 : k;
        break;
      }
    }
  }
  return out;
}

}  // namespace cablebase
