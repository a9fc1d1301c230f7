// The validator's rule table and the context every rule family (src/write/*_rules.cc) reports to.
#ifndef CABLEBASE_WRITE_RULES_H_
#define CABLEBASE_WRITE_RULES_H_

#include <string>
#include <string_view>
#include <vector>

#include "cablebase/cable.h"
#include "cablebase/read.h"
#include "cablebase/write.h"
#include "write/telegram_index.h"

namespace cablebase::write {

// The rule of `code` in ValidationRules(), or nullptr.
const ValidationRule* FindRule(std::string_view code);

// What a rule family sees: the record, the raw telegram, its line index, and where to report.
// Lives for one ValidateCable call; not shared between threads.
class RuleContext {
 public:
  RuleContext(const Cable& cable, const RawCable& raw, const TelegramIndex& index,
              std::vector<Diagnostic>* out)
      : cable_(cable), raw_(raw), index_(index), out_(out) {}

  const Cable& cable() const { return cable_; }
  const RawCable& raw() const { return raw_; }
  const TelegramIndex& index() const { return index_; }

  // Adds a diagnostic of rule `code` (severity from the table) at `pos`; when `pos` is unknown the
  // classification line is named instead, so every diagnostic points somewhere in the telegram.
  void Report(std::string_view code, std::string message, Position pos) const;

  // Positions of the common parts, searched in the raw telegram (unknown when absent).
  Position HeaderLine(std::string_view prefix) const;  // a routing-header line ("FM", "TO")
  Position TextLine(std::string_view prefix) const;    // a text-header line ("TAGS", "SUBJECT")
  // The addressee line naming `a` (searched from the TO line on).
  Position AddresseeLine(const Addressee& a) const;
  // The line of paragraph `number` ("6." at the start of a line, after debris).
  Position ParagraphLine(int number) const;
  // The classification line: the first text line holding the record's serial ("MOSCOW 001637"),
  // within 20 lines of the text's start, else the first non-blank text line (2011-layout pages put
  // a date line before it, 07PARIS2725 "Friday, 26 October 2007, 02:25").
  Position ClassificationLine() const;
  // The last line of the text header: the line before the first numbered paragraph (the last
  // line of the telegram when there is none).
  int64_t TextHeaderEnd() const;
  // The first line of the text header (classification line to TextHeaderEnd) that begins with
  // `prefix` after debris, case-insensitive. Presence rules use it as well as the record, so that
  // a field the parser missed is not reported as absent from the telegram.
  Position TextHeaderLine(std::string_view prefix) const;
  // True for a text cut off by the publisher before its first paragraph: it ends in "..." and has
  // no numbered paragraph (09BERLIN406 stops after SUBJECT). Rules that require a part of the
  // text header cannot tell such a cable from one that lacks the part, so they skip it.
  bool TruncatedBeforeBody() const;
  // True when the cable has no text at all: nothing follows the routing header (09KHARTOUM881's
  // routing block alone), or the publisher's file holds only its metadata (alx 08MOSCOW2426).
  // TXT001 says so once; the rules that need a text header (CLS001, TAG001, SUB001) are skipped.
  bool HasNoText() const;

 private:
  const Cable& cable_;
  const RawCable& raw_;
  const TelegramIndex& index_;
  std::vector<Diagnostic>* out_;
};

// One function per rule family; each checks the rules of its file (see ValidationRules()).
void CheckDtgRules(const RuleContext& ctx);               // dtg_rules.cc
void CheckPrecedenceRules(const RuleContext& ctx);        // precedence_rules.cc
void CheckClassificationRules(const RuleContext& ctx);    // classification_rules.cc
void CheckDeclassificationRules(const RuleContext& ctx);  // declassification_rules.cc
void CheckTagRules(const RuleContext& ctx);               // tag_rules.cc
void CheckParagraphRules(const RuleContext& ctx);         // paragraph_rules.cc
void CheckSectionRules(const RuleContext& ctx);           // section_rules.cc
void CheckReferenceRules(const RuleContext& ctx);         // reference_rules.cc
void CheckTextRules(const RuleContext& ctx);              // text_rules.cc
void CheckAddresseeRules(const RuleContext& ctx);         // addressee_rules.cc

}  // namespace cablebase::write

#endif  // CABLEBASE_WRITE_RULES_H_
