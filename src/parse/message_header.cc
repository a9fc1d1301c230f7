// The message header: precedence + DTG, FM, TO and INFO addressees with XMT exclusions.
#include "parse/message_header.h"

#include "model/dates.h"
#include "model/text_util.h"
#include "parse/header_lines.h"

namespace cablebase::parse {

namespace {

using model::IsAllDigits;
using model::IsUpper;

int PrecedenceRank(char p) {
  switch (p) {
    case 'Z': return 4;
    case 'O': return 3;
    case 'P': return 2;
    case 'R': return 1;
    default: return 0;
  }
}

// "O 201007Z FEB 06", "O P 190243Z DEC 89", "R 270230Z NOV 08". Returns true and fills `mh` when
// `w` is a DTG line.
bool ReadDtgLine(const std::vector<std::string_view>& w, MessageHeader* mh) {
  size_t k = 0;
  char best = 0;
  while (k < w.size() && k < 2 && w[k].size() == 1 && PrecedenceRank(w[k][0]) > 0) {
    if (PrecedenceRank(w[k][0]) > PrecedenceRank(best)) best = w[k][0];
    ++k;
  }
  if (k == 0 || k >= w.size()) return false;
  std::string rest;
  for (size_t j = k; j < w.size() && j < k + 3; ++j) {
    if (!rest.empty()) rest.push_back(' ');
    rest += w[j];
  }
  std::string dtg = model::NormalizeDtg(rest);
  if (dtg.empty()) return false;
  mh->dtg = dtg;
  mh->precedence = PrecedenceName(best);
  return true;
}

bool IsRoute(std::string_view w) {
  if (w.size() < 4 || w.size() > 8 || w[0] != 'R') return false;
  for (char c : w) {
    if (!IsUpper(c)) return false;
  }
  return true;
}

// Old distribution blocks: "INFO  LOG-00   NP-00    AID-00" (00HARARE6677) are office codes.
bool IsDistributionCodes(const std::vector<std::string_view>& w, size_t from) {
  size_t codes = 0, total = 0;
  for (size_t k = from; k < w.size(); ++k) {
    ++total;
    std::string_view t = w[k];
    size_t dash = t.rfind('-');
    if (dash != std::string_view::npos && dash > 0 && IsAllDigits(t.substr(dash + 1))) ++codes;
    if (t[0] == '/' && IsAllDigits(t.substr(1, 3))) ++codes;
  }
  return total > 0 && codes * 2 >= total;
}

// "0298" or "0298-0299".
bool IsSequence(std::string_view w) {
  size_t dash = w.find('-');
  if (dash == std::string_view::npos) return IsAllDigits(w);
  return dash > 0 && IsAllDigits(w.substr(0, dash)) && IsAllDigits(w.substr(dash + 1));
}

// A precedence word after an addressee, misspellings included ("AMEMBASSY NEW DELHI PIORITY",
// 09BAKU179): the precedence within one edit of IMMEDIATE, PRIORITY, ROUTINE; FLASH exactly.
std::string PrecedenceWord(std::string_view w) {
  if (w == "FLASH") return "FLASH";
  if (w.size() < 6) return {};
  for (std::string_view p : {"IMMEDIATE", "PRIORITY", "ROUTINE"}) {
    if (model::EditDistance(w, p, /*transpositions=*/true, 1) <= 1) return std::string(p);
  }
  return {};
}

Addressee ReadAddressee(std::string_view text) {
  Addressee a;
  std::string_view t = model::Trim(text);
  size_t slash = t.find('/');
  if (slash != std::string_view::npos && IsRoute(t.substr(0, slash))) {
    a.route = std::string(t.substr(0, slash));
    t = model::Trim(t.substr(slash + 1));
  }
  std::vector<std::string_view> w = model::SplitWhitespace(t);
  // The sequence number, or a range of them when the addressee got several messages
  // ("AMEMBASSY MOSCOW IMMEDIATE 2593-2599", "PRIORITY 0298-0299", 09STATE81957).
  if (!w.empty() && w.size() > 1 && IsSequence(w.back())) {
    a.sequence = std::string(w.back());
    w.pop_back();
  }
  // "NIACT IMMEDIATE" with IMMEDIATE misspelled like any precedence ("NIACT IMMEDAITE"); the
  // words in any case (OCR'd and retyped headers: "Priority").
  if (w.size() > 2 && model::ToUpperAscii(w[w.size() - 2]) == "NIACT" &&
      PrecedenceWord(model::ToUpperAscii(w.back())) == "IMMEDIATE") {
    a.precedence = "NIACT IMMEDIATE";
    w.resize(w.size() - 2);
  } else if (w.size() > 1) {
    if (std::string p = PrecedenceWord(model::ToUpperAscii(w.back())); !p.empty()) {
      a.precedence = p;
      w.pop_back();
    }
  }
  std::string name;
  for (std::string_view x : w) {
    if (!name.empty()) name.push_back(' ');
    name += x;
  }
  a.name = name;
  a.collective = IsCollectiveName(a.name);
  return a;
}

// What follows a classification word that opens a classification line: nothing, a gap of two or
// more spaces, "/" ("SECRET//NOFORN"), or a post and a number ("SECRET STATE 081957").
bool LooksLikeClassificationTail(std::string_view rest) {
  if (model::Trim(rest).empty()) return true;
  if (rest[0] == '/' || (rest.size() >= 2 && rest[0] == ' ' && rest[1] == ' ')) return true;
  std::vector<std::string_view> w = model::SplitWhitespace(rest);
  // The serial of a classification line has 5-6 digits ("STATE 081957", "KABUL 000062"); an
  // addressee's sequence number has 4 ("WASHDC 0123").
  for (size_t i = 1; i < w.size() && i < 4; ++i) {
    if (IsAllDigits(w[i]) && w[i].size() >= 5) return true;
    if (w[i] == "SECTION") return true;
  }
  return false;
}

// Offset where a classification line or a new routing block is glued onto a header line
// ("AMCONSUL VLADIVOSTOKUNCLAS VLADIVOSTOK 000068", "IMMEDIATE 9888S E C R E T   STATE",
// "AMEMBASSY ABUJAVZCZCXYZ"); npos when none.
size_t GluedTail(std::string_view line) {
  std::string u = model::ToUpperAscii(line);
  size_t best = std::string::npos;
  for (std::string_view m : {"VZCZC", "UNCLAS", "C O N F", "S E C R E T", "CONFIDENTIAL",
                             "SECRET", "LIMITED OFFICIAL USE"}) {
    size_t p = u.find(m);
    if (p == std::string::npos || p == 0) continue;
    // "SECRET" inside a name ("SECRETARY") is not a classification.
    size_t after = p + m.size();
    if (m == "SECRET" && after < u.size() && model::IsAlpha(u[after])) continue;
    // Nor is a classification word standing as a word of a name ("US SECRET SERVICE WASHDC",
    // 09MADRID614, 09MADRID671): after a space it is a classification line only when the line
    // ends there, or a wide gap, "//" or a post and number follow.
    if (u[p - 1] == ' ' && !LooksLikeClassificationTail(std::string_view(u).substr(after))) continue;
    if (p < best) best = p;
  }
  return best;
}

}  // namespace

std::string PrecedenceName(char prosign) {
  switch (prosign) {
    case 'Z': return "FLASH";
    case 'O': return "IMMEDIATE";
    case 'P': return "PRIORITY";
    case 'R': return "ROUTINE";
    default: return {};
  }
}

bool IsCollectiveName(std::string_view name) {
  std::string u = model::ToUpperAscii(model::Trim(name));
  if (model::EndsWithIgnoreCase(u, "COLLECTIVE") || u.find("COLLECTIVE ") != std::string::npos) {
    return true;
  }
  if (u.compare(0, 4, "ALL ") == 0) {
    for (std::string_view w : {"POSTS", "CAPITALS", "EMBASSIES", "CONSULATES", "MISSIONS",
                               "STATIONS", "DIPLOMATIC", "OFFICES", "AGENCIES"}) {
      if (u.find(w) != std::string::npos) return true;
    }
  }
  return u == "SPECIAL EMBASSY PROGRAM";
}

MessageHeader ParseMessageHeader(std::string_view text) {
  MessageHeader mh;
  enum class List { kNone, kTo, kInfo } list = List::kNone;
  bool in_xmt = false;
  bool in_codes = false;
  bool seen_any = false;
  for (std::string_view raw : model::SplitLines(text)) {
    std::string_view line = model::Trim(raw);
    bool stop_after = false;
    if (size_t g = GluedTail(line); g != std::string_view::npos) {
      line = model::Trim(line.substr(0, g));
      stop_after = true;
    }
    if (line.empty()) {
      if (stop_after) break;
      continue;
    }
    std::vector<std::string_view> w = model::SplitWhitespace(line);
    std::string first = model::ToUpperAscii(w[0]);
    if (first == "BT") break;
    if (seen_any) {
      std::string collapsed = model::ToUpperAscii(internal::CollapseLetterSpacing(line));
      size_t used = 0;
      if (!internal::MatchClassification(collapsed, &used).empty() || internal::StartsHeaderField(line)) {
        break;
      }
    }
    if (mh.dtg.empty() && ReadDtgLine(w, &mh)) {
      seen_any = true;
      continue;
    }
    if (first == "FM" && w.size() > 1) {
      mh.originator = model::CollapseWhitespace(line.substr(2));
      list = List::kNone;
      seen_any = true;
      continue;
    }
    std::string_view rest = line;
    if (first == "TO" || first == "INFO" || first == "ACTION") {
      rest = model::Trim(line.substr(w[0].size()));
      in_xmt = false;
      in_codes = IsDistributionCodes(w, 1);
      if (in_codes || first == "ACTION") {
        in_codes = true;
        continue;
      }
      list = first == "TO" ? List::kTo : List::kInfo;
      seen_any = true;
      // Continuation pages: "TO PAGE 02  STATE 015113  182333Z" belongs to no addressee.
      if (model::StartsWithIgnoreCase(rest, "PAGE ")) continue;
      if (rest.empty()) continue;
    } else if (in_codes) {
      if (IsDistributionCodes(w, 0) || (!w.empty() && w[0].find("----") != std::string_view::npos)) {
        continue;
      }
      in_codes = false;
    }
    if (list == List::kNone) continue;
    // An addressee line is no sentence: more than 8 words ending with a full stop are text, and the
    // list has ended (cfpf-gt 1978NAIROB16042, a paragraph's line "TO EXPLAIN THAT SHUT DOWN OF ...
    // GIVEN TO MWANGI." read as an addressee; likewise 78PARIS19560 and 79LONDON2802 INFO lines).
    if (w.size() > 8 && line.back() == '.') {
      list = List::kNone;
      continue;
    }
    std::vector<Addressee>& target = list == List::kTo ? mh.to : mh.info;
    // XMT exclusions: "XMT AMEMBASSY SOFIA", "XMT/AMEMBASSY SOFIA".
    if (model::StartsWithIgnoreCase(rest, "XMT") &&
        (rest.size() == 3 || rest[3] == ' ' || rest[3] == '/')) {
      in_xmt = true;
      rest = model::Trim(rest.substr(3));
      if (!rest.empty() && rest[0] == '/') rest = model::Trim(rest.substr(1));
    }
    if (rest.empty()) continue;
    if (in_xmt) {
      if (!target.empty()) target.back().excluded.push_back(model::CollapseWhitespace(rest));
      continue;
    }
    Addressee a = ReadAddressee(rest);
    if (!a.name.empty()) target.push_back(std::move(a));
    if (stop_after) break;
  }
  return mh;
}

}  // namespace cablebase::parse
