// Internal pieces of the telegram formatter (FormatCable in include/cablebase/write.h).
#ifndef CABLEBASE_WRITE_FORMATTER_H_
#define CABLEBASE_WRITE_FORMATTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cablebase/cable.h"

namespace cablebase::write {

// The classification as written on the classification line: CONFIDENTIAL, SECRET and TOP SECRET
// letter-spaced ("C O N F I D E N T I A L", 06MOSCOW1637; "S E C R E T", 08BUENOSAIRES235),
// UNCLASSIFIED as "UNCLAS" (09PARIS1267), anything else as given.
std::string ClassificationLineWord(std::string_view classification);

// Classification reasons ["1.4(b)", "1.4(d)"] → "1.4 (b) and (d)"; reasons of different sections
// are grouped per section in order ("1.5 (b), 1.4 (d)"). Reasons not of the form "N.N(x)" are
// written as given.
std::string ReasonsPhrase(const std::vector<std::string>& reasons);

// ISO date "2014-09-20" → "09/20/2014" as on E.O. lines (06MOSCOW1637); empty when not ISO.
std::string IsoToDeclDate(std::string_view iso);

// One addressee line without its TO/INFO prefix: "RUEHC/SECSTATE WASHDC IMMEDIATE 1026".
std::string AddresseeLine(const Addressee& a);

}  // namespace cablebase::write

#endif  // CABLEBASE_WRITE_FORMATTER_H_
