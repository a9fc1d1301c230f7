// The text header of a cable: classification line, caveats, E.O. line, TAGS, SUBJECT, REF and
// "Classified By" (shared/spec/FORMAT.md §3; docs/cable_format.md).
//
// Every function takes the text (or a part of it) as read, never fails on any byte sequence, and
// returns an empty/nullopt value when the part is absent. Pure and thread-safe. Implementations are
// split by concept: classification_line.cc, caveats.cc, executive_order.cc, tags.cc, subject.cc,
// references.cc, classified_by.cc.
#ifndef CABLEBASE_PARSE_TEXT_HEADER_H_
#define CABLEBASE_PARSE_TEXT_HEADER_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cablebase/cable.h"

namespace cablebase::parse {

// "C O N F I D E N T I A L SECTION 01 OF 10 MOSCOW 005645".
struct ClassificationLine {
  std::string classification;  // UNCLASSIFIED, LIMITED OFFICIAL USE, CONFIDENTIAL, SECRET, TOP SECRET
  int section_number = 0, section_count = 0;  // SECTION 01 OF 10 → 1, 10; 0 when absent
  std::string post;    // "MOSCOW", "RIO DE JANEIRO" (as written, spaces collapsed, upper case)
  std::string serial;  // "005645" as written
  size_t end = 0;      // offset in the text just after the line (after its '\n' if any)
};

// Finds the classification line: the first line (within the first ~40 lines) that starts with a
// classification word, letter-spaced or not, in any case ("S e c r e t berlin 001068",
// 08BERLIN1068; "UNCLAS EFTO", "SECRET NOFORN", "LIMITED OFFICIAL USE"), and reads section, post and
// serial from it. A line of only a classification word (a page banner) is skipped unless nothing
// better follows. nullopt when no line qualifies.
std::optional<ClassificationLine> ParseClassificationLine(std::string_view text);

// Caveats and captions (SIPDIS, NOFORN, SENSITIVE, SBU, EXDIS, NODIS, LIMDIS, STADIS, OFFICIAL
// INFORMAL, SPECAT, ...) in the order first seen, unique, from the classification line (after the
// serial) and the lines that follow it up to the E.O./TAGS/SUBJECT line. `text_header` is the text
// from its start (the classification line is found again) or from after the classification line.
std::vector<std::string> ParseCaveats(std::string_view text_header);

// "E.O. 12958: DECL: 05/25/2016".
struct ExecutiveOrder {
  std::string executive_order;  // "12958"; empty when the line names none
  std::string declassify_on;    // ISO "2016-05-25"; empty for N/A, OADR, X1..., NGDS, absent
  std::string line;             // the E.O. line as written (whitespace collapsed)
};
// Finds the E.O. line (E.O., EO, E. O., E.o., "EO 12958 DECL:") and reads it. nullopt when absent.
std::optional<ExecutiveOrder> ParseExecutiveOrder(std::string_view text);

// The TAGS of the text, canonical (upper case, person tags "SURNAME, GIVEN"), unique, in order.
std::vector<std::string> ParseTags(std::string_view text);

// How ParseSubject returns the subject: kClean (the record's) without its portion mark, kAsWritten
// with it ("(S) GERMANY TAKING ACTION ...", the `clean: false` form of the golden cases).
enum class SubjectForm { kClean, kAsWritten };

// The SUBJECT (wrapped lines joined over wraps and old-format page breaks, whitespace collapsed;
// a rule line under it ends it). kClean drops a portion mark in any case and with caveats, at the
// start ("(s) germany ..." 08BERLIN1068, "(S/REL UK) ..." 10STATE9565) or at the end ("... (C)").
// Empty when absent. Rules and teaching cables: docs/cable_format.md, SUBJECT.
std::string ParseSubject(std::string_view text, SubjectForm form = SubjectForm::kClean);

// The REF entries. `year` is the citing cable's 4-digit year (references without a year get it);
// `citing_reference_id` (may be empty) is the cable's own ID: its own number, printed in page
// headers ("TRIPOLI 00000402 001.2 OF 003"), is never a reference.
std::vector<Reference> ParseReferences(std::string_view text, int year,
                                       std::string_view citing_reference_id);

// "Classified By: Minister-Counselor for Political Affairs Kirk Augustine, for reasons 1.4 (B & D)".
// nullopt when no such line exists.
std::optional<ClassifiedBy> ParseClassifiedBy(std::string_view text);

// A Classified By line that the text header did not hold: it opens a line of `text` among its
// first `max_lines` lines, after at most a paragraph sign or number and a portion mark ("1.
// Classified by Acting EAP A/S Alexander A. Arvizu. Reason: 1.4 (d)", 09STATE30049; "¶2. (U)
// Classified by ...", 08STATE103511), or right after a page marker ("... 001.2 OF 002 CLASSIFIED
// BY: ...", 09RIODEJANEIRO365); the scan stops at paragraph 3 of the body (lines from
// `body_line` on). Used when a REF block over blank
// lines or a page break ended the header early (06BAKU1835, 10RIYADH182). nullopt when none.
// Linear: each line is looked at once (its first 200 bytes).
std::optional<ClassifiedBy> ParseLeadingClassifiedBy(std::string_view text, size_t body_line,
                                                      size_t max_lines);

}  // namespace cablebase::parse

#endif  // CABLEBASE_PARSE_TEXT_HEADER_H_
