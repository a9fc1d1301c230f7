// The REF block: labelled entries, cable references (year, post, serial) and other documents.
#include <algorithm>
#include <cstdlib>
#include <set>

#include "model/reference_id.h"
#include "model/text_util.h"
#include "parse/body_lines.h"
#include "parse/header_lines.h"
#include "parse/text_header.h"

namespace cablebase::parse {

namespace {

using model::IsAlpha;
using model::IsDigit;
using model::IsSpace;

// A word of a REF entry is read as a misspelled post only from 6 letters ("Colomobo 2304", golden
// 02COLOMBO2314; "BRASILA"): "PARAS 3" is paragraphs, not PARIS (reference_id.h).
constexpr size_t kMinMisspelledPost = 6;

// Offset just after the REF label ("REF:", "REFS:", "REFTEL:", "Ref(s):", "REF."), or npos.
size_t FindRefLabel(std::string_view text, size_t* label_pos) {
  std::string u = model::ToUpperAscii(text);
  size_t p = u.find("REF");
  while (p != std::string::npos) {
    size_t j = p + 3;
    for (std::string_view tail : {"ERENCES", "ERENCE", "TELS", "TEL", "(S)", "S"}) {
      if (u.compare(j, tail.size(), tail) == 0) {
        j += tail.size();
        break;
      }
    }
    bool word_end = j >= u.size() || !IsAlpha(u[j]);
    size_t k = j;
    while (k < u.size() && u[k] == ' ') ++k;
    bool colon = k < u.size() && (u[k] == ':' || u[k] == '.');
    // Without a colon the label must start its line ("REF A WELLINGTON 721").
    size_t ls = u.rfind('\n', p);
    ls = ls == std::string::npos ? 0 : ls + 1;
    bool line_start = model::Trim(std::string_view(u).substr(ls, p - ls)).empty();
    if (word_end && (colon || (line_start && k > j))) {
      *label_pos = p;
      return colon ? k + 1 : j;
    }
    p = u.find("REF", p + 1);
  }
  return std::string_view::npos;
}

bool HasLetters(std::string_view s) {
  for (char c : s) {
    if (IsAlpha(c)) return true;
  }
  return false;
}

// Removes continuation-page debris: "CONFIDENTIAL PAGE 02 ROME 01196 01 OF 02 082030Z".
std::string RemovePageHeaders(std::string_view s) {
  std::string out(s);
  std::string u = model::ToUpperAscii(out);
  size_t p = u.find("PAGE ");
  while (p != std::string::npos) {
    if (p + 7 <= u.size() && IsDigit(u[p + 5]) && IsDigit(u[p + 6])) {
      size_t end = p + 7;
      // up to a DTG-like token "082030Z"
      size_t z = end;
      while (z < u.size()) {
        if (IsDigit(u[z])) {
          size_t d = z;
          while (d < u.size() && IsDigit(u[d])) ++d;
          if (d - z == 6 && d < u.size() && u[d] == 'Z') {
            end = d + 1;
            break;
          }
          z = d;
        } else {
          ++z;
        }
        if (z - p > 80) break;
      }
      size_t start = p;
      std::string_view before = model::TrimRight(std::string_view(u).substr(0, p));
      for (std::string_view cls : {"UNCLASSIFIED", "CONFIDENTIAL", "SECRET"}) {
        if (before.size() >= cls.size() && before.substr(before.size() - cls.size()) == cls) {
          start = before.size() - cls.size();
        }
      }
      out.replace(start, end - start, " ");
      u.replace(start, end - start, " ");
      p = u.find("PAGE ", start + 1);
    } else {
      p = u.find("PAGE ", p + 1);
    }
  }
  return out;
}

// A token of the REF text with its offset.
struct Tok {
  std::string text;   // as written
  std::string upper;  // upper case
  size_t pos = 0;
};

std::vector<Tok> Tokenize(std::string_view s) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    // "¶" (C2 B6) put on REF bullets by the HTML conversion (04MADRID961) is a separator.
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xB6) {
      i += 2;
      continue;
    }
    size_t j = i;
    if (IsAlpha(c) || IsDigit(c) || static_cast<unsigned char>(c) >= 0x80 || c == '\'') {
      while (j < s.size() && (model::IsAlnum(s[j]) || s[j] == '\'' || s[j] == '-' ||
                              static_cast<unsigned char>(s[j]) >= 0x80)) {
        // "¶" (C2 B6) is debris, not part of a word.
        if (static_cast<unsigned char>(s[j]) == 0xC2 && j + 1 < s.size() &&
            static_cast<unsigned char>(s[j + 1]) == 0xB6) {
          break;
        }
        ++j;
      }
      if (j == i) j = i + 1;
    } else {
      j = i + 1;
    }
    Tok t;
    t.text = std::string(s.substr(i, j - i));
    t.upper = model::ToUpperAscii(t.text);
    t.pos = i;
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

bool IsLetterToken(const std::string& u) { return u.size() == 1 && IsAlpha(u[0]); }

// Digits of a serial, allowing the letter O typed for zero ("LAGOS O1512"); empty if not one.
std::string SerialDigits(const std::string& u) {
  std::string d;
  for (char c : u) {
    if (IsDigit(c)) {
      d.push_back(c);
    } else if (c == 'O') {
      d.push_back('0');
    } else {
      return {};
    }
  }
  // An empty token (a REF word that starts with '-': "SEOUL -6230") has no last character
  // (read_fuzz, UBSan; regression test References.SerialTokenStartingWithAHyphenIsNoSerial).
  return !d.empty() && IsDigit(u.back()) ? d : std::string();
}

int YearFromToken(std::string_view u) {
  std::string_view t = u;
  if (!t.empty() && t[0] == '\'') t.remove_prefix(1);
  std::string digits;
  for (char c : t) {
    if (IsDigit(c)) {
      digits.push_back(c);
    } else if (c == 'O') {
      digits.push_back('0');
    } else {
      return -1;
    }
  }
  if (digits.size() == 4 && (digits[0] == '1' || digits[0] == '2')) return model::ParseSmallInt(digits);
  if (digits.size() == 2 || digits.size() == 3) {
    return model::ParseSmallInt(digits.substr(digits.size() - 2));
  }
  return -1;
}

int FullYear(int y) {
  if (y >= 100) return y;
  return y >= 66 ? 1900 + y : 2000 + y;
}

// True for the number of an intelligence report as REF blocks cite it without its "TD-"/"TDX-"
// prefix: three digits, '/', digits, optionally "-YY" ("314/07696-07", 09STATE124636).
bool IsReportNumber(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i != 3 || i >= s.size() || s[i] != '/') return false;
  size_t j = ++i;
  while (i < s.size() && IsDigit(s[i])) ++i;
  if (i == j) return false;
  if (i < s.size() && s[i] == '-') {
    size_t k = ++i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    if (i == k) return false;
  }
  return i == s.size();
}

// The kind of a document that is not a cable, from the first word of the entry that names one
// (the head noun comes first: "SADOWSKA E-MAIL JUNE 22 READOUT OF CUESTA MEETINGS" is an e-mail,
// "EMBASSY PARIS SIPRNET DAILY REPORT ... (WWW.STATE.SGOV.GOV/...)" a report). Words, from the
// REF blocks of the corpus and the golden kinds (golden/README.md):
//   e-mail     E-MAIL(S), EMAIL(S), E MAIL
//   telephone  TELCON(S), TELECON(S), PHONE, TELEPHONE, PHONECON
//   fax        FAX, FAXES, TELEFAX
//   memo       MEMO(S), MEMORANDUM, MEMCON(S)
//   meeting    MEETING(S), MTG, SVTC, DVC, VTC (video conferences: 08STATE... "STATE-LONDON SVTC")
//   web        HTTP, HTTPS, WWW, WEBSITE, WEB
//   report     REPORT(S), IIR, INCSR, an intelligence report number "TD-314/…", "TDX-315/…" or
//              "314/07696-07" (09STATE124636), OSC (Open Source Center products, "OSC EUP2009…")
//   book       BOOK, FAM and FAH (the Foreign Affairs Manual and Handbooks: "7 FAM 180")
ReferenceKind KindOfText(std::string_view text) {
  struct Word {
    std::string_view word;
    ReferenceKind kind;
  };
  static constexpr Word kWords[] = {
      {"E-MAIL", ReferenceKind::kEmail},     {"E-MAILS", ReferenceKind::kEmail},
      {"EMAIL", ReferenceKind::kEmail},      {"EMAILS", ReferenceKind::kEmail},
      {"E MAIL", ReferenceKind::kEmail},     {"TELCON", ReferenceKind::kTelcon},
      {"TELCONS", ReferenceKind::kTelcon},   {"TELECON", ReferenceKind::kTelcon},
      {"TELECONS", ReferenceKind::kTelcon},  {"PHONE", ReferenceKind::kTelcon},
      {"TELEPHONE", ReferenceKind::kTelcon}, {"PHONECON", ReferenceKind::kTelcon},
      {"FAX", ReferenceKind::kFax},          {"FAXES", ReferenceKind::kFax},
      {"TELEFAX", ReferenceKind::kFax},      {"MEMO", ReferenceKind::kMemo},
      {"MEMOS", ReferenceKind::kMemo},       {"MEMORANDUM", ReferenceKind::kMemo},
      {"MEMCON", ReferenceKind::kMemo},      {"MEMCONS", ReferenceKind::kMemo},
      {"MEETING", ReferenceKind::kMeeting},  {"MEETINGS", ReferenceKind::kMeeting},
      {"MTG", ReferenceKind::kMeeting},      {"SVTC", ReferenceKind::kMeeting},
      {"DVC", ReferenceKind::kMeeting},      {"VTC", ReferenceKind::kMeeting},
      {"HTTP", ReferenceKind::kWeb},         {"HTTPS", ReferenceKind::kWeb},
      {"WWW", ReferenceKind::kWeb},          {"WEBSITE", ReferenceKind::kWeb},
      {"WEB", ReferenceKind::kWeb},          {"REPORT", ReferenceKind::kReport},
      {"REPORTS", ReferenceKind::kReport},   {"IIR", ReferenceKind::kReport},
      {"INCSR", ReferenceKind::kReport},     {"TD", ReferenceKind::kReport},
      {"TDX", ReferenceKind::kReport},       {"OSC", ReferenceKind::kReport},
      {"BOOK", ReferenceKind::kBook},        {"FAM", ReferenceKind::kBook},
      {"FAH", ReferenceKind::kBook},
  };
  std::string u = model::ToUpperAscii(text);
  size_t best = std::string::npos;
  ReferenceKind kind = ReferenceKind::kUnknown;
  for (const Word& w : kWords) {
    size_t p = internal::FindLabel(u, w.word);
    // "TD" / "TDX" name a report only as the prefix of its number ("TD-314/67647-07").
    while (p != std::string::npos && (w.word == "TD" || w.word == "TDX") &&
           !(p + w.word.size() + 1 < u.size() && (u[p + w.word.size()] == '-' || u[p + w.word.size()] == ' ') &&
             IsDigit(u[p + w.word.size() + 1]))) {
      p = internal::FindLabel(u, w.word, p + 1);
    }
    if (p < best) {
      best = p;
      kind = w.kind;
    }
  }
  if (kind == ReferenceKind::kUnknown) {
    for (std::string_view w : model::SplitWhitespace(u)) {
      if (IsReportNumber(w)) return ReferenceKind::kReport;
    }
  }
  return kind;
}

// True for a word that names a part of a document ("PARA 4", "PARAS 3-5", "PAGE 2", "SECTION 3"):
// followed by a number it is never a post, though "PARA" is the start of PARAMARIBO (a truncated
// name, reference_id.h) — 94STATE246638 "... SANTO DOMINGO 7582, PARA 5" gave 94PARAMARIBO5;
// metamorphic test "STATE 1234, PARA 4".
bool IsDocumentPart(std::string_view upper) {
  for (std::string_view w : {"PARA", "PARAS", "PARAGRAPH", "PARAGRAPHS", "PARAGRAPH(S)", "PAGE", "PAGES",
                             "SECTION", "SECTIONS", "ANNEX", "ITEM", "ITEMS", "NOTE", "TAB", "PART",
                             "POINT", "ARTICLE", "CHAPTER", "VOLUME", "VOL"}) {
    if (upper == w) return true;
  }
  return false;
}

struct Found {
  std::string id;
  size_t end_tok = 0;
  std::string post;
  int year = 0;
  bool dated = false;  // the year is written with the reference (not the citing cable's)
};

// Tries to read a cable reference at token `i`: [YEAR] POST [(YY)] [#]SERIAL [-YY|/YY|(YY)], the
// glued "09CAIRO0561", "HK05511", "10-OTTAWA-57", "09SHENYANG 167".
bool ReadCableForward(const std::vector<Tok>& t, size_t i, int default_year, Found* out) {
  int year = -1;
  size_t k = i;
  // Glued forms.
  {
    const std::string& u = t[k].upper;
    std::string stripped;
    for (char c : u) {
      if (c != '-') stripped.push_back(c);
    }
    size_t a = 0;
    while (a < stripped.size() && IsDigit(stripped[a])) ++a;
    size_t b = a;
    while (b < stripped.size() && IsAlpha(stripped[b])) ++b;
    size_t c = b;
    while (c < stripped.size() && IsDigit(stripped[c])) ++c;
    if (b > a && c > b && c == stripped.size() && (a == 0 || a == 2)) {
      std::string post = model::CanonicalPostName(stripped.substr(a, b - a), kMinMisspelledPost);
      if (model::IsKnownPost(post)) {
        int y = a == 2 ? model::ParseSmallInt(stripped.substr(0, 2)) : default_year;
        out->id = model::MakeReferenceId(FullYear(y), post, stripped.substr(b, c - b));
        out->end_tok = k + 1;
        out->post = post;
        out->year = FullYear(y);
        out->dated = a == 2;
        return true;
      }
    }
    // A year glued to the post, the serial apart: "09SHENYANG 167" (10SHENYANG5).
    if (a == 2 && b > a + 2 && b == stripped.size() && k + 1 < t.size() &&
        IsDigit(t[k + 1].upper[0]) && !SerialDigits(t[k + 1].upper).empty()) {
      std::string post = model::CanonicalPostName(stripped.substr(a), kMinMisspelledPost);
      if (model::IsKnownPost(post)) {
        int y = model::ParseSmallInt(stripped.substr(0, 2));
        out->id = model::MakeReferenceId(FullYear(y), post, SerialDigits(t[k + 1].upper));
        out->end_tok = k + 2;
        out->post = post;
        out->year = FullYear(y);
        out->dated = true;
        return true;
      }
    }
  }
  auto has_letters = [](const std::string& u) {
    for (char c : u) {
      if (IsAlpha(c)) return true;
    }
    return false;
  };
  if (YearFromToken(t[k].upper) >= 0 && k + 1 < t.size() && has_letters(t[k + 1].upper)) {
    year = YearFromToken(t[k].upper);
    ++k;
  } else if (t[k].upper == "(" && k + 3 < t.size() && t[k + 2].upper == ")" &&
             YearFromToken(t[k + 1].upper) >= 0 && has_letters(t[k + 3].upper)) {
    year = YearFromToken(t[k + 1].upper);  // "(99) ROME 2196"
    k += 3;
  }
  if (k >= t.size() || !has_letters(t[k].upper)) return false;
  // The post: 1-4 words; the longest that names a known post and is followed by a serial.
  for (size_t words = std::min<size_t>(4, t.size() - k); words >= 1; --words) {
    std::string name;
    bool alpha = true;
    for (size_t w = 0; w < words; ++w) {
      const std::string& u = t[k + w].upper;
      bool has_alpha = false;
      for (char c : u) has_alpha |= IsAlpha(c);
      // letters, apostrophes, hyphens; digits only inside ("SANTIAG0", "0TTAWA")
      alpha &= has_alpha && !(IsDigit(u[0]) && IsDigit(u.back()));
      if (!name.empty()) name.push_back(' ');
      name += u;
    }
    if (!alpha) continue;
    size_t s = k + words;
    // "STATE (01) 201265", "PRAGUE, 1228", "BAGHDAD #3565", "STATE: 73097".
    int inner_year = -1;
    if (s + 3 < t.size() + 1 && s < t.size() && t[s].upper == "(" && s + 2 < t.size() &&
        t[s + 2].upper == ")" && YearFromToken(t[s + 1].upper) >= 0) {
      inner_year = YearFromToken(t[s + 1].upper);
      s += 3;
    }
    if (s < t.size() && (t[s].upper == "," || t[s].upper == "#" || t[s].upper == ":")) ++s;
    if (s >= t.size()) continue;
    std::string serial = SerialDigits(t[s].upper.substr(0, t[s].upper.find('-')));
    if (serial.empty()) continue;
    if (IsDocumentPart(name)) continue;
    std::string post = model::CanonicalPostName(name, kMinMisspelledPost);
    if (!model::IsKnownPost(post)) continue;
    size_t end = s + 1;
    int y = year >= 0 ? year : inner_year;
    // Year after the serial: "QUITO 4525-91" (tokenised as "4525-91"), "PANAMA 00789/08",
    // "ASUNCION 701 (08)".
    size_t dash = t[s].upper.find('-');
    if (dash != std::string::npos) {
      serial = SerialDigits(t[s].upper.substr(0, dash));
      int yy = YearFromToken(t[s].upper.substr(dash + 1));
      if (yy >= 0 && y < 0) y = yy;
      if (serial.empty()) continue;
    } else if (end + 1 < t.size() && t[end].upper == "/" && YearFromToken(t[end + 1].upper) >= 0 &&
               t[end + 1].upper.size() == 2 && y < 0) {
      y = YearFromToken(t[end + 1].upper);
      end += 2;
    } else if (end + 2 < t.size() && t[end].upper == "(" && t[end + 2].upper == ")" &&
               t[end + 1].upper.size() == 2 && YearFromToken(t[end + 1].upper) >= 0 && y < 0) {
      y = YearFromToken(t[end + 1].upper);
      end += 3;
    }
    out->dated = y >= 0;
    if (y < 0) y = default_year;
    out->id = model::MakeReferenceId(FullYear(y), post, serial);
    out->end_tok = end;
    out->post = post;
    out->year = FullYear(y);
    // Page headers print the serial with 8 digits ("TRIPOLI 00000402 001.2 OF 003").
    if (serial.size() >= 8) out->id.clear();
    return true;
  }
  return false;
}

// The reversed "870 ULAANBAATAR" / "377 KATHMANDU," (golden parse_references): a serial, then a
// one-word post that ends the entry or is followed by punctuation. Tried only after the forward
// form, so that "2008 RIO DE JANEIRO 236" (09BRASILIA177) is a year and a three-word post, not
// serial 2008 of RIO.
bool ReadCableReversed(const std::vector<Tok>& t, size_t k, int default_year, Found* out) {
  if (t[k].upper.size() >= 3 && !SerialDigits(t[k].upper).empty() && IsDigit(t[k].upper[0]) &&
      k + 1 < t.size() && IsAlpha(t[k + 1].upper[0]) &&
      (k + 2 >= t.size() || !model::IsAlnum(t[k + 2].upper[0]))) {
    std::string post = model::CanonicalPostName(t[k + 1].upper, kMinMisspelledPost);
    if (model::IsKnownPost(post) && post.size() >= 5) {
      out->id = model::MakeReferenceId(FullYear(default_year), post, SerialDigits(t[k].upper));
      out->end_tok = k + 2;
      out->post = post;
      out->year = FullYear(default_year);
      out->dated = false;
      return true;
    }
  }
  return false;
}

bool ReadCable(const std::vector<Tok>& t, size_t i, int default_year, Found* out) {
  return ReadCableForward(t, i, default_year, out) || ReadCableReversed(t, i, default_year, out);
}

// The citing cable's ID split: "10STATE9124" → 2010, "STATE", 9124; year 0 when it is no ID.
struct CitingId {
  int year = 0;
  std::string post;
  long serial = 0;
};

CitingId SplitCitingId(std::string_view id) {
  CitingId c;
  if (id.size() < 4 || !IsDigit(id[0]) || !IsDigit(id[1])) return c;
  size_t i = 2;
  while (i < id.size() && IsAlpha(id[i])) ++i;
  if (i == 2 || i >= id.size() || !model::IsAllDigits(id.substr(i)) || id.size() - i > 9) return c;
  c.year = FullYear(model::ParseSmallInt(id.substr(0, 2)));
  c.post = std::string(id.substr(2, i - 2));
  c.serial = std::strtol(std::string(id.substr(i)).c_str(), nullptr, 10);
  return c;
}

std::string TrailingSerial(const std::string& id) {
  size_t i = id.size();
  while (i > 0 && IsDigit(id[i - 1])) --i;
  return id.substr(i);
}

// The year of a reference written without one (`year` is the citing cable's). Serials count up
// through the year at each post (FORMAT.md §3) and a cable cites only cables sent before it, so
// an undated reference to the citing cable's own post with a higher serial is from the year
// before: "STATE 120288" in 10STATE9124 is 09STATE120288. Only the same post (canonical name) can
// be compared; the comparison is numeric and strict (an equal serial is the cable itself). The
// corpus agrees: of the 246 dated references to the citing cable's post, all 211 with a higher
// serial are from an earlier year.
int YearOfUndated(int year, const std::string& post, std::string_view serial, const CitingId& me) {
  if (me.year == 0 || post != me.post || serial.empty() || serial.size() > 9 || year != me.year) {
    return year;
  }
  long n = std::strtol(std::string(serial).c_str(), nullptr, 10);
  return n > me.serial ? year - 1 : year;
}

// Reads the references of one entry (the text of one bullet, or of one ';'-separated part).
void ReadEntry(std::string_view text, const std::string& label, int year,
               std::string_view citing, std::vector<Reference>* out) {
  // A pilcrow left by the HTML conversion before the next bullet is debris ("MITCHELL/SIMS TELCON
  // 02/16/2010 ¶", golden 10SANAA317).
  std::string cleaned;
  cleaned.reserve(text.size());
  for (size_t p = 0; p < text.size(); ++p) {
    if (text.compare(p, 2, "\xC2\xB6") == 0) {
      cleaned.push_back(' ');
      ++p;
    } else {
      cleaned.push_back(text[p]);
    }
  }
  std::string_view trimmed = model::Trim(cleaned);
  while (!trimmed.empty() && (trimmed.back() == ',' || trimmed.back() == ';' ||
                              trimmed.back() == '.' || trimmed.back() == '-')) {
    trimmed.remove_suffix(1);
    trimmed = model::TrimRight(trimmed);
  }
  if (trimmed.empty()) return;
  std::vector<Tok> t = Tokenize(trimmed);
  ReferenceKind kind = KindOfText(trimmed);
  // An entry that opens with a cable reference is that cable, whatever its title says ("STATE
  // 81957: REPORT OF U.S.-RUSSIA MANPADS EXPERTS MEETING", 09STATE83014).
  if (kind != ReferenceKind::kUnknown && !t.empty()) {
    Found f0;
    if (ReadCable(t, 0, year % 100, &f0) && !f0.id.empty()) kind = ReferenceKind::kUnknown;
  }
  const CitingId me = SplitCitingId(citing);
  size_t before = out->size();
  if (kind == ReferenceKind::kUnknown || kind == ReferenceKind::kReport) {
    std::string last_post;
    int last_year = 0;
    bool last_dated = false;
    size_t i = 0;
    while (i < t.size()) {
      Found f;
      if (kind != ReferenceKind::kReport && ReadCable(t, i, year % 100, &f)) {
        if (!f.dated && !f.id.empty()) {
          f.year = YearOfUndated(f.year, f.post, TrailingSerial(f.id), me);
          f.id = model::MakeReferenceId(f.year, f.post, TrailingSerial(f.id));
        }
        if (!f.id.empty() && f.id != citing) {
          Reference r;
          r.label = label;
          r.kind = ReferenceKind::kCable;
          r.reference_id = f.id;
          size_t b = t[i].pos;
          size_t e = f.end_tok < t.size() ? t[f.end_tok].pos : trimmed.size();
          r.text = model::CollapseWhitespace(trimmed.substr(b, e - b));
          out->push_back(std::move(r));
        }
        last_post = f.post;
        last_year = f.year;
        last_dated = f.dated;
        i = f.end_tok;
        // "AND 2764", ", 259032", "/935/317": more serials of the same post.
        while (i < t.size()) {
          size_t j = i;
          while (j < t.size() && (t[j].upper == "AND" || t[j].upper == "," || t[j].upper == "&" ||
                                  t[j].upper == "/")) {
            ++j;
          }
          if (j == i || j >= t.size()) break;
          std::string serial = SerialDigits(t[j].upper);
          if (serial.empty() || !IsDigit(t[j].upper[0])) break;
          // "... AND 2764 ..." but not the year of a following "05 ROME 2543".
          if (j + 1 < t.size() && IsAlpha(t[j + 1].upper[0]) && t[j + 1].upper != "AND") {
            if (model::IsKnownPost(model::CanonicalPostName(t[j + 1].upper))) break;
          }
          Reference r;
          r.label = label;
          r.kind = ReferenceKind::kCable;
          int y = last_dated ? last_year : YearOfUndated(FullYear(year % 100), last_post,
                                                         model::StripLeadingZeros(serial), me);
          r.reference_id = model::MakeReferenceId(y, last_post, serial);
          r.text = t[j].text;
          if (*r.reference_id != citing) out->push_back(std::move(r));
          i = j + 1;
        }
        continue;
      }
      ++i;
    }
  }
  if (out->size() > before) return;
  Reference r;
  r.label = label;
  r.text = model::CollapseWhitespace(trimmed);
  r.kind = kind;
  // A post named without a serial ("B. MOSCOW", 06MOSCOW1637) is a cable whose number is lost.
  if (kind == ReferenceKind::kUnknown && model::IsKnownPost(model::CanonicalPostName(r.text)) &&
      !HasLetters(std::string_view()) ) {
    bool digits = false;
    for (char c : r.text) digits |= IsDigit(c);
    if (!digits) r.kind = ReferenceKind::kCable;
  }
  out->push_back(std::move(r));
}

// True when `s` starts (after spaces or a literal "\\n" left by a conversion) with the "PAGE nn" of
// an old cable's continuation page (RemovePageHeaders cuts it out).
bool StartsPageHeader(std::string_view s) {
  s = model::TrimLeft(s);
  if (s.size() >= 2 && s[0] == '\\' && (s[1] == 'n' || s[1] == 'N')) s = model::TrimLeft(s.substr(2));
  return s.size() >= 7 && model::StartsWithIgnoreCase(s, "PAGE ") && IsDigit(s[5]) && IsDigit(s[6]);
}

// True when the block's line `line` ends the REF block.
bool EndsRefBlock(std::string_view line) {
  std::string_view t = model::Trim(line);
  std::string u = model::ToUpperAscii(t);
  if (u.compare(0, 13, "CLASSIFIED BY") == 0 || u.compare(0, 7, "SUMMARY") == 0 ||
      u.compare(0, 10, "SENSITIVE ") == 0 || u.compare(0, 8, "SUBJECT:") == 0 ||
      u.compare(0, 4, "E.O.") == 0 || u.compare(0, 5, "TAGS:") == 0) {
    return true;
  }
  std::string c = model::ToUpperAscii(internal::CollapseLetterSpacing(t));
  size_t used = 0;
  if (!internal::MatchClassification(c, &used).empty() && (used == c.size() || c[used] == ' ')) {
    // The classification that opens a continuation page is page debris, not the end
    // ("CONFIDENTIAL PAGE 02 ROME 01196 01 OF 02 082030Z  B. ROME 1098", golden 02ROME1196).
    return !StartsPageHeader(std::string_view(t).substr(std::min(used, t.size())));
  }
  // Numbered paragraph "1. (C)", "1.(SBU)", "¶1."
  std::string_view s = t;
  if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 &&
      static_cast<unsigned char>(s[1]) == 0xB6) {
    s.remove_prefix(2);
  }
  size_t i = 0;
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i > 0 && i <= 2 && i < s.size() && s[i] == '.' && (i + 1 >= s.size() || !IsDigit(s[i + 1]));
}

// True when a line starts with a bullet ("B.", "(B)", "B)", "[B]", "-  (B)", "¶B.").
bool StartsWithBullet(std::string_view line) {
  std::string_view s = model::Trim(line);
  while (!s.empty() && (s[0] == '-' || s[0] == ' ')) s.remove_prefix(1);
  if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 &&
      static_cast<unsigned char>(s[1]) == 0xB6) {
    s.remove_prefix(2);
  }
  if (s.size() >= 3 && (s[0] == '(' || s[0] == '[') && IsAlpha(s[1]) && (s[2] == ')' || s[2] == ']')) {
    return true;
  }
  return s.size() >= 2 && IsAlpha(s[0]) && (s[1] == '.' || s[1] == ')' || s[1] == ':');
}


// Index of the first line at or after `n` that is neither blank nor part of a continuation page
// break. A REF block runs on over a page break as over a blank line: the page header line
// (`NEW DELHI 00005239  001.2 OF 007`, body_lines.h StripPageHeader; old cables' `PAGE 02  STATE
// 023763  071504Z`) and the classification line printed above an old page header (`CONFIDENTIAL`
// / "" / `PAGE 02 ...`) are debris between two entries, never an entry nor the block's end.
// Linear: each line is looked at a bounded number of times.
size_t SkipPageBreaks(const std::vector<internal::Line>& lines, size_t n) {
  auto blank = [&](size_t k) {
    std::string_view t = model::Trim(lines[k].text);
    return t.empty() || t == "\\" || t == "-";
  };
  auto page_header = [&](size_t k) {
    std::optional<std::string_view> rest = StripPageHeader(model::Trim(lines[k].text));
    return rest && model::Trim(*rest).empty();
  };
  while (n < lines.size()) {
    size_t next = n;
    if (page_header(n)) {
      next = n + 1;
    } else {
      std::string c = model::ToUpperAscii(internal::CollapseLetterSpacing(model::Trim(lines[n].text)));
      size_t used = 0;
      if (!internal::MatchClassification(c, &used).empty() && model::Trim(c.substr(used)).empty()) {
        size_t k = n + 1;
        while (k < lines.size() && k < n + 8 && blank(k)) ++k;
        if (k < lines.size() && page_header(k)) next = k + 1;
      }
    }
    if (next == n) break;
    while (next < lines.size() && blank(next)) ++next;
    n = next;
  }
  return n;
}

// Reads the REF block whose entries start at `start` of `text`; sets `*stop` to the offset where
// the block ended (text.size() when it ran to the end).
std::vector<Reference> ParseRefBlock(std::string_view text, size_t start, int year,
                                     std::string_view citing_reference_id, size_t* stop) {
  std::vector<Reference> out;
  *stop = text.size();
  // The block: to the end of the label's line, then following lines until a blank line that is
  // not followed by another bullet, a "Classified By" line, a paragraph, a classification line.
  std::string block;
  internal::RefBlockState state;
  std::vector<internal::Line> lines = internal::LinesWithOffsets(text.substr(start));
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i].text;
    std::string_view t = model::Trim(line);
    if (!t.empty() && t.back() == '\\') t = model::Trim(t.substr(0, t.size() - 1));
    if (i > 0) {
      // A page break right after an entry is read like a blank line (SkipPageBreaks).
      const bool page_break = !t.empty() && SkipPageBreaks(lines, i) != i;
      if (t.empty() || page_break) {
        size_t n = page_break ? i : i + 1;
        while (n < lines.size()) {
          std::string_view nt = model::Trim(lines[n].text);
          if (!nt.empty() && nt != "\\" && nt != "-") break;
          ++n;
        }
        n = SkipPageBreaks(lines, n);
        if (n >= lines.size()) {
          *stop = start + lines[i].begin;
          break;
        }
        std::string_view next = model::Trim(lines[n].text);
        // A page header line between bullets ("TRIPOLI 00000402" ... "001.2 OF 003") is skipped
        // by the entry reader; a bullet or a wrapped reference continues the block.
        // "D. 03 \n \nHANOI 2323", "C) \n \nSTATE 02034": an entry cut by a blank line
        // (header_lines.h ContinuesRefAfterBlank).
        size_t block_end = n + 1;
        while (block_end < lines.size() && block_end < n + 32 &&
               !model::Trim(lines[block_end].text).empty()) {
          ++block_end;
        }
        size_t after = block_end;
        while (after < lines.size() && after < n + 64 && model::Trim(lines[after].text).empty()) {
          ++after;
        }
        std::string_view after_text = after < lines.size() ? lines[after].text : std::string_view();
        // The label alone on its line ("REF:" / "" / "LA PAZ 2974"): the entries are still to come.
        const bool nothing_yet = model::Trim(block).empty();
        bool continues = StartsWithBullet(next) || (IsDigit(next[0]) && !EndsRefBlock(next)) ||
                         (nothing_yet && !EndsRefBlock(next) && !internal::StartsHeaderField(next)) ||
                         internal::ContinuesRefAfterBlank(state, next, after_text);
        if (!continues) {
          *stop = start + lines[i].begin;
          break;
        }
        i = n - 1;  // the blank run is read once
        continue;
      }
      if (EndsRefBlock(t) && !(i + 1 < lines.size() && StartsPageHeader(lines[i + 1].text))) {
        *stop = start + lines[i].begin;
        break;
      }
    }
    // An inline "Classified By" ends the block within the line.
    std::string u = model::ToUpperAscii(t);
    size_t cut = u.find("CLASSIFIED BY");
    if (cut == std::string::npos) cut = u.find("CLASSIIED BY");
    if (cut != std::string::npos) {
      block.append(t.substr(0, cut));
      *stop = start + lines[i].next;
      break;
    }
    block.append(t);
    block.push_back('\n');
    state.Add(t);
  }
  block = RemovePageHeaders(block);
  // "TRIPOLI 00000402 \n\n001.2 OF 003": drop "001.2 OF 003" debris.
  // Split into entries at bullets (sequential letters, repeated letters allowed) and at ';'.
  std::vector<Tok> t = Tokenize(block);
  // "Ref:  Ref A) Taipei 3393", "REF: REFERENCE: 01 ABUJA 997": a repeated label.
  size_t first = 0;
  while (first < t.size() && (t[first].upper == "REF" || t[first].upper == "REFERENCE" ||
                              t[first].upper == "REFS" || t[first].upper == ":")) {
    ++first;
  }
  if (first > 0) {
    size_t cut = first < t.size() ? t[first].pos : block.size();
    block = block.substr(cut);
    t = Tokenize(block);
  }
  char expected = 'A';
  std::string label;
  size_t entry_start = 0;
  auto flush = [&](size_t end) {
    if (end > entry_start) {
      std::string_view entry = std::string_view(block).substr(entry_start, end - entry_start);
      // Entries separated by ';' or ':' without bullets.
      size_t s = 0;
      for (size_t i = 0; i <= entry.size(); ++i) {
        if (i == entry.size() || entry[i] == ';') {
          ReadEntry(entry.substr(s, i - s), label, year, citing_reference_id, &out);
          s = i + 1;
        }
      }
    }
  };
  for (size_t i = 0; i < t.size(); ++i) {
    // Bullet forms: "A." "A)" "A:" "A.)" "(A)" "[A]"; preceded by a separator.
    size_t b = i;
    char letter = 0;
    size_t after = i;
    if (IsLetterToken(t[i].upper) && i + 1 < t.size() &&
        (t[i + 1].upper == "." || t[i + 1].upper == ")" || t[i + 1].upper == ":")) {
      letter = t[i].upper[0];
      after = i + 2;
      if (after < t.size() && t[i + 1].upper == "." && t[after].upper == ")") ++after;
    } else if ((t[i].upper == "(" || t[i].upper == "[") && i + 2 < t.size() &&
               IsLetterToken(t[i + 1].upper) && (t[i + 2].upper == ")" || t[i + 2].upper == "]")) {
      letter = t[i + 1].upper[0];
      after = i + 3;
    }
    if (letter == 0) continue;
    // A bullet is the next letter of the sequence or the current one repeated ("B) ... B)").
    bool prev_ok = b == 0 || t[b - 1].upper == "," || t[b - 1].upper == ";" ||
                   t[b - 1].upper == ":" || !IsLetterToken(t[b - 1].upper);
    if (!prev_ok || !(letter == expected || (!label.empty() && letter == label[0] && letter != 'A'))) {
      continue;
    }
    // A letter followed by "." inside a name ("J. Speaks") is not a bullet unless sequential.
    flush(t[b].pos);
    label = std::string(1, letter);
    if (letter == expected) expected = static_cast<char>(expected + 1);
    // Doubled bullets: "A. A)", "A. (A)", "A. REF A", "A. REF:", "A. REF A:", "A: PANAMA".
    size_t j = after;
    while (j < t.size()) {
      if (t[j].upper == "REF" || t[j].upper == "REFERENCE") {
        ++j;
        if (j < t.size() && t[j].upper == ":") ++j;
        continue;
      }
      if (j + 1 < t.size() && t[j].upper == label && (t[j + 1].upper == ")" || t[j + 1].upper == ":" || t[j + 1].upper == ".")) {
        j += 2;
        continue;
      }
      if (j + 2 < t.size() && t[j].upper == "(" && t[j + 1].upper == label && t[j + 2].upper == ")") {
        j += 3;
        continue;
      }
      break;
    }
    entry_start = j < t.size() ? t[j].pos : block.size();
    i = j > 0 ? j - 1 : j;
  }
  flush(block.size());
  // A reference that is only page-header debris ("001.2 OF 003") or empty is dropped.
  std::vector<Reference> kept;
  for (Reference& r : out) {
    if (!r.reference_id && (r.text.empty() || (!HasLetters(r.text) && r.kind != ReferenceKind::kReport))) {
      continue;
    }
    if (!r.reference_id && r.kind == ReferenceKind::kUnknown) {
      std::string u = model::ToUpperAscii(r.text);
      if (u.find(" OF ") != std::string::npos && !HasLetters(u.substr(0, u.find(" OF ")))) continue;
    }
    kept.push_back(std::move(r));
  }
  return kept;
}

}  // namespace

std::vector<Reference> ParseReferences(std::string_view text, int year,
                                       std::string_view citing_reference_id) {
  size_t label_pos = 0;
  size_t start = FindRefLabel(text, &label_pos);
  if (start == std::string_view::npos) {
    // A block that starts with its first bullet and no label (golden: "A. REF AMMAN 222").
    std::string_view t = model::TrimLeft(text);
    if (t.size() >= 2 && (t[0] == 'A' || t[0] == 'a') && (t[1] == '.' || t[1] == ')')) {
      start = text.size() - t.size();
    } else {
      return {};
    }
  }
  size_t stop = text.size();
  std::vector<Reference> out = ParseRefBlock(text, start, year, citing_reference_id, &stop);
  // A reference's identity across blocks: its ID, else its text in upper case.
  auto KeyOf = [](const Reference& r) {
    return r.reference_id ? "#" + *r.reference_id : model::ToUpperAscii(r.text);
  };
  std::set<std::string> seen;
  // Further REF blocks, each opening a line: a second block after the Classified By line, or the
  // header repeated below the metadata copy in lower case (09KHARTOUM881 "REF: KHARTOUM 00378" …
  // "Ref: khartoum 00378"). A reference already read is not read twice. At most 8 blocks: no
  // real header has more, and each costs a pass over the rest of the text.
  for (int blocks = 1; blocks < 8 && stop < text.size(); ++blocks) {
    std::string_view rest = text.substr(stop);
    size_t pos = 0;
    size_t s = FindRefLabel(rest, &pos);
    if (s == std::string_view::npos) break;
    size_t ls = rest.rfind('\n', pos);
    ls = ls == std::string_view::npos ? 0 : ls + 1;
    size_t from = stop + s;
    if (!model::Trim(rest.substr(ls, pos - ls)).empty()) {
      // A REF label inside a line (body text): no block; look after it.
      stop = from;
      continue;
    }
    size_t next_stop = text.size();
    if (seen.empty()) {
      for (const Reference& o : out) seen.insert(KeyOf(o));
    }
    for (Reference& r : ParseRefBlock(text, from, year, citing_reference_id, &next_stop)) {
      if (seen.insert(KeyOf(r)).second) out.push_back(std::move(r));
    }
    stop = std::max(next_stop, from + 1);
  }
  return out;
}

}  // namespace cablebase::parse
