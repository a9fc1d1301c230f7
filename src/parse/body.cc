// The partial-extract flag of the body parser (the other body functions have their own files).
#include "parse/body.h"

#include <string>

#include "model/text_util.h"

namespace cablebase::parse {

bool IsPartialExtract(std::string_view text) {
  static constexpr std::string_view kNote = "partial extract of the original cable";
  // Collapse whitespace lazily: only around candidate matches of the first word.
  for (size_t pos = model::FindIgnoreCase(text, "partial"); pos != std::string_view::npos;
       pos = model::FindIgnoreCase(text, "partial", pos + 1)) {
    std::string window = model::CollapseWhitespace(text.substr(pos, kNote.size() * 3));
    if (model::StartsWithIgnoreCase(window, kNote)) return true;
  }
  return false;
}

}  // namespace cablebase::parse
