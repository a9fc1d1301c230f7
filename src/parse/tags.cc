// The TAGS line: subject, geographic, program, person and organisation tags, canonicalised.
#include <algorithm>
#include <cstdlib>

#include "model/tag_kind.h"
#include "model/text_util.h"
#include "parse/header_lines.h"
#include "parse/text_header.h"

namespace cablebase::parse {

namespace {

using model::IsAlpha;

bool AllAlpha(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!IsAlpha(c)) return false;
  }
  return true;
}

// A tag recognised on its own: a known subject TAG, a K program tag, a 2-letter geographic code,
// a known organisation or keyword.
bool IsKnownTag(std::string_view w) {
  if (w.size() == 2 && AllAlpha(w)) return true;
  if (w.size() == 4 && w[0] == 'K' && AllAlpha(w)) return true;
  return model::IsSubjectTag(w) || model::IsOrganizationTag(w) || model::IsKeywordTag(w);
}

// Splits glued tags ("KFRDKIRFCVISCMGTKOCIASECPHUMSMIGEG", "PHUMBA", "VTPREL", golden parse_tags)
// into known 4-letter tags plus at most one geographic code. Empty when `w` does not decompose.
std::vector<std::string> SplitGlued(std::string_view w) {
  const size_t n = w.size();
  if (n < 6 || !AllAlpha(w)) return {};
  // best[i] = pieces for w[i:], or nullopt; prefer fewer geographic codes.
  struct Cell {
    bool ok = false;
    int geo = 0;
    std::vector<std::string> pieces;
  };
  std::vector<Cell> best(n + 1);
  best[n].ok = true;
  for (size_t i = n; i-- > 0;) {
    for (size_t len : {4u, 2u, 3u}) {
      if (i + len > n || !best[i + len].ok) continue;
      std::string_view piece = w.substr(i, len);
      bool is4 = len == 4 && (model::IsSubjectTag(piece) || piece[0] == 'K');
      bool is2 = len == 2 && model::IsGeographicCode(piece);
      bool is3 = len == 3 && model::IsKeywordTag(piece);
      if (!is4 && !is2 && !is3) continue;
      int geo = best[i + len].geo + (is2 ? 1 : 0);
      if (geo > 1) continue;
      if (!best[i].ok || geo < best[i].geo) {
        best[i].ok = true;
        best[i].geo = geo;
        best[i].pieces = {std::string(piece)};
        best[i].pieces.insert(best[i].pieces.end(), best[i + len].pieces.begin(),
                              best[i + len].pieces.end());
      }
    }
  }
  if (!best[0].ok) return {};
  bool has4 = false;
  for (const std::string& p : best[0].pieces) has4 |= p.size() == 4;
  return has4 ? best[0].pieces : std::vector<std::string>{};
}


// A lone misspelt tag ("MOPPS" → "MOPS", "UNDESCO" → "UNESCO", golden parse_tags): the unique
// known subject TAG or organisation at edit distance 1. Empty when none or ambiguous.
std::string FixTypo(std::string_view w) {
  if (w.size() < 5 || w.size() > 8 || !AllAlpha(w)) return {};
  static constexpr std::string_view kCandidates[] = {
      "PREL", "PGOV", "PTER", "PINR", "ECON", "MARR", "PHUM", "MOPS", "PARM", "EFIN", "MASS",
      "PINS", "SOCI", "ENRG", "EAID", "SNAR", "ETRD", "ASEC", "MNUC", "SENV", "EINV", "MCAP",
      "UNESCO", "UNHCR", "UNICEF", "NATO", "OSCE", "IAEA"};
  std::string found;
  for (std::string_view c : kCandidates) {
    if (model::EditDistance(w, c, /*transpositions=*/false, 1) == 1) {
      if (!found.empty()) return {};
      found = std::string(c);
    }
  }
  return found;
}

// Where the TAGS label is: returns the offset after the label and its separator, or npos.
size_t FindTagsLabel(std::string_view text) {
  size_t best = std::string_view::npos, best_after = 0;
  struct L {
    std::string_view label;
    bool needs_colon;
  };
  for (L l : {L{"TAGS", false}, L{"TAG", false}, L{"TAGES", false}, L{"TAS", true},
              L{"AGS", true}}) {
    size_t p = internal::FindLabel(text, l.label);
    while (p != std::string_view::npos) {
      size_t after = p + l.label.size();
      bool line_start = p == 0 || text[p - 1] == '\n' ||
                        model::Trim(text.substr(text.rfind('\n', p) == std::string_view::npos
                                                    ? 0
                                                    : text.rfind('\n', p) + 1,
                                                p - (text.rfind('\n', p) == std::string_view::npos
                                                         ? 0
                                                         : text.rfind('\n', p) + 1)))
                            .empty();
      bool sep = after < text.size() && (text[after] == ':' || text[after] == ';' ||
                                         text[after] == ',');
      bool space = after < text.size() && (text[after] == ' ' || text[after] == '\t');
      bool upper_label = model::IsUpper(text[p]);
      bool ok = l.needs_colon ? sep : ((line_start && (sep || space)) ||
                                       (sep && p > 0 && text[p - 1] == ' ') ||
                                       (upper_label && space && p > 0 && text[p - 1] == ' ' &&
                                        l.label == "TAGS"));
      if (ok) {
        if (p < best) {
          best = p;
          best_after = after + (sep ? 1 : 0);
        }
        break;
      }
      p = internal::FindLabel(text, l.label, p + 1);
    }
  }
  return best == std::string_view::npos ? best : best_after;
}

bool HasLower(std::string_view s) {
  for (char c : s) {
    if (model::IsLower(c)) return true;
  }
  return false;
}

// Cuts the tags text at a page header glued into it ("TBIO, UNCLASSIFIED    PAGE 02 VATICA
// 00283 ...", "PE   SECRET   PAGE 02 LIMA 02475", golden parse_tags).
size_t PageHeaderStart(std::string_view u) {
  size_t p = u.find("PAGE ");
  while (p != std::string_view::npos) {
    if (p + 7 <= u.size() && model::IsDigit(u[p + 5]) && model::IsDigit(u[p + 6])) {
      // Also drop the classification banner right before it.
      size_t start = p;
      std::string_view before = model::TrimRight(u.substr(0, p));
      for (std::string_view cls : {"UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "LIMITED OFFICIAL USE"}) {
        if (before.size() >= cls.size() && before.substr(before.size() - cls.size()) == cls) {
          start = before.size() - cls.size();
          break;
        }
      }
      return start;
    }
    p = u.find("PAGE ", p + 1);
  }
  return std::string_view::npos;
}

class TagCollector {
 public:
  void Emit(std::string tag) {
    tag = std::string(model::Trim(tag));
    if (tag.empty() || tag == "SIPDIS") return;
    if (std::find(tags_.begin(), tags_.end(), tag) == tags_.end()) tags_.push_back(tag);
  }
  void Flush() {
    if (pending_.empty()) return;
    std::string phrase = model::Join(pending_, " ");
    pending_.clear();
    Emit(model::CanonicalPhraseTag(phrase));
  }
  void AddSegment(const std::vector<std::string>& words) {
    for (size_t i = 0; i < words.size();) {
      const std::string& w = words[i];
      std::vector<std::string_view> views(words.begin() + i, words.end());
      if (size_t m = model::MatchKnownPhrase(views.data(), views.size()); m > 0) {
        Flush();
        std::vector<std::string> pw(words.begin() + i, words.begin() + i + m);
        Emit(model::CanonicalPhraseTag(model::Join(pw, " ")));
        i += m;
        continue;
      }
      bool next_unknown = i + 1 < words.size() && !IsKnownTag(words[i + 1]);
      if (w.size() == 2 && AllAlpha(w) && !pending_.empty() && next_unknown) {
        pending_.push_back(w);  // "TIP IN TURKEY": a short word inside a phrase
        ++i;
        continue;
      }
      if (IsKnownTag(w) || w == "SIPDIS") {
        Flush();
        Emit(w);
        ++i;
        continue;
      }
      if (i + 1 < words.size() && AllAlpha(w) && model::IsGivenName(words[i + 1])) {
        Flush();
        Emit(model::CanonicalPersonTag(w + ", " + words[i + 1]));
        i += 2;
        continue;
      }
      if (std::vector<std::string> pieces = SplitGlued(w); !pieces.empty()) {
        Flush();
        for (std::string& p : pieces) Emit(p);
        ++i;
        continue;
      }
      // A phrase word glued to tags ("HUMAN RIGHTSPOLMIL" → "HUMAN RIGHTS", "POL", "MIL").
      bool split = false;
      for (size_t cut = 4; cut + 6 <= w.size() && !split; ++cut) {
        std::vector<std::string> pieces = SplitGlued(w.substr(cut));
        if (pieces.size() < 2) {
          // also accept suffixes made only of keywords ("POLMIL")
          std::string_view suffix = std::string_view(w).substr(cut);
          if (suffix.size() == 6 && model::IsKeywordTag(suffix.substr(0, 3)) &&
              model::IsKeywordTag(suffix.substr(3))) {
            pieces = {std::string(suffix.substr(0, 3)), std::string(suffix.substr(3))};
          } else {
            continue;
          }
        }
        pending_.push_back(w.substr(0, cut));
        Flush();
        for (std::string& p : pieces) Emit(p);
        split = true;
      }
      if (split) {
        ++i;
        continue;
      }
      bool isolated = pending_.empty() && (i + 1 >= words.size() || IsKnownTag(words[i + 1]));
      if (isolated) {
        if (std::string fixed = FixTypo(w); !fixed.empty()) {
          Emit(fixed);
          ++i;
          continue;
        }
      }
      pending_.push_back(w);
      ++i;
    }
    Flush();
  }
  std::vector<std::string> Take() { return std::move(tags_); }

 private:
  std::vector<std::string> pending_;
  std::vector<std::string> tags_;
};

}  // namespace

std::vector<std::string> ParseTags(std::string_view text) {
  size_t start = FindTagsLabel(text);
  if (start == std::string_view::npos) return {};
  // The label's line, then continuation lines: after a trailing comma, or upper-case lines that
  // are not another header field ("NATO, UK, CN" after "TAGS: OVIP CLINTON HILLARY ... RS").
  std::string body;
  std::vector<std::string_view> lines = model::SplitLines(text.substr(start));
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (i > 0) {
      std::string_view t = model::Trim(line);
      std::string_view prev = model::TrimRight(lines[i - 1]);
      bool comma = !prev.empty() && prev.back() == ',';
      if (t.empty() || internal::StartsHeaderField(t)) break;
      if (!comma && HasLower(t)) break;
      std::string u = model::ToUpperAscii(internal::CollapseLetterSpacing(t));
      size_t used = 0;
      if (!internal::MatchClassification(u, &used).empty()) break;
    }
    // The line ends at an inline SUBJECT label ("Tags: prel, pgov, pins, tu Subject: turkish").
    std::string u = model::ToUpperAscii(line);
    size_t cut = u.size();
    for (std::string_view label : {"SUBJECT", "SUBJ:", "E.O.", "REF:"}) {
      size_t p = internal::FindLabel(u, label);
      if (p != std::string::npos && p < cut) cut = p;
    }
    body += u.substr(0, cut);
    body.push_back('\n');
    if (cut < u.size()) break;
  }
  if (size_t p = PageHeaderStart(body); p != std::string::npos) body.resize(p);

  TagCollector collector;
  std::vector<std::string> words;
  auto end_segment = [&] {
    collector.AddSegment(words);
    words.clear();
  };
  for (size_t i = 0; i < body.size();) {
    char c = body[i];
    if (c == ',' || c == ';') {
      end_segment();
      ++i;
    } else if (c == '(') {
      // "(CLINTON, HILLARY)": a person tag in parentheses.
      size_t close = body.find(')', i);
      if (close == std::string::npos) {
        ++i;
        continue;
      }
      end_segment();
      std::string inner = model::CollapseWhitespace(std::string_view(body).substr(i + 1, close - i - 1));
      if (inner.find(',') != std::string::npos) {
        collector.Emit(model::CanonicalPersonTag(inner));
      } else {
        words.push_back(inner);
        end_segment();
      }
      i = close + 1;
    } else if (model::IsSpace(c) || c == ':' || c == '.') {
      ++i;
    } else {
      size_t j = i;
      while (j < body.size() && !model::IsSpace(body[j]) && body[j] != ',' && body[j] != ';' &&
             body[j] != '(') {
        ++j;
      }
      std::string w = body.substr(i, j - i);
      while (!w.empty() && (w.back() == '.' || w.back() == ':')) w.pop_back();
      if (!w.empty()) words.push_back(w);
      i = j;
    }
  }
  end_segment();
  return collector.Take();
}

}  // namespace cablebase::parse
