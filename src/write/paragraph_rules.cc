// Rules of numbered paragraphs (PAR001 numbered 1..n without gaps or repeats).
#include <string>

#include "write/rules.h"

namespace cablebase::write {

void CheckParagraphRules(const RuleContext& ctx) {
  const Cable& c = ctx.cable();
  int previous = 0;
  for (const Paragraph& p : c.paragraphs) {
    if (p.number != previous + 1) {
      std::string what = previous == 0 ? "the first paragraph is " + std::to_string(p.number)
                         : p.number <= previous
                             ? "paragraph " + std::to_string(p.number) + " repeats after " +
                                   std::to_string(previous)
                             : "paragraph " + std::to_string(p.number) + " follows " +
                                   std::to_string(previous) + " (gap)";
      ctx.Report("PAR001", what, ctx.ParagraphLine(p.number));
    }
    previous = p.number;
  }
}

}  // namespace cablebase::write
