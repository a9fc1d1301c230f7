// Checking a date-time group field by field (the ranges DTG001 enforces).
#ifndef CABLEBASE_WRITE_DTG_CHECK_H_
#define CABLEBASE_WRITE_DTG_CHECK_H_

#include <string>
#include <string_view>

namespace cablebase::write {

// Empty when `dtg` is a well-formed "DDHHMMZ MON YY" (5 FAH-2 H-322: day, hour, minute, the zone
// letter Z, three-letter month, two-digit year; 06MOSCOW1637 "201007Z FEB 06"), else what is wrong
// ("day 31 does not exist in APR 06", "hour 24 is not 00-23", ...). The day is checked against the
// month's length, February of leap years included (two-digit years as model::DtgToIso: 66-99 → 19YY, else 20YY).
// The zone letter may be missing ("201007 FEB 06" is reported); a 4-digit year is accepted.
std::string DtgProblem(std::string_view dtg);

// The 4-digit year of a DTG ("201007Z FEB 06" → 2006), or -1 when it has none.
int DtgYear(std::string_view dtg);

}  // namespace cablebase::write

#endif  // CABLEBASE_WRITE_DTG_CHECK_H_
