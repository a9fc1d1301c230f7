// The ACP-127 transmission header (format lines FL1-FL4) that precedes many 2000s cables.
#ifndef CABLEBASE_PARSE_TRANSMISSION_H_
#define CABLEBASE_PARSE_TRANSMISSION_H_

#include <optional>
#include <string_view>

#include "cablebase/cable.h"

namespace cablebase::parse {

// Reads FL1 "VZCZCXRO4549", FL2 "OO RUEHRG RUEHDBU" (prosigns ZZ/OO/PP/RR + routing indicators),
// FL3 "DE RUEHSW #0881/01 2540944" and FL4 "ZNY SSSSS ZZH" from the routing block (shared/spec
// FORMAT.md §2; 06NEWDELHI5238, 07BERN1152). Lines may be indented; a routing indicator list may
// wrap onto following lines. nullopt when neither FL1 (VZCZC) nor FL3 (DE R...) is present.
std::optional<TransmissionHeader> ParseTransmissionHeader(std::string_view header);

}  // namespace cablebase::parse

#endif  // CABLEBASE_PARSE_TRANSMISSION_H_
