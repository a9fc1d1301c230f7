// Audit of `tags` and `subject`: the TAGS and SUBJECT lines of the text are in the record.
#include <algorithm>
#include <set>
#include <string>

#include "audit/text_scan.h"
#include "model/text_util.h"

namespace cablebase::audit {

namespace {

// The line index of the first header-region line opening with one of `keywords` (in capitals
// followed by ':' or a space, or in any case followed by ':'), and the offset after the keyword.
bool FindKeywordLine(const AuditInput& in, std::initializer_list<std::string_view> keywords,
                     size_t* line, size_t* offset) {
  for (size_t i = 0; i < in.header_end; ++i) {
    std::string_view s = StripLead(in.lines[i]);
    for (std::string_view k : keywords) {
      bool caps = StartsWithKeyword(s, k);
      bool colon = s.size() > k.size() && s[k.size()] == ':' &&
                   model::EqualsIgnoreCase(s.substr(0, k.size()), k);
      if (caps || colon) {
        *line = i;
        *offset = static_cast<size_t>(s.data() - in.lines[i].data()) + k.size();
        if (*offset < in.lines[i].size() && in.lines[i][*offset] == ':') ++*offset;
        return true;
      }
    }
  }
  return false;
}

// True for a line that opens another part of the header (or the body): not a wrapped line.
bool OpensHeaderPart(std::string_view line) {
  std::string_view s = StripLead(line);
  return ParagraphNumberOf(s) >= 0 || StartsWithKeyword(s, "SUBJECT") ||
         StartsWithKeyword(s, "SUBJ") || StartsWithKeyword(s, "REF") ||
         StartsWithKeyword(s, "REFS") || StartsWithKeyword(s, "TAGS") ||
         StartsWithKeyword(s, "TAG") || model::StartsWithIgnoreCase(s, "CLASSIFIED BY") ||
         model::StartsWithIgnoreCase(s, "E.O.") || model::StartsWithIgnoreCase(s, "EO ") ||
         StartsWithKeyword(s, "SUMMARY") || (!s.empty() && s[0] == '(') || IsPageDebris(s);
}

bool HasLower(std::string_view s) {
  for (char c : s) {
    if (model::IsLower(c)) return true;
  }
  return false;
}

// True when a line wrapped from the TAGS line can hold tags: a word of two or more letters not
// glued to digits, and no time of day of a printout or page line (six digits and Z: "040232Z").
// FOIA printouts follow the TAGS line with "642BD1 040232Z /38", "/", "---", or the next page's
// "PAGE 01 PANAMA 2736 031820Z JUN 96" (corpus-more foia-text C06694864, C06697774, C06694647,
// C06697444): not tags. Linear.
bool CanHoldTags(std::string_view l) {
  bool word = false;
  for (size_t i = 0; i < l.size();) {
    if (model::IsDigit(l[i])) {
      size_t j = i;
      while (j < l.size() && model::IsDigit(l[j])) ++j;
      if (j - i == 6 && j < l.size() && (l[j] == 'Z' || l[j] == 'z') &&
          (j + 1 == l.size() || !model::IsAlnum(l[j + 1]))) {
        return false;
      }
      i = j;
      continue;
    }
    if (!model::IsAlpha(l[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < l.size() && model::IsAlpha(l[j])) ++j;
    if (j - i >= 2 && !(i > 0 && model::IsDigit(l[i - 1])) &&
        !(j < l.size() && model::IsDigit(l[j]))) {
      word = true;
    }
    i = j;
  }
  return word;
}

// The SUBJECT line up to another header part written on the same line, as pages whose line ends
// were lost have it ("... UPDATE - OCTOBER, 2008 REF: BRASILIA 1159 BRASILIA 00001378 001.2 OF
// 003", 08BRASILIA1378; "... UK PRIMEREF: A. LONDON 1939", 08LONDON1991; "... Classified By:",
// 10MOSCOW228): at "REF:" / "REFS:" / "REFTEL:" in capitals (even glued to a word), "Classified
// By" in any case, or a continuation page header's serial (6+ digits starting "00").
std::string_view CutAtNextHeaderPart(std::string_view s) {
  size_t cut = s.size();
  for (std::string_view k : {"REF:", "REFS:", "REFTEL:", "REFTELS:"}) {
    size_t p = s.find(k);
    if (p != std::string_view::npos && p > 0) cut = std::min(cut, p);
  }
  size_t cb = model::FindIgnoreCase(s, "CLASSIFIED BY");
  if (cb != std::string_view::npos && cb > 0) cut = std::min(cut, cb);
  for (size_t i = 0; i + 6 <= s.size() && i < cut; ++i) {
    if ((i == 0 || s[i - 1] == ' ') && s[i] == '0' && s[i + 1] == '0') {
      size_t j = i;
      while (j < s.size() && model::IsDigit(s[j])) ++j;
      if (j - i >= 6 && (j == s.size() || s[j] == ' ')) {
        // Back over the post's words before the serial: the cut is where the page header starts.
        size_t b = i;
        while (b > 0 && s[b - 1] == ' ') --b;
        while (b > 0 && (model::IsUpper(s[b - 1]) || s[b - 1] == ' ')) --b;
        cut = std::min(cut, b);
        break;
      }
      i = j;
    }
  }
  return s.substr(0, cut);
}

// Portion marks written before a subject: "SUBJECT: (C) ..." — not words of the subject.
bool IsMarkWord(const std::string& w) {
  return w == "U" || w == "C" || w == "S" || w == "SBU" || w == "TS" || w == "NF" || w == "LOU";
}

void CheckTags(const AuditInput& in, std::vector<Finding>* out) {
  const Cable& c = *in.cable;
  size_t at = 0, off = 0;
  if (!FindKeywordLine(in, {"TAGS", "TAG"}, &at, &off)) return;
  // The line, and lines wrapped from it: capitals only, not another header part.
  std::string line(in.lines[at].substr(off));
  for (size_t j = at + 1; j < in.header_end && j < at + 4; ++j) {
    std::string_view l = in.lines[j];
    if (model::Trim(l).empty() || OpensHeaderPart(l) || HasLower(l) || !CanHoldTags(l)) break;
    line += " ";
    line += l;
  }
  // Tokens are what the line separates by spaces, commas and semicolons (US-IRAQ is one token),
  // compared squeezed. The record keeps each as a tag of its own: "CIA INRA INRO" kept as one tag
  // (08OSLO406) or "FBI JUS" (10KABUL62) leaves CIA, INRA, INRO / FBI, JUS out of `tags`.
  std::set<std::string> tags;
  // Words of a tag of several words that is a phrase or a name, not codes run together: TAGS codes
  // are 2-4 letters (RS, PREL, KDEM, NATO...), so a tag whose words all have 2-4 letters is codes
  // the record merged ("CIA INRA INRO", "FBI JUS"); one with a longer word or an initial is a
  // free-text tag or a person ("COUNTER TERRORISM" 04SANAA2346, "CLINTON, HILLARY"
  // 09STATE11937, "STEINBERG, JAMES B" 09BEIJING2963, "USEU BRUSSELS" 04BRUSSELS1868).
  std::set<std::string> phrase_words;
  std::set<std::string> one_word_tags;  // tags without a space: COUNTERTERRORISM
  for (const std::string& t : c.tags) {
    tags.insert(Squeeze(t));
    if (t.find_first_of(" ,") == std::string::npos) one_word_tags.insert(Squeeze(t));
    std::vector<std::string> tw = Words(t);
    if (tw.size() < 2) continue;
    bool codes = t.find(',') == std::string::npos;
    for (const std::string& w : tw) codes = codes && w.size() >= 2 && w.size() <= 4;
    if (!codes) phrase_words.insert(tw.begin(), tw.end());
  }
  // A token is also kept when it is a misspelt tag the record corrected (one letter off a tag:
  // PECON -> ECON 09BAGHDAD3195, MOPPS -> MOPS 09BEIRUT818, POGOV -> PGOV 09LONDON2222), or two
  // tags written without their space (KDEMAF -> KDEM AF, 09KABUL4150).
  auto kept = [&](const std::string& w) {
    if (tags.count(w) || phrase_words.count(w)) return true;
    for (const std::string& t : tags) {
      if (w.size() >= 4 && model::EditDistance(w, t, true, 2) <= 1) return true;
      if (w.size() > t.size() && w.compare(0, t.size(), t) == 0 && tags.count(w.substr(t.size()))) {
        return true;
      }
    }
    return false;
  };
  std::string missing;
  int n = 0;
  // The line ends where another header part starts on it (pages whose line ends were lost).
  std::string_view tags_text = CutAtNextHeaderPart(line);
  for (std::string_view k : {"SUBJECT", "SUBJ:"}) {
    size_t p = tags_text.find(k);
    if (p != std::string_view::npos) tags_text = tags_text.substr(0, p);
  }
  std::vector<std::string> words;
  for (std::string_view t : model::SplitWhitespace(tags_text)) {
    for (std::string_view piece : model::Split(t, ',')) {
      for (std::string_view part : model::Split(piece, ';')) {
        std::string w = Squeeze(part);
        if (!w.empty() && words.size() < 64) words.push_back(std::move(w));  // a TAGS line has < 20
      }
    }
  }
  // Consecutive tokens that are one tag squeezed: "COUNTER TERRORISM" kept as COUNTERTERRORISM
  // (04SANAA2346).
  std::vector<bool> joined(words.size(), false);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string run = words[i];
    for (size_t k = i + 1; k < words.size() && k < i + 4; ++k) {
      run += words[k];
      if (one_word_tags.count(run)) {
        for (size_t m = i; m <= k; ++m) joined[m] = true;
      }
    }
  }
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (joined[i] || kept(w)) continue;
    if (n++ < 5) missing += (missing.empty() ? "" : " ") + w;
  }
  if (n > 0) {
    out->push_back(Finding{Invariant::kTags,
                           "tags: " + std::to_string(n) + " token" + (n == 1 ? "" : "s") +
                               " of the TAGS line not in tags (" + missing + ")",
                           std::string(model::Trim(line)), model::Join(c.tags, " ")});
  }
}

void CheckSubject(const AuditInput& in, std::vector<Finding>* out) {
  const Cable& c = *in.cable;
  size_t at = 0, off = 0;
  if (!FindKeywordLine(in, {"SUBJECT", "SUBJ"}, &at, &off)) return;
  std::string_view first = CutAtNextHeaderPart(in.lines[at].substr(off));
  // A portion mark before the subject, with its caveats, is no subject word: "(S/REL UK) ..."
  // (10STATE9565), "(C/NF) ..." (08LONDON1991).
  std::string_view words_from = model::TrimLeft(first);
  if (!words_from.empty() && words_from[0] == '(') {
    size_t close = words_from.find(')');
    if (close != std::string_view::npos && close <= 24) {
      std::vector<std::string> mark = Words(words_from.substr(1, close - 1));
      if (!mark.empty() && IsMarkWord(mark[0])) words_from.remove_prefix(close + 1);
    }
  }
  std::vector<std::string> want = Words(words_from);
  // A typed line wraps near the right margin: a SUBJECT line of 50+ characters followed by a
  // non-blank line that opens no other header part goes on there (04MADRID961's peers).
  if (model::TrimRight(in.lines[at]).size() >= 50 && at + 1 < in.lines.size()) {
    std::string_view next = in.lines[at + 1];
    if (!model::Trim(next).empty() && !OpensHeaderPart(next) && Words(next).size() <= 12) {
      std::vector<std::string> more = Words(next);
      // Only the first word of the wrapped line: it starts the continuation for sure.
      if (!more.empty()) want.push_back(more[0]);
    }
  }
  while (!want.empty() && IsMarkWord(want.front())) want.erase(want.begin());
  if (want.empty()) return;
  std::vector<std::string> got_words = Words(c.subject);
  std::set<std::string> got(got_words.begin(), got_words.end());
  std::string missing;
  int n = 0;
  for (const std::string& w : want) {
    if (got.count(w)) continue;
    if (n++ < 5) missing += (missing.empty() ? "" : " ") + w;
  }
  if (n > 0) {
    out->push_back(Finding{Invariant::kSubject,
                           c.subject.empty()
                               ? "subject: a SUBJECT line in the text, none read"
                               : "subject: " + std::to_string(n) + " word" + (n == 1 ? "" : "s") +
                                     " of the SUBJECT line not in subject (" + missing + ")",
                           std::string(model::Trim(first)), c.subject});
    return;
  }
  // What is not subject but was kept in it: a portion mark at its start in any case or with a
  // caveat ("(s) germany..." 08BERLIN1068, "(S/REL UK) ARGENTINE..." 10STATE9565), a rule of
  // dashes (09HARARE888 "ZIM NOTES 11-09-2009 -----------"), a line-end "--" glued to the next
  // line's word (09SANAA2070 "IRAN --AND").
  std::string_view subj = model::Trim(c.subject);
  std::string problem;
  if (subj.size() >= 3 && subj[0] == '(') {
    size_t close = subj.find(')');
    if (close != std::string_view::npos && close <= 24) {
      std::vector<std::string> mark = Words(subj.substr(1, close - 1));
      if (!mark.empty() && IsMarkWord(mark[0])) {
        problem = "keeps the portion mark " + std::string(subj.substr(0, close + 1));
      }
    }
  }
  if (problem.empty() && subj.find("---") != std::string_view::npos) {
    problem = "keeps a rule of dashes";
  }
  if (problem.empty()) {
    for (size_t i = at; i < in.lines.size() && i < at + 4; ++i) {
      std::string_view l = model::TrimRight(in.lines[i]);
      if (l.size() < 2 || l.substr(l.size() - 2) != "--" || i + 1 >= in.lines.size()) continue;
      std::string_view next = model::TrimLeft(in.lines[i + 1]);
      if (next.empty() || !model::IsAlpha(next[0])) continue;
      std::string glued = "--" + std::string(next.substr(0, 1));
      if (subj.find(glued) != std::string_view::npos) {
        problem = "joins the line-end \"--\" to the next word without a space";
      }
      break;
    }
  }
  if (!problem.empty()) {
    out->push_back(Finding{Invariant::kSubject, "subject: " + problem,
                           std::string(model::Trim(first)), c.subject});
  }
}

}  // namespace

void CheckTagsAndSubject(const AuditInput& in, std::vector<Finding>* out) {
  CheckTags(in, out);
  CheckSubject(in, out);
}

}  // namespace cablebase::audit
