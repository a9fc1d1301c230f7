// The validator: the single rule table and ValidateCable, which runs every rule family.
#include <algorithm>

#include "cablebase/write.h"
#include "model/text_util.h"
#include "parse/routing_header_only.h"
#include "write/rules.h"

namespace cablebase {
namespace write {
namespace {

// Every rule: code, severity, family (= src/write/<family>_rules.cc), one-line description.
// docs/validate_rules.md explains each with the real cables that show it.
const std::vector<ValidationRule>& RuleTable() {
  static const std::vector<ValidationRule> kRules = {
      {"TXT001", Severity::kError, "text",
       "The cable has a text: something follows the routing header (a header-only page or a "
       "metadata-only file has none)."},
      {"DTG001", Severity::kError, "dtg",
       "The date-time group is DDHHMMZ MON YY: a day that exists in that month, hour 00-23, "
       "minute 00-59, month JAN-DEC."},
      {"DTG002", Severity::kWarning, "dtg",
       "The message header has a precedence line with a date-time group (O 201007Z FEB 06)."},
      {"PRE001", Severity::kError, "precedence",
       "Precedence words are FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY or ROUTINE."},
      {"PRE002", Severity::kError, "precedence",
       "The header precedence is the highest of the addressees' precedences."},
      {"PRE003", Severity::kError, "precedence",
       "NIACT IMMEDIATE is given only to action (TO) addressees."},
      {"ADR001", Severity::kError, "addressees",
       "Collective addressees carry no sequence number; other addressees may."},
      {"ADR002", Severity::kWarning, "addressees",
       "A sequence number is digits, or a range N-M for a sectioned cable."},
      {"ADR003", Severity::kWarning, "addressees",
       "The message header names an originator (FM) and at least one action addressee (TO)."},
      {"CLS001", Severity::kError, "classification",
       "The text begins with a classification line of a known level (UNCLAS ... TOP SECRET)."},
      {"CLS002", Severity::kError, "classification",
       "The overall classification is at least as high as every paragraph's portion marking."},
      {"CLS003", Severity::kError, "classification",
       "A NOFORN portion marking ((S/NF), (C//NF)) needs the NOFORN caveat in the text header."},
      {"CLS004", Severity::kWarning, "classification",
       "Portion markings are a known level (U, SBU, LOU, C, S, TS) with optional controls."},
      {"RID001", Severity::kError, "sections",
       "The reference ID is the DTG's year + the classification line's post + serial."},
      {"SEC001", Severity::kError, "sections",
       "SECTION n OF m has 1 <= n <= m, and the headers of later sections count on with the same m."},
      {"DCL001", Severity::kError, "declassification",
       "A classified (CONFIDENTIAL, SECRET, TOP SECRET) cable carries an E.O. line."},
      {"DCL002", Severity::kError, "declassification",
       "The declassify-on date is after the DTG."},
      {"DCL003", Severity::kWarning, "declassification",
       "A classified cable has a declassify-on date (not N/A, OADR or none)."},
      {"DCL004", Severity::kError, "declassification",
       "A classified cable under E.O. 12958 or later carries a Classified By (or Derived From) line."},
      {"DCL005", Severity::kError, "declassification",
       "A Classified By line gives reasons 1.4 (or 1.5) (a)-(h)."},
      {"DCL006", Severity::kError, "declassification",
       "An unclassified cable carries no declassify-on date, Classified By line or reasons."},
      {"TAG001", Severity::kError, "tags", "The text header has TAGS."},
      {"TAG002", Severity::kWarning, "tags",
       "Subject TAGS (four letters, not K...) are TAGS of the TAGS handbook (5 FAH-3)."},
      {"TAG003", Severity::kWarning, "tags",
       "Geographic TAGS (two letters) are State geographic codes."},
      {"SUB001", Severity::kError, "tags", "The text header has a SUBJECT line."},
      {"PAR001", Severity::kError, "paragraphs",
       "Paragraphs are numbered 1..n without gaps or repeats."},
      {"REF001", Severity::kError, "references",
       "REF labels run A, B, C... (or 1, 2, 3...) without gaps or repeats."},
  };
  return kRules;
}

}  // namespace

const ValidationRule* FindRule(std::string_view code) {
  for (const ValidationRule& r : RuleTable()) {
    if (code == r.code) return &r;
  }
  return nullptr;
}

void RuleContext::Report(std::string_view code, std::string message, Position pos) const {
  const ValidationRule* rule = FindRule(code);
  if (!pos.found()) pos = index_.TextStart();
  Diagnostic d;
  d.code = std::string(code);
  d.severity = rule ? rule->severity : Severity::kError;
  d.message = std::move(message);
  d.line = pos.line;
  d.column = pos.column;
  out_->push_back(std::move(d));
}

Position RuleContext::HeaderLine(std::string_view prefix) const {
  int64_t end = index_.header_line_count();
  Position p = end > 0 ? index_.FindLineStart(prefix, 1, end) : Position{};
  // Rendered texts (the seed) and glued layouts keep routing lines in the text block.
  if (!p.found()) p = index_.FindLineStart(prefix, 1, 0);
  return p;
}

Position RuleContext::TextLine(std::string_view prefix) const {
  Position p = index_.FindLineStart(prefix, index_.header_line_count() + 1, 0);
  if (!p.found()) p = index_.FindLineStart(prefix, 1, 0);
  return p;
}

Position RuleContext::AddresseeLine(const Addressee& a) const {
  Position to = HeaderLine("TO");
  int64_t from = to.found() ? to.line : 1;
  std::string needle = a.route.empty() ? a.name : a.route + "/" + a.name;
  Position p = index_.Find(needle, from, 0);
  if (!p.found()) p = index_.Find(a.name, from, 0);
  return p;
}

Position RuleContext::ParagraphLine(int number) const {
  std::string head = std::to_string(number) + ".";
  for (int64_t from = index_.header_line_count() + 1;;) {
    Position p = index_.FindLineStart(head, from, 0);
    if (!p.found()) return p;
    // "1." must not match the start of "10." or of a year "2001.".
    std::string_view l = index_.line(p.line);
    size_t at = static_cast<size_t>(p.column - 1);
    if (at == 0 || !model::IsDigit(l[at - 1])) return p;
    from = p.line + 1;
  }
}

Position RuleContext::ClassificationLine() const {
  Position start = index_.TextStart();
  if (!cable_.serial.empty()) {
    // Some pages put metadata lines first (09KUWAIT110: ID, ORIGIN, DATE... then the line).
    Position p = index_.Find(cable_.serial, start.line, start.line + 20);
    if (p.found()) return {p.line, 1};
  }
  return start;
}

int64_t RuleContext::TextHeaderEnd() const {
  if (!cable_.paragraphs.empty()) {
    Position p = ParagraphLine(cable_.paragraphs.front().number);
    if (p.found()) return p.line - 1;
  }
  return index_.line_count();
}

bool RuleContext::HasNoText() const {
  if (!cable_.body.empty() || !cable_.paragraphs.empty()) return false;
  return model::Trim(raw_.text).empty() || parse::IsRoutingHeaderOnly(raw_.text);
}

bool RuleContext::TruncatedBeforeBody() const {
  if (!cable_.paragraphs.empty()) return false;
  std::string_view text = model::TrimRight(raw_.text);
  return text.ends_with("...") || text.ends_with("\xE2\x80\xA6");
}

Position RuleContext::TextHeaderLine(std::string_view prefix) const {
  int64_t end = TextHeaderEnd();
  if (end < 1) return {};
  return index_.FindLineStart(prefix, ClassificationLine().line, end);
}

}  // namespace write

const char* SeverityName(Severity s) { return s == Severity::kError ? "error" : "warning"; }

const std::vector<ValidationRule>& ValidationRules() { return write::RuleTable(); }

std::vector<Diagnostic> ValidateCable(const Cable& cable, const RawCable& raw) {
  std::vector<Diagnostic> out;
  write::TelegramIndex index(raw);
  write::RuleContext ctx(cable, raw, index, &out);
  write::CheckDtgRules(ctx);
  write::CheckPrecedenceRules(ctx);
  write::CheckAddresseeRules(ctx);
  write::CheckClassificationRules(ctx);
  write::CheckSectionRules(ctx);
  write::CheckDeclassificationRules(ctx);
  write::CheckTagRules(ctx);
  write::CheckParagraphRules(ctx);
  write::CheckReferenceRules(ctx);
  write::CheckTextRules(ctx);
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  return out;
}

}  // namespace cablebase
