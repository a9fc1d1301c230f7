// Rule of the text's presence (TXT001): a cable whose text is missing says so once.
#include "model/text_util.h"
#include "write/rules.h"

namespace cablebase::write {

void CheckTextRules(const RuleContext& ctx) {
  if (!ctx.HasNoText()) return;
  const bool has_header = !ctx.cable().header_raw.empty() || !ctx.raw().header.empty() ||
                          !model::Trim(ctx.raw().text).empty();
  ctx.Report("TXT001",
             has_header ? "the cable has no text: nothing follows the routing header"
                        : "the cable has no text: the file holds only the publisher's metadata",
             Position{});
}

}  // namespace cablebase::write
