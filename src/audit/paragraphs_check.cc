// Audit of `paragraphs`: numbering 1..N as in the text, and known portion marks.
#include <map>
#include <set>
#include <string>

#include "audit/text_scan.h"
#include "model/text_util.h"

namespace cablebase::audit {

namespace {

// A known portion mark: a level, then control markings after '/', '//', '-' or spaces. Source:
// 5 FAH-3 / the marks of ../shared/corpus ((U) (SBU) (C) (S) (TS) (S/NF) (C//REL ISAF)
// (S//FGI//NF) (U//FOUO) (C - ENTIRE TEXT)); REL (TO) is followed by country names.
bool IsKnownMark(std::string_view mark) {
  static const std::set<std::string> kLevels = {
      "U",      "SBU",          "C",      "S",    "TS",   "LOU", "UNCLASSIFIED",
      "UNCLAS", "CONFIDENTIAL", "SECRET", "FOUO", "SBUNF"};
  static const std::set<std::string> kControls = {
      "NF",     "NOFORN",    "FGI", "FOUO",   "ORCON",      "OC",     "SI",
      "TK",     "PROPIN",    "PR",  "ENTIRE", "TEXT",       "EXDIS",  "NODIS",
      "LIMDIS", "SENSITIVE", "SBU", "LES",    "NOCONTRACT", "SPECAT", "X1"};
  std::vector<std::string> words = Words(mark);
  if (words.empty() || !kLevels.count(words[0])) return false;
  for (size_t i = 1; i < words.size(); ++i) {
    if (words[i] == "REL") return true;
    if (!kControls.count(words[i])) return false;
  }
  return true;
}

std::string NumberList(const std::vector<int>& v, size_t max) {
  std::string s;
  for (size_t i = 0; i < v.size() && i < max; ++i) {
    if (i) s.push_back(' ');
    s += std::to_string(v[i]);
  }
  if (v.size() > max) s += " …";
  return s;
}

}  // namespace

void CheckParagraphs(const AuditInput& in, std::vector<Finding>* out) {
  const Cable& c = *in.cable;
  std::vector<int> numbers;
  for (const Paragraph& p : c.paragraphs) numbers.push_back(p.number);

  // The text's paragraph starts, found by its own scan: how often each number opens a line
  // ("N." / "¶N."). A cable may itself skip or repeat a number (04SANAA2346 goes 12, 14;
  // 07SANTIAGO983 1, 3, 5): a gap or repeat of the record is a finding only when the text
  // disagrees — the missing number opens a line, or the repeated one opens fewer lines.
  std::map<int, int> starts;
  for (std::string_view line : in.lines) {
    if (int n = ParagraphNumberOf(line); n >= 0) ++starts[n];
  }
  auto in_text = [&](int n) {
    auto it = starts.find(n);
    return it == starts.end() ? 0 : it->second;
  };

  std::map<int, int> read;
  for (int n : numbers) ++read[n];
  auto in_record = [&](int n) {
    auto it = read.find(n);
    return it == read.end() ? 0 : it->second;
  };

  std::string problem;
  if (!numbers.empty()) {
    // From 1 unless a later section of a sectioned cable (SECTION 02 OF 03 goes on where 01
    // stopped) or an extract whose text has no paragraph 1 (05MADRID1317 starts at 23).
    if (numbers[0] > 1 && c.section_number <= 1 && in_text(1) > in_record(1)) {
      problem = "start at " + std::to_string(numbers[0]) + ", the text numbers 1";
    }
    for (size_t i = 0; i < numbers.size() && problem.empty(); ++i) {
      int n = numbers[i];
      if (in_record(n) > 1 && in_record(n) > in_text(n)) {
        problem = std::to_string(n) + " repeated";
      } else if (i > 0 && n > numbers[i - 1] + 1) {
        // Gaps are looked up number by number, at most 50 per gap (linear overall). A number the
        // record has elsewhere is no loss (06MADRID934 numbers 7, 10, 9, 10 as the text does).
        for (int m = numbers[i - 1] + 1; m < n && m <= numbers[i - 1] + 50; ++m) {
          if (in_text(m) > in_record(m)) {
            problem = std::to_string(numbers[i - 1]) + " then " + std::to_string(n) +
                      ", the text numbers " + std::to_string(m);
            break;
          }
        }
      }
    }
  }

  // The tail: after the last line numbered as the record's last paragraph, the text numbers no
  // further paragraph in sequence (a quoted letter's own 1..7 before it is no paragraph of the
  // cable: 08LONDON1115). A record without paragraphs: the text numbers none from 1.
  int last = numbers.empty() ? 0 : numbers.back();
  size_t from = 0;
  if (!numbers.empty()) {
    for (size_t i = 0; i < in.lines.size(); ++i) {
      if (ParagraphNumberOf(in.lines[i]) == last) from = i + 1;
    }
  }
  int expect = last + 1, more = 0;
  if (!(numbers.empty() && c.section_number > 1)) {  // a later section: unknown start
    for (size_t i = from; i < in.lines.size(); ++i) {
      if (ParagraphNumberOf(in.lines[i]) == expect) {
        ++more;
        ++expect;
      }
    }
  }
  if (problem.empty() && more > (numbers.empty() ? 1 : 0)) {
    problem = numbers.empty() ? "none read, the text numbers 1.." + std::to_string(more)
                              : "stop at " + std::to_string(last) + ", the text goes on to " +
                                    std::to_string(expect - 1);
  }
  if (!problem.empty()) {
    out->push_back(Finding{Invariant::kParagraphNumbers, "paragraphs: " + problem,
                           "the numbers of the text", NumberList(numbers, 40)});
  }

  std::string unknown;
  int n_unknown = 0;
  std::set<std::string> seen;
  for (const Paragraph& p : c.paragraphs) {
    if (p.portion_marking.empty() || IsKnownMark(p.portion_marking)) continue;
    ++n_unknown;
    if (seen.insert(p.portion_marking).second && seen.size() <= 3) {
      if (!unknown.empty()) unknown += ", ";
      unknown += "(" + p.portion_marking + ")";
    }
  }
  if (n_unknown > 0) {
    out->push_back(Finding{Invariant::kPortionMarks,
                           "paragraphs: " + std::to_string(n_unknown) + " unknown portion mark" +
                               (n_unknown == 1 ? "" : "s") + " " + unknown,
                           "(U) (SBU) (C) (S) (TS) with NF/REL/FGI...", unknown});
  }
}

}  // namespace cablebase::audit
