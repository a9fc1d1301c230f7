// Audit of `tags` and `subject`: the TAGS and SUBJECT lines of the text are in the record.
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
    if (model::Trim(l).empty() || OpensHeaderPart(l) || HasLower(l)) break;
    line += " ";
    line += l;
  }
  std::string all;  // every tag squeezed: "PRELPGOVSPPSOE" — glued or split tokens still match
  for (const std::string& t : c.tags) all += Squeeze(t);
  std::string missing;
  int n = 0;
  for (const std::string& w : Words(line)) {
    if (all.find(w) != std::string::npos) continue;
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
  std::string_view first = in.lines[at].substr(off);
  std::vector<std::string> want = Words(first);
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
  }
}

}  // namespace

void CheckTagsAndSubject(const AuditInput& in, std::vector<Finding>* out) {
  CheckTags(in, out);
  CheckSubject(in, out);
}

}  // namespace cablebase::audit
