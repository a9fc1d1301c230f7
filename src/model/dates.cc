// Dates of cables: date-time groups, published timestamps and declassification dates → ISO 8601.
#include "model/dates.h"

#include <cstdio>
#include <vector>

#include "model/text_util.h"

namespace cablebase::model {

namespace {

constexpr const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                   "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

std::string FormatDate(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string FormatDateTime(int y, int mo, int d, int h, int mi, int s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
  return buf;
}

bool ValidDate(int y, int m, int d) {
  return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

int CablegateYear(int yy) { return yy >= 66 ? 1900 + yy : 2000 + yy; }

// Tokens of a date: runs of digits and runs of letters; everything else separates.
std::vector<std::string> DateTokens(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    if (IsDigit(s[i]) || IsAlpha(s[i])) {
      bool digit = IsDigit(s[i]);
      size_t j = i;
      while (j < s.size() && (digit ? IsDigit(s[j]) : IsAlpha(s[j]))) ++j;
      out.emplace_back(s.substr(i, j - i));
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

// Days since 1970-01-01 (proleptic Gregorian), for applying time zone offsets.
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long yy = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yy + (*m <= 2));
}

struct Dtg {
  int day = 0, hour = 0, minute = 0, month = 0, year = 0;
};

bool ParseDtg(std::string_view s, Dtg* out) {
  std::string u = ToUpperAscii(Trim(s));
  // DDHHMM then 'Z' then month then year, with optional spaces.
  size_t i = 0;
  while (i < u.size() && u[i] == ' ') ++i;
  if (i + 6 > u.size()) return false;
  for (size_t k = 0; k < 6; ++k) {
    if (!IsDigit(u[i + k])) return false;
  }
  Dtg d;
  d.day = (u[i] - '0') * 10 + (u[i + 1] - '0');
  d.hour = (u[i + 2] - '0') * 10 + (u[i + 3] - '0');
  d.minute = (u[i + 4] - '0') * 10 + (u[i + 5] - '0');
  i += 6;
  if (i < u.size() && u[i] == 'Z') ++i;
  while (i < u.size() && u[i] == ' ') ++i;
  size_t j = i;
  while (j < u.size() && IsAlpha(u[j])) ++j;
  d.month = MonthFromName(std::string_view(u).substr(i, j - i));
  if (d.month == 0) return false;
  i = j;
  while (i < u.size() && u[i] == ' ') ++i;
  j = i;
  while (j < u.size() && IsDigit(u[j])) ++j;
  if (j - i == 2) {
    d.year = CablegateYear(ParseSmallInt(std::string_view(u).substr(i, 2)));
  } else if (j - i == 4) {
    d.year = ParseSmallInt(std::string_view(u).substr(i, 4));
  } else {
    return false;
  }
  if (!ValidDate(d.year, d.month, d.day) || d.hour > 23 || d.minute > 59) return false;
  *out = d;
  return true;
}

}  // namespace

int MonthFromName(std::string_view name) {
  std::string u = ToUpperAscii(Trim(name));
  if (u.size() < 3) return 0;
  if (u == "SEPT") return 9;
  static constexpr const char* kFull[] = {"JANUARY", "FEBRUARY", "MARCH",     "APRIL",
                                          "MAY",     "JUNE",     "JULY",      "AUGUST",
                                          "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"};
  for (int m = 0; m < 12; ++m) {
    if (u == kMonths[m] || u == kFull[m]) return m + 1;
  }
  return 0;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

std::string DtgToIso(std::string_view dtg) {
  Dtg d;
  if (!ParseDtg(dtg, &d)) return {};
  return FormatDateTime(d.year, d.month, d.day, d.hour, d.minute, 0);
}

std::string NormalizeDtg(std::string_view dtg) {
  Dtg d;
  if (!ParseDtg(dtg, &d)) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d%02d%02dZ %s %02d", d.day, d.hour, d.minute,
                kMonths[d.month - 1], d.year % 100);
  return buf;
}

std::string PublishedDateToIso(std::string_view s) {
  std::string_view t = Trim(s);
  std::vector<std::string> tok = DateTokens(t);
  if (tok.empty()) return {};
  auto num = [](const std::string& x) { return ParseSmallInt(x); };
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  // "2004-01-20 12:12[:ss]" or ISO "2006-02-20T10:07:00Z".
  if (tok[0].size() == 4 && IsAllDigits(tok[0]) && tok.size() >= 3 && IsAllDigits(tok[1])) {
    y = num(tok[0]);
    mo = num(tok[1]);
    // "2006-02-20T10" tokenises as "20", "T", "10".
    d = num(tok[2]);
    size_t k = 3;
    if (k < tok.size() && tok[k] == "T") ++k;
    if (k < tok.size()) h = num(tok[k++]);
    if (k < tok.size()) mi = num(tok[k++]);
    if (k < tok.size() && IsAllDigits(tok[k])) sec = num(tok[k++]);
  } else if (IsAllDigits(tok[0]) && tok.size() >= 3 && tok[2].size() == 4) {
    // "12/28/1966 18:48" (M/D/YYYY).
    mo = num(tok[0]);
    d = num(tok[1]);
    y = num(tok[2]);
    if (tok.size() > 3) h = num(tok[3]);
    if (tok.size() > 4) mi = num(tok[4]);
    if (tok.size() > 5 && IsAllDigits(tok[5])) sec = num(tok[5]);
  } else {
    // "Wed Jul 09 00:00:00 +0200 2008".
    size_t k = 0;
    if (k < tok.size() && !IsAllDigits(tok[k]) && MonthFromName(tok[k]) == 0) ++k;
    if (k >= tok.size()) return {};
    mo = MonthFromName(tok[k++]);
    if (mo == 0 || k + 4 > tok.size()) return {};
    d = num(tok[k++]);
    h = num(tok[k++]);
    mi = num(tok[k++]);
    sec = num(tok[k++]);
    int offset_minutes = 0;
    size_t plus = t.find_first_of("+-", t.find(':'));
    if (k < tok.size() && tok[k].size() == 4 && k + 1 < tok.size()) {
      int off = num(tok[k++]);
      offset_minutes = (off / 100) * 60 + off % 100;
      if (plus != std::string_view::npos && t[plus] == '-') offset_minutes = -offset_minutes;
    }
    if (k >= tok.size()) return {};
    y = num(tok[k]);
    if (!ValidDate(y, mo, d) || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) {
      return {};
    }
    // Local midnight is a calendar date, not an instant: the alx files write the day the cable was
    // created as "Tue Jan 19 00:00:00 +0100 2010" (10MADRID49, DTG 191734Z JAN 10), and applying the
    // offset would move it to the 18th. Only a time of day other than midnight is converted.
    if (h == 0 && mi == 0 && sec == 0) offset_minutes = 0;
    long minutes = DaysFromCivil(y, mo, d) * 1440L + h * 60 + mi - offset_minutes;
    long days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
    long rem = minutes - days * 1440;
    CivilFromDays(days, &y, &mo, &d);
    return FormatDateTime(y, mo, d, static_cast<int>(rem / 60), static_cast<int>(rem % 60), sec);
  }
  if (!ValidDate(y, mo, d) || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 60) {
    return {};
  }
  return FormatDateTime(y, mo, d, h, mi, sec);
}

std::string DateToIso(std::string_view s) {
  std::vector<std::string> tok = DateTokens(s);
  for (size_t k = 0; k + 3 <= tok.size(); ++k) {
    const std::string& a = tok[k];
    const std::string& b = tok[k + 1];
    const std::string& c = tok[k + 2];
    int y = 0, m = 0, d = 0;
    if (IsAllDigits(a) && IsAllDigits(b) && IsAllDigits(c)) {
      if (a.size() == 4) {  // yyyy/mm/dd
        y = ParseSmallInt(a);
        m = ParseSmallInt(b);
        d = ParseSmallInt(c);
      } else if (a.size() <= 2 && b.size() <= 2 && (c.size() == 4 || c.size() == 2)) {
        m = ParseSmallInt(a);
        d = ParseSmallInt(b);
        y = ParseSmallInt(c);
        if (c.size() == 2) y += y < 70 ? 2000 : 1900;
        // dd/mm/yyyy when the first number cannot be a month.
        if (m > 12 && d <= 12) std::swap(m, d);
      }
    } else if (IsAllDigits(a) && MonthFromName(b) && IsAllDigits(c)) {  // 20 SEP 2014
      d = ParseSmallInt(a);
      m = MonthFromName(b);
      y = ParseSmallInt(c);
      if (c.size() == 2) y += y < 70 ? 2000 : 1900;
    } else if (MonthFromName(a) && IsAllDigits(b) && IsAllDigits(c) && b.size() <= 2) {
      m = MonthFromName(a);  // SEPTEMBER 20, 2014
      d = ParseSmallInt(b);
      y = ParseSmallInt(c);
      if (c.size() == 2) y += y < 70 ? 2000 : 1900;
    }
    if (ValidDate(y, m, d)) return FormatDate(y, m, d);
  }
  return {};
}

}  // namespace cablebase::model
