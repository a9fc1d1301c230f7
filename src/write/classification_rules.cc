// Rules of classification and portion marks (CLS001 level, CLS002 overall >= portions, CLS003
// NOFORN caveat, CLS004 known portion marks).
#include <algorithm>
#include <string>

#include "model/text_util.h"
#include "write/levels.h"
#include "write/rules.h"

namespace cablebase::write {
namespace {

// The record's caveats hold it, or the text header names it anywhere (a caption line the parser
// did not take for a caveat: "SECRET NOFORN" under the classification line of 06CARACAS219).
bool HasCaveat(const RuleContext& ctx, std::string_view caveat) {
  const Cable& c = ctx.cable();
  if (std::any_of(c.caveats.begin(), c.caveats.end(),
                  [&](const std::string& v) { return model::EqualsIgnoreCase(v, caveat); })) {
    return true;
  }
  return ctx.index().Find(caveat, ctx.ClassificationLine().line, ctx.TextHeaderEnd()).found();
}

}  // namespace

void CheckClassificationRules(const RuleContext& ctx) {
  const Cable& c = ctx.cable();
  int overall = ClassificationRank(c.classification);
  if (c.classification.empty()) {
    if (ctx.HasNoText()) return;  // TXT001 says it
    ctx.Report("CLS001", "no classification line at the start of the text", ctx.index().TextStart());
  } else if (overall < 0) {
    ctx.Report("CLS001", "classification '" + c.classification + "' is not a known level",
               ctx.ClassificationLine());
  }
  bool noforn_reported = false;
  for (const Paragraph& p : c.paragraphs) {
    if (p.portion_marking.empty()) continue;
    PortionMark mark = SplitPortionMark(p.portion_marking);
    int rank = ClassificationRank(mark.level);
    Position pos = ctx.ParagraphLine(p.number);
    if (rank < 0) {
      ctx.Report("CLS004", "paragraph " + std::to_string(p.number) + ": portion marking (" +
                               p.portion_marking + ") is not a known level",
                 pos);
      continue;
    }
    if (overall >= 0 && rank > overall) {
      ctx.Report("CLS002", "paragraph " + std::to_string(p.number) + " is marked (" +
                               p.portion_marking + ") but the cable is " + c.classification,
                 pos);
    }
    // One report per cable: the missing caveat is one fault, however many paragraphs show it.
    if (mark.noforn && !noforn_reported && !HasCaveat(ctx, "NOFORN")) {
      noforn_reported = true;
      ctx.Report("CLS003", "paragraph " + std::to_string(p.number) + " is marked (" +
                               p.portion_marking + ") but the text header has no NOFORN caveat",
                 pos);
    }
  }
}

}  // namespace cablebase::write
