// Finding the classification line of a telegram and splitting header from text at it.
#include "read/classification_line.h"

#include <vector>

#include "model/text_util.h"

namespace cablebase::read {
namespace {

using model::IsAlnum;
using model::IsAlpha;
using model::IsDigit;
using model::IsSpace;
using model::ToUpperChar;
constexpr size_t npos = std::string_view::npos;

// Classification words without spaces, longest first so UNCLASSIFIED is tried before UNCLAS.
constexpr std::string_view kMarkers[] = {"LIMITEDOFFICIALUSE", "UNCLASSIFIED", "CONFIDENTIAL",
                                         "TOPSECRET",          "UNCLAS",       "SECRET"};
// Words that may follow a bare marker on its line (FORMAT.md §3 caveats and the EFTO of UNCLAS).
constexpr std::string_view kCaveatWords[] = {
    "EFTO",      "E",        "F",        "T",      "O",    "NOFORN", "SIPDIS",       "SENSITIVE",
    "NODIS",     "EXDIS",    "LIMDIS",   "STADIS", "SBU",  "FOUO",   "ORCON",        "NOCONTRACT",
    "PROPIN",    "FOR",      "OFFICIAL", "USE",    "ONLY", "BUT",    "UNCLASSIFIED", "SPECAT",
    "EXCLUSIVE", "CHEROKEE", "ROGER",    "NIACT"};
constexpr int kMaxSpacesBetweenLetters = 3;
constexpr size_t kMaxTail = 300;  // bytes of a line looked at after the marker
constexpr int kMaxPostWords = 6;
constexpr size_t kMaxSerialDigits = 7;

enum class LineKind { kNone, kBare, kFull };

struct MarkerMatch {
  size_t end = npos;    // offset in the line after the marker
  bool spaced = false;  // letters were separated by spaces
  bool upper = true;    // every letter was upper case
};

// Matches `word` (letters only) at line[p], allowing up to kMaxSpacesBetweenLetters spaces
// between letters; then requires a word boundary.
MarkerMatch MatchWord(std::string_view line, size_t p, std::string_view word) {
  MarkerMatch m;
  size_t i = p;
  for (size_t k = 0; k < word.size(); ++k) {
    if (k > 0) {
      int n = 0;
      while (n < kMaxSpacesBetweenLetters && i < line.size() && line[i] == ' ') {
        ++i;
        ++n;
      }
      if (n > 0) m.spaced = true;
    }
    if (i >= line.size()) return MarkerMatch{};
    const char c = line[i];
    if (ToUpperChar(c) != word[k]) return MarkerMatch{};
    if (c != word[k]) m.upper = false;
    ++i;
  }
  if (i < line.size() && IsAlnum(line[i])) return MarkerMatch{};
  m.end = i;
  return m;
}

// The marker at line[p], or end == npos. At a line start, damaged forms are accepted too.
MarkerMatch MatchMarker(std::string_view line, size_t p, bool line_start) {
  for (std::string_view word : kMarkers) {
    MarkerMatch m = MatchWord(line, p, word);
    if (m.end == npos && line_start) {
      // One stray letter before the marker: the first letter doubled ("UUNCLAS MANAGUA",
      // "SS E C R E T TUNIS") or, before a letter-spaced marker, any letter ("CSE C R E T
      // SECTION 01 OF 02 SHENYANG 000004", 09MOSCOW1108).
      if (p + 1 < line.size() && model::IsUpper(line[p])) {
        MarkerMatch s = MatchWord(line, p + 1, word);
        if (s.end != npos && (line[p] == word[0] || s.spaced)) m = s;
      }
      // "O N F I D E N T I A L BAGHDAD", "E C R E T SANAA": the first letter lost (spaced only).
      if (m.end == npos) {
        MarkerMatch d = MatchWord(line, p, word.substr(1));
        if (d.end != npos && d.spaced && word.size() >= 6) m = d;
      }
    }
    if (m.end == npos) continue;
    // Mixed or lower case only when letter-spaced ("C o n f i d e n t i a l", 04ANKARA348);
    // otherwise prose ("Secret talks ...") would match.
    if (!m.upper && !m.spaced) return MarkerMatch{};
    return m;
  }
  return MarkerMatch{};
}

bool IsCaveatWord(std::string_view t) {
  for (std::string_view w : kCaveatWords) {
    if (model::EqualsIgnoreCase(t, w)) return true;
  }
  return false;
}

bool IsWordToken(std::string_view t) {
  if (t.empty() || !IsAlpha(t[0])) return false;
  for (char c : t) {
    if (!IsAlpha(c) && c != '.' && c != '\'' && c != '-' && c != '&') return false;
  }
  return true;
}

struct Tail {
  LineKind kind = LineKind::kNone;
  bool clean = false;  // nothing but spaces after the serial
};

// Classifies what follows the marker on its line.
Tail ClassifyTail(std::string_view rest) {
  if (rest.size() > kMaxTail) rest = rest.substr(0, kMaxTail);
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < rest.size()) {
    while (i < rest.size() && (IsSpace(rest[i]) || rest[i] == '/')) ++i;
    const size_t b = i;
    while (i < rest.size() && !IsSpace(rest[i]) && rest[i] != '/') ++i;
    if (i > b) tokens.push_back(rest.substr(b, i - b));
  }
  Tail tail;
  bool all_caveats = true;
  for (std::string_view t : tokens) all_caveats = all_caveats && IsCaveatWord(t);
  if (all_caveats) {
    tail.kind = LineKind::kBare;
    return tail;
  }
  int post_words = 0;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const std::string_view t = tokens[k];
    const bool after_section = k > 0 && (model::EqualsIgnoreCase(tokens[k - 1], "SECTION") ||
                                         model::EqualsIgnoreCase(tokens[k - 1], "OF"));
    if (model::IsAllDigits(t)) {
      if (after_section) continue;
      // A year before the post: "C O N F I D E N T I A L 75 LIBREVILLE 1895" (7575LIBREVILLE1895).
      if (post_words == 0 && (t.size() == 2 || t.size() == 4)) continue;
      if (post_words == 0 || t.size() > kMaxSerialDigits) return Tail{};
      tail.kind = LineKind::kFull;
      tail.clean = k + 1 == tokens.size();
      return tail;
    }
    if (!IsWordToken(t)) return Tail{};
    if (model::EqualsIgnoreCase(t, "SECTION") || model::EqualsIgnoreCase(t, "OF")) {
      post_words = 0;
      continue;
    }
    if (IsCaveatWord(t) && post_words == 0) continue;
    if (++post_words > kMaxPostWords) return Tail{};
  }
  return Tail{};
}

// True for a line that belongs to the text header (only found after the classification line).
bool IsTextHeaderLine(std::string_view line) {
  line = model::TrimLeft(line);
  return model::StartsWithIgnoreCase(line, "SUBJECT") ||
         model::StartsWithIgnoreCase(line, "TAGS") || model::StartsWithIgnoreCase(line, "E.O.") ||
         model::StartsWithIgnoreCase(line, "E. O.") || model::StartsWithIgnoreCase(line, "EO 1");
}

// Offset of the first message-header originator line ("FM <originator>" followed within three
// lines by a "TO " line), or npos.
size_t FindMessageHeader(std::string_view text) {
  size_t b = 0;
  while (b < text.size()) {
    size_t e = text.find('\n', b);
    if (e == npos) e = text.size();
    const std::string_view line = model::TrimLeft(text.substr(b, e - b));
    if (line.size() > 3 && line.substr(0, 3) == "FM ") {
      size_t nb = e + 1;
      for (int k = 0; k < 3 && nb < text.size(); ++k) {
        size_t ne = text.find('\n', nb);
        if (ne == npos) ne = text.size();
        if (model::TrimLeft(text.substr(nb, ne - nb)).substr(0, 3) == "TO ") return b;
        nb = ne + 1;
      }
    }
    if (e == text.size()) break;
    b = e + 1;
  }
  return npos;
}

std::optional<ClassificationLineSpan> FindFrom(std::string_view text, size_t from) {
  std::optional<ClassificationLineSpan> first_bare;
  bool text_header_after_bare = false;
  size_t b = from;
  while (b <= text.size()) {
    size_t e = text.find('\n', b);
    if (e == npos) e = text.size();
    const std::string_view line = text.substr(b, e - b);
    if (first_bare && !text_header_after_bare && IsTextHeaderLine(line)) {
      text_header_after_bare = true;
    }
    auto found = [&](size_t marker, bool glued, LineKind kind) {
      ClassificationLineSpan span;
      span.line_begin = b;
      span.marker = b + marker;
      span.line_end = e;
      span.glued = glued;
      span.full = kind == LineKind::kFull;
      return span;
    };
    size_t start = 0;
    while (start < line.size() && (line[start] == ' ' || line[start] == '\t')) ++start;
    if (start < line.size()) {
      const MarkerMatch m = MatchMarker(line, start, /*line_start=*/true);
      if (m.end != npos) {
        const Tail tail = ClassifyTail(line.substr(m.end));
        if (tail.kind == LineKind::kFull) {
          if (first_bare && text_header_after_bare) return first_bare;
          return found(start, false, LineKind::kFull);
        }
        if (tail.kind == LineKind::kBare && !first_bare) {
          first_bare = found(start, false, LineKind::kBare);
        }
      }
      for (size_t p = start + 1; p < line.size(); ++p) {
        const char c = line[p];
        if (c != 'U' && c != 'C' && c != 'S' && c != 'T' && c != 'L') continue;
        const bool after_space = IsSpace(line[p - 1]);
        const MarkerMatch g = MatchMarker(line, p, /*line_start=*/false);
        if (g.end == npos || !g.upper) continue;
        const Tail tail = ClassifyTail(line.substr(g.end));
        if (tail.kind != LineKind::kFull || (after_space && !tail.clean)) continue;
        if (first_bare && text_header_after_bare) return first_bare;
        return found(p, true, LineKind::kFull);
      }
    }
    if (e == text.size()) break;
    b = e + 1;
  }
  return first_bare;
}

}  // namespace

std::optional<ClassificationLineSpan> FindClassificationLine(std::string_view text) {
  // The classification line follows the message header; a line before it belongs to a printout
  // banner ("S E C R E T        DOHA 00214" above the routing lines of 09DOHA214; a bare
  // "CONFIDENTIAL" and "TAGS:" in the banner of 03ABUDHABI2641).
  const size_t fm = FindMessageHeader(text);
  if (fm != npos) {
    if (std::optional<ClassificationLineSpan> span = FindFrom(text, fm)) return span;
  }
  return FindFrom(text, 0);
}

HeaderAndText SplitHeaderAndText(std::string_view all) {
  HeaderAndText out;
  const std::optional<ClassificationLineSpan> span = FindClassificationLine(all);
  if (!span) {
    out.text = std::string(all);
    return out;
  }
  std::string_view header = all.substr(0, span->glued ? span->marker : span->line_begin);
  // Blank lines around the header carry nothing; trailing spaces are the glue point's.
  while (!header.empty() && IsSpace(header.back())) header.remove_suffix(1);
  size_t lead = 0;
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == '\n')
      lead = i + 1;
    else if (!IsSpace(header[i]))
      break;
  }
  header.remove_prefix(lead);
  out.header = std::string(header);
  out.text = std::string(all.substr(span->marker));
  return out;
}

}  // namespace cablebase::read
