// Audit of the identity: reference ID vs the classification line and the DTG, created vs the DTG.
#include <set>
#include <string>

#include "audit/text_scan.h"
#include "model/dates.h"
#include "model/reference_id.h"
#include "model/text_util.h"

namespace cablebase::audit {

namespace {

// Days since 1970-01-01 of an ISO date "YYYY-MM-DD..." (H. Hinnant's days_from_civil); false when
// `iso` does not start with a date.
bool DaysOf(std::string_view iso, long* days) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return false;
  int y = model::ParseSmallInt(iso.substr(0, 4)), m = model::ParseSmallInt(iso.substr(5, 2)),
      d = model::ParseSmallInt(iso.substr(8, 2));
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  *days = era * 146097 + doe - 719468;
  return true;
}

// Words of a classification line that are not the post: levels, caveats, "SECTION nn OF nn".
bool IsClassificationWord(std::string_view w) {
  static const std::set<std::string_view> kWords = {
      "UNCLASSIFIED", "UNCLAS",    "CONFIDENTIAL", "SECRET",    "TOP",     "LIMITED", "OFFICIAL",
      "USE",          "EFTO",      "SIPDIS",       "NOFORN",    "EXDIS",   "NODIS",   "LIMDIS",
      "STADIS",       "SENSITIVE", "SECTION",      "OF",        "ONLY",    "FOR",     "SBU",
      "FOUO",         "INFORMAL",  "SPECAT",       "EXCLUSIVE", "CHEROKEE"};
  return kWords.count(w) > 0;
}

// The serial (trailing digits, no leading zeros) and post part of a canonical reference ID.
void SplitId(std::string_view id, std::string* post, std::string* serial) {
  size_t e = id.size();
  while (e > 0 && model::IsDigit(id[e - 1])) --e;
  *serial = model::StripLeadingZeros(id.substr(e));
  size_t b = 0;
  while (b < e && b < 2 && model::IsDigit(id[b])) ++b;
  *post = std::string(id.substr(b, e - b));
}

void CheckReferenceId(const AuditInput& in, std::vector<Finding>* out) {
  const Cable& c = *in.cable;
  if (c.reference_id.empty()) return;
  std::string id_post, id_serial;
  SplitId(c.reference_id, &id_post, &id_serial);
  std::vector<std::string> problems;
  std::string expected;

  // The classification line: the first non-blank line of the text when it ends in a serial of
  // 3-7 digits ("C O N F I D E N T I A L SECTION 01 OF 02 MADRID 000961").
  for (size_t i = 0; i < in.lines.size() && i < 3; ++i) {
    std::vector<std::string_view> tok = model::SplitWhitespace(in.lines[i]);
    if (tok.empty()) continue;
    std::string_view serial = tok.back();
    if (!model::IsAllDigits(serial) || serial.size() < 3 || serial.size() > 7) break;
    // It names a classification ("C O N F I D E N T I A L", "UNCLAS", "SECRET"): a text that
    // opens with the publisher's "ID: 190648" (09KUWAIT110) has no classification line there.
    std::string sq = Squeeze(in.lines[i]);
    if (sq.find("CONFIDENTIAL") == std::string::npos && sq.find("SECRET") == std::string::npos &&
        sq.find("UNCLAS") == std::string::npos &&
        sq.find("LIMITEDOFFICIALUSE") == std::string::npos) {
      break;
    }
    // The post: up to three words of capitals just before the serial.
    std::vector<std::string_view> post_words;
    for (size_t k = tok.size() - 1; k-- > 0 && post_words.size() < 3;) {
      std::string_view w = tok[k];
      bool caps = w.size() >= 2;
      for (char ch : w) caps = caps && model::IsUpper(ch);
      if (!caps || IsClassificationWord(w)) break;
      post_words.insert(post_words.begin(), w);
    }
    std::string written_post;
    for (std::string_view w : post_words)
      written_post += (written_post.empty() ? "" : " ") + std::string(w);
    std::string text_serial = model::StripLeadingZeros(serial);
    expected = written_post + " " + std::string(serial);
    if (text_serial != id_serial) problems.push_back("serial " + text_serial + " in the text");
    if (!written_post.empty()) {
      std::string canon = model::CanonicalPostName(written_post);
      if (!canon.empty() && canon != id_post && Squeeze(written_post) != id_post) {
        problems.push_back("post " + written_post + " in the text");
      }
    }
    // SECTION nn OF nn
    for (size_t k = 0; k + 3 < tok.size(); ++k) {
      if (tok[k] != "SECTION" || tok[k + 2] != "OF") continue;
      int n = model::ParseSmallInt(tok[k + 1]), of = model::ParseSmallInt(tok[k + 3]);
      if (n > 0 && of > 0 && (n != c.section_number || of != c.section_count)) {
        problems.push_back("SECTION " + std::to_string(n) + " OF " + std::to_string(of) +
                           " in the text, " + std::to_string(c.section_number) + " of " +
                           std::to_string(c.section_count) + " read");
      }
      break;
    }
    break;
  }
  // The DTG's year is the reference ID's year (the ID is made from the DTG, FORMAT.md §3).
  if (!c.dtg.empty() && c.reference_id.size() >= 2 && model::IsDigit(c.reference_id[0]) &&
      model::IsDigit(c.reference_id[1])) {
    std::string iso = model::DtgToIso(c.dtg);
    if (iso.size() >= 4 && iso.substr(2, 2) != c.reference_id.substr(0, 2)) {
      problems.push_back("DTG " + c.dtg + " is of year " + iso.substr(0, 4));
    }
  }
  if (problems.empty()) return;
  std::string msg = "reference_id: " + c.reference_id + " but ";
  for (size_t i = 0; i < problems.size(); ++i) msg += (i ? "; " : "") + problems[i];
  out->push_back(Finding{Invariant::kReferenceId, msg, expected, c.reference_id});
}

void CheckCreatedDtg(const AuditInput& in, std::vector<Finding>* out) {
  const Cable& c = *in.cable;
  if (c.created.empty() || c.dtg.empty()) return;
  std::string dtg_iso = model::DtgToIso(c.dtg);
  long a = 0, b = 0;
  if (!DaysOf(c.created, &a) || !DaysOf(dtg_iso, &b) || a == b) return;
  long gap = a > b ? a - b : b - a;
  out->push_back(Finding{Invariant::kCreatedDtg,
                         "created: " + c.created.substr(0, 10) + ", DTG " + c.dtg + " (" +
                             std::to_string(gap) + " day" + (gap == 1 ? "" : "s") + " apart)",
                         dtg_iso.substr(0, 10), c.created.substr(0, 10)});
}

}  // namespace

void CheckIdentity(const AuditInput& in, std::vector<Finding>* out) {
  CheckReferenceId(in, out);
  CheckCreatedDtg(in, out);
}

}  // namespace cablebase::audit
