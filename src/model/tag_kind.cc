// The kind of a TAG (subject, geographic, program, person, organisation).
#include "model/tag_kind.h"

#include "model/text_util.h"

namespace cablebase::model {

TagKind TagKindOf(std::string_view tag) {
  std::string t = ToUpperAscii(Trim(tag));
  if (t.empty()) return TagKind::kUnknown;
  if (t.find(',') != std::string::npos) return TagKind::kPerson;
  bool letters = true;
  for (char c : t) letters &= IsAlpha(c);
  if (letters && t.size() == 2) return TagKind::kGeographic;
  if (letters && t.size() == 4 && t[0] == 'K') return TagKind::kProgram;
  if (IsSubjectTag(t)) return TagKind::kSubject;
  if (IsOrganizationTag(t)) return TagKind::kOrganization;
  return TagKind::kUnknown;
}

}  // namespace cablebase::model
