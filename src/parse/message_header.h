// The message header of a cable: precedence + date-time group, FM originator, TO/INFO addressees
// (shared/spec/FORMAT.md §2, FL5 onwards; docs/cable_format.md).
#ifndef CABLEBASE_PARSE_MESSAGE_HEADER_H_
#define CABLEBASE_PARSE_MESSAGE_HEADER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cablebase/cable.h"

namespace cablebase::parse {

struct MessageHeader {
  std::string precedence;  // highest of the DTG line's letters: "IMMEDIATE" for "O", "P R" → PRIORITY
  std::string dtg;         // "201007Z FEB 06" (normalised DDHHMMZ MON YY); empty when absent
  std::string originator;  // "AMEMBASSY MOSCOW"
  std::vector<Addressee> to, info;
};

// Reads the header lines from `text`: the routing block of a cable, or the start of a text that
// contains the "O 201007Z FEB 06 / FM / TO / INFO" lines (the seed). Never fails: absent parts stay
// empty. Rules, each learned from real cables:
//  - the DTG line is 1-2 precedence letters (Z O P R) and "DDHHMMZ MON YY" (06MOSCOW1637, 89 "O P");
//  - "FM" names the originator; "TO" and "INFO" start addressee lists, and a line without a label
//    continues the current list (seed: "MOSCOW POLITICAL COLLECTIVE PRIORITY" after INFO);
//  - an addressee is "[ROUTE/]NAME [NIACT IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|FLASH] [sequence]";
//  - "XMT" (or "XMT/") lines list posts excluded from the preceding collective, and the lines after
//    them continue the exclusion list until the next TO/INFO (golden parse_recipients);
//  - continuation-page lines "TO PAGE 02 STATE 015113 182333Z" / "INFO PAGE 02 ..." are skipped;
//  - reading stops at "BT", the classification line, or the first line of the text header.
MessageHeader ParseMessageHeader(std::string_view text);

// "IMMEDIATE" for 'O', "PRIORITY" for 'P', "ROUTINE" for 'R', "FLASH" for 'Z'; empty otherwise.
std::string PrecedenceName(char prosign);

// True when `name` (upper case) names a collective: ends in COLLECTIVE, or "ALL ... POSTS",
// "ALL ... CAPITALS", "ALL ... EMBASSIES/CONSULATES/MISSIONS", or a known distribution program
// ("SPECIAL EMBASSY PROGRAM").
bool IsCollectiveName(std::string_view name);

}  // namespace cablebase::parse

#endif  // CABLEBASE_PARSE_MESSAGE_HEADER_H_
