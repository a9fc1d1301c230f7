// Rules of the classification line's identity (RID001 reference ID = year + post + serial,
// SEC001 SECTION n OF m consistent across sections).
#include <string>
#include <vector>

#include "model/reference_id.h"
#include "model/text_util.h"
#include "write/dtg_check.h"
#include "write/rules.h"

namespace cablebase::write {
namespace {

// Reads "SECTION 02 OF 03" at or after `from` in `line`: true with n and m set.
bool ReadSection(std::string_view line, int* n, int* m) {
  size_t at = model::FindIgnoreCase(line, "SECTION ");
  if (at == std::string_view::npos) return false;
  std::vector<std::string_view> w = model::SplitWhitespace(line.substr(at));
  if (w.size() < 4 || !model::EqualsIgnoreCase(w[2], "OF")) return false;
  *n = model::ParseSmallInt(w[1]);
  *m = model::ParseSmallInt(w[3]);
  return *n >= 0 && *m >= 0;
}

}  // namespace

void CheckSectionRules(const RuleContext& ctx) {
  const Cable& c = ctx.cable();
  const TelegramIndex& index = ctx.index();
  Position start = ctx.ClassificationLine();
  if (c.section_count > 0 || c.section_number > 0) {
    if (c.section_number < 1 || c.section_number > c.section_count) {
      ctx.Report("SEC001", "SECTION " + std::to_string(c.section_number) + " OF " +
                               std::to_string(c.section_count) + " is out of range",
                 index.Find("SECTION", start.line, start.line));
    }
  }
  // Later sections, joined into one text by the release, repeat the classification line with
  // their own SECTION n OF m (e.g. 06KABUL3934 SECTION 01 OF 05); it names the same post.
  if (c.section_count > 0 && !c.post.empty()) {
    int expect = c.section_number + 1;
    for (int64_t n = start.line + 1; n <= index.line_count(); ++n) {
      std::string_view l = index.line(n);
      if (model::FindIgnoreCase(l, c.post) == std::string_view::npos) continue;
      int sn = 0, sm = 0;
      if (!ReadSection(l, &sn, &sm)) continue;
      Position pos = index.Find("SECTION", n, n);
      if (sm != c.section_count) {
        ctx.Report("SEC001", "SECTION " + std::to_string(sn) + " OF " + std::to_string(sm) +
                                 " but the cable has " + std::to_string(c.section_count) +
                                 " sections",
                   pos);
      } else if (sn == expect - 1) {
        // 09ISLAMABAD3037: the page repeats its whole text header.
        ctx.Report("SEC001", "SECTION " + std::to_string(sn) + " OF " + std::to_string(sm) +
                                 " is repeated",
                   pos);
      } else if (sn != expect) {
        ctx.Report("SEC001", "SECTION " + std::to_string(sn) + " follows section " +
                                 std::to_string(expect - 1),
                   pos);
      }
      expect = sn + 1;
    }
  }

  if (!c.reference_id.empty() && !c.post.empty() && !c.serial.empty()) {
    int year = DtgYear(c.dtg);
    if (year < 0 && c.created.size() >= 4) year = model::ParseSmallInt(c.created.substr(0, 4));
    if (year < 0) return;
    std::string expected = model::MakeReferenceId(year, c.post, c.serial);
    if (!expected.empty() && expected != c.reference_id) {
      ctx.Report("RID001", "reference ID " + c.reference_id + " but DTG year, post " + c.post +
                               " and serial " + c.serial + " make " + expected,
                 start);
    }
  }
}

}  // namespace cablebase::write
