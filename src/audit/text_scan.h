// The audit's own small scans of the raw text: lines, the header region, words, labels.
//
// These are deliberately NOT the parser's rules (src/parse/): each is the simplest scan that finds
// a thing a reader sees at a glance, so that a disagreement with the record points at the parser.
#ifndef CABLEBASE_AUDIT_TEXT_SCAN_H_
#define CABLEBASE_AUDIT_TEXT_SCAN_H_

#include <string>
#include <string_view>
#include <vector>

#include "cablebase/audit.h"
#include "cablebase/cable.h"

namespace cablebase::audit {

// One cable under audit: the raw blocks split once into lines, and the record. Views point into
// the caller's blocks, which must outlive it.
struct AuditInput {
  std::string_view header;
  std::string_view text;
  std::vector<std::string_view> lines;  // lines of `text`, '\r' dropped
  size_t header_end = 0;  // index of the first numbered paragraph line "1." / "¶1.", else a cap
  const Cable* cable = nullptr;
};

// Builds the input (splits `text`, finds header_end). Linear.
AuditInput MakeAuditInput(std::string_view header, std::string_view text, const Cable& cable);

// `line` without leading whitespace and one leading pilcrow "¶" (UTF-8 C2 B6), which Cablegate
// pages put before paragraph numbers and, wrongly, REF bullets (04MADRID961).
std::string_view StripLead(std::string_view line);

// True for a line that is only a continuation page header ("MADRID 00000961 002 OF 002"), a
// classification repeated at a page break ("C O N F I D E N T I A L", "SECRET"), or "SIPDIS":
// what sits between the parts of a block at a page break.
bool IsPageDebris(std::string_view line);

// The number N of a line "N. text" / "¶N. text" / "N.(C)"; -1 when the line does not start so.
// N has 1-3 digits; the dot is followed by whitespace, '(' or the end of the line.
int ParagraphNumberOf(std::string_view line);

// The ASCII letters and digits runs of `s`, upper-cased: "Carol J. Urban," → CAROL J URBAN.
std::vector<std::string> Words(std::string_view s);
// Upper-cased `s` keeping only ASCII letters and digits: "PREL, PGOV" → "PRELPGOV".
std::string Squeeze(std::string_view s);

// True when `s` starts with `keyword` (ASCII, case as written) followed by ':' / whitespace / end.
bool StartsWithKeyword(std::string_view s, std::string_view keyword);

// Lines [begin, end) joined by one space.
std::string JoinLines(const std::vector<std::string_view>& lines, size_t begin, size_t end);

// The detectors (one family per file). Each appends at most one Finding per invariant.
void CheckReferences(const AuditInput& in, std::vector<Finding>* out);    // references_check.cc
void CheckParagraphs(const AuditInput& in, std::vector<Finding>* out);    // paragraphs_check.cc
void CheckClassifiedBy(const AuditInput& in, std::vector<Finding>* out);  // classified_by_check.cc
void CheckTagsAndSubject(const AuditInput& in, std::vector<Finding>* out);  // tags_subject_check.cc
void CheckIdentity(const AuditInput& in, std::vector<Finding>* out);        // identity_check.cc
void CheckBody(const AuditInput& in, std::vector<Finding>* out);            // body_check.cc

}  // namespace cablebase::audit

#endif  // CABLEBASE_AUDIT_TEXT_SCAN_H_
