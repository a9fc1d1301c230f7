// Rules of precedence words (PRE001 valid words, PRE002 header = highest, PRE003 NIACT on TO only).
#include <string>

#include "model/text_util.h"
#include "write/levels.h"
#include "write/rules.h"

namespace cablebase::write {

void CheckPrecedenceRules(const RuleContext& ctx) {
  const Cable& c = ctx.cable();
  if (!c.precedence.empty() && PrecedenceRank(c.precedence) == 0) {
    ctx.Report("PRE001", "header precedence '" + c.precedence + "' is not a precedence word",
               ctx.index().Find(c.dtg.substr(0, std::min<size_t>(6, c.dtg.size()))));
  }
  int highest = 0;
  bool every_addressee_has_one = true;
  const Addressee* highest_addressee = nullptr;
  for (const auto* list : {&c.to, &c.info}) {
    for (const Addressee& a : *list) {
      if (a.precedence.empty()) {
        every_addressee_has_one = false;
        continue;
      }
      int rank = PrecedenceRank(a.precedence);
      if (rank == 0) {
        ctx.Report("PRE001",
                   "addressee " + a.name + ": '" + a.precedence + "' is not a precedence word",
                   ctx.AddresseeLine(a));
        continue;
      }
      if (rank > highest) {
        highest = rank;
        highest_addressee = &a;
      }
    }
  }
  int header = PrecedenceRank(c.precedence);
  if (header > 0 && highest_addressee != nullptr) {
    // An addressee without a word takes the header's, so the header may exceed the explicit ones
    // only when some addressee has no word of its own (06KABUL3934: INFO collective without one).
    if (header < highest) {
      ctx.Report("PRE002",
                 "header precedence " + c.precedence + " is lower than " +
                     highest_addressee->precedence + " of " + highest_addressee->name,
                 ctx.AddresseeLine(*highest_addressee));
    } else if (header > highest && every_addressee_has_one) {
      ctx.Report("PRE002",
                 "header precedence " + c.precedence + " is higher than every addressee's (" +
                     highest_addressee->precedence + " at most)",
                 ctx.HeaderLine("TO"));
    }
  }
  for (const Addressee& a : c.info) {
    if (model::FindIgnoreCase(a.precedence, "NIACT") != std::string::npos) {
      ctx.Report("PRE003", "info addressee " + a.name + " is marked " + a.precedence,
                 ctx.AddresseeLine(a));
    }
  }
}

}  // namespace cablebase::write
