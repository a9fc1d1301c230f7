// Audit of `classified_by`: the line is read, its name is words of the line, its reasons are real.
#include <set>
#include <string>

#include "audit/text_scan.h"
#include "model/text_util.h"

namespace cablebase::audit {

namespace {

// A classification reason of E.O. 12958/13526: 1.4(a) to 1.4(h), or 1.5 with (a)-(g) (12958's
// original numbering). Source: shared/spec/FORMAT.md §3.
bool IsKnownReason(std::string_view r) {
  if (r == "1.4" || r == "1.5") return true;
  if (r.size() != 6 || r[3] != '(' || r[5] != ')') return false;
  if (r.substr(0, 3) != "1.4" && r.substr(0, 3) != "1.5") return false;
  return r[4] >= 'a' && r[4] <= 'h';
}

// True when the line writes a reason: "1.4" or "1.5" followed (after spaces or '(') by a letter
// a-h, "1.4(b)", "1.4 b, d", "1.5 (D)"; "1.4 ..." (09TALLINN114) names none.
bool MentionsReasons(std::string_view s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] != '1' || s[i + 1] != '.' || (s[i + 2] != '4' && s[i + 2] != '5')) continue;
    if (i > 0 && model::IsDigit(s[i - 1])) continue;
    size_t j = i + 3;
    while (j < s.size() && j < i + 6 && (s[j] == ' ' || s[j] == '(')) ++j;
    if (j < s.size()) {
      char c = model::ToUpperChar(s[j]);
      if (c >= 'A' && c <= 'H' && (j + 1 >= s.size() || !model::IsAlpha(s[j + 1]))) return true;
    }
  }
  return false;
}

// Words of titles, offices and the line's own wording: never part of a person's name. A name
// holding one kept a title or the reasons (the issue-11 kinds: CDA NABEEL KHOURY, 07SANAA473;
// Derived from Multiple Sources, 08STATE116943; GRAPPO + FOR of the next line, 10BAGHDAD290).
const std::set<std::string>& NotNameWords() {
  static const std::set<std::string>* words = new std::set<std::string>{
      "AMBASSADOR", "CHARGE",  "AFFAIRES",  "CDA",      "DCM",       "ADCM",        "COUNSELOR",
      "COUNSELLOR", "CHIEF",   "DIRECTOR",  "DEPUTY",   "ACTING",    "MINISTER",    "CONSUL",
      "OFFICER",    "POLOFF",  "ECONOFF",   "POLCOUNS", "ECONCOUNS", "LEADER",      "HEAD",
      "PRT",        "UNIT",    "SECTION",   "OFFICE",   "TEAM",      "COORDINATOR", "SECRETARY",
      "ASSISTANT",  "MISSION", "POLITICAL", "ECONOMIC", "AFFAIRS",   "EMBASSY",     "FOR",
      "REASON",     "REASONS", "DERIVED",   "MULTIPLE", "SOURCES",   "CLASSIFIED",  "BY",
      "DECL",       "PER"};
  return *words;
}

// Words that open a line and so cannot end a word split by the wrap ("GRAPPO" / "FOR REASONS").
bool IsLineWord(const std::string& w) {
  return w == "FOR" || w == "REASON" || w == "REASONS" || w == "AND" || w == "E" || w == "O" ||
         w == "PER" || w == "BY" || w == "UNDER";
}

}  // namespace

void CheckClassifiedBy(const AuditInput& in, std::vector<Finding>* out) {
  const Cable& c = *in.cable;
  size_t at = in.lines.size();
  for (size_t i = 0; i < in.header_end; ++i) {
    if (model::StartsWithIgnoreCase(StripLead(in.lines[i]), "CLASSIFIED BY")) {
      at = i;
      break;
    }
  }
  if (at == in.lines.size()) return;
  // The line and what wraps from it (up to 3 more lines, to a blank line or a paragraph).
  size_t end = at + 1;
  while (end < in.lines.size() && end < at + 4 && !model::Trim(in.lines[end]).empty() &&
         ParagraphNumberOf(in.lines[end]) < 0) {
    ++end;
  }
  std::string block = JoinLines(in.lines, at, end);
  std::string content(model::Trim(std::string_view(block).substr(13)));  // after "CLASSIFIED BY"
  if (!content.empty() && content[0] == ':') content = std::string(model::Trim(content.substr(1)));
  if (Words(content).empty()) return;  // "Classified By:" and nothing: nothing to read

  auto add = [&](std::string message, std::string expected, std::string found) {
    out->push_back(Finding{Invariant::kClassifiedBy, "classified_by: " + std::move(message),
                           std::move(expected), std::move(found)});
  };
  if (!c.classified_by) {
    add("a Classified By line in the text, not read", block, "");
    return;
  }
  const ClassifiedBy& cb = *c.classified_by;
  // Words before the reasons: "Acting Deputy Chief of Mission Carol J. Urban," of "..., reasons
  // 1.4(B) and (D)". A name is expected when they are more than a title's one or two words.
  if (cb.name.empty()) {
    std::string_view before = content;
    size_t r = model::FindIgnoreCase(before, "REASON");
    if (r != std::string_view::npos) before = before.substr(0, r);
    // A name is expected when two words of the part before the reasons are not title words
    // ("Charge d'Affaires, for reasons" names nobody: 09SANSALVADOR789).
    int other = 0;
    for (const std::string& w : Words(before)) {
      if (!NotNameWords().count(w) && w.size() > 1) ++other;
    }
    if (other >= 2) add("no name read from \"" + block + "\"", block, "");
    return;
  }
  // The name's words are words of the line, or a word split by the wrap: the last word of one
  // line joined to the first of the next when that piece is not a word that opens a line
  // ("Michae" / "l Corbin", 09BAGHDAD197; "Hoyt Y" / "ee", 09KABUL3068).
  std::set<std::string> have;
  for (size_t i = at; i < end; ++i) {
    std::vector<std::string> w = Words(in.lines[i]);
    have.insert(w.begin(), w.end());
    // The same split re-joined with a blank on one line: a lone letter and the piece after it
    // ("Hoyt Y ee", 09KABUL3161).
    for (size_t k = 0; k + 1 < w.size(); ++k) {
      if (w[k].size() == 1 && !IsLineWord(w[k + 1])) have.insert(w[k] + w[k + 1]);
    }
    if (i + 1 < end && !w.empty()) {
      std::vector<std::string> next = Words(in.lines[i + 1]);
      if (!next.empty() && !IsLineWord(next[0])) have.insert(w.back() + next[0]);
    }
  }
  for (const std::string& w : Words(cb.name)) {
    if (!have.count(w)) {
      add("name \"" + cb.name + "\" is not words of the line", block, cb.name);
      return;
    }
    if (NotNameWords().count(w)) {
      add("name \"" + cb.name + "\" holds the title or line word " + w, block, cb.name);
      return;
    }
  }
  std::string bad;
  for (const std::string& r : cb.reasons) {
    if (!IsKnownReason(r)) bad += (bad.empty() ? "" : ", ") + r;
  }
  if (!bad.empty()) {
    add("reason " + bad + " is not 1.4(a)-(h) or 1.5", "1.4(a)-(h), 1.5", bad);
    return;
  }
  if (cb.reasons.empty() && MentionsReasons(block)) {
    add("reasons written, none read", block, "");
  }
}

}  // namespace cablebase::audit
