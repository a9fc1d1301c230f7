// Checking a date-time group field by field (the ranges DTG001 enforces).
#include "write/dtg_check.h"

#include <vector>

#include "model/dates.h"
#include "model/text_util.h"

namespace cablebase::write {
namespace {

int FullYear(std::string_view y) {
  int v = model::ParseSmallInt(y);
  if (v < 0) return -1;
  if (y.size() == 2) return v >= 66 ? 1900 + v : 2000 + v;  // as model::DtgToIso: Cablegate spans 1966-2010
  if (y.size() == 4) return v;
  return -1;
}

}  // namespace

int DtgYear(std::string_view dtg) {
  std::vector<std::string_view> w = model::SplitWhitespace(dtg);
  if (w.size() < 3) return -1;
  return FullYear(w[2]);
}

std::string DtgProblem(std::string_view dtg) {
  std::vector<std::string_view> w = model::SplitWhitespace(dtg);
  if (w.size() != 3) return "expected DDHHMMZ MON YY";
  std::string_view t = w[0];
  if (t.size() < 6 || !model::IsAllDigits(t.substr(0, 6))) return "expected six digits DDHHMM";
  if (t.size() == 6) return "the zone letter Z is missing after DDHHMM";
  if (t.size() != 7 || model::ToUpperChar(t[6]) != 'Z') {
    return "expected DDHHMMZ, not '" + std::string(t) + "'";
  }
  int day = model::ParseSmallInt(t.substr(0, 2));
  int hour = model::ParseSmallInt(t.substr(2, 2));
  int minute = model::ParseSmallInt(t.substr(4, 2));
  std::string mon = model::ToUpperAscii(w[1]);
  int month = mon.size() == 3 ? model::MonthFromName(mon) : 0;
  if (month == 0) return "month '" + std::string(w[1]) + "' is not JAN-DEC";
  int year = FullYear(w[2]);
  if (year < 0) return "year '" + std::string(w[2]) + "' is not two digits";
  int days = model::DaysInMonth(year, month);
  if (day < 1 || day > days) {
    return "day " + std::string(t.substr(0, 2)) + " does not exist in " + mon + " " +
           std::string(w[2]);
  }
  if (hour > 23) return "hour " + std::string(t.substr(2, 2)) + " is not 00-23";
  if (minute > 59) return "minute " + std::string(t.substr(4, 2)) + " is not 00-59";
  return {};
}

}  // namespace cablebase::write
