// Audit of the body: signers are words of the text's end; no header line is left in `body`.
#include <set>
#include <string>

#include "audit/text_scan.h"
#include "model/text_util.h"

namespace cablebase::audit {

namespace {

// The signer stands in the last lines of a text (FORMAT.md §4), before at most a few lines of
// classification repeats, release stamps or a partial-extract note.
constexpr size_t kLastLines = 12;
// A header line left in the body sits at its start: only its first lines are looked at (a quoted
// cable or note further down legitimately has FM/TO/SUBJECT lines).
constexpr size_t kBodyHeadLines = 15;

// Words that close a text without being a signer: end markers, classification repeats.
bool IsClosingWord(std::string_view w) {
  static const std::set<std::string_view> kWords = {
      "NNNN",   "END",          "TEXT",         "CABLE",  "SIPDIS",    "NOFORN",
      "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "UNCLAS", "SENSITIVE", "BT",
      "NOTE",   "COMMENT",      "SUMMARY",      "EXDIS",  "NODIS",     "LIMDIS",
      "ORCON",  "REL",          "FOUO",         "SBU"};
  return kWords.count(w) > 0;
}

// The signer the text's last line gives, or "": after the end markers a text may carry ("NNNN",
// "End Cable Text", a line of X's, page debris — 09STATE63860), the last line is a surname in
// capitals alone ("ARGYROS", 04MADRID961) or after the last sentence ("... upon request.
// CLINTON", 09STATE63860). FORMAT.md §4: the signer closes the text.
std::string SignerOfLastLine(const AuditInput& in) {
  for (size_t i = in.lines.size(), seen = 0; i-- > 0 && seen < 6;) {
    std::string_view t = model::Trim(in.lines[i]);
    if (t.empty() || IsPageDebris(t)) continue;
    ++seen;
    // A long line is not split whole (pages whose line ends were lost have the text on one
    // line): its last 200 bytes without the cut first word, which is not alone on its line.
    const bool long_line = t.size() > 200;
    std::vector<std::string_view> tok =
        model::SplitWhitespace(long_line ? t.substr(t.size() - 200) : t);
    if (long_line && !tok.empty()) tok.front() = "-";
    if (tok.empty()) continue;
    std::string_view last = tok.back();
    // A line made only of end markers ("NNNN", "End Cable Text", "XXXXXXXX") is passed over; a
    // sentence that happens to end with one ("... End Comment") is not.
    bool markers = true;
    for (std::string_view w : tok) {
      bool xs = true;
      for (char ch : w) xs = xs && (ch == 'X' || ch == 'x');
      markers = markers && (xs || IsClosingWord(Squeeze(w)));
    }
    if (markers) continue;
    // A redaction (XXXXXXXXXXXX) ending a sentence's line names nobody we could read.
    if (last.size() < 3 || last.find_first_not_of("Xx") == std::string_view::npos) return "";
    for (char ch : last) {
      if (!model::IsUpper(ch)) return "";
    }
    if (IsClosingWord(last)) return "";
    // Alone on its line: after a blank line or a sentence's end ("issues." / "ARGYROS"), not a
    // word the wrap left ("talks with the" / "IMF").
    if (tok.size() == 1) {
      std::string_view prev = i > 0 ? model::TrimRight(in.lines[i - 1]) : std::string_view();
      char end = prev.empty() ? '.' : prev.back();
      return end == '.' || end == '!' || end == '?' || end == '"' || end == ')' ? std::string(last)
                                                                                : "";
    }
    std::string_view before = tok[tok.size() - 2];
    char end = before.back();
    if (end == '.' || end == '!' || end == '?' || end == '"') return std::string(last);
    return "";
  }
  return "";
}

void CheckSigners(const AuditInput& in, std::vector<Finding>* out) {
  const Cable& c = *in.cable;
  if (c.signers.empty()) {
    std::string expected = SignerOfLastLine(in);
    if (!expected.empty()) {
      out->push_back(Finding{Invariant::kSigners,
                             "signers: the text ends with " + expected + ", no signer read",
                             expected, ""});
    }
    return;
  }
  // The words of the last lines, upper-cased, each between spaces: " END CABLE TEXT CLINTON ".
  // One string, no set: a page whose line ends were lost has a whole text on its last line.
  std::string have = " ";
  size_t taken = 0;
  for (size_t i = in.lines.size(); i-- > 0 && taken < kLastLines;) {
    if (model::Trim(in.lines[i]).empty()) continue;
    ++taken;
    for (char ch : in.lines[i]) {
      if (model::IsAlnum(ch)) {
        have.push_back(model::ToUpperChar(ch));
      } else if (have.back() != ' ') {
        have.push_back(' ');
      }
    }
    if (have.back() != ' ') have.push_back(' ');
  }
  for (const std::string& s : c.signers) {
    for (const std::string& w : Words(s)) {
      if (have.find(" " + w + " ") == std::string::npos) {
        out->push_back(Finding{Invariant::kSigners,
                               "signers: \"" + s + "\" is not words of the text's last lines",
                               "a name of the last lines", s});
        return;
      }
    }
  }
}

// An addressee line's first word: a routing indicator "RUEHC/SECSTATE" or an office that sends
// and receives telegrams (FORMAT.md §2; the FM/TO/INFO lines of ../shared/corpus).
bool IsAddresseeWord(std::string_view w) {
  if (w.size() >= 6 && w[0] == 'R' && w.find('/') != std::string_view::npos) return true;
  static const std::set<std::string_view> kOffices = {
      "SECSTATE", "AMEMBASSY", "AMCONSUL", "USMISSION", "USDEL", "AMEMB",
      "USINT",    "USLO",      "USUN",     "USNATO",    "USEU",  "CIA",
      "DIA",      "SECDEF",    "JCS",      "CJCS",      "NSC",   "WHITEHOUSE"};
  size_t slash = w.find('/');
  if (slash != std::string_view::npos) w = w.substr(0, slash);
  return kOffices.count(w) > 0;
}

// The header line a body line repeats, or "" when it is body text.
std::string_view HeaderLineKind(std::string_view line) {
  std::string_view s = model::TrimLeft(line);
  std::vector<std::string_view> tok = model::SplitWhitespace(s);
  if (tok.size() >= 2 && (tok[0] == "FM" || tok[0] == "TO" || tok[0] == "INFO") &&
      IsAddresseeWord(tok[1])) {
    return tok[0];
  }
  // "E.O. 12958: DECL: ..." / "EO 12958 ..."
  if ((tok.size() >= 2 && (tok[0] == "E.O." || tok[0] == "EO" || tok[0] == "E.O")) &&
      tok[1].size() >= 5 && model::IsAllDigits(tok[1].substr(0, 5))) {
    return "E.O.";
  }
  if (s.substr(0, 5) == "TAGS:" || s.substr(0, 5) == "TAGS ") {
    // A TAGS line is capitals and commas only.
    for (char ch : s) {
      if (model::IsLower(ch)) return {};
    }
    return "TAGS";
  }
  return {};
}

void CheckBodyHeader(const AuditInput& in, std::vector<Finding>* out) {
  const Cable& c = *in.cable;
  if (c.body.empty()) return;
  size_t looked = 0, pos = 0;
  while (pos < c.body.size() && looked < kBodyHeadLines) {
    size_t nl = c.body.find('\n', pos);
    if (nl == std::string::npos) nl = c.body.size();
    std::string_view line(c.body.data() + pos, nl - pos);
    pos = nl + 1;
    if (model::Trim(line).empty()) continue;
    ++looked;
    std::string_view kind = HeaderLineKind(line);
    if (!kind.empty()) {
      out->push_back(Finding{Invariant::kBodyHeader,
                             "body: a header line (" + std::string(kind) +
                                 ") left in the body: \"" +
                                 std::string(model::Trim(line).substr(0, 80)) + "\"",
                             "no header line", std::string(model::Trim(line))});
      return;
    }
  }
}

}  // namespace

void CheckBody(const AuditInput& in, std::vector<Finding>* out) {
  CheckSigners(in, out);
  CheckBodyHeader(in, out);
}

}  // namespace cablebase::audit
