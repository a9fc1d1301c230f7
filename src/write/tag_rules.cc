// Rules of TAGS and SUBJECT (TAG001 present, TAG002 known subject TAGS, TAG003 known geographic
// codes, SUB001 SUBJECT present).
#include <string>

#include "model/tag_kind.h"
#include "model/text_util.h"
#include "write/rules.h"

namespace cablebase::write {

void CheckTagRules(const RuleContext& ctx) {
  const Cable& c = ctx.cable();
  Position tags_line = ctx.TextLine("TAGS");
  if (!tags_line.found()) tags_line = ctx.TextLine("TAG");
  // A TAGS line with values the parser did not read is not "no TAGS".
  bool raw_tags = false;
  if (Position p = ctx.TextHeaderLine("TAG"); p.found()) {
    std::string_view rest = ctx.index().line(p.line).substr(static_cast<size_t>(p.column - 1) + 3);
    if (!rest.empty() && (rest[0] == 'S' || rest[0] == 's')) rest.remove_prefix(1);
    rest = model::Trim(rest);
    if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
    raw_tags = !model::Trim(rest).empty();
  }
  if (c.tags.empty() && !raw_tags && !ctx.TruncatedBeforeBody() && !ctx.HasNoText()) {
    ctx.Report("TAG001", "no TAGS", tags_line.found() ? tags_line : ctx.TextLine("SUBJECT"));
  }
  for (const std::string& tag : c.tags) {
    std::string t = model::ToUpperAscii(model::Trim(tag));
    bool letters = !t.empty();
    for (char ch : t) letters = letters && model::IsAlpha(ch);
    Position pos = tags_line.found() ? ctx.index().Find(tag, tags_line.line, tags_line.line + 3)
                                     : Position{};
    if (!pos.found()) pos = tags_line;
    if (letters && t.size() == 4 && t[0] != 'K' && !model::IsSubjectTag(t) &&
        !model::IsOrganizationTag(t) && !model::IsKeywordTag(t)) {
      ctx.Report("TAG002", "subject TAG " + t + " is not a known TAG", pos);
    }
    if (letters && t.size() == 2 && !model::IsGeographicCode(t) && !model::IsOrganizationTag(t)) {
      ctx.Report("TAG003", "geographic TAG " + t + " is not a State geographic code", pos);
    }
  }
  if (model::Trim(c.subject).empty() && !ctx.TextHeaderLine("SUBJ").found() &&
      !ctx.TruncatedBeforeBody() && !ctx.HasNoText()) {
    Position subj = ctx.TextLine("SUBJ");
    ctx.Report("SUB001", "no SUBJECT", subj.found() ? subj : tags_line);
  }
}

}  // namespace cablebase::write
