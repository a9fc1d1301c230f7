// Rules of the date-time group (DTG001, DTG002).
#include <string>
#include <string_view>
#include <vector>

#include "model/text_util.h"
#include "write/dtg_check.h"
#include "write/rules.h"

namespace cablebase::write {
namespace {

// The DTG written on a routing-header line "O 201007Z FEB 06" / "P R 081233Z JUN 09" (the
// precedence prosign letters Z, O, P, R then DDHHMM[Z] MON YY), for cables whose record has no DTG
// because the parser could not read it. Empty when no such line exists.
std::string FindRawDtg(const RuleContext& ctx, Position* pos) {
  const TelegramIndex& index = ctx.index();
  int64_t last = std::min<int64_t>(index.line_count(), index.header_line_count() + 12);
  for (int64_t n = 1; n <= last; ++n) {
    std::string_view l = index.line(n);
    std::vector<std::string_view> words = model::SplitWhitespace(l);
    size_t i = 0;
    while (i < words.size() && i < 2 && words[i].size() == 1 &&
           std::string_view("ZOPR").find(words[i][0]) != std::string_view::npos) {
      ++i;
    }
    if (i == 0 || i >= words.size()) continue;
    std::string_view w = words[i];
    if (w.size() < 6 || !model::IsAllDigits(w.substr(0, 6))) continue;
    *pos = {n, static_cast<int64_t>(w.data() - l.data()) + 1};
    std::string dtg(w);
    for (size_t k = i + 1; k < words.size() && k < i + 3; ++k) dtg += " " + std::string(words[k]);
    return dtg;
  }
  return {};
}

}  // namespace

void CheckDtgRules(const RuleContext& ctx) {
  const Cable& c = ctx.cable();
  std::string dtg = c.dtg;
  Position pos;
  if (!dtg.empty()) {
    // Its line: the precedence line holds the day-hour-minute digits.
    pos = ctx.index().Find(dtg.substr(0, std::min<size_t>(6, dtg.size())), 1,
                           ctx.index().header_line_count() + 12);
  } else {
    dtg = FindRawDtg(ctx, &pos);
  }
  if (dtg.empty()) {
    // A partial extract was published without its routing header (04BRASILIA3154).
    if (c.partial) return;
    ctx.Report("DTG002", "no date-time group in the message header", ctx.HeaderLine("FM"));
    return;
  }
  if (std::string why = DtgProblem(dtg); !why.empty()) {
    ctx.Report("DTG001", "date-time group '" + dtg + "': " + why, pos);
  }
}

}  // namespace cablebase::write
