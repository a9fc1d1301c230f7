// The telegram formatter: a Cable record → telegram text in the standard layout.
#include "write/formatter.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "cablebase/write.h"
#include "model/text_util.h"
#include "write/levels.h"

namespace cablebase {
namespace write {

std::string ClassificationLineWord(std::string_view classification) {
  std::string c = model::ToUpperAscii(model::CollapseWhitespace(classification));
  if (c == "UNCLASSIFIED") return "UNCLAS";
  if (c == "CONFIDENTIAL" || c == "SECRET" || c == "TOP SECRET") {
    std::string out;
    for (char ch : c) {
      if (ch == ' ') continue;
      if (!out.empty()) out.push_back(' ');
      out.push_back(ch);
    }
    return out;
  }
  return c;
}

std::string ReasonsPhrase(const std::vector<std::string>& reasons) {
  // Groups of consecutive reasons with the same section: "1.4" → ["b", "d"].
  struct Group {
    std::string section;
    std::vector<std::string> letters;
  };
  std::vector<Group> groups;
  std::vector<std::string> other;
  for (const std::string& r : reasons) {
    std::string_view v = model::Trim(r);
    size_t open = v.find('(');
    if (open != std::string_view::npos && v.size() == open + 3 && v.back() == ')' &&
        model::IsAlpha(v[open + 1])) {
      std::string section(model::Trim(v.substr(0, open)));
      std::string letter(1, model::ToLowerChar(v[open + 1]));
      if (groups.empty() || groups.back().section != section) groups.push_back({section, {}});
      groups.back().letters.push_back(letter);
    } else {
      other.emplace_back(v);
    }
  }
  std::vector<std::string> parts;
  for (const Group& g : groups) {
    std::string p = g.section + " ";
    for (size_t i = 0; i < g.letters.size(); ++i) {
      if (i > 0) p += (i + 1 == g.letters.size()) ? " and " : ", ";
      p += "(" + g.letters[i] + ")";
    }
    parts.push_back(p);
  }
  for (const std::string& o : other) parts.push_back(o);
  return model::Join(parts, ", ");
}

std::string IsoToDeclDate(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return {};
  std::string_view y = iso.substr(0, 4), m = iso.substr(5, 2), d = iso.substr(8, 2);
  if (!model::IsAllDigits(y) || !model::IsAllDigits(m) || !model::IsAllDigits(d)) return {};
  return std::string(m) + "/" + std::string(d) + "/" + std::string(y);
}

std::string AddresseeLine(const Addressee& a) {
  std::string line;
  if (!a.route.empty()) line += a.route + "/";
  line += a.name;
  if (!a.precedence.empty()) line += " " + a.precedence;
  if (!a.sequence.empty()) line += " " + a.sequence;
  return line;
}

namespace {

// Appends `s` and a newline.
void Line(std::string* out, std::string_view s) {
  out->append(s);
  out->push_back('\n');
}

// Appends a multi-line value with `prefix` on its first line and the other lines as they are.
void Block(std::string* out, std::string_view prefix, std::string_view value) {
  out->append(prefix);
  out->append(model::Trim(value));
  out->push_back('\n');
}

// The highest precedence word among the addressees (5 FAH-2 H-321: the header precedence is the
// highest of the addressees'); NIACT IMMEDIATE counts as IMMEDIATE. Empty when none has one.
std::string HighestAddresseePrecedence(const Cable& c) {
  int best = 0;
  for (const auto* list : {&c.to, &c.info}) {
    for (const Addressee& a : *list) best = std::max(best, PrecedenceRank(a.precedence));
  }
  static const char* const kWords[] = {"", "ROUTINE", "PRIORITY", "IMMEDIATE", "FLASH"};
  return kWords[best];
}

// The serial as written on a 2000s classification line: six digits, zero-padded ("001637",
// 06MOSCOW1637); a non-numeric serial is kept as given.
std::string PadSerial(std::string_view serial) {
  std::string s(model::Trim(serial));
  if (model::IsAllDigits(s) && s.size() < 6) s.insert(0, 6 - s.size(), '0');
  return s;
}

std::string TwoDigits(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

}  // namespace
}  // namespace write

std::string FormatDtg(std::time_t t) {
  static const char* const kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                        "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d%02d%02dZ %s %02d", tm.tm_mday, tm.tm_hour, tm.tm_min,
                kMonths[tm.tm_mon], tm.tm_year % 100);
  return buf;
}

Result<std::string> FormatCable(const Cable& c, const FormatOptions& options) {
  using write::Block;
  using write::Line;
  std::vector<std::string> missing;
  std::string dtg = !c.dtg.empty() ? c.dtg : options.now_dtg;
  if (dtg.empty()) missing.push_back("dtg (give --now)");
  std::string precedence =
      !c.precedence.empty() ? c.precedence : write::HighestAddresseePrecedence(c);
  char prosign = write::PrecedenceProsign(precedence);
  if (precedence.empty()) {
    missing.push_back("precedence (or an addressee precedence)");
  } else if (prosign == '\0') {
    missing.push_back("a known precedence (FLASH, IMMEDIATE, PRIORITY, ROUTINE), not '" +
                      precedence + "'");
  }
  if (c.originator.empty()) missing.push_back("originator");
  if (c.to.empty()) missing.push_back("to (an action addressee)");
  if (c.classification.empty()) missing.push_back("classification");
  if (c.post.empty()) missing.push_back("post");
  std::string serial = !c.serial.empty() ? c.serial : write::PadSerial(options.serial);
  if (serial.empty()) missing.push_back("serial (give --serial)");
  if (!missing.empty()) {
    std::string label = !c.reference_id.empty() ? c.reference_id + ": " : std::string();
    return Status(StatusCode::kInvalidArgument,
                  label + "cannot format: missing " + model::Join(missing, ", "),
                  c.source.path);
  }

  std::string out;
  // Routing header.
  if (options.transmission && c.transmission) {
    const TransmissionHeader& t = *c.transmission;
    if (!t.transmission_id.empty()) Line(&out, t.transmission_id);
    std::vector<std::string> fl2 = t.precedence_prosigns;
    fl2.insert(fl2.end(), t.routing_indicators.begin(), t.routing_indicators.end());
    if (!fl2.empty()) Line(&out, model::Join(fl2, " "));
    if (!t.originating_station.empty()) {
      std::string fl3 = "DE " + t.originating_station;
      if (!t.station_serial.empty()) fl3 += " #" + t.station_serial;
      if (!t.section.empty()) fl3 += "/" + t.section;
      if (!t.julian_time.empty()) fl3 += " " + t.julian_time;
      Line(&out, fl3);
    }
    if (!t.security.empty()) Line(&out, t.security);
  }
  Line(&out, std::string(1, prosign) + " " + dtg);
  Line(&out, "FM " + c.originator);
  auto addressees = [&out](std::string_view label, const std::vector<Addressee>& list) {
    for (size_t i = 0; i < list.size(); ++i) {
      Line(&out, (i == 0 ? std::string(label) + " " : std::string()) +
                     write::AddresseeLine(list[i]));
      for (const std::string& x : list[i].excluded) Line(&out, "XMT " + x);
    }
  };
  addressees("TO", c.to);
  addressees("INFO", c.info);
  out.push_back('\n');

  // Text header.
  std::string cls = write::ClassificationLineWord(c.classification);
  if (c.section_count > 0) {
    cls += " SECTION " + write::TwoDigits(c.section_number > 0 ? c.section_number : 1) + " OF " +
           write::TwoDigits(c.section_count);
  }
  cls += " " + c.post + " " + serial;
  Line(&out, cls);
  out.push_back('\n');
  for (const std::string& cav : c.caveats) Line(&out, cav);
  if (!c.caveats.empty()) out.push_back('\n');

  std::string decl = write::IsoToDeclDate(c.declassify_on);
  if (!decl.empty()) {
    Line(&out, "E.O. " + (c.executive_order.empty() ? std::string("12958") : c.executive_order) +
                   ": DECL: " + decl);
  } else if (!c.eo_line.empty()) {
    Line(&out, model::CollapseWhitespace(c.eo_line));
  } else if (!c.executive_order.empty()) {
    Line(&out, "E.O. " + c.executive_order + ": N/A");
  }
  if (!c.tags.empty()) {
    // A person tag "SURNAME, GIVEN" is written in parentheses so its comma does not split it:
    // "TAGS OVIP (STEINBERG, JAMES B.), PREL" (09BEIJING2963).
    std::vector<std::string> tags;
    for (const std::string& t : c.tags) {
      tags.push_back(t.find(',') != std::string::npos ? "(" + t + ")" : t);
    }
    Line(&out, "TAGS: " + model::Join(tags, ", "));
  }
  if (!c.subject.empty()) Block(&out, "SUBJECT: ", model::CollapseWhitespace(c.subject));
  out.push_back('\n');

  bool any_label = false;
  for (const Reference& r : c.references) any_label = any_label || !r.label.empty();
  if (!c.references.empty() && !any_label) {
    // Unlabelled references share the REF line, separated by semicolons:
    // "REF: 09 SAN SALVADOR 1101; 09 SAN SALVADOR 789" (10SANSALVADOR37).
    std::vector<std::string> texts;
    for (const Reference& r : c.references) texts.push_back(r.text);
    Line(&out, "REF: " + model::Join(texts, "; "));
    out.push_back('\n');
  } else if (!c.references.empty()) {
    for (size_t i = 0; i < c.references.size(); ++i) {
      const Reference& r = c.references[i];
      std::string entry = r.label.empty() ? r.text : r.label + ". " + r.text;
      Line(&out, (i == 0 ? "REF: " : "     ") + entry);
    }
    out.push_back('\n');
  }

  if (c.classified_by) {
    const ClassifiedBy& cb = *c.classified_by;
    if (!cb.text.empty()) {
      Line(&out, model::CollapseWhitespace(cb.text));
    } else {
      std::string who = model::CollapseWhitespace(cb.title + " " + cb.name);
      std::string line = "Classified By: " + who;
      if (!cb.reasons.empty()) line += ", for reasons " + write::ReasonsPhrase(cb.reasons);
      Line(&out, line + ".");
    }
    out.push_back('\n');
  }

  // Body: numbered paragraphs; a record without paragraphs keeps its body text.
  if (!c.paragraphs.empty()) {
    for (const Paragraph& p : c.paragraphs) {
      std::string head = std::to_string(p.number) + ".";
      if (!p.portion_marking.empty()) head += " (" + p.portion_marking + ")";
      Block(&out, head + " ", p.text);
      out.push_back('\n');
    }
  } else if (!c.body.empty()) {
    Line(&out, model::Trim(c.body));
    out.push_back('\n');
  }
  for (const std::string& s : c.signers) Line(&out, s);
  return out;
}

}  // namespace cablebase
