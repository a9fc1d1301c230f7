// Rules of the E.O. line, declassify-on date and Classified By (DCL001-DCL006).
#include <string>

#include "model/dates.h"
#include "model/text_util.h"
#include "write/levels.h"
#include "write/rules.h"

namespace cablebase::write {
namespace {

// "1.4(b)" / "1.5(d)": E.O. 12958 §1.5 (original text) and §1.4 (as amended by E.O. 13292 and
// in E.O. 13526) list reasons (a)-(h) ((a)-(g) before 2003; (h) WMD was added in 2003).
bool IsValidReason(std::string_view reason) {
  std::string r = model::ToLowerAscii(model::CollapseWhitespace(reason));
  r = model::ReplaceAll(r, " ", "");
  if (r.size() != 6) return false;
  if (r.substr(0, 3) != "1.4" && r.substr(0, 3) != "1.5") return false;
  return r[3] == '(' && r[4] >= 'a' && r[4] <= 'h' && r[5] == ')';
}

Position EoLine(const RuleContext& ctx) {
  Position p = ctx.TextLine("E.O.");
  if (!p.found()) p = ctx.TextLine("EO ");
  if (!p.found()) p = ctx.index().Find("DECL", ctx.index().header_line_count() + 1);
  return p;
}

}  // namespace

void CheckDeclassificationRules(const RuleContext& ctx) {
  const Cable& c = ctx.cable();
  if (ClassificationRank(c.classification) < 0) return;  // CLS001 already said it
  Position classified_by = ctx.TextLine("Classified By");
  if (!classified_by.found()) {
    classified_by =
        ctx.index().Find("Classified by", ctx.ClassificationLine().line, ctx.TextHeaderEnd());
  }
  int order = model::ParseSmallInt(c.executive_order);

  if (IsClassified(c.classification)) {
    bool has_eo = !c.executive_order.empty() || !c.eo_line.empty();
    if (!has_eo && !ctx.TruncatedBeforeBody()) {
      ctx.Report("DCL001", c.classification + " cable without an E.O. line", ctx.TextLine("TAGS"));
    }
    if (c.declassify_on.empty()) {
      // E.O. 12958 (1995) made a date or event mandatory; earlier orders used schedules
      // (E.O. 11652 "GDS", 75TEHRAN2069) or OADR.
      if (has_eo && order >= 12958) {
        ctx.Report("DCL003",
                   c.classification + " cable without a declassify-on date (E.O. line '" +
                       model::CollapseWhitespace(c.eo_line) + "')",
                   EoLine(ctx));
      }
    } else {
      std::string sent = model::DtgToIso(c.dtg);
      if (sent.size() >= 10 && c.declassify_on.substr(0, 10) <= sent.substr(0, 10)) {
        ctx.Report("DCL002", "declassify-on " + c.declassify_on + " is not after the DTG (" +
                                 sent.substr(0, 10) + ")",
                   EoLine(ctx));
      }
    }
    // The line may be there though the parser did not read it (08BEIJING1618, after a REF
    // block with a stray '¶'). A derivatively classified cable names its source instead
    // ("DERIVED FROM: DSCG 05-1 B, D", 10MEXICO83; E.O. 12958 §2.1).
    bool derived =
        ctx.index().Find("DERIVED FROM", ctx.ClassificationLine().line, ctx.TextHeaderEnd())
            .found();
    if (!c.classified_by && order >= 12958 && !classified_by.found() && !derived &&
        !ctx.TruncatedBeforeBody()) {
      ctx.Report("DCL004",
                 c.classification + " cable under E.O. " + c.executive_order +
                     " without a Classified By line",
                 EoLine(ctx));
    }
    // "Classified By: Derived from Multiple Sources" (09STATE63860) is derivative
    // classification: the reasons are those of the sources.
    bool derived_by = c.classified_by &&
                      (model::FindIgnoreCase(c.classified_by->text, "DERIVED FROM") !=
                           std::string::npos ||
                       model::FindIgnoreCase(c.classified_by->name, "DERIVED FROM") !=
                           std::string::npos);
    if (c.classified_by && !derived_by) {
      if (c.classified_by->reasons.empty()) {
        ctx.Report("DCL005", "Classified By line gives no reasons 1.4 (a)-(h)", classified_by);
      }
      for (const std::string& r : c.classified_by->reasons) {
        if (!IsValidReason(r)) {
          ctx.Report("DCL005", "classification reason '" + r + "' is not 1.4 (a)-(h)",
                     classified_by);
        }
      }
    }
  } else if (model::FindIgnoreCase(c.eo_line, "DECLASSIFIED") == std::string::npos) {
    // A cable declassified since ("E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009",
    // 66BUENOSAIRES2481) keeps the markings of its original classification: not checked.
    if (!c.declassify_on.empty()) {
      ctx.Report("DCL006", c.classification + " cable with declassify-on date " + c.declassify_on,
                 EoLine(ctx));
    }
    if (c.classified_by) {
      ctx.Report("DCL006", c.classification + " cable with a Classified By line", classified_by);
    }
  }
}

}  // namespace cablebase::write
