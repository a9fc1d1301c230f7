// The audit's entry points: the invariant table, AuditCable, AuditReport (cablebase/audit.h).
#include "cablebase/audit.h"

#include <algorithm>

#include "audit/text_scan.h"

namespace cablebase {

const std::vector<InvariantInfo>& Invariants() {
  static const std::vector<InvariantInfo>* table = new std::vector<InvariantInfo>{
      {Invariant::kRefLabels, "ref_labels", "references",
       "every labelled REF entry (A. B. ¶C. D) ..., over blank lines and page breaks) is a "
       "reference"},
      {Invariant::kRefIds, "ref_ids", "references",
       "every cable-like REF entry (POST NNNN, YY POST NNNN, STATE NNNNNN) has a reference ID"},
      {Invariant::kParagraphNumbers, "paragraph_numbers", "paragraphs",
       "paragraph numbers run 1..N without gaps or repeats, and as many as the text numbers"},
      {Invariant::kPortionMarks, "portion_marks", "paragraphs",
       "every portion mark is a known mark: (U) (SBU) (C) (S) (TS) with NF, REL ..., FGI ..."},
      {Invariant::kClassifiedBy, "classified_by", "classified_by",
       "a Classified By line is read, gives a name made of words of the line, reasons "
       "1.4(a-h)/1.5"},
      {Invariant::kTags, "tags", "tags", "every token of the TAGS line is in tags"},
      {Invariant::kSubject, "subject", "subject",
       "the words of the SUBJECT line (and the first of a wrapped line) are in subject"},
      {Invariant::kReferenceId, "reference_id", "reference_id",
       "the reference ID agrees with the classification line (post, serial, SECTION n OF m) and "
       "the DTG's year"},
      {Invariant::kCreatedDtg, "created_dtg", "created",
       "created and the DTG fall on the same calendar date (the gap is reported)"},
      {Invariant::kSigners, "signers", "signers",
       "every signer is made of words of the text's last 12 non-blank lines; a surname in capitals "
       "closing the text is read as a signer"},
      {Invariant::kBodyHeader, "body_header", "body",
       "no header line (FM/TO/INFO addressee, E.O., TAGS) is left in the first lines of body"},
  };
  return *table;
}

const InvariantInfo& InvariantInfoOf(Invariant invariant) {
  return Invariants()[static_cast<size_t>(invariant)];
}

bool FindInvariant(std::string_view name, Invariant* out) {
  for (const InvariantInfo& i : Invariants()) {
    if (name == i.name) {
      *out = i.id;
      return true;
    }
  }
  return false;
}

std::vector<Finding> AuditCable(std::string_view header, std::string_view text,
                                const Cable& cable) {
  audit::AuditInput in = audit::MakeAuditInput(header, text, cable);
  std::vector<Finding> out;
  audit::CheckReferences(in, &out);
  audit::CheckParagraphs(in, &out);
  audit::CheckClassifiedBy(in, &out);
  audit::CheckTagsAndSubject(in, &out);
  audit::CheckIdentity(in, &out);
  audit::CheckBody(in, &out);
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return static_cast<int>(a.invariant) < static_cast<int>(b.invariant);
  });
  return out;
}

std::vector<Finding> AuditCable(const Cable& cable) {
  return AuditCable(cable.header_raw, cable.text_raw, cable);
}

AuditReport::AuditReport() {
  for (const InvariantInfo& i : Invariants()) counts_.push_back(Count{i, 0, {}});
}

void AuditReport::Add(const Cable& cable, const std::vector<Finding>& findings) {
  ++cables_;
  if (!findings.empty()) ++broken_;
  Invariant last = Invariant::kRefLabels;
  bool any = false;
  for (const Finding& f : findings) {
    Count& c = counts_[static_cast<size_t>(f.invariant)];
    if (!any || f.invariant != last) ++c.cables;
    any = true;
    last = f.invariant;
    c.hits.push_back(Hit{cable.reference_id, cable.source.path, f});
  }
}

}  // namespace cablebase
