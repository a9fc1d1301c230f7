// The classification line: "C O N F I D E N T I A L SECTION 01 OF 10 MOSCOW 005645".
#include <optional>

#include "model/text_util.h"
#include "parse/header_lines.h"
#include "parse/text_header.h"

namespace cablebase::parse {

namespace {

using internal::CollapseLetterSpacing;
using internal::MatchCaveat;
using internal::MatchClassification;
using model::IsAllDigits;
using model::IsDigit;
using model::IsSpace;

// Reads "[caveats] [SECTION nn OF nn] POST WORDS SERIAL" after the classification word.
// Returns false when no post + serial follows.
bool ReadPostAndSerial(std::string_view rest, ClassificationLine* out) {
  std::vector<std::string_view> words = model::SplitWhitespace(rest);
  size_t k = 0;
  // Caveats on the same line before the post ("UNCLAS EFTO", "SECRET NOFORN", "SECRET//NOFORN").
  while (k < words.size()) {
    std::string w = model::ToUpperAscii(words[k]);
    while (!w.empty() && (w[0] == '/' || w[0] == '-')) w.erase(0, 1);
    size_t used = 0;
    if (!w.empty() && !MatchCaveat(w, &used).empty() && used == w.size()) {
      ++k;
    } else if (w.empty()) {
      ++k;
    } else {
      break;
    }
  }
  // SECTION nn OF nn (also "SECTION 1 OF 2", "SECTION: 01 OF 03").
  if (k < words.size() && model::StartsWithIgnoreCase(words[k], "SECTION")) {
    std::string_view w = words[k];
    std::string_view num = w.substr(7);
    while (!num.empty() && num[0] == ':') num.remove_prefix(1);
    size_t j = k + 1;
    if (num.empty() && j < words.size()) num = words[j++];
    if (j + 1 < words.size() && model::EqualsIgnoreCase(words[j], "OF") &&
        IsAllDigits(num) && IsAllDigits(words[j + 1])) {
      out->section_number = model::ParseSmallInt(num.substr(0, 6));
      out->section_count = model::ParseSmallInt(words[j + 1].substr(0, 6));
      k = j + 2;
    }
  }
  // A 2-digit year before the post in older cables (75LIBREVILLE1895 "C O N F I D E N T I A L
  // 75 LIBREVILLE 1895").
  if (k + 2 < words.size() && words[k].size() == 2 && IsAllDigits(words[k]) &&
      model::IsAlpha(words[k + 1][0])) {
    ++k;
  }
  // POST WORDS then SERIAL (the first all-digit word).
  std::string post;
  for (size_t j = k; j < words.size(); ++j) {
    std::string_view w = words[j];
    if (IsAllDigits(w)) {
      // A continuation-page banner "UNCLASSIFIED PAGE 02 VATICA 00283" is not the line.
      if (post.empty() || w.size() > 7 || model::EqualsIgnoreCase(post, "PAGE")) return false;
      out->post = model::ToUpperAscii(post);
      out->serial = std::string(w);
      return true;
    }
    bool wordlike = !w.empty();
    for (char c : w) {
      wordlike &= model::IsAlpha(c) || c == '-' || c == '\'' || c == '.' ||
                  static_cast<unsigned char>(c) >= 0x80;
    }
    if (!wordlike || j - k >= 4) return false;
    if (!post.empty()) post.push_back(' ');
    post += w;
  }
  return false;
}

// Tries to read a classification line starting at `line` (already letter-spacing-collapsed).
std::optional<ClassificationLine> TryLine(std::string_view line);

// A doubled or split first letter before a letter-spaced word ("SS E C R E T MOSCOW 000226",
// 09MOSCOW226; "CO N F I D E N T I A L", 08PARIS1501; "CC O N F I D...", 09SAOPAULO104), or a stray
// letter glued to its first two ("CSE C R E T SECTION 01 OF 02 SHENYANG 000004", 09MOSCOW1108):
// collapsing leaves "SS ECRET" / "CSE CRET"; joining the first two tokens gives "SSECRET" /
// "CSECRET", read with at most two skipped letters (TryLine), so a first token of up to 3 letters
// can only ever join into a marker that starts inside it.
std::optional<ClassificationLine> TryJoinedFirstTokens(std::string_view line) {
  std::string_view t = model::Trim(line);
  size_t sp = t.find(' ');
  if (sp == std::string_view::npos || sp > 3) return std::nullopt;
  std::string joined = std::string(t.substr(0, sp)) + std::string(t.substr(sp + 1));
  return TryLine(joined);
}

std::optional<ClassificationLine> TryLine(std::string_view line) {
  std::string upper = model::ToUpperAscii(model::Trim(line));
  // Junk before the classification word, e.g. a stray character (09MOSCOW1108 "CSE C R E T").
  for (size_t skip = 0; skip <= 2 && skip < upper.size(); ++skip) {
    size_t used = 0;
    std::string cls = MatchClassification(std::string_view(upper).substr(skip), &used);
    if (cls.empty()) continue;
    if (skip > 0 && cls != "SECRET" && cls != "CONFIDENTIAL") continue;
    ClassificationLine cl;
    cl.classification = cls;
    ReadPostAndSerial(std::string_view(upper).substr(skip + used), &cl);
    return cl;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ClassificationLine> ParseClassificationLine(std::string_view text) {
  std::vector<internal::Line> lines = internal::LinesWithOffsets(text);
  std::optional<ClassificationLine> banner;  // a classification word without post/serial
  size_t nonblank = 0;
  for (const internal::Line& l : lines) {
    if (model::Trim(l.text).empty()) continue;
    if (++nonblank > 40) break;
    std::string collapsed = CollapseLetterSpacing(l.text);
    std::optional<ClassificationLine> cl = TryLine(collapsed);
    if (!cl) cl = TryJoinedFirstTokens(collapsed);
    if (!cl) {
      // The alx layout glues the header's last line to the classification line
      // ("AMCONSUL VLADIVOSTOKUNCLAS VLADIVOSTOK 000068", FORMAT.md §1).
      std::string upper = model::ToUpperAscii(collapsed);
      for (std::string_view word : {"UNCLAS", "CONFIDENTIAL", "SECRET", "LIMITED OFFICIAL USE"}) {
        size_t pos = upper.find(word);
        if (pos == std::string::npos || pos == 0) continue;
        std::optional<ClassificationLine> glued = TryLine(std::string_view(upper).substr(pos));
        if (glued && !glued->serial.empty()) {
          cl = glued;
          break;
        }
      }
    }
    if (!cl) continue;
    cl->end = l.next;
    if (!cl->serial.empty()) return cl;
    if (!banner) banner = cl;
  }
  return banner;
}

}  // namespace cablebase::parse
