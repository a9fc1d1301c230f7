// Audit of `references`: the labels of the REF block, and cable-like entries without an ID.
#include <set>
#include <string>

#include "audit/text_scan.h"
#include "model/text_util.h"

namespace cablebase::audit {

namespace {

// The REF keyword at the start of a stripped line: "REF:", "REFS:", "REFTEL:", "REFERENCE(S):" in
// capitals with a colon or a first label after a space ("REF A. STATE 1234"), or any case with a
// colon ("Ref: ..."). Returns the offset of what follows the keyword, or npos.
size_t RefKeywordEnd(std::string_view s) {
  static constexpr std::string_view kKeywords[] = {"REFERENCES", "REFERENCE", "REFTELS",
                                                   "REFTEL",     "REFS",      "REF"};
  for (std::string_view k : kKeywords) {
    if (s.size() < k.size() || !model::EqualsIgnoreCase(s.substr(0, k.size()), k)) continue;
    std::string_view rest = s.substr(k.size());
    if (!rest.empty() && rest[0] == ':') return k.size() + 1;
    bool caps = s.substr(0, k.size()) == k;
    if (caps && !rest.empty() && model::IsSpace(rest[0])) {
      std::string_view r = model::TrimLeft(rest);
      // "REF A. ..." / "REF (A) ..." / "REF A) ..."
      if (r.size() >= 2 &&
          ((model::IsUpper(r[0]) && (r[1] == '.' || r[1] == ')')) ||
           (r[0] == '(' && r.size() >= 3 && model::IsAlpha(r[1]) && r[2] == ')'))) {
        return k.size();
      }
    }
    return std::string_view::npos;  // "REFUGEES ..." or prose
  }
  return std::string_view::npos;
}

// The labels of a REF block, in the order A, B, C...: a label is "X." / "X)" / "(X)" for the next
// expected letter X (either case), standing alone (whitespace or start before, whitespace or end
// after). Following the sequence keeps "U.S." or an initial from counting; the first label must
// open a line of the block (or the text after REF:).
class LabelScanner {
 public:
  // Scans one line of the block (or the text after the REF keyword).
  void ScanLine(std::string_view line) {
    line = StripLead(line);
    for (size_t i = 0; i < line.size(); ++i) {
      if (i > 0 && !model::IsSpace(line[i - 1])) continue;
      if (next_ != 'A' || i == 0) {
        if (size_t len = LabelAt(line, i); len > 0) {
          labels_.push_back(next_);
          ++next_;
          i += len - 1;
        }
      }
      if (next_ > 'Z') return;
    }
  }
  // True when `line` opens with the next expected label (a block goes on after a blank line only
  // so: "REF: A. MADRID 881", blank, "¶B. MADRID 919" — 04MADRID961).
  bool OpensWithNextLabel(std::string_view line) const {
    return next_ <= 'Z' && LabelAt(StripLead(line), 0) > 0;
  }
  const std::string& labels() const { return labels_; }

 private:
  // Length of the label for next_ at `s[i]`, or 0.
  size_t LabelAt(std::string_view s, size_t i) const {
    auto is_next = [&](char c) { return model::ToUpperChar(c) == next_; };
    auto ends_at = [&](size_t j) { return j >= s.size() || model::IsSpace(s[j]); };
    if (i + 1 < s.size() && is_next(s[i]) && (s[i + 1] == '.' || s[i + 1] == ')') &&
        ends_at(i + 2)) {
      return 2;
    }
    if (i + 2 < s.size() && s[i] == '(' && is_next(s[i + 1]) && s[i + 2] == ')' && ends_at(i + 3)) {
      return 3;
    }
    return 0;
  }

  char next_ = 'A';
  std::string labels_;
};

// True for a line that ends a REF block: Classified By, a numbered paragraph, SUMMARY, the
// SUBJECT/TAGS/E.O. of a header written after the REF, or the start of a "(C)"-marked text.
bool EndsRefBlock(std::string_view line) {
  std::string_view s = StripLead(line);
  if (ParagraphNumberOf(s) >= 0) return true;
  return model::StartsWithIgnoreCase(s, "CLASSIFIED BY") ||
         model::StartsWithIgnoreCase(s, "DERIVED FROM") || StartsWithKeyword(s, "SUMMARY") ||
         StartsWithKeyword(s, "SUBJECT") || StartsWithKeyword(s, "TAGS") ||
         model::StartsWithIgnoreCase(s, "E.O.") || model::StartsWithIgnoreCase(s, "(U)") ||
         model::StartsWithIgnoreCase(s, "(C)") || model::StartsWithIgnoreCase(s, "(S)") ||
         model::StartsWithIgnoreCase(s, "(SBU)");
}

// "MADRID 919", "05 MOSCOW 1323", "STATE 123456", "SECSTATE 1234 (NOTAL)": an optional 2-digit
// year, one to three words of capitals, a serial of 1-6 digits — the way cables cite cables
// (5 FAH-2 H-440 "REF"). Words that number parts of a text (PARA 3) are not posts.
bool LooksLikeCable(std::string_view text) {
  std::vector<std::string_view> tok;
  for (std::string_view t : model::SplitWhitespace(text)) {
    if (t.size() >= 2 && t.front() == '(' && t.back() == ')') continue;  // (NOTAL), (EXDIS)
    while (!t.empty() && (t.back() == '.' || t.back() == ',' || t.back() == ';')) {
      t.remove_suffix(1);
    }
    if (!t.empty()) tok.push_back(t);
  }
  size_t i = 0;
  if (tok.size() >= 3 && tok[0].size() == 2 && model::IsAllDigits(tok[0])) i = 1;
  if (tok.size() < i + 2 || tok.size() > i + 4) return false;
  std::string_view serial = tok.back();
  if (!model::IsAllDigits(serial) || serial.size() > 6) return false;
  for (size_t k = i; k + 1 < tok.size(); ++k) {
    if (tok[k].size() < 2) return false;
    for (char c : tok[k]) {
      if (!model::IsUpper(c)) return false;
    }
  }
  static const std::set<std::string_view> kNotPosts = {
      "PARA", "PARAS",      "PARAGRAPH", "PARAGRAPHS", "ITEM",   "PAGE",    "SECTION",
      "TAB",  "ANNEX",      "PART",      "NO",         "NUMBER", "CHAPTER", "ARTICLE",
      "RES",  "RESOLUTION", "UNSCR",     "IIR",        "TDX"};
  if (kNotPosts.count(tok[i])) return false;
  // "PARIS POINTS NOV 22" (06PARIS7579) is a dated report, not a cable: a month before the number.
  static const std::set<std::string_view> kMonths = {
      "JAN",   "FEB",  "MAR",  "APR",    "MAY",       "JUN",     "JUL",      "AUG",
      "SEP",   "SEPT", "OCT",  "NOV",    "DEC",       "JANUARY", "FEBRUARY", "MARCH",
      "APRIL", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"};
  for (size_t k = i; k + 1 < tok.size(); ++k) {
    if (kMonths.count(tok[k])) return false;
  }
  // "USDEL 00007" (06ABUDHABI1401): a delegation without its place names no post.
  if (tok.size() == i + 2 && tok[i] == "USDEL") return false;
  return true;
}

}  // namespace

void CheckReferences(const AuditInput& in, std::vector<Finding>* out) {
  const Cable& c = *in.cable;
  // The REF block: from a REF line in the header region, over wrapped lines, and over blank lines
  // and page debris when the next line opens with the next label.
  LabelScanner scan;
  bool found = false;
  for (size_t i = 0; i < in.header_end && !found; ++i) {
    std::string_view s = StripLead(in.lines[i]);
    size_t k = RefKeywordEnd(s);
    if (k == std::string_view::npos) continue;
    found = true;
    scan.ScanLine(s.substr(k));
    bool after_gap = false;
    for (size_t j = i + 1; j < in.lines.size(); ++j) {
      std::string_view line = in.lines[j];
      if (model::Trim(line).empty() || IsPageDebris(line)) {
        after_gap = true;
        continue;
      }
      // Over a gap only a block that has labels goes on: "REF: KUALA LUMPUR 153", blank, "A. (S)
      // Jamal Allavi..." is a one-entry REF and a list of the text.
      if (after_gap && (scan.labels().empty() || !scan.OpensWithNextLabel(line))) break;
      if (!scan.OpensWithNextLabel(line) && EndsRefBlock(line)) break;
      after_gap = false;
      scan.ScanLine(line);
    }
  }
  if (found && !scan.labels().empty()) {
    std::set<char> read;
    for (const Reference& r : c.references) {
      if (r.label.size() == 1 && model::IsAlpha(r.label[0])) {
        read.insert(model::ToUpperChar(r.label[0]));
      }
    }
    std::string missing, expected, got;
    size_t n_read = 0;
    for (char l : scan.labels()) {
      if (!expected.empty()) expected.push_back(' ');
      expected.push_back(l);
      if (read.count(l)) {
        ++n_read;
      } else {
        if (!missing.empty()) missing.push_back(' ');
        missing.push_back(l);
      }
    }
    for (char l : read) {
      if (!got.empty()) got.push_back(' ');
      got.push_back(l);
    }
    if (!missing.empty()) {
      size_t n = scan.labels().size();
      out->push_back(Finding{Invariant::kRefLabels,
                             "references: " + std::to_string(n) + " label" + (n == 1 ? "" : "s") +
                                 " in REF, " + std::to_string(n_read) + " read (missing " +
                                 missing + ")",
                             expected, got});
    }
  }
  // Cable-like entries the record kept without a reference ID.
  std::string bad;
  int n_bad = 0;
  // The citing cable itself ("MADRID 870" in 09MADRID870) gets no ID: a cable never cites itself.
  std::string self = c.reference_id.size() > 2 ? c.reference_id.substr(2) : c.reference_id;
  auto is_self = [&](const std::string& text) {
    std::string sq = Squeeze(text);
    if (sq.size() > 2 && model::IsDigit(sq[0]) && model::IsDigit(sq[1])) sq = sq.substr(2);
    return !self.empty() && sq == self;
  };
  for (const Reference& r : c.references) {
    if (r.reference_id || !LooksLikeCable(r.text) || is_self(r.text)) continue;
    if (n_bad++ < 3) {
      if (!bad.empty()) bad += "; ";
      bad += r.text;
    }
  }
  if (n_bad > 0) {
    out->push_back(Finding{Invariant::kRefIds,
                           "references: " + std::to_string(n_bad) + " cable-like entr" +
                               (n_bad == 1 ? "y" : "ies") + " without a reference ID (" + bad + ")",
                           "a reference ID", bad});
  }
}

}  // namespace cablebase::audit
