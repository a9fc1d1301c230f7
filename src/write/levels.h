// Ranks of precedence words and classification levels, and the parts of a portion marking.
#ifndef CABLEBASE_WRITE_LEVELS_H_
#define CABLEBASE_WRITE_LEVELS_H_

#include <string>
#include <string_view>
#include <vector>

namespace cablebase::write {

// Rank of a precedence word (case-insensitive, spaces collapsed): ROUTINE 1, PRIORITY 2,
// IMMEDIATE 3, NIACT IMMEDIATE 3 (same prosign O; NIACT only asks for action at any hour),
// FLASH 4; 0 for anything else (5 FAH-2 H-321; shared/spec/FORMAT.md §2).
int PrecedenceRank(std::string_view word);

// The FL5 prosign letter of a precedence word: FLASH Z, (NIACT) IMMEDIATE O, PRIORITY P, ROUTINE R;
// '\0' for an unknown word. Seen on every 2000s cable, e.g. "O 201007Z FEB 06" (06MOSCOW1637).
char PrecedenceProsign(std::string_view word);

// Rank of a classification (the record's normalised words, or a portion-mark level):
// UNCLASSIFIED/UNCLAS/U and SBU (Sensitive But Unclassified, a handling caveat of unclassified
// text: "(SBU)" paragraphs fill UNCLAS SENSITIVE cables such as 06MADRID324) 0, LIMITED OFFICIAL
// USE/LOU 2, CONFIDENTIAL/C 3, SECRET/S 4, TOP SECRET/TS 5; -1 when not recognised. Case-insensitive;
// trailing "//..." control markings are ignored ("SECRET//NOFORN" → 4).
int ClassificationRank(std::string_view classification);

// True for a cable whose classification rank is above LIMITED OFFICIAL USE (C, S, TS): the ones
// E.O. 12958 requires to carry classification authority, reasons and a declassification date.
bool IsClassified(std::string_view classification);

// A portion marking taken apart: "S//FGI//NF" → level "S", controls ["FGI", "NF"];
// "C/REL NATO" → "C", ["REL NATO"]; "C NF" → "C", ["NF"]. Level and controls are upper case.
struct PortionMark {
  std::string level;
  std::vector<std::string> controls;
  bool noforn = false;  // a control is NF or NOFORN
};
PortionMark SplitPortionMark(std::string_view mark);

}  // namespace cablebase::write

#endif  // CABLEBASE_WRITE_LEVELS_H_
