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
// into known 4-letter tags plus at most one geographic code.
//
// One right-to-left pass: cell i says how w[i:] decomposes best (the length of its first piece,
// fewest geographic codes), so every suffix is answered by the same table. Before issue 14 each
// cell copied the pieces of the rest and the glued-phrase search below re-ran the whole table for
// every cut: quadratic and worse, 19-26 s for a TAGS line running into a 100,000-letter word.
class GluedTable {
 public:
  explicit GluedTable(std::string_view w) : w_(w), cells_(w.size() + 1) {
    const size_t n = w.size();
    cells_[n].ok = true;
    size_t alpha_from = n;  // w[alpha_from:] is all letters
    for (size_t i = n; i-- > 0;) {
      if (!IsAlpha(w[i])) break;
      alpha_from = i;
      Cell& cell = cells_[i];
      for (size_t len : {4u, 2u, 3u}) {
        if (i + len > n || !cells_[i + len].ok) continue;
        std::string_view piece = w.substr(i, len);
        bool is4 = len == 4 && (model::IsSubjectTag(piece) || piece[0] == 'K');
        bool is2 = len == 2 && model::IsGeographicCode(piece);
        bool is3 = len == 3 && model::IsKeywordTag(piece);
        if (!is4 && !is2 && !is3) continue;
        const Cell& rest = cells_[i + len];
        int geo = rest.geo + (is2 ? 1 : 0);
        if (geo > 1) continue;
        if (!cell.ok || geo < cell.geo) {
          cell.ok = true;
          cell.geo = geo;
          cell.len = static_cast<unsigned char>(len);
          cell.pieces = rest.pieces + 1;
          cell.has4 = rest.has4 || is4;
        }
      }
    }
    alpha_from_ = alpha_from;
  }
  // The pieces of w[i:], or empty when it is shorter than 6 letters, holds a non-letter, does not
  // decompose or has no 4-letter tag.
  std::vector<std::string> Pieces(size_t i) const {
    if (w_.size() - i < 6 || i < alpha_from_ || !cells_[i].ok || !cells_[i].has4) return {};
    std::vector<std::string> out;
    for (size_t k = i; k < w_.size(); k += cells_[k].len) out.emplace_back(w_.substr(k, cells_[k].len));
    return out;
  }
  size_t PieceCount(size_t i) const {
    if (w_.size() - i < 6 || i < alpha_from_ || !cells_[i].ok || !cells_[i].has4) return 0;
    return static_cast<size_t>(cells_[i].pieces);
  }

 private:
  struct Cell {
    bool ok = false;
    bool has4 = false;
    unsigned char len = 0;
    int geo = 0;
    int pieces = 0;
  };
  std::string_view w_;
  std::vector<Cell> cells_;
  size_t alpha_from_ = 0;
};


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

// True when `s` holds a word of two or more letters standing alone (not glued to digits): what a
// TAGS continuation line is made of ("CU, DR, EC, ES", "HILLARY)"). Printout debris that FOIA
// printouts put after the TAGS line has none: "642BD1 040232Z /38" (corpus-more foia-text
// C06694864), "3802DF 110138Z /38," (C06697877), "/" (C06697774), "---" and "1-3°5111,T °"
// (C06694647). Linear.
bool HasTagWord(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (!model::IsAlpha(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && model::IsAlpha(s[j])) ++j;
    bool glued = (i > 0 && model::IsDigit(s[i - 1])) || (j < s.size() && model::IsDigit(s[j]));
    if (j - i >= 2 && !glued) return true;
    i = j;
  }
  return false;
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
    // Unknown words that are all acronym-shaped (2-4 letters) are separate tags, not a phrase:
    // "TAGS: CIA INRA INRO PGOV" (08OSLO406), "FBI JUS PGOV" (10KABUL62), "OTRA AORC CTM SCCC".
    // A free-text phrase holds a longer word ("GOI EXTERNAL", "TIP IN TURKEY", golden).
    bool acronyms = pending_.size() >= 2;
    for (const std::string& w : pending_) acronyms &= w.size() >= 2 && w.size() <= 4 && AllAlpha(w);
    if (acronyms) {
      for (const std::string& w : pending_) Emit(w);
      pending_.clear();
      return;
    }
    std::string phrase = model::Join(pending_, " ");
    pending_.clear();
    Emit(model::CanonicalPhraseTag(phrase));
  }
  void AddSegment(const std::vector<std::string>& words) {
    for (size_t i = 0; i < words.size();) {
      const std::string& w = words[i];
      // Known phrases are a few words long: look at the next kMaxPhraseWords only (copying every
      // remaining word at every word was quadratic in the line).
      constexpr size_t kMaxPhraseWords = 8;
      std::vector<std::string_view> views(
          words.begin() + i, words.begin() + std::min(words.size(), i + kMaxPhraseWords));
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
      GluedTable glued(w);
      if (std::vector<std::string> pieces = glued.Pieces(0); !pieces.empty()) {
        Flush();
        for (std::string& p : pieces) Emit(p);
        ++i;
        continue;
      }
      // A phrase word glued to tags ("HUMAN RIGHTSPOLMIL" → "HUMAN RIGHTS", "POL", "MIL").
      bool split = false;
      for (size_t cut = 4; cut + 6 <= w.size() && !split; ++cut) {
        std::vector<std::string> pieces;
        if (glued.PieceCount(cut) >= 2) pieces = glued.Pieces(cut);
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
      if (!HasTagWord(t)) break;  // printout debris, not tags
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
      // A word without a letter or digit is a rule or OCR debris, never a tag ("(TALBOTT,
      // STROBE)---", corpus-more foia-text C06694647).
      bool alnum = false;
      for (char ch : w) alnum = alnum || model::IsAlnum(ch);
      if (alnum) words.push_back(w);
      i = j;
    }
  }
  end_segment();
  return collector.Take();
}

}  // namespace cablebase::parse
