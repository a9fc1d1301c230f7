// Audit of `paragraphs`: numbering 1..N as in the text, and known portion marks.
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
      "U", "SBU", "C", "S", "TS", "LOU", "UNCLASSIFIED", "UNCLAS", "CONFIDENTIAL", "SECRET",
      "FOUO", "SBUNF"};
  static const std::set<std::string> kControls = {
      "NF", "NOFORN", "FGI", "FOUO", "ORCON", "OC", "SI", "TK", "PROPIN", "PR", "ENTIRE", "TEXT",
      "EXDIS", "NODIS", "LIMDIS", "SENSITIVE", "SBU", "LES", "NOCONTRACT", "SPECAT", "X1"};
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

  // The record's own numbering: each number one more than the one before, from 1 unless a later
  // section of a sectioned cable (SECTION 02 OF 03 goes on from where section 01 stopped).
  std::string problem;
  if (!numbers.empty()) {
    if (numbers[0] != 1 && c.section_number <= 1) {
      problem = "start at " + std::to_string(numbers[0]);
    }
    for (size_t i = 1; i < numbers.size() && problem.empty(); ++i) {
      if (numbers[i] == numbers[i - 1]) {
        problem = std::to_string(numbers[i]) + " repeated";
      } else if (numbers[i] != numbers[i - 1] + 1) {
        problem = std::to_string(numbers[i - 1]) + " then " + std::to_string(numbers[i]);
      }
    }
  }

  // The text's numbering, found by its own scan: lines "N." / "¶N." following the sequence from
  // the record's first number (or 1), so that a year or a list inside a paragraph is not counted.
  int expect = numbers.empty() ? 1 : numbers[0];
  if (numbers.empty() && c.section_number > 1) expect = -1;  // unknown start: skip the count
  int in_text = 0;
  if (expect > 0) {
    for (size_t i = 0; i < in.lines.size(); ++i) {
      if (ParagraphNumberOf(in.lines[i]) == expect) {
        ++in_text;
        ++expect;
      }
    }
  }
  if (problem.empty() && in_text > static_cast<int>(numbers.size())) {
    problem = std::to_string(in_text) + " numbered in the text, " +
              std::to_string(numbers.size()) + " read";
  }
  if (!problem.empty()) {
    out->push_back(Finding{Invariant::kParagraphNumbers, "paragraphs: " + problem,
                           in_text > 0 ? "1.." + std::to_string(in_text) : "1..N",
                           NumberList(numbers, 40)});
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
