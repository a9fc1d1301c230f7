// The audit: a parsed record checked against its own raw text (invariants every well-formed cable
// keeps), so that extraction faults show on cables nobody has looked at.
//
// Each detector is a small linear scan of the raw header/text block that does NOT reuse the
// parser's rules (it finds the REF block, the TAGS line, the paragraph numbers... by its own simple
// scan) and compares what it saw with the record. A finding says the record and the text disagree:
// usually a parser fault, sometimes a cable that is itself malformed (docs/audit.md states each
// detector's rule, the cables that taught it and its counts). Used by `cablebase audit`, the ingest
// writer (table audit_findings, schema 6), `stats`, `show` and the cable page of the web UI.
#ifndef CABLEBASE_AUDIT_H_
#define CABLEBASE_AUDIT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cablebase/cable.h"

namespace cablebase {

// The invariants, in report order. The numbering is not stored (the name is).
enum class Invariant {
  kRefLabels,         // every labelled REF entry (A. B. ¶C. D) ...) is a reference of the record
  kRefIds,            // every cable-like REF entry (POST NNNN, YY POST NNNN) has a reference ID
  kParagraphNumbers,  // paragraph numbers run 1..N (or k..N in a later section), as in the text
  kPortionMarks,      // every portion mark is a known mark: (U) (SBU) (C) (S) (TS) (S/NF) ...
  kClassifiedBy,      // a Classified By line gives a name made of words of that line; 1.4(a-h)/1.5
  kTags,              // every token of the TAGS line is in `tags`
  kSubject,           // the SUBJECT line (and its wrapped lines) is in `subject`
  kReferenceId,       // the reference ID agrees with the classification line and the DTG's year
  kCreatedDtg,        // `created` and the DTG fall on the same calendar date
  kSigners,           // every signer is made of words of the text's last lines
  kBodyHeader,        // no header line (FM/TO/INFO/E.O./TAGS/SUBJECT) is left in `body`
};

// What an invariant is called and checks. Static storage.
struct InvariantInfo {
  Invariant id;
  const char* name;         // "ref_labels": the --invariant value, the stored and JSON name
  const char* field;        // the record field it guards: "references"
  const char* description;  // one line: what the detector checks
};

// Every invariant, in report order.
const std::vector<InvariantInfo>& Invariants();
// The info of one invariant.
const InvariantInfo& InvariantInfoOf(Invariant invariant);
// The invariant named `name` ("ref_labels"); false when no invariant has that name.
bool FindInvariant(std::string_view name, Invariant* out);

// One broken invariant of one record.
struct Finding {
  Invariant invariant = Invariant::kRefLabels;
  // Plain language, starting with the record field: "references: 3 labels in REF, 1 read".
  std::string message;
  std::string expected;  // what the raw text has: "A B C"
  std::string found;     // what the record has: "A"
};

// Checks `cable` against the raw blocks it was parsed from (`header`: the routing block, `text`:
// the telegram text; RawCable::header/text or Cable::header_raw/text_raw). Returns one Finding per
// broken invariant (at most one per invariant), in report order; empty when the record keeps them
// all. Linear in the size of the blocks and the record; never fails, whatever the bytes.
// Thread-safe (no shared state).
std::vector<Finding> AuditCable(std::string_view header, std::string_view text, const Cable& cable);
// The same with the blocks the record keeps (Cable::header_raw, Cable::text_raw).
std::vector<Finding> AuditCable(const Cable& cable);

// Findings over many cables: per invariant, how many cables break it and which. Not thread-safe.
class AuditReport {
 public:
  struct Hit {
    std::string reference_id;
    std::string path;  // source path of the record
    Finding finding;
  };
  struct Count {
    InvariantInfo info;
    int64_t cables = 0;     // cables that break it
    std::vector<Hit> hits;  // every one, in order of Add
  };

  AuditReport();
  // Adds one audited cable (with no findings when it keeps every invariant).
  void Add(const Cable& cable, const std::vector<Finding>& findings);

  int64_t cables() const { return cables_; }                    // cables added
  int64_t cables_with_findings() const { return broken_; }      // of which break any invariant
  const std::vector<Count>& counts() const { return counts_; }  // one per invariant, report order

 private:
  int64_t cables_ = 0;
  int64_t broken_ = 0;
  std::vector<Count> counts_;
};

}  // namespace cablebase

#endif  // CABLEBASE_AUDIT_H_
