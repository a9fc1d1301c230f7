// Rules of addressees (ADR001 no sequence on collectives, ADR002 sequence form, ADR003 FM + TO).
#include <string>

#include "model/text_util.h"
#include "write/rules.h"

namespace cablebase::write {
namespace {

// "1026", or a range "9314-9317" (one number per section; 09STATE... NIACT IMMEDIATE ranges).
bool IsSequenceNumber(std::string_view s) {
  size_t dash = s.find('-');
  if (dash == std::string_view::npos) return model::IsAllDigits(s);
  return model::IsAllDigits(s.substr(0, dash)) && model::IsAllDigits(s.substr(dash + 1));
}

}  // namespace

void CheckAddresseeRules(const RuleContext& ctx) {
  const Cable& c = ctx.cable();
  for (const auto* list : {&c.to, &c.info}) {
    for (const Addressee& a : *list) {
      if (a.sequence.empty()) continue;
      if (a.collective) {
        ctx.Report("ADR001",
                   "collective " + a.name + " carries sequence number " + a.sequence,
                   ctx.AddresseeLine(a));
      }
      if (!IsSequenceNumber(a.sequence)) {
        ctx.Report("ADR002", "addressee " + a.name + ": sequence '" + a.sequence +
                                 "' is not a number", ctx.AddresseeLine(a));
      }
    }
  }
  if (c.partial) return;  // published without its routing header (05PARIS1807)
  if (c.originator.empty()) {
    ctx.Report("ADR003", "no originator (FM line)", ctx.HeaderLine("FM"));
  }
  if (c.to.empty()) {
    ctx.Report("ADR003", "no action addressee (TO line)", ctx.HeaderLine("FM"));
  }
}

}  // namespace cablebase::write
