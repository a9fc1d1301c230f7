// Dates of cables: date-time groups, published timestamps and declassification dates → ISO 8601.
//
// All functions are pure and thread-safe; none consults the local time zone.
#ifndef CABLEBASE_MODEL_DATES_H_
#define CABLEBASE_MODEL_DATES_H_

#include <string>
#include <string_view>

namespace cablebase::model {

// A date-time group "DDHHMMZ MON YY" (ACP-127 FL5; 5 FAH-2 H-320) → "YYYY-MM-DDTHH:MM:00Z".
// "201007Z FEB 06" → "2006-02-20T10:07:00Z". Accepts lower case, extra spaces, a missing space
// ("201007ZFEB06") and 4-digit years. Two-digit years 66-99 are 19xx, 00-65 are 20xx (Cablegate
// spans 1966-2010). Empty on failure (bad month, day out of range for the month, hour > 23...).
std::string DtgToIso(std::string_view dtg);

// Normalises a DTG as written to "DDHHMMZ MON YY" (upper case, single spaces); empty on failure.
std::string NormalizeDtg(std::string_view dtg);

// A publishing timestamp → ISO 8601 UTC "YYYY-MM-DDTHH:MM:SSZ". Accepted forms (FORMAT.md §1):
// "2004-01-20 12:12" (Cablegate HTML, taken as UTC), "12/28/1966 18:48" (CSV dump, M/D/YYYY, not
// zero-padded), "Wed Jul 09 00:00:00 +0200 2008" (alx text files: local midnight is
// the calendar date, "2008-07-09T00:00:00Z", never shifted across midnight; another time of day has
// its offset applied), and an
// already ISO "2006-02-20T10:07:00Z". Empty on failure.
std::string PublishedDateToIso(std::string_view s);

// A declassification date as written on an E.O. line → ISO "YYYY-MM-DD". Accepted: "mm/dd/yyyy",
// "m/d/yy", "yyyy/mm/dd", "yyyy-mm-dd", "mm-dd-yyyy", "dd MON yyyy", "MON dd, yyyy",
// "MONTH dd, yyyy". Two-digit years are 20xx when < 70, else 19xx (declassification dates lie
// after the cable: "DECL: 6/3/08" in golden parse_nondisclosure_deadline is 2008-06-03). Empty
// when the text holds no valid date.
std::string DateToIso(std::string_view s);

// Month number 1-12 from an English month name or 3-letter abbreviation (any case); 0 if none.
int MonthFromName(std::string_view name);

// Days in `month` (1-12) of `year` (Gregorian); 0 for a bad month.
int DaysInMonth(int year, int month);

}  // namespace cablebase::model

#endif  // CABLEBASE_MODEL_DATES_H_
