// "Classified By": the classifying official's title and name, and the classification reasons.
#include <cctype>
#include <algorithm>

#include "model/text_util.h"
#include "parse/header_lines.h"
#include "parse/text_header.h"

namespace cablebase::parse {

namespace {

using model::IsAlpha;
using model::IsDigit;
using model::IsLower;
using model::IsSpace;
using model::IsUpper;

// Words of titles (lower case, letters only), from the Classified By lines of the corpus and the
// golden cases ("Minister-Counselor for Political Affairs", "Charge d'Affaires a.i.", "POLOFF").
constexpr std::string_view kTitleWords[] = {
    "a", "acting", "adviser", "advisor", "affairs", "ai", "aib", "amb", "ambassador", "and",
    "assistant", "asia", "attache", "bureau", "by", "central", "charge", "chief", "classified",
    "consul", "conoff", "coordinator", "couns", "counsel", "counselor", "counsellor",
    "counselour", "coun", "cons", "d", "daffaires", "daffairs", "deaffairs", "dcm", "de",
    "department", "deputy", "dir", "direcotr", "director", "diplomatic", "econ", "econoff",
    "economic", "econcouns", "embassy", "envoy", "executive", "for", "general", "governance",
    "head", "interagency", "legal", "legatt", "member", "min", "minister", "ministercounselor",
    "ministercounsellor", "mission", "of", "off", "office", "officer", "officials", "permanent",
    "pol", "polcouns", "political", "polmincons", "poloff", "principal", "provincial", "rso",
    "arso", "representative", "secretary", "section", "security", "senior", "special", "state",
    "subnational", "the", "to", "tdy", "us", "usun", "mil", "ministercouselor", "couselor",
    "counselr", "afairs", "affaires", "at", "large", "ambassadoratlarge", "chairman", "labor", "nea", "isn", "eur", "wha", "eap",
    "sca", "af", "io", "ait", "inr", "drl", "prm", "vci", "oes", "eeb", "usdel", "pdas", "das",
    "ambassadorial", "prt", "ipo", "aft", "regional", "commander", "consulate", "post",
    // Abbreviated titles and the office/unit words of titles, from the Classified By lines of the
    // corpus (issue 11): "CDA NABEEL KHOURY" (07SANAA473), "Somalia Unit Counselor Bob Patterson"
    // (09NAIROBI1057), "PRT Salah Ad Din Leader Rick Bell" (09BAGHDAD759), "POLECON COUNSELOR"
    // (09BAKU179), "Under Secretary Bill Burns", "CG", "ESTOff", "P/E CHIEF", "POL/MC", "PolAd".
    "cda", "cg", "unit", "team", "leader", "polecon", "ecopol", "estoff", "polad", "mc", "pe",
    "under", "manager", "group", "task", "force", "esth", "pao", "pas", "rco", "cons",
};

// Words that name a post held by one person ("Counselor", "Chief", "Leader", "CDA"): a name-like
// word run followed by one of these and then another run was an office or place, and the person is
// the later run ("Somalia Unit Counselor Bob Patterson" 09NAIROBI1057, "PRT Salah Ad Din Leader
// Rick Bell" 09BAGHDAD759, "Global Affairs Unit Chief Don L. Brown" 08BERLIN1068, "USEU POLOFF
// TODD HUIZINGA", "Under Secretary Bill Burns").
constexpr std::string_view kHeadWords[] = {
    "ambassador", "amb", "charge", "cda", "dcm", "counselor", "counsellor", "couns", "polcouns",
    "econcouns", "officer", "chief", "head", "leader", "director", "dir", "coordinator", "consul",
    "cg", "secretary", "minister", "attache", "advisor", "adviser", "polad", "representative",
    "envoy", "commander", "manager", "poloff", "econoff", "estoff", "conoff", "rso", "arso",
    "principal", "ministercounselor", "chairman", "das", "pdas"};


constexpr std::string_view kSuffixes[] = {"JR", "SR", "II", "III", "IV"};

std::string Normalized(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '0') c = 'o';  // "AMBASSAD0R" (golden)
    if (IsAlpha(c)) out.push_back(model::ToLowerChar(c));
  }
  return out;
}


// A title word, allowing misspellings ("Ambassaor", "AMBASSSADOR", "Couselor", "CIEF").
bool IsTitleWord(std::string_view token) {
  std::string n = Normalized(token);
  if (n.empty()) return true;
  for (std::string_view w : kTitleWords) {
    if (n == w) return true;
  }
  if (n.size() >= 4) {
    int cap = n.size() >= 8 ? 2 : 1;
    for (std::string_view w : kTitleWords) {
      if (w.size() >= 4 && model::EditDistance(n, w, /*transpositions=*/true, cap) <= cap) {
        return true;
      }
    }
  }
  // "Abassador", "Ambssador" and other spellings of ambassador.
  if (n.size() >= 6 && (n.compare(0, 3, "amb") == 0 || n.compare(0, 3, "aba") == 0) &&
      n.find("ss") != std::string::npos) {
    return true;
  }
  return false;
}

// An abbreviated title written in camel case ("PolMC Josiah Rosenblatt", "USEU EconMinCouns Peter
// Chase", corpus): a capital inside the word after a lower-case chunk of three or more letters that
// is no surname prefix. Names have such capitals after short prefixes (Mc, De, Di, La, Le, O') or
// after Mac/Van/Von/Del/Fitz ("McEldowney", "LeBaron", "DeVries", "MacLeod", "JoAnne"), so those
// are not abbreviations.
bool IsCamelCaseAbbreviation(std::string_view token) {
  size_t start = 0;
  while (start < token.size() && !IsAlpha(token[start])) ++start;
  if (start >= token.size() || !IsUpper(token[start])) return false;
  for (size_t i = start + 1; i < token.size(); ++i) {
    if (!IsUpper(token[i]) || !IsLower(token[i - 1])) continue;
    std::string prefix = model::ToLowerAscii(token.substr(start, i - start));
    if (prefix.size() < 3) return false;  // "JoAnne", "LeBaron", "McEldowney", "DeVries"
    for (std::string_view p : {"mac", "van", "von", "del", "della", "fitz", "ter", "ten", "san"}) {
      if (prefix == p) return false;
    }
    return true;
  }
  return false;
}

bool IsHeadWord(std::string_view token) {
  std::string n = Normalized(token);
  if (n.empty()) return false;
  for (std::string_view w : kHeadWords) {
    if (n == w) return true;
  }
  if (n.size() >= 6 && (n.compare(n.size() - 3, 3, "off") == 0 ||
                        n.compare(n.size() - 5, 5, "couns") == 0)) {
    return true;
  }
  if (n.size() >= 6) {
    for (std::string_view w : kHeadWords) {
      if (w.size() >= 6 && model::EditDistance(n, w, /*transpositions=*/true, 1) <= 1) return true;
    }
  }
  return false;
}

bool IsParticle(std::string_view token);

// Glues a word the column-72 wrap split in two and the reader re-joined with a space: "GEORGE GLASS
// FO\nR REASONS" (09BERLIN1106), "Economic Affai rs" / "Affa irs", "an d" (corpus). Two adjacent
// tokens are glued when together they spell "for", "reason(s)" or a title word and neither half is
// a word of its own (an initial "R" stays: "JOHNR" is no word), or when a lone capital is followed
// by a lower-case fragment ("Hoyt Y ee"). Linear: one pass over the tokens.
std::string GlueSplitWords(std::string_view block) {
  std::vector<std::string_view> words = model::SplitWhitespace(block);
  auto known = [](const std::string& n) {
    if (n == "for" || n == "reason" || n == "reasons" || n == "and") return true;
    if (n.size() < 3) return false;
    for (std::string_view w : kTitleWords) {
      if (w.size() >= 3 && n == w) return true;
    }
    return false;
  };
  auto alone = [&](std::string_view w) {
    std::string n = Normalized(w);
    return known(n) || n == "a" || n == "d" || n == "b" || n == "c" || n == "by" || n == "of" ||
           n == "to" || n == "per" || n == "e" || n == "i";
  };
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (i + 1 < words.size()) {
      std::string_view next = words[i + 1];
      bool letters = true;
      for (char c : w) letters &= IsAlpha(c);
      for (size_t k = 0; k + 1 < next.size(); ++k) letters &= IsAlpha(next[k]);
      // A capital standing alone without a stop, then a lower-case fragment that is no word of
      // its own, is one word of a mixed-case name cut by the wrap ("Hoyt Y ee", 09KABUL3161).
      bool cut_name = w.size() == 1 && IsUpper(w[0]) && next.size() <= 6 && !alone(next) &&
                      !IsParticle(next) && std::all_of(next.begin(), next.end(), IsLower) &&
                      [&] {
                        for (std::string_view f : {"an", "the", "in", "on", "at", "as", "is", "via",
                                                   "re", "or", "reas", "rea", "re", "fo", "f"}) {
                          if (next == f) return false;
                        }
                        return true;
                      }();
      if (cut_name || (letters && !next.empty() && IsAlpha(next[0]) && !alone(w) && !alone(next) &&
                       known(Normalized(std::string(w) + std::string(next))))) {
        if (!out.empty()) out.push_back(' ');
        out.append(w);
        out.append(next);
        ++i;
        continue;
      }
    }
    if (!out.empty()) out.push_back(' ');
    out.append(w);
  }
  return out;
}

// Lower-case particles of surnames ("van Voorst", "de la Cruz", "bin Laden").
bool IsParticle(std::string_view token) {
  for (std::string_view p : {"van", "von", "de", "da", "del", "della", "der", "den", "la", "le",
                             "al", "el", "bin", "ben", "du", "di", "dos", "ter", "st."}) {
    if (token == p) return true;
  }
  return false;
}

bool IsSuffix(std::string_view token) {
  std::string u = model::ToUpperAscii(token);
  while (!u.empty() && (u.back() == '.' || u.back() == ',')) u.pop_back();
  for (std::string_view s : kSuffixes) {
    if (u == s) return true;
  }
  return false;
}

bool IsInitial(std::string_view token) {
  // "J.", "D.C.", "S.K.", "W.S.", "A"
  if (token.empty()) return false;
  for (char c : token) {
    if (!IsAlpha(c) && c != '.') return false;
  }
  size_t letters = 0;
  for (char c : token) {
    if (IsLower(c)) return false;  // "a.y." in golden garbage is no initial
    letters += IsAlpha(c) ? 1 : 0;
  }
  return letters <= 3 && (token.find('.') != std::string_view::npos || letters == 1);
}

// Finds "CLASSIFIED BY" (and misspellings) at or after `from` in the upper-case text; returns the
// offset after the label and sets *label_pos, or npos.
size_t FindClassifiedBy(std::string_view u, size_t from, size_t* label_pos) {
  size_t best = std::string_view::npos, best_after = 0;
  // The two words may stand on two lines when a wrap fell between them ("... ANKARA 6772
  // Classified\nby DCM Nancy McEldowney", golden): any run of blanks and line ends separates them.
  for (std::string_view word : {"CLASSIFIED", "CLASSFIED", "CLASSIIED", "CLASSIFED"}) {
    size_t p = u.find(word, from);
    size_t after = 0;
    while (p != std::string_view::npos) {
      size_t k = p + word.size();
      size_t gap = k;
      while (k < u.size() && (u[k] == ' ' || u[k] == '\n' || u[k] == '\r' || u[k] == '\t')) ++k;
      bool by = k > gap && u.compare(k, 2, "BY") == 0 &&
                (k + 2 >= u.size() || !std::isalpha(static_cast<unsigned char>(u[k + 2])));
      after = k + 2;
      k = after;
      while (k < u.size() && (u[k] == ' ' || u[k] == ':')) ++k;
      // "CLASSIFIED BY LINE ADDED" (a corrected-copy notice, golden 05TELAVIV4462) is not it, nor
      // is the label inside a longer word: "DECL: DECLASSIFIED BY NARA 09/02/2009" is the E.O.
      // line of a NARA-declassified telegram (66BUENOSAIRES2481), not a classification authority.
      bool inside_word = p > 0 && std::isalpha(static_cast<unsigned char>(u[p - 1]));
      if (by && u.compare(k, 4, "LINE") != 0 && !inside_word) break;
      p = u.find(word, p + 1);
    }
    if (p != std::string_view::npos && p < best) {
      best = p;
      best_after = after;
    }
  }
  *label_pos = best;
  return best == std::string_view::npos ? best : best_after;
}

// The block of the Classified By line: its line and the wrapped lines after it, up to a blank line
// or a paragraph. Lines hard-wrapped inside a word at column 72 ("Hoyt Y \nee", "Re \nasons",
// golden) are glued back.
std::string ReadBlock(std::string_view text, size_t start) {
  std::vector<internal::Line> lines = internal::LinesWithOffsets(text.substr(start));
  std::string out;
  for (size_t i = 0; i < lines.size() && i < 6; ++i) {
    std::string_view line = lines[i].text;
    if (i > 0) {
      std::string_view t = model::Trim(line);
      if (t.empty()) break;
      std::string u = model::ToUpperAscii(t);
      if (u.compare(0, 7, "SUMMARY") == 0) break;
      // A rule line ("-------" over a heading, 09STOCKHOLM418) or a paragraph after its sign
      // ("¶3. (U) This is an action request", 08STATE103511) ends the block.
      if (t.find_first_not_of("-=_* ") == std::string_view::npos) break;
      if (t.compare(0, 2, "\xC2\xB6") == 0) t.remove_prefix(2);
      size_t d = 0;
      while (d < t.size() && IsDigit(t[d])) ++d;
      if (d > 0 && d < t.size() && t[d] == '.' && (d + 1 >= t.size() || !IsDigit(t[d + 1]))) break;
      std::string_view prev = lines[i - 1].text;
      size_t prev_len = prev.size() + (i == 1 ? start - (text.rfind('\n', start) == std::string_view::npos ? 0 : text.rfind('\n', start) + 1) : 0);
      // A continuation that opens the reasons ("GARY A. GRAPPO" / "FOR REASONS", 10BAGHDAD290)
      // was wrapped between words.
      bool reasons_next = false;
      for (std::string_view w : {"FOR ", "REASON", "PER ", "E.O."}) reasons_next |= u.compare(0, w.size(), w) == 0;
      bool glue = !reasons_next && prev_len >= 70 && prev_len <= 74 && !prev.empty() && prev.back() == ' ' &&
                  !line.empty() && !IsSpace(line[0]) && prev.size() >= 2 &&
                  !IsSpace(prev[prev.size() - 2]);
      while (!out.empty() && IsSpace(out.back())) out.pop_back();
      if (!glue) out.push_back(' ');
      out.append(model::Trim(line));
    } else {
      out.append(line);
    }
  }
  return out;
}

// Offset where the reasons begin in the block ("for reasons", "Reason:", "per 1.5", "E.O. 12958",
// "1.4 (b)"), or the block size.
size_t ReasonStart(std::string_view block) {
  std::string u = model::ToUpperAscii(block);
  size_t best = u.size();
  auto consider = [&](size_t p) {
    if (p != std::string::npos && p < best) best = p;
  };
  std::vector<std::string_view> words = model::SplitWhitespace(u);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    size_t pos = static_cast<size_t>(w.data() - u.data());
    std::string n = Normalized(w);
    std::string next = i + 1 < words.size() ? Normalized(words[i + 1]) : std::string();
    bool next_digit = i + 1 < words.size() && IsDigit(words[i + 1][0]);
    if ((n == "for" || n == "fr" || n == "per" || n == "under" || n == "based") &&
        (next.compare(0, 2, "re") == 0 || next.compare(0, 2, "ra") == 0 || next_digit ||
         next == "eo" || next == "section" || next == "on" || next == "e")) {
      consider(pos);
    }
    if (n.compare(0, 4, "reas") == 0 || n == "reason" || n == "resons" || n == "rasons" ||
        n == "reasons" || (n.compare(0, 2, "re") == 0 && n.size() <= 3 && next.compare(0, 3, "aso") == 0)) {
      consider(pos);
    }
    if (n == "eo" && (next_digit || w.find('.') != std::string_view::npos)) consider(pos);
    if (w.size() >= 3 && w[0] == '1' && w[1] == '.' && (IsDigit(w[2]) || w[2] == ' ')) consider(pos);
  }
  // "McKelvey-reasons" glued with a hyphen.
  size_t h = u.find("-REASON");
  consider(h);
  // "Kirk Augustine.Reasons: 1.4 (B/D)" glued with a full stop (corpus).
  if (size_t d = u.find(".REASON"); d != std::string::npos) consider(d + 1);
  // "RICAHRD E. HOAGLAND: 1.2 (B)": a colon before the reasons.
  for (size_t p = u.find(':'); p != std::string::npos; p = u.find(':', p + 1)) {
    size_t k = p + 1;
    while (k < u.size() && u[k] == ' ') ++k;
    if (k + 1 < u.size() && IsDigit(u[k]) && u[k + 1] == '.') consider(p);
  }
  return best;
}

std::vector<std::string> ParseReasons(std::string_view block) {
  std::vector<std::string> out;
  std::string u = model::ToUpperAscii(block);
  // "1.4", "1.5", "1.2", "1. 4" (wrapped).
  size_t p = 0;
  std::string section;
  while ((p = u.find("1.", p)) != std::string::npos) {
    size_t k = p + 2;
    while (k < u.size() && u[k] == ' ') ++k;
    if (k < u.size() && IsDigit(u[k]) && (p == 0 || !IsDigit(u[p - 1]))) {
      section = std::string("1.") + u[k];
      p = k + 1;
      break;
    }
    p += 2;
  }
  if (section.empty()) return out;
  // Letters a-h standing alone after the section: "(b) and (d)", "b/d", "(B & D)", "a,b,and d".
  size_t i = p;
  while (i < u.size()) {
    char c = u[i];
    if (IsAlpha(c)) {
      size_t j = i;
      while (j < u.size() && IsAlpha(u[j])) ++j;
      std::string_view w = std::string_view(u).substr(i, j - i);
      if (w.size() == 1 && c >= 'A' && c <= 'H') {
        std::string r = section + "(" + static_cast<char>(model::ToLowerChar(c)) + ")";
        if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
      } else if (w != "AND" && w != "OR") {
        break;
      }
      i = j;
    } else if (IsDigit(c)) {
      break;
    } else {
      ++i;
    }
  }
  return out;
}

// Splits the name part into the title and the name.
void SplitTitleAndName(std::string_view part, ClassifiedBy* cb) {
  // Parenthesised remarks ("(acting)", "(AI)", "(U)") are dropped.
  std::string s;
  int depth = 0;
  for (char c : part) {
    if (c == '(') {
      ++depth;
      s.push_back(' ');
    } else if (c == ')') {
      depth = std::max(0, depth - 1);
      s.push_back(' ');
    } else if (depth == 0) {
      s.push_back(c == '?' ? ' ' : c);
    }
  }
  // "Derived from Multiple Sources" (08STATE116943, 09STATE67105): a derivative classification
  // names its sources, not a person.
  if (model::StartsWithIgnoreCase(model::Trim(s), "derived from") ||
      model::StartsWithIgnoreCase(model::Trim(s), "multiple sources")) {
    cb->title.clear();
    cb->name.clear();
    return;
  }
  // A repeated label ("Classified By: Classified by DCM Liz Dibble", "1. CLASSIFIED BY NEA ...").
  // Repeated ("Classified By: Classified by Classified by Economic ...", golden); a label is
  // removed only from the first 12 bytes, at most eight times (the block is at most six lines).
  for (int round = 0; round < 8; ++round) {
    std::string u = model::ToUpperAscii(s);
    size_t lp = 0;
    size_t after = FindClassifiedBy(u, 0, &lp);
    if (after == std::string::npos || lp > 12) break;
    s = s.substr(after);
  }
  // "a.i." / "a. i." / "ai." (ad interim) after Charge d'Affaires.
  // Set off by commas ("Charge d'Affaires, a.i., Arnold A. Chacon", golden) it is part of the
  // title, and the name after it stands in the title's segment.
  for (std::string_view ai : {", a. i.,", ", a.i.,", ", A.I.,", ", A. I.,", ", ai.,", ", AI.,"}) {
    for (size_t p = s.find(ai); p != std::string::npos; p = s.find(ai, p)) s.replace(p, ai.size(), " ");
  }
  for (std::string_view ai : {"a. i.", "a.i.", "A.I.", "A. I.", " ai. ", " AI. "}) {
    for (size_t p = s.find(ai); p != std::string::npos; p = s.find(ai, p)) s.replace(p, ai.size(), " ");
  }
  bool all_upper = true;
  for (char c : s) all_upper &= !IsLower(c);
  // Segments at ',', ';', ':' and " - "; a "JR."/"III" segment stays with the name before it.
  std::vector<std::string> segments;
  std::string cur;
  for (size_t i = 0; i <= s.size(); ++i) {
    char c = i < s.size() ? s[i] : ',';
    bool dash = c == '-' && i > 0 && i + 1 < s.size() && s[i - 1] == ' ' && s[i + 1] == ' ';
    // A comma typed for an initial's stop ("DCM Luis G, Moreno", 09TELAVIV1060): a lone capital
    // between a space and the comma, a capitalised word after it, is an initial.
    if (c == ',' && i >= 2 && IsUpper(s[i - 1]) && s[i - 2] == ' ' && i + 2 < s.size() &&
        s[i + 1] == ' ' && IsUpper(s[i + 2]) && i + 3 < s.size() && IsLower(s[i + 3]) &&
        !IsTitleWord(model::SplitWhitespace(std::string_view(s).substr(i + 2))[0])) {
      cur.push_back('.');
      continue;
    }
    if (c == ',' || c == ';' || c == ':' || dash) {
      std::string seg(model::Trim(cur));
      cur.clear();
      if (seg.empty()) continue;
      if (!segments.empty() && IsSuffix(seg)) {
        segments.back() += ", " + seg;
      } else {
        segments.push_back(seg);
      }
    } else {
      cur.push_back(c);
    }
  }
  std::vector<std::string> title_parts;
  for (size_t si = 0; si < segments.size(); ++si) {
    // Words; slash compounds split ("Pol/Mil", "DCM/Ted Osius").
    std::vector<std::pair<std::string, bool>> words;  // word, came from a slash compound
    for (std::string_view w : model::SplitWhitespace(segments[si])) {
      if (w.find('/') != std::string_view::npos && w.size() > 1) {
        std::vector<std::string_view> parts = model::Split(w, '/');
        for (size_t k = 0; k < parts.size(); ++k) {
          if (parts[k].empty()) continue;
          bool last = k + 1 == parts.size();
          // "DCM/Ted Osius", "Acting DCM/J.D. Smith": the last part opens the name when it is a
          // capitalised word or initials.
          bool name_like = last && ((!all_upper && IsUpper(parts[k][0]) && parts[k].size() > 1 &&
                                     IsLower(parts[k][1]) && !IsTitleWord(parts[k])) ||
                                    (IsInitial(parts[k]) && parts[k].find('.') != std::string_view::npos));
          // A title part keeps its slash ("A/DCM" 07LAPAZ2385, "A/PolAd" 10USNATO52): the
          // title is written back as it stood.
          words.emplace_back(std::string(parts[k]) + (last || name_like ? "" : "/"), !name_like);
        }
      } else {
        words.emplace_back(std::string(w), false);
      }
    }
    std::vector<std::string> title, name;
    bool connector = false;
    // In a mixed-case line, a word in capitals is an acronym of the title ("PRT", "COM", "USEU")
    // unless it opens a run of capitals (initials and suffixes allowed, no title word) that holds
    // two or more words and ends the segment: then it is the name written in capitals ("Classified
    // By: Charge d'Affaires DANIEL SPECKHARD", "ALAN J. LEVY JR., Minister-Counselor", 10BERLIN180);
    // in a later segment only after title words of that segment.
    // caps_words[k]: the words of such a run from k (0 when none); one backward pass.
    std::vector<int> caps_words(words.size() + 1, 0);
    std::vector<bool> caps_run(words.size() + 1, true);
    for (size_t k = words.size(); k-- > 0;) {
      const std::string& w = words[k].first;
      bool caps = !words[k].second && std::none_of(w.begin(), w.end(), IsLower) &&
                  std::any_of(w.begin(), w.end(), IsAlpha);
      bool plain = !IsInitial(w) && !IsSuffix(w);
      caps_run[k] = caps && (!plain || !IsTitleWord(w)) && caps_run[k + 1];
      caps_words[k] = caps_run[k] ? caps_words[k + 1] + (plain ? 1 : 0) : 0;
    }
    bool title_by_connector = false;  // the last title word was taken because a connector came before
    bool after_connector = false;     // the name began right after such a word ("for Eurasian Energy ...")
    bool in_phrase = false;           // a connector stood in the title before the name ("for Political Military ...")
    for (size_t k = 0; k < words.size(); ++k) {
      const std::string& w = words[k].first;
      bool forced_title = words[k].second;
      if (name.empty()) {
        std::string n = Normalized(w);
        // Not a later segment made only of capitals: "Acting PolCouns, USEU BRUSSELS", "DCM, NATO
        // HQ" name an office and a place.
        bool caps_name = !all_upper && caps_words[k] >= 2 && (si == 0 || k > 0);
        bool is_title = forced_title || IsTitleWord(w) || connector || IsCamelCaseAbbreviation(w) ||
                        (!all_upper && !caps_name && w.size() >= 2 && !IsInitial(w) && [&] {
                          for (char c : w) {
                            if (IsLower(c)) return false;
                          }
                          return true;
                        }()) ||
                        (w.size() == 1 && IsAlpha(w[0])) || IsSuffix(w);
        after_connector = title_by_connector;
        title_by_connector = connector && is_title && !forced_title && !IsTitleWord(w);
        in_phrase |= connector;
        connector = n == "for" || n == "to" || n == "of" || n == "and";
        if (is_title) {
          title.push_back(w);
          continue;
        }
        // Initials written right before the name belong to it ("A/PolAd A. \"Hoot\" Baez",
        // 10USNATO52; "D. Kathleen Stephens, CDA", 10SEOUL272): a dotted one-letter word ending
        // the title moves to the name.
        std::vector<std::string> initials;
        while (!title.empty() && title.back().size() == 2 && IsAlpha(title.back()[0]) &&
               title.back()[1] == '.') {
          initials.insert(initials.begin(), title.back());
          title.pop_back();
        }
        for (std::string& i : initials) name.push_back(std::move(i));
        name.push_back(w);
        continue;
      }
      // Inside the name: initials, suffixes and capitalised words; a title word or (in mixed-case
      // text) a lower-case word ends it.
      if (IsSuffix(w) || IsInitial(w)) {
        name.push_back(w);
        continue;
      }
      // A lower-case particle inside a mixed-case name ("Amb. Carol van Voorst", corpus).
      if (!all_upper && IsParticle(w) && k + 1 < words.size() && !words[k + 1].second &&
          IsUpper(words[k + 1].first[0]) && !IsTitleWord(words[k + 1].first)) {
        name.push_back(w);
        continue;
      }
      if (IsTitleWord(w) || (!all_upper && !IsUpper(w[0]))) {
        // The run was an office, unit, place or topic when title words follow and then another
        // name-like run: the person is the later run. Taken when the title words hold a head word
        // ("Unit Counselor", "Leader", "POLOFF"; kHeadWords) or when a connector (for, of, to, and)
        // stood in the title before the run ("Minister-Counselor for Political Military Affairs Michael Corbin",
        // corpus). Each word is visited once: the scan resumes where the look-ahead ended.
        size_t j = k;
        bool head = false;
        while (j < words.size() && (words[j].second || IsTitleWord(words[j].first))) {
          head |= IsHeadWord(words[j].first);
          ++j;
        }
        // The next word opens a name when its first letter is a capital (after a quote:
        // "A. \"Hoot\" Baez", 10USNATO52).
        bool name_follows = j < words.size() && !IsSuffix(words[j].first) && [&] {
          for (char c : words[j].first) {
            if (IsAlpha(c)) return all_upper || IsUpper(c);
          }
          return false;
        }();
        if (!(head || in_phrase) || !name_follows) break;
        // Initials ending the title words open the name ("Global Affairs Unit Chief D. Kathleen
        // Stephens", 10SEOUL272).
        size_t name_from = j;
        while (name_from > k && words[name_from - 1].first.size() == 2 &&
               IsAlpha(words[name_from - 1].first[0]) && words[name_from - 1].first[1] == '.') {
          --name_from;
        }
        for (std::string& n : name) title.push_back(std::move(n));
        name.clear();
        for (size_t t = k; t < name_from; ++t) title.push_back(words[t].first);
        for (size_t t = name_from; t <= j; ++t) name.push_back(words[t].first);
        after_connector = false;
        k = j;
        continue;
      }
      name.push_back(w);
    }
    // A name run that began inside a connector's phrase and holds three or more words (initials,
    // suffixes and particles not counted) started with the phrase's last words ("Special Envoy for
    // Eurasian Energy Glyn T. Davies"): the person is the last two words with the initials between
    // them. Names of three words follow titles without a connector in the corpus ("Sylvia Reed
    // Curran", "Julieta Valls Noyes").
    if (after_connector) {
      // "0." is an initial O typed as a zero (golden: "LEE 0. COLDREN").
      auto plain = [](const std::string& w) {
        return !IsInitial(w) && !IsSuffix(w) && !IsParticle(model::ToLowerAscii(w)) && w != "0.";
      };
      size_t count = std::count_if(name.begin(), name.end(), plain);
      size_t cut = 0;
      while (count > 2 && cut < name.size()) {
        if (plain(name[cut])) --count;
        title.push_back(name[cut++]);
      }
      name.erase(name.begin(), name.begin() + cut);
    }
    if (!title.empty()) title_parts.push_back(model::Join(title, " "));
    if (!name.empty()) {
      std::string joined = model::Join(name, " ");
      while (!joined.empty() && (joined.back() == '.' || joined.back() == ',' || joined.back() == '-')) {
        // Keep the dot of a final initial or suffix ("JR.").
        std::string_view last = std::string_view(joined).substr(joined.rfind(' ') == std::string::npos ? 0 : joined.rfind(' ') + 1);
        // An initial is one letter ("T.") or dotted letters ("D.C."); a short surname before the
        // sentence's stop ("ED WU.", "CHARLES A. RAY.") loses it.
        size_t dots = std::count(last.begin(), last.end(), '.');
        bool keep_dot = model::StartsWithIgnoreCase(last, "JR") ||
                        model::StartsWithIgnoreCase(last, "SR") ||
                        (IsInitial(last) && !IsSuffix(last) && (last.size() == 2 || dots >= 2));
        if (joined.back() == '.' && keep_dot) break;
        joined.pop_back();
      }
      cb->name = joined;
      // The title may also follow the name ("Karin L. Look, Acting ASSISTANT SECRETARY").
      for (size_t rest = si + 1; rest < segments.size(); ++rest) {
        if (title_parts.empty()) title_parts.push_back(segments[rest]);
      }
      break;
    }
  }
  // The name written first in capitals in a mixed-case line, its title after a comma ("ROBERT A.
  // POLLARD, Minister-Counselor for Economics Affairs", 10BERLIN180): a first segment of two or
  // more words, none a title word, with no name found elsewhere, is the name.
  if (cb->name.empty() && segments.size() >= 2) {
    std::vector<std::string_view> w = model::SplitWhitespace(segments[0]);
    bool person = w.size() >= 2 && w.size() <= 5;
    for (std::string_view x : w) {
      person &= IsUpper(x[0]) && (IsInitial(x) || (!IsTitleWord(x) && x.size() >= 2));
      for (char c : x) person &= IsAlpha(c) || c == '.' || c == '-' || c == '\'';
    }
    if (person) {
      cb->name = segments[0];
      title_parts.clear();
      for (size_t rest = 1; rest < segments.size(); ++rest) title_parts.push_back(segments[rest]);
    }
  }
  std::string title = model::Join(title_parts, ", ");
  for (size_t p = title.find("/ "); p != std::string::npos; p = title.find("/ ", p)) title.erase(p + 1, 1);
  while (!title.empty() && (title.back() == ',' || title.back() == '.' || title.back() == ' ' ||
                            title.back() == '/')) {
    title.pop_back();
  }
  cb->title = model::CollapseWhitespace(title);
}

}  // namespace

std::optional<ClassifiedBy> ParseClassifiedBy(std::string_view text) {
  std::string u = model::ToUpperAscii(text);
  size_t from = 0;
  std::optional<ClassifiedBy> first;
  for (int attempt = 0; attempt < 4; ++attempt) {
    size_t label_pos = 0;
    size_t after = FindClassifiedBy(u, from, &label_pos);
    if (after == std::string::npos) break;
    size_t k = after;
    while (k < text.size() && (text[k] == ' ' || text[k] == ':')) ++k;
    std::string written = ReadBlock(text, k);
    std::string block = GlueSplitWords(written);
    ClassifiedBy cb;
    cb.text = model::CollapseWhitespace(std::string(text.substr(label_pos, after - label_pos)) +
                                        " " + written);
    size_t rs = ReasonStart(block);
    // A list of cables after the label ("Classified By: ADANA 222 ADANA 216", golden) is no name.
    bool numbers = false;
    for (std::string_view w : model::SplitWhitespace(std::string_view(block).substr(0, rs))) {
      numbers |= model::IsAllDigits(w);
    }
    SplitTitleAndName(std::string_view(block).substr(0, rs), &cb);
    cb.reasons = ParseReasons(std::string_view(block).substr(std::min(rs, block.size())));
    bool digits = false;
    for (char c : cb.name) digits |= IsDigit(c) && c != '0';
    if (!cb.name.empty() && !digits && !numbers) return cb;
    if (numbers) cb.name.clear();
    if (!first) first = cb;
    from = after;
  }
  if (first && !first->name.empty()) {
    bool digits = false;
    for (char c : first->name) digits |= IsDigit(c) && c != '0';
    if (digits) first->name.clear();
  }
  return first;
}

namespace {

// Skips what may stand before a label at the start of a line: blanks, a paragraph sign or a
// mangled paragraph link ("¶", "[1](#)"), a paragraph number ("1.", "2)") and a portion mark
// ("(U)", "(C)"). Sets *number to the paragraph number (0 when none).
size_t SkipLineOpening(std::string_view line, int* number) {
  size_t k = 0;
  *number = 0;
  auto blanks = [&] {
    while (k < line.size() && IsSpace(line[k])) ++k;
  };
  blanks();
  if (line.compare(k, 2, "\xC2\xB6") == 0) k += 2;  // "¶" in UTF-8
  if (k < line.size() && line[k] == '[') {
    size_t close = line.find("](#)", k);
    if (close != std::string_view::npos && close - k <= 4) k = close + 4;
  }
  size_t d = k;
  int n = 0;
  while (k < line.size() && IsDigit(line[k]) && k - d < 3) n = n * 10 + (line[k++] - '0');
  if (k > d && k < line.size() && (line[k] == '.' || line[k] == ')')) {
    ++k;
    *number = n;
  } else {
    k = d;
  }
  blanks();
  if (k < line.size() && line[k] == '(') {
    size_t close = line.find(')', k);
    if (close != std::string_view::npos && close - k <= 12) k = close + 1;
  }
  blanks();
  return k;
}

// Where a page marker ends inside the line ("RIO DE JANEIRO 00000365 001.2 OF 002 CLASSIFIED BY",
// 09RIODEJANEIRO365): just after "NNN OF NNN", or npos.
size_t AfterPageMarker(std::string_view u, size_t label_pos) {
  size_t of = u.rfind(" OF ", label_pos);
  if (of == std::string_view::npos || of == 0) return std::string_view::npos;
  size_t k = of + 4, d = k;
  while (k < u.size() && IsDigit(u[k])) ++k;
  if (k - d != 3 || !IsDigit(u[of - 1])) return std::string_view::npos;
  while (k < u.size() && IsSpace(u[k])) ++k;
  return k == label_pos ? k : std::string_view::npos;
}

}  // namespace

std::optional<ClassifiedBy> ParseLeadingClassifiedBy(std::string_view text, size_t body_line,
                                                      size_t max_lines) {
  size_t pos = 0;
  for (size_t seen = 0; seen < max_lines && pos < text.size(); ++seen) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    int number = 0;
    size_t k = SkipLineOpening(line, &number);
    // Paragraph 3 or later: the text has begun (a Classified By line stands in paragraph 1 or 2,
    // 09STATE30049, 08STATE103511).
    if (number >= 3 && seen >= body_line) break;
    std::string u = model::ToUpperAscii(line.substr(0, std::min<size_t>(line.size(), 200)));
    size_t label_pos = 0;
    if (FindClassifiedBy(u, k, &label_pos) != std::string::npos &&
        (label_pos == k || AfterPageMarker(u, label_pos) == label_pos)) {
      return ParseClassifiedBy(text.substr(pos + label_pos));
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return std::nullopt;
}

}  // namespace cablebase::parse
