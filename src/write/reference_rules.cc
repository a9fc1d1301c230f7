// Rules of the REF block (REF001 labels in sequence).
#include <string>

#include "model/text_util.h"
#include "write/rules.h"

namespace cablebase::write {

void CheckReferenceRules(const RuleContext& ctx) {
  const Cable& c = ctx.cable();
  Position ref_line = ctx.TextLine("REF");
  std::string previous;
  for (const Reference& r : c.references) {
    std::string label = model::ToUpperAscii(model::Trim(r.label));
    if (label.empty()) continue;
    // The label after `previous`: A → B, Z → AA is not used; 1 → 2.
    std::string expected;
    if (previous.empty()) {
      expected = model::IsAllDigits(label) ? "1" : "A";
    } else if (model::IsAllDigits(previous)) {
      expected = std::to_string(model::ParseSmallInt(previous) + 1);
    } else if (previous.size() == 1 && model::IsAlpha(previous[0])) {
      expected = std::string(1, static_cast<char>(previous[0] + 1));
    }
    // "B. ALGIERS 110 AND ALGIERS 140" is two references under one label (08ALGIERS198).
    if (!expected.empty() && label != expected && label != previous) {
      Position pos = ref_line.found() ? ctx.index().Find(r.text, ref_line.line) : Position{};
      if (!pos.found()) pos = ref_line;
      ctx.Report("REF001",
                 "REF label " + label + (previous.empty() ? " starts the list"
                                                          : " follows " + previous) +
                     " (expected " + expected + ")",
                 pos);
    }
    previous = label;
  }
}

}  // namespace cablebase::write
