// The glossary: plain-language meanings of telegram header words (precedence, classification,
// caveats, E.O. reasons, subject TAGS, geographic TAGS codes, organisations, portion marks).
//
// The one source of these texts: `cablebase show` prints them, the server sends them to the web UI
// (GET /api/glossary and /static/glossary_data.js, docs/http_api.md). A word that is not in a table
// has no meaning: callers show it bare, never with a guess.
//
// Sources:
// - precedence, classification, caveats, portion marks: 5 FAH-2 (Telegram Handbook), and
//   shared/spec/FORMAT.md for the forms seen in Cablegate;
// - E.O. reasons: E.O. 12958 §1.4 (§1.5 in its 1995 text) and E.O. 13526 §1.4, letters (a)-(h);
// - subject TAGS and their categories: 5 FAH-3 (TAGS/Terms Handbook) H-011.1 and H-110;
// - geographic TAGS: State's two-letter codes are FIPS 10-4 country codes, NOT ISO 3166 — RS is
//   Russia, SZ Switzerland, JA Japan, PA Paraguay (06ASUNCION589), PM Panama, UY Uruguay
//   (07SANTIAGO983), GB Gabon (75LIBREVILLE1895). Only codes that the tag vocabulary recognises
//   (model::IsGeographicCode) are named, and only where the FIPS 10-4 meaning is certain; the few
//   regional X* codes named are the ones whose use in the corpus is unambiguous.
//
// All data is immutable static storage: every pointer and view returned lives for the whole
// program, and every function is pure and thread-safe.
#ifndef CABLEBASE_GLOSSARY_H_
#define CABLEBASE_GLOSSARY_H_

#include <span>
#include <string_view>

#include "cablebase/cable.h"

namespace cablebase {

// One word and its meaning.
struct GlossaryEntry {
  std::string_view key;  // upper case, as written in telegrams: "NIACT IMMEDIATE", "PREL", "RS"
  const char* meaning;   // a short phrase, lower case but for names and acronyms ("external
                         // political relations", "Russia"); never null, never empty
};

// One table of the glossary.
struct GlossaryTable {
  std::string_view name;  // JSON-friendly: "precedence", "geographic_codes"... (see GlossaryTables)
  std::string_view source;  // where the texts come from, e.g. "5 FAH-3 (TAGS/Terms Handbook)"
  std::span<const GlossaryEntry> entries;  // keys unique, upper case, in the table's reading order
};

// Every table, in this order (names are stable: the web UI and /api/glossary use them):
//   "precedence"         FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY, ROUTINE
//   "classification"     UNCLASSIFIED ... TOP SECRET
//   "caveats"            SIPDIS, NOFORN, EXDIS, NODIS, REL TO...
//   "reasons"            the letters A-H of a classification reason "1.4(b)"
//   "subject_tags"       PREL, PGOV, KNNP... (subject and program TAGS)
//   "subject_tag_areas"  the first letter of a subject TAG: A administration, P political...
//   "geographic_codes"   RS Russia, UY Uruguay... (FIPS 10-4; and XA, XF, XM, regional)
//   "organizations"      NATO, IAEA, UN, EU...
//   "portion_marks"      U, C, S/NF... (the paragraph marks)
std::span<const GlossaryTable> GlossaryTables();

// The table called `name` (exact, lower case), or nullptr.
const GlossaryTable* FindGlossaryTable(std::string_view name);

// Each returns the meaning of one word, or nullptr when its table does not hold it. Arguments are
// trimmed and matched case-insensitively ("noforn", " Rs ").
const char* PrecedenceMeaning(std::string_view precedence);  // "IMMEDIATE"
const char* ClassificationMeaning(std::string_view level);   // "CONFIDENTIAL"
const char* CaveatMeaning(std::string_view caveat);          // "NOFORN" (whole caveat, exact)
const char* SubjectTagMeaning(std::string_view tag);         // "PREL", "KNNP"
const char* GeographicTagMeaning(std::string_view code);     // "RS" → "Russia"; "SR" → nullptr
const char* OrganizationTagMeaning(std::string_view tag);    // "NATO"
const char* PortionMarkMeaning(std::string_view mark);       // "C", "S/NF", "SBU"

// A classification reason as written after "reasons": "1.4(b)", "1.4 (D)", "1.5 (d)", "B". The
// letter in parentheses decides, or the argument is one letter; nullptr otherwise or for letters
// outside a-h (E.O. 12958/13526 §1.4).
const char* ReasonMeaning(std::string_view reason);

// The meaning of one TAG of the given kind (cable.h; the kind the parser gave it):
//   kSubject, kProgram  → SubjectTagMeaning;
//   kGeographic         → GeographicTagMeaning, else OrganizationTagMeaning (two-letter
//                         organisations such as UN and EU are geographic by shape);
//   kOrganization       → OrganizationTagMeaning;
//   kPerson             → nullptr (a person has no glossary entry);
//   kUnknown            → the subject, organisation, then geographic tables, first found.
const char* TagMeaning(std::string_view tag, TagKind kind);

}  // namespace cablebase

#endif  // CABLEBASE_GLOSSARY_H_
