// The cable record: every field cablebase reads out of a diplomatic telegram.
//
// Field names are the JSON contract of `cablebase parse` (shared/seed/expected.json is the test of
// it); docs/cable_format.md explains each field with the real cables that taught it. A field a cable
// lacks is empty (strings, vectors) or nullopt and is printed as JSON null / [] — never guessed.
#ifndef CABLEBASE_CABLE_H_
#define CABLEBASE_CABLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cablebase {

// The form a cable was read from (shared/spec/FORMAT.md §1).
enum class InputFormat {
  kAuto,           // detect from the bytes (read/detect.h)
  kCablegateHtml,  // a Cablegate web page, 2010 or 2011 layout
  kText,           // plain text: the two blocks, the alx five-line layout, or rendered text (seed)
  kCsv,            // the full-release CSV dump, one cable per row
  // The archive forms (shared/corpus-more/README.md; FORMAT.md §1 item 5). Added after kCsv: the
  // numbering of the four above is stored in archives and must not change.
  kPdf,            // a PDF with a text layer (WikiLeaks Cablegate PDFs, FOIA releases)
  kPlusdHtml,      // a WikiLeaks PlusD page of the 1973-76 Central Foreign Policy Files
  kFrusTei,        // FRUS TEI XML: one or more <div type="document">, telegrams read, others skipped
  kCfpfGt,         // a 1970s CFPF body with entity markup: entity list, "@@@", [[TEXT || n]] body
  kFoiaText,       // a FOIA reading-room release's OCR text: "[Page N]" pages with Case No./Doc No. stamps
  kAad,            // a NARA AAD record: "Message Text", the telegram, "Message Attributes" key/values
};
// Number of InputFormat values (kAuto included), for loops over the names.
inline constexpr int kInputFormatCount = 10;
// "html", "text", "csv", "pdf", "plusd", "frus", "cfpf-gt", "foia-text", "aad" or "auto".
const char* InputFormatName(InputFormat f);

// Kinds of TAGS (5 FAH-3; cablemap's numbering in parentheses for the golden adapter).
enum class TagKind {
  kUnknown,       // (0) not recognised
  kSubject,       // (1) 4 letters, known subject TAG: PREL, PGOV, ECON...
  kPerson,        // (2) "SURNAME, GIVEN"
  kProgram,       // (3) 4 letters starting with K: KPAO, KWMN...
  kGeographic,    // (4) 2 letters: RS, SZ, KN (State's codes, not ISO)
  kOrganization,  // (5) known organisation: UN, NATO, EU, IAEA...
};
// "unknown", "subject", "person", "program", "geographic", "organization".
const char* TagKindName(TagKind k);

// Kinds of REF entries. Numbering follows cablemap (golden/README.md).
enum class ReferenceKind {
  kUnknown = 0, kCable = 1, kEmail = 2, kBook = 3, kTelcon = 4, kReport = 5, kFax = 6,
  kMemo = 7, kMeeting = 8, kWeb = 9,
};
// "unknown", "cable", "email", "book", "telcon", "report", "fax", "memo", "meeting", "web".
const char* ReferenceKindName(ReferenceKind k);

// Where the record came from. `line` is the 1-based line of the cable's first byte in a text file,
// or the 1-based row number of a CSV dump (0 when not applicable).
struct SourceInfo {
  std::string path;  // as given by the user; "-" for stdin
  InputFormat format = InputFormat::kAuto;
  int64_t line = 0;
  std::string csv_id;  // first column of a CSV row (the dump's own row id), else empty
};

// The ACP-127 transmission header (format lines 1-4), present in many 2000s cables.
// Example (06NEWDELHI5238): VZCZCXRO1359 / OO RUEHBI ... / DE RUEHNE #5238 2070843 / ZNY CCCCC ZZH.
struct TransmissionHeader {
  std::string transmission_id;                 // "VZCZCXRO1359" (FL1)
  std::vector<std::string> precedence_prosigns;  // ["OO"] (FL2); ZZ/OO/PP/RR
  std::vector<std::string> routing_indicators;   // ["RUEHBI", "RUEHCI", ...] (FL2)
  std::string originating_station;             // "RUEHNE" (FL3)
  std::string station_serial;                  // "5238" (FL3, after '#')
  std::string section;                         // "01" from "#0881/01", else empty
  std::string julian_time;                     // "2070843" = day 207, 08:43Z
  std::string security;                        // "ZNY CCCCC ZZH" (FL4) as written
};

// One action (TO) or info (INFO) addressee: "RUEHC/SECSTATE WASHDC IMMEDIATE 4460".
struct Addressee {
  std::string route;       // routing indicator before '/', e.g. "RUEHC"; empty when absent
  std::string name;        // "SECSTATE WASHDC", "ARAB ISRAELI COLLECTIVE"
  std::string precedence;  // "IMMEDIATE", "NIACT IMMEDIATE", "PRIORITY", "ROUTINE", "FLASH"; or empty
  std::string sequence;    // per-addressee message sequence number as written ("1026"); or empty
  bool collective = false; // the name is a collective (ends in COLLECTIVE, ALL ... POSTS, ...)
  std::vector<std::string> excluded;  // XMT exclusions that follow this addressee
};

struct Tag {
  std::string value;  // "PREL", "BIDEN, JOSEPH"
  TagKind kind = TagKind::kUnknown;
};

// One REF entry: "A. MOSCOW 1323" → label "A", text "MOSCOW 1323", kind cable, id "06MOSCOW1323".
struct Reference {
  std::string label;  // "A"; empty for a single unlabelled reference
  std::string text;   // the entry as written, whitespace collapsed
  ReferenceKind kind = ReferenceKind::kUnknown;
  std::optional<std::string> reference_id;  // canonical ID when the entry names a cable
};

// "Classified By: Minister-Counselor ... Kirk Augustine, for reasons 1.4 (B & D)".
struct ClassifiedBy {
  std::string name;                  // "Kirk Augustine"
  std::string title;                 // "Minister-Counselor for Political Affairs"
  std::vector<std::string> reasons;  // ["1.4(b)", "1.4(d)"]
  std::string text;                  // the whole line(s) as written, whitespace collapsed
};

// A numbered paragraph "1. (C) text".
struct Paragraph {
  int number = 0;                // 1-based as written
  std::string portion_marking;   // "C", "S/NF", "SBU"; empty when unmarked
  std::string text;              // the paragraph text without number and mark, page headers removed
};

// A named entity marked by the publisher (cfpf-gt: the numbered list before "@@@"; each
// `[[TEXT || n]]` of the body is a mention of entity n). Source: 1974TELAV06773.
struct Entity {
  int number = 0;                     // n of the list
  std::string name;                   // "MOSHE KOL"
  std::string type;                   // "PER.IND", "GPE.NATION", "ORG.GOV", "LOC"
  std::vector<std::string> mentions;  // the marked texts in the body, in order, unique: "KOL"
};

// What the archive forms say beyond the Cablegate fields: the 1970s telegram's office lines
// (PlusD/AAD/FOIA printouts), the publisher's attributes (PlusD synopsis, AAD Message Attributes),
// FRUS's source description, cfpf-gt's entities. Empty for the Cablegate forms.
struct ArchiveFields {
  std::string document_number;  // AAD/PlusD "1973STATE097844"; FOIA "C06698243"; FRUS "d237"
  std::string drafter;          // "EUR/CASA:SMYOUNG:SY" (DRAFTED BY)
  std::vector<std::string> clearers;  // CLEARED BY entries
  std::string approver;         // "D:STALBOTT" (APPROVED BY)
  std::vector<std::string> action_offices;  // ["EUR-25"] (ACTION line), PlusD "Office Action"
  std::vector<std::string> info_offices;    // ["OCT-01", "EA-11", ...] (INFO office lines)
  std::string film_number;      // AAD/PlusD Film Number ("D730153-0543")
  std::vector<std::string> concepts;        // PlusD/AAD Concepts: ["ARRESTS", "COMMUNISTS"]
  std::string handling_restrictions;        // PlusD/AAD Handling Restrictions, "n/a" dropped
  std::string message_reference;  // relay counter line number ("013841" of "----- 013841")
  std::vector<std::string> resolved_references;  // PlusD: the publisher's IDs of the REF cables
  std::vector<Entity> entities;   // cfpf-gt entity list with the body's mentions
  std::string source_note;        // FRUS <note type="source">: archive, classification as written
  std::string collection;         // FRUS volume id "frus1961-63v04"; FOIA case "F-2017-13804"
  std::string title;              // FRUS head / PlusD synopsis title / FOIA page "Item Subject"
  std::vector<std::string> addressees;  // publisher's addressees (FRUS gloss "to", PlusD/AAD To)
  std::string from;             // publisher's originator (FRUS gloss "from", PlusD/AAD From)
  int pages = 0;                // PDF pages / FOIA "[Page N]" pages read
};

// The record of one cable.
struct Cable {
  // Identity.
  std::string reference_id;            // canonical: "06MOSCOW1637"
  std::string reference_id_published;  // as published when it differs from the canonical, else empty
  SourceInfo source;

  // Metadata from the publishing page/row (HTML table, alx lines, CSV columns); empty for bare text.
  std::string created;                // ISO 8601 UTC "2006-02-20T10:07:00Z" (metadata, else the DTG)
  std::string released;               // ISO 8601 UTC of the WikiLeaks release, when published
  std::string origin;                 // "Embassy Moscow"
  std::string metadata_classification;  // as published: "SECRET//NOFORN", "CONFIDENTIAL"
  std::vector<std::string> metadata_references;  // CSV column 6: reference IDs as published
  // The title as published (alx line 2; the record appended to an 08TRIPOLI220 page); else empty.
  // The subject when the text has no SUBJECT line.
  std::string metadata_title;

  std::optional<TransmissionHeader> transmission;

  // Message header.
  std::string precedence;  // highest precedence word of the DTG line: "IMMEDIATE"; mixed "P R" → "PRIORITY"
  std::string dtg;         // "201007Z FEB 06" as normalised (DDHHMMZ MON YY)
  std::string originator;  // "AMEMBASSY MOSCOW"
  std::vector<Addressee> to;
  std::vector<Addressee> info;

  // Text header.
  std::string classification;          // from the text: "CONFIDENTIAL"; normalised words
  std::vector<std::string> caveats;    // from the text: "SIPDIS", "NOFORN", ... in order, unique
  std::vector<std::string> metadata_caveats;  // from the metadata classification ("NOFORN" of SECRET//NOFORN)
  int section_number = 0;              // SECTION 01 OF 10 → 1 (0 when not sectioned)
  int section_count = 0;               // → 10
  std::string post;                    // post on the classification line: "MOSCOW"
  std::string serial;                  // serial as written: "001637"
  std::string executive_order;         // "12958"
  std::string declassify_on;           // ISO date "2014-09-20"; empty for N/A, OADR, ...
  std::string eo_line;                 // the raw E.O. line
  std::vector<std::string> tags;       // ["PREL", "RS"]
  std::vector<Tag> tag_details;        // the same TAGS with their kind
  std::string subject;
  std::vector<Reference> references;
  std::optional<ClassifiedBy> classified_by;

  // Body.
  std::vector<Paragraph> paragraphs;
  std::string summary;   // text between SUMMARY and END SUMMARY
  std::string comment;   // text of COMMENT ... END COMMENT blocks, joined by blank lines
  std::vector<std::string> signers;  // ["BURNS"]
  bool partial = false;  // "This record is a partial extract of the original cable"
  std::string body;      // body text: page headers, SIPDIS lines, markup removed

  // As read (after decoding entities / charset), for display and versioning.
  std::string header_raw;  // the transmission/routing block
  std::string text_raw;    // the text block

  // Archive forms only (PlusD, AAD, FOIA, FRUS, cfpf-gt, PDFs): see ArchiveFields.
  ArchiveFields archive;
};

}  // namespace cablebase

#endif  // CABLEBASE_CABLE_H_
