// The E.O. line: executive order number and declassify-on date.
#include "model/dates.h"
#include "model/text_util.h"
#include "parse/header_lines.h"
#include "parse/text_header.h"

namespace cablebase::parse {

namespace {

using model::IsAlnum;
using model::IsAlpha;
using model::IsDigit;
using model::IsSpace;

// Offset just after an "E.O." label at `i` of `u` (upper case): "E.O.", "E. O.", "EO", "E.O",
// followed by a number, a colon or DECL; 0 when there is no label at `i`.
size_t MatchEoLabel(std::string_view u, size_t i) {
  if (u[i] != 'E' || (i > 0 && IsAlnum(u[i - 1]))) return 0;
  size_t j = i + 1;
  if (j < u.size() && u[j] == '.') ++j;
  if (j < u.size() && u[j] == ' ') ++j;
  if (j >= u.size() || u[j] != 'O') return 0;
  ++j;
  if (j < u.size() && u[j] == '.') ++j;
  if (j < u.size() && IsAlpha(u[j])) return 0;
  size_t k = j;
  while (k < u.size() && (IsSpace(u[k]) || u[k] == ':')) ++k;
  if (k < u.size() && (IsDigit(u[k]) || u.compare(k, 4, "DECL") == 0 || u.compare(k, 3, "N/A") == 0)) {
    return j;
  }
  return 0;
}

}  // namespace

std::optional<ExecutiveOrder> ParseExecutiveOrder(std::string_view text) {
  for (std::string_view line : model::SplitLines(text)) {
    std::string u = model::ToUpperAscii(line);
    for (size_t i = 0; i < u.size(); ++i) {
      size_t after = MatchEoLabel(u, i);
      if (after == 0) continue;
      // The E.O. line ends where TAGS or SUBJECT begin on the same line ("E.o. 12958: decl:
      // 01/07/2014 Tags: prel", golden parse_nondisclosure_deadline).
      size_t stop = u.size();
      for (std::string_view label : {"TAGS", "TAG:", "SUBJECT", "SUBJ:"}) {
        size_t p = internal::FindLabel(u, label, after);
        if (p != std::string::npos && p < stop) stop = p;
      }
      ExecutiveOrder eo;
      eo.line = model::CollapseWhitespace(line.substr(i, stop - i));
      std::string_view rest = std::string_view(u).substr(after, stop - after);
      size_t k = 0;
      while (k < rest.size() && (IsSpace(rest[k]) || rest[k] == ':')) ++k;
      size_t d = k;
      while (d < rest.size() && IsDigit(rest[d])) ++d;
      if (d - k >= 4 && d - k <= 5) {
        eo.executive_order = std::string(rest.substr(k, d - k));
        rest.remove_prefix(d);
      }
      // Only a DECL(:) date is a declassify-on date; "DECLASSIFIED JUNE 21, 2006" (72TEHRAN5055)
      // records a past declassification and "N/A", "OADR", "X1" have no date.
      size_t decl = rest.find("DECL");
      if (decl != std::string_view::npos) {
        if (rest.compare(decl, 12, "DECLASSIFIED") != 0) {
          eo.declassify_on = model::DateToIso(rest.substr(decl + 4));
        }
      } else if (rest.find("DECLASSIFIED") == std::string_view::npos) {
        eo.declassify_on = model::DateToIso(rest);
      }
      return eo;
    }
  }
  return std::nullopt;
}

}  // namespace cablebase::parse
