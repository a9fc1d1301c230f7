// Metamorphic tests of the REF reader (parse::ParseReferences), the ID repair
// (model::CanonicalizeReferenceId) and the TO/INFO addressee reader (parse::ParseMessageHeader).
//
// The golden cases of an independent parser (shared/golden/cablemap-dev.json) and the real reference
// IDs of shared/corpus (MANIFEST.tsv) are the seeds. Each transformation below changes a seed in a
// way whose effect on the expected value is known (another post of another shape, another serial
// width, the year written or not, another label style, line layout, CRLF, a title after an entry,
// a non-cable entry beside it, ...), and the test checks that the parser follows. The point is the
// whole kind of input, not the seed: a rule fitted to the golden case fails its variants.
//
// The real REF blocks of shared/corpus and corpus-more are reshaped too (RealBlocksReshaped): there
// no value is assumed, the reshaped block must give the IDs of the block as written.
//
// One test per transformation; each reports how many variants fail and the first few of them. The
// texts built here are fragments written for the test from the seeds' values, not copies of cables.
// CABLEBASE_METAMORPHIC_VERBOSE=1 prints every failing variant.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cablebase/read.h"
#include "model/reference_id.h"
#include "parse/message_header.h"
#include "parse/text_header.h"
#include "shared_files.h"

namespace cablebase {
namespace {

using Json = nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Seeds.

struct Id {
  int year = 0;  // 4 digits
  std::string post;    // canonical
  std::string serial;  // no leading zeros
  std::string Canonical() const { return model::MakeReferenceId(year, post, serial); }
};

bool SplitId(const std::string& id, Id* out) {
  if (id.size() < 4 || !isdigit(static_cast<unsigned char>(id[0])) ||
      !isdigit(static_cast<unsigned char>(id[1]))) {
    return false;
  }
  size_t i = 2;
  while (i < id.size() && isalpha(static_cast<unsigned char>(id[i]))) ++i;
  size_t j = i;
  while (j < id.size() && isdigit(static_cast<unsigned char>(id[j]))) ++j;
  if (i == 2 || j == i || j != id.size()) return false;
  int yy = std::atoi(id.substr(0, 2).c_str());
  out->year = yy >= 66 ? 1900 + yy : 2000 + yy;
  out->post = id.substr(2, i - 2);
  out->serial = id.substr(i);
  while (out->serial.size() > 1 && out->serial[0] == '0') out->serial.erase(0, 1);
  return true;
}

struct RefSeed {
  std::string name;  // where it comes from
  int year = 0;      // the citing cable's year
  std::vector<Id> ids;
};

struct GoldenSeeds {
  std::vector<Json> cases;
  bool loaded = false;
};

const GoldenSeeds& Golden() {
  static GoldenSeeds g = [] {
    GoldenSeeds s;
    std::ifstream in(testing_shared::SharedPath("golden/cablemap-dev.json"));
    if (!in) return s;
    Json all = Json::parse(in);
    for (const Json& c : all) s.cases.push_back(c);
    s.loaded = true;
    return s;
  }();
  return g;
}

// Real reference IDs: the corpus manifest.
std::vector<Id> CorpusIds() {
  std::vector<Id> out;
  std::ifstream in(testing_shared::SharedPath("corpus/MANIFEST.tsv"));
  std::string line;
  std::set<std::string> seen;
  while (std::getline(in, line)) {
    std::string id = line.substr(0, line.find('\t'));
    Id x;
    if (SplitId(id, &x) && model::IsKnownPost(x.post) && seen.insert(id).second) out.push_back(x);
  }
  return out;
}

// The seeds of the REF reader: the cable IDs each golden case expects (projection
// unique_cable_values), and runs of three real corpus IDs.
std::vector<RefSeed> RefSeeds() {
  std::vector<RefSeed> out;
  for (const Json& c : Golden().cases) {
    if (c["function"] != "parse_references" || c["projection"] != "unique_cable_values") continue;
    if (!c["expected"].is_array() || c["expected"].empty()) continue;
    RefSeed s;
    s.name = "golden#" + std::to_string(c.value("index", 0));
    s.year = c["params"].value("year", 0);
    bool ok = s.year > 0;
    for (const Json& e : c["expected"]) {
      Id x;
      ok = ok && SplitId(e.get<std::string>(), &x);
      s.ids.push_back(x);
    }
    if (ok) out.push_back(s);
  }
  std::vector<Id> ids = CorpusIds();
  for (size_t i = 0; i + 3 <= ids.size(); i += 3) {
    RefSeed s;
    s.name = "corpus:" + ids[i].Canonical();
    s.year = ids[i].year;
    for (size_t k = i; k < i + 3; ++k) s.ids.push_back(ids[k]);
    out.push_back(s);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rendering a REF block (written for the test).

// How a canonical post is written in running text; the canonical spelling otherwise.
std::string Written(const std::string& post) {
  static const std::map<std::string, std::string> kWritten = {
      {"RIODEJANEIRO", "RIO DE JANEIRO"}, {"USUNNEWYORK", "USUN NEW YORK"},
      {"USEUBRUSSELS", "USEU BRUSSELS"},  {"AITTAIPEI", "AIT TAIPEI"},
      {"LAPAZ", "LA PAZ"},                {"BUENOSAIRES", "BUENOS AIRES"},
      {"SANJOSE", "SAN JOSE"},            {"THEHAGUE", "THE HAGUE"},
      {"HONGKONG", "HONG KONG"},          {"KUALALUMPUR", "KUALA LUMPUR"},
      {"SAOPAULO", "SAO PAULO"},          {"PORTAUPRINCE", "PORT AU PRINCE"},
      {"ADDISABABA", "ADDIS ABABA"},      {"TELAVIV", "TEL AVIV"},
      {"NEWDELHI", "NEW DELHI"},          {"ABUDHABI", "ABU DHABI"},
      {"SANTODOMINGO", "SANTO DOMINGO"},  {"PORTOFSPAIN", "PORT OF SPAIN"},
      {"HOCHIMINHCITY", "HO CHI MINH CITY"}, {"SANSALVADOR", "SAN SALVADOR"},
      {"GUATEMALA", "GUATEMALA"},         {"MEXICO", "MEXICO"},
      {"PANAMA", "PANAMA"},               {"USNATO", "USNATO"},
      {"UNVIEVIENNA", "UNVIE VIENNA"},    {"PORTLOUIS", "PORT LOUIS"},
      {"DARESSALAAM", "DAR ES SALAAM"},   {"SANTIAGO", "SANTIAGO"},
      {"CIUDADJUAREZ", "CIUDAD JUAREZ"},  {"PORTMORESBY", "PORT MORESBY"},
  };
  auto it = kWritten.find(post);
  return it == kWritten.end() ? post : it->second;
}

enum class YearForm { kAuto, kTwo, kFour, kGlued, kParenBefore, kParenInside, kParenAfter,
                      kApostrophe, kDashAfter, kSlashAfter };
enum class Layout { kLines, kOneLine, kBlankLines, kPageBreak, kOldPageBreak, kIndent, kCrlf, kWrap,
                    kPageHeaderTight, kTabs, kAndBetween };

struct Style {
  std::string label = "A.";  // pattern: A replaced by the letter; "" for none
  YearForm year = YearForm::kAuto;
  size_t pad = 0;            // serial zero-padded to this width
  Layout layout = Layout::kLines;
  std::string suffix;        // after every cable entry
  std::string header = "REF: ";
  std::string secstate = "STATE";  // how STATE is written
  bool lower = false;
  std::vector<std::string> others;  // non-cable entries put after each cable entry (rotating)
  std::string after;                // text after the block
};

std::string Serial(const Id& x, size_t pad) {
  std::string s = x.serial;
  while (s.size() < pad) s.insert(0, "0");
  return s;
}

std::string Entry(const Id& x, int citing_year, const Style& st) {
  std::string post = x.post == "STATE" ? st.secstate : Written(x.post);
  std::string yy = std::to_string(x.year % 100);
  if (yy.size() < 2) yy.insert(0, "0");
  std::string serial = Serial(x, st.pad);
  switch (st.year) {
    case YearForm::kAuto:
      return (x.year == citing_year ? "" : yy + " ") + post + " " + serial;
    case YearForm::kTwo:
      return yy + " " + post + " " + serial;
    case YearForm::kFour:
      return std::to_string(x.year) + " " + post + " " + serial;
    case YearForm::kParenBefore:
      return "(" + yy + ") " + post + " " + serial;
    case YearForm::kParenInside:
      return post + " (" + yy + ") " + serial;
    case YearForm::kParenAfter:
      return post + " " + serial + " (" + yy + ")";
    case YearForm::kApostrophe:
      return "'" + yy + " " + post + " " + serial;
    case YearForm::kDashAfter:
      return post + " " + serial + "-" + yy;
    case YearForm::kSlashAfter:
      return post + " " + serial + "/" + yy;
    case YearForm::kGlued: {
      std::string glued;
      for (char c : post) {
        if (c != ' ') glued.push_back(c);
      }
      return yy + glued + serial;
    }
  }
  return {};
}

std::string LabelOf(const std::string& pattern, size_t i) {
  std::string out = pattern;
  for (char& c : out) {
    if (c == 'A') c = static_cast<char>('A' + i);
    if (c == 'a') c = static_cast<char>('a' + i);
  }
  return out;
}

std::string Render(const RefSeed& s, const Style& st) {
  std::vector<std::string> entries;
  size_t other = 0;
  for (const Id& x : s.ids) {
    entries.push_back(Entry(x, s.year, st) + st.suffix);
    if (!st.others.empty()) entries.push_back(st.others[other++ % st.others.size()]);
  }
  std::string sep;
  switch (st.layout) {
    case Layout::kLines: sep = "\n"; break;
    case Layout::kOneLine: sep = "  "; break;
    case Layout::kBlankLines: sep = "\n\n"; break;
    case Layout::kPageBreak: sep = "\n\nSTATE 00012345  002 OF 003\n\n"; break;
    case Layout::kOldPageBreak:
      sep = "\nCONFIDENTIAL\n\nPAGE 02        STATE   023763  071504Z\n";
      break;
    case Layout::kIndent: sep = "\n     "; break;
    case Layout::kCrlf: sep = "\r\n"; break;
    case Layout::kWrap: sep = "\n"; break;
    case Layout::kPageHeaderTight: sep = "\nSTATE 00012345  002 OF 003\n"; break;
    case Layout::kTabs: sep = "\n\t"; break;
    case Layout::kAndBetween: sep = " and "; break;
  }
  std::string block = st.header;
  for (size_t i = 0; i < entries.size(); ++i) {
    if (i > 0) block += sep;
    std::string label = st.label.empty() ? "" : LabelOf(st.label, i) + " ";
    block += label + entries[i];
  }
  if (st.layout == Layout::kWrap) {
    // Wrapped at 30 columns at spaces, as a narrow teletype line would.
    std::string wrapped;
    size_t col = 0;
    std::istringstream lines(block);
    std::string line;
    bool first_line = true;
    while (std::getline(lines, line)) {
      if (!first_line) wrapped += "\n";
      first_line = false;
      col = 0;
      std::istringstream words(line);
      std::string w;
      bool first = true;
      while (words >> w) {
        if (!first && col + 1 + w.size() > 30) {
          wrapped += "\n";
          col = 0;
        } else if (!first) {
          wrapped += " ";
          ++col;
        }
        wrapped += w;
        col += w.size();
        first = false;
      }
    }
    block = wrapped;
  }
  if (st.layout == Layout::kCrlf) block += "\r\n";
  if (st.lower) {
    for (char& c : block) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return "\n" + block + "\n" + st.after;
}

std::vector<std::string> CableIds(const std::vector<Reference>& refs) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const Reference& r : refs) {
    if (r.kind != ReferenceKind::kCable || !r.reference_id) continue;
    if (seen.insert(*r.reference_id).second) out.push_back(*r.reference_id);
  }
  return out;
}

std::vector<std::string> Expected(const RefSeed& s) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const Id& x : s.ids) {
    if (seen.insert(x.Canonical()).second) out.push_back(x.Canonical());
  }
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : " ") + s;
  return out;
}

// Counts failing variants and reports them.
class Tally {
 public:
  explicit Tally(std::string name) : name_(std::move(name)) {
    const char* v = std::getenv("CABLEBASE_METAMORPHIC_VERBOSE");
    verbose_ = v && *v && *v != '0';
  }
  void Check(bool ok, const std::string& what) {
    ++total_;
    if (ok) return;
    ++failed_;
    if (verbose_ || failed_ <= 3) examples_ += "\n  " + what;
  }
  ~Tally() {
    std::printf("METAMORPHIC %-28s %5d of %5d variants fail\n", name_.c_str(), failed_, total_);
    EXPECT_GT(total_, 0) << name_ << ": no variants (seeds missing?)";
    EXPECT_EQ(failed_, 0) << name_ << ": " << failed_ << " of " << total_ << " variants fail:"
                          << examples_;
  }

 private:
  std::string name_;
  int total_ = 0, failed_ = 0;
  bool verbose_ = false;
  std::string examples_;
};

std::string Show(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Runs every seed through every named style; one tally per name.
void CheckRefs(const std::vector<std::pair<std::string, Style>>& styles) {
  if (!Golden().loaded) GTEST_SKIP() << testing_shared::MissingMessage("golden/cablemap-dev.json");
  std::vector<RefSeed> seeds = RefSeeds();
  for (const auto& [name, st] : styles) {
    Tally tally(name);
    for (RefSeed seed : seeds) {
      // Labels run A..Z: a seed with more entries than letters is cut.
      size_t per = st.others.empty() ? 1 : 2;
      if (seed.ids.size() * per > 26) seed.ids.resize(26 / per);
      std::string text = Render(seed, st);
      std::vector<std::string> want = Expected(seed);
      std::vector<Reference> refs = parse::ParseReferences(text, seed.year, "");
      std::vector<std::string> got = CableIds(refs);
      // With a lettered label style, each cable reference carries its entry's letter (upper case).
      bool lettered = false;
      for (char c : st.label) lettered |= c == 'A' || c == 'a';
      std::string labels_got, labels_want;
      if (lettered) {
        size_t per = st.others.empty() ? 1 : 2;
        for (size_t k = 0; k < seed.ids.size(); ++k) labels_want.push_back(static_cast<char>('A' + k * per));
        for (const Reference& r : refs) {
          if (r.kind == ReferenceKind::kCable) labels_got += r.label.empty() ? "-" : r.label;
        }
        if (want.size() != seed.ids.size()) labels_got = labels_want;  // duplicates: IDs only
      }
      tally.Check(got == want && labels_got == labels_want,
                  seed.name + " \"" + Show(text) + "\" got [" + Join(got) + "] labels " + labels_got +
                      " want [" + Join(want) + "] labels " + labels_want);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// REF blocks.

using Styles = std::vector<std::pair<std::string, Style>>;

TEST(MetamorphicRefs, Baseline) { CheckRefs({{"refs/baseline", Style{}}}); }

TEST(MetamorphicRefs, PostSwap) {
  if (!Golden().loaded) GTEST_SKIP();
  Tally tally("refs/post-swap");
  // Posts of other shapes: one word, several words, SECSTATE, a mission to an organisation, AIT.
  const std::vector<std::string> posts = {"MOSCOW",      "RIODEJANEIRO", "USUNNEWYORK", "STATE",
                                          "USEUBRUSSELS", "AITTAIPEI",   "BUENOSAIRES", "THEHAGUE",
                                          "LAPAZ",       "HONGKONG",     "SANJOSE",     "KUALALUMPUR"};
  for (const RefSeed& seed : RefSeeds()) {
    for (const std::string& post : posts) {
      for (std::string secstate : {"STATE", "SECSTATE"}) {
        if (post != "STATE" && secstate == "SECSTATE") continue;
        RefSeed s = seed;
        for (Id& x : s.ids) x.post = post;
        if (post == "AITTAIPEI") {
          bool ok = true;
          for (const Id& x : s.ids) ok &= x.year >= 1979;
          if (!ok) continue;
        }
        Style st;
        st.secstate = secstate;
        std::string text = Render(s, st);
        std::vector<std::string> want = Expected(s);
        std::vector<std::string> got = CableIds(parse::ParseReferences(text, s.year, ""));
        tally.Check(got == want, s.name + " \"" + Show(text) + "\" got [" + Join(got) + "] want [" +
                                     Join(want) + "]");
      }
    }
  }
}

// Another serial of the same width class: a digit added below 6 digits, else the last one changed
// (8 digits would be a page header's serial).
std::string Second(const std::string& serial) {
  if (serial.size() < 6) return serial + "1";
  std::string s = serial;
  s.back() = s.back() == '9' ? '8' : static_cast<char>(s.back() + 1);
  return s;
}

// The short names REF lines give some posts (FORMAT.md §3 aliases; 08RIODEJANEIRO165 "RIO DE JAN").
TEST(MetamorphicRefs, PostAliases) {
  if (!Golden().loaded) GTEST_SKIP();
  const std::vector<std::pair<std::string, std::string>> aliases = {
      {"STATE", "SECSTATE"},          {"STATE", "SECSTATE WASHDC"},   {"STATE", "Secstate"},
      {"USUNNEWYORK", "USUN"},        {"USUNNEWYORK", "USUN NY"},     {"USUNNEWYORK", "USUN New York"},
      {"USEUBRUSSELS", "USEU"},       {"RIODEJANEIRO", "RIO"},        {"RIODEJANEIRO", "RIO DE JAN"},
      {"RIODEJANEIRO", "Rio de Janeiro"}, {"HONGKONG", "HK"},         {"HONGKONG", "HONG KONG"},
      {"THEHAGUE", "HAGUE"},          {"THEHAGUE", "The Hague"},      {"BUENOSAIRES", "Buenos Aires"},
      {"HOCHIMINHCITY", "HCMC"},      {"HOCHIMINHCITY", "HO CHI MINH"}, {"AITTAIPEI", "TAIPEI"},
      {"AITTAIPEI", "AIT Taipei"},    {"MOSCOW", "Moscow"},           {"LAPAZ", "La Paz"},
      {"SAOPAULO", "SAO PAULO"},      {"KUALALUMPUR", "KUALA LUMPUR"}, {"PORTAUPRINCE", "PORT-AU-PRINCE"},
      {"PORTOFSPAIN", "PORT OF SPAIN"}, {"NDJAMENA", "N'DJAMENA"},     {"SANJOSE", "San Jose"}};
  for (const auto& [post, written] : aliases) {
    Tally tally("refs/alias '" + written + "'");
    for (const RefSeed& seed : RefSeeds()) {
      for (const Id& x : seed.ids) {
        Id y = x;
        y.post = post;
        if (post == "AITTAIPEI" && y.year < 1979) continue;
        std::string yy = std::to_string(y.year % 100);
        if (yy.size() < 2) yy.insert(0, "0");
        std::string text = "\nREF: A. " + yy + " " + written + " " + y.serial + "\nB. " + written + " " +
                           Second(y.serial) + "\n";
        Id z = y;
        z.serial = Second(y.serial);
        z.year = seed.year;
        std::vector<std::string> want = {y.Canonical(), z.Canonical()};
        if (want[0] == want[1]) want.pop_back();
        std::vector<std::string> got = CableIds(parse::ParseReferences(text, seed.year, ""));
        tally.Check(got == want, "\"" + Show(text) + "\" got [" + Join(got) + "] want [" + Join(want) + "]");
      }
    }
  }
}

TEST(MetamorphicRefs, SerialWidth) {
  Styles styles;
  for (size_t pad : {4, 5, 6}) {
    Style st;
    st.pad = pad;
    styles.emplace_back("refs/serial-width-" + std::to_string(pad), st);
  }
  CheckRefs(styles);
}

TEST(MetamorphicRefs, YearForms) {
  Styles styles;
  for (auto [name, form] : std::vector<std::pair<std::string, YearForm>>{
           {"yy", YearForm::kTwo}, {"yyyy", YearForm::kFour}, {"glued", YearForm::kGlued},
           {"(yy)-post", YearForm::kParenBefore}, {"post-(yy)-serial", YearForm::kParenInside},
           {"serial-(yy)", YearForm::kParenAfter}, {"'yy", YearForm::kApostrophe},
           {"serial-yy", YearForm::kDashAfter}, {"serial/yy", YearForm::kSlashAfter}}) {
    Style st;
    st.year = form;
    styles.emplace_back("refs/year-" + name, st);
  }
  CheckRefs(styles);
}

TEST(MetamorphicRefs, LabelStyles) {
  Styles styles;
  for (std::string label : {"A.", "(A)", "A)", "\xC2\xB6" "A.", "A:", "A.)", "[A]", "", "-- A.", "A. (A)",
                            "A. A)", "A.\n", "A.\n\n", "a)", "a.", "(a)"}) {
    Style st;
    st.label = label;
    styles.emplace_back("refs/label-'" + Show(label) + "'", st);
  }
  CheckRefs(styles);
}

TEST(MetamorphicRefs, Layout) {
  Styles styles;
  for (auto [name, l] : std::vector<std::pair<std::string, Layout>>{
           {"one-line", Layout::kOneLine}, {"blank-lines", Layout::kBlankLines},
           {"page-break", Layout::kPageBreak}, {"old-page-break", Layout::kOldPageBreak},
           {"indent", Layout::kIndent}, {"crlf", Layout::kCrlf}, {"wrap-30", Layout::kWrap},
           {"page-header-no-blanks", Layout::kPageHeaderTight}, {"tabs", Layout::kTabs},
           {"and-between", Layout::kAndBetween}}) {
    Style st;
    st.layout = l;
    styles.emplace_back("refs/layout-" + name, st);
    st.label = "\xC2\xB6" "A.";
    styles.emplace_back("refs/layout-" + name + "-pilcrow", st);
  }
  CheckRefs(styles);
}

TEST(MetamorphicRefs, AfterEntry) {
  Styles styles;
  for (std::string suffix : {": REPORT OF THE JOINT COMMISSION MEETING", " (NOTAL)", " (EXDIS)",
                             " AND PREVIOUS", " (SBU)", " - TRADE TALKS IN GENEVA", " OF MAY 12, 2008",
                             " DATED 12 MAY 08", " (121200Z MAY 08)", ", PARA 4", " AND RELATED",
                             " (ALL NOTAL)", ", TITLED \"NEXT STEPS\"", " NOTAL", " (C)",
                             " (S/NF)", " - NOTAL", " (REFTEL)"}) {
    Style st;
    st.suffix = suffix;
    styles.emplace_back("refs/after-entry '" + suffix + "'", st);
    st.layout = Layout::kWrap;
    styles.emplace_back("refs/after-entry-wrapped '" + suffix + "'", st);
  }
  CheckRefs(styles);
}

TEST(MetamorphicRefs, HeaderForms) {
  Styles styles;
  for (std::string header : {"REF: ", "REFS: ", "REFTEL: ", "REFERENCE: ", "Ref(s): ", "REF ", "Ref: ",
                             "REFERENCES: ", "REF:\n", "REF:\n\n"}) {
    Style st;
    st.header = header;
    styles.emplace_back("refs/header '" + Show(header) + "'", st);
  }
  Style lower;
  lower.lower = true;
  lower.header = "Ref: ";
  styles.emplace_back("refs/header-lower-case", lower);
  CheckRefs(styles);
}

TEST(MetamorphicRefs, NonCableNeighbours) {
  Styles styles;
  for (std::string other : {"EMBASSY MOSCOW E-MAIL TO EUR/RUS OF OCTOBER 14", "TELCON SMITH/JONES 12 MARCH",
                            "MEMO FROM DAS WILLIAMS DATED MAY 2", "MEETING WITH THE MINISTER ON JUNE 3",
                            "TD-314/12345-08", "HTTP://WWW.STATE.GOV/G/DRL/RLS/HRRPT/",
                            "EMBASSY DAILY REPORT FOR OCTOBER 28"}) {
    Style st;
    st.others = {other};
    styles.emplace_back("refs/beside '" + other.substr(0, 20) + "'", st);
  }
  CheckRefs(styles);
}

TEST(MetamorphicRefs, TextAfterBlock) {
  Styles styles;
  int n = 0;
  for (std::string after :
       {"\nClassified By: Ambassador John Q. Doe for reasons 1.4 (b) and (d)\n\n1. (C) Summary: "
        "MOSCOW 9999 was discussed.\n",
        "\n1. (SBU) The mission notes STATE 99999.\n", "\nSUMMARY: MOSCOW 9999 and more.\n",
        "\nSubject: talks with LONDON 5555\n", "\nE.O. 12958: DECL: 01/01/2019\n"}) {
    Style st;
    st.after = after;
    ++n;
    styles.emplace_back("refs/text-after-" + std::to_string(n), st);
    st.layout = Layout::kBlankLines;
    styles.emplace_back("refs/text-after-" + std::to_string(n) + "-blank-lines", st);
  }
  CheckRefs(styles);
}

// An undated reference to the citing cable's own post with a higher serial is from the year before
// (10STATE9124 cites STATE 120288 = 09STATE120288), whatever alias names the post.
TEST(MetamorphicRefs, UndatedOwnPost) {
  if (!Golden().loaded) GTEST_SKIP();
  Tally tally("refs/undated-own-post");
  const std::vector<std::pair<std::string, std::string>> posts = {
      {"STATE", "STATE"},         {"STATE", "SECSTATE"},          {"USUNNEWYORK", "USUN"},
      {"USUNNEWYORK", "USUN NEW YORK"}, {"RIODEJANEIRO", "RIO DE JANEIRO"}, {"MOSCOW", "MOSCOW"},
      {"AITTAIPEI", "AIT TAIPEI"}, {"AITTAIPEI", "TAIPEI"},         {"THEHAGUE", "HAGUE"}};
  for (const Id& seed : CorpusIds()) {
    if (seed.year < 1980) continue;
    for (const auto& [post, written] : posts) {
      Id me = seed;
      me.post = post;
      long n = std::atol(me.serial.c_str());
      for (long delta : {-1L, 1L, 500L}) {
        if (n + delta <= 0) continue;
        Id ref = me;
        ref.serial = std::to_string(n + delta);
        if (delta > 0) ref.year = me.year - 1;
        std::string text = "\nREF: " + written + " " + std::to_string(n + delta) + "\n";
        std::vector<std::string> got = CableIds(parse::ParseReferences(text, me.year, me.Canonical()));
        tally.Check(got == std::vector<std::string>{ref.Canonical()},
                    me.Canonical() + " \"" + Show(text) + "\" got [" + Join(got) + "] want " + ref.Canonical());
      }
    }
  }
}

// Several entries on one line: "A. STATE 1234, B. STATE 5678" and "A. STATE 1234; B. ...".
TEST(MetamorphicRefs, SeveralOnOneLine) {
  if (!Golden().loaded) GTEST_SKIP();
  Tally tally("refs/several-on-one-line");
  for (const RefSeed& seed : RefSeeds()) {
    for (std::string sep : {", ", "; ", " ", "  "}) {
      std::string text = "\nREF: ";
      for (size_t i = 0; i < seed.ids.size(); ++i) {
        if (i > 0) text += sep;
        text += LabelOf("A.", i) + " " + Entry(seed.ids[i], seed.year, Style{});
      }
      text += "\n";
      std::vector<std::string> want = Expected(seed);
      std::vector<std::string> got = CableIds(parse::ParseReferences(text, seed.year, ""));
      tally.Check(got == want, seed.name + " \"" + Show(text) + "\" got [" + Join(got) + "]");
    }
  }
}

// Serials of one post and year listed after it: "STATE 1234 AND 5678", "STATE 1234, 5678".
TEST(MetamorphicRefs, SerialLists) {
  if (!Golden().loaded) GTEST_SKIP();
  Tally tally("refs/serial-lists");
  for (const RefSeed& seed : RefSeeds()) {
    if (seed.ids.size() < 2) continue;
    for (std::string joiner : {" AND ", ", ", "/", " & "}) {
      // "/NN" after a serial is its year ("PANAMA 00789/08"): the slash lists only longer serials.
      bool short_serial = false;
      for (size_t k = 1; k < seed.ids.size(); ++k) short_serial |= seed.ids[k].serial.size() < 3;
      if (joiner == "/" && short_serial) continue;
      RefSeed s = seed;
      for (Id& x : s.ids) {
        x.post = seed.ids[0].post;
        x.year = seed.ids[0].year;
      }
      std::string text = "\nREF: A. " + Entry(s.ids[0], s.year, Style{});
      for (size_t i = 1; i < s.ids.size(); ++i) text += joiner + s.ids[i].serial;
      text += "\n";
      std::vector<std::string> want = Expected(s);
      std::vector<std::string> got = CableIds(parse::ParseReferences(text, s.year, ""));
      tally.Check(got == want, s.name + " \"" + Show(text) + "\" got [" + Join(got) + "] want [" +
                                   Join(want) + "]");
    }
  }
}

// Non-cable entries never become reference IDs, whatever they sit beside.
TEST(MetamorphicRefs, NonCableKinds) {
  Tally tally("refs/non-cable-kinds");
  const std::vector<std::pair<std::string, ReferenceKind>> entries = {
      {"EMBASSY MOSCOW E-MAIL TO EUR/RUS OF OCTOBER 14", ReferenceKind::kEmail},
      {"SMITH-JONES EMAIL 3 JUNE 2008", ReferenceKind::kEmail},
      {"TELCON SMITH/JONES 12 MARCH", ReferenceKind::kTelcon},
      {"MEMO FROM DAS WILLIAMS DATED MAY 2", ReferenceKind::kMemo},
      {"MEETING WITH THE MINISTER ON JUNE 3", ReferenceKind::kMeeting},
      {"TD-314/12345-08", ReferenceKind::kReport},
      {"HTTP://WWW.STATE.GOV/G/DRL/RLS/HRRPT/", ReferenceKind::kWeb},
      {"FAX FROM MFA OF 2 APRIL", ReferenceKind::kFax},
  };
  for (const auto& [entry, kind] : entries) {
    for (std::string cable : {"MOSCOW 1637", "08 STATE 12345", "RIO DE JANEIRO 236"}) {
      for (bool cable_first : {true, false}) {
        std::string text = cable_first ? "\nREF: A. " + cable + "\nB. " + entry + "\n"
                                       : "\nREF: A. " + entry + "\nB. " + cable + "\n";
        std::vector<Reference> refs = parse::ParseReferences(text, 2008, "");
        bool ok = refs.size() == 2;
        if (ok) {
          const Reference& other = cable_first ? refs[1] : refs[0];
          const Reference& cab = cable_first ? refs[0] : refs[1];
          ok = other.kind == kind && !other.reference_id && cab.kind == ReferenceKind::kCable &&
               cab.reference_id;
        }
        tally.Check(ok, "\"" + Show(text) + "\" got " + std::to_string(refs.size()) + " refs");
      }
    }
  }
}

// Text-level transformations of the golden inputs themselves (cases the library passes as given).
TEST(MetamorphicRefs, GoldenInputsReshaped) {
  if (!Golden().loaded) GTEST_SKIP();
  Tally tally("refs/golden-inputs-reshaped");
  auto run = [](const Json& c, const std::string& input) {
    std::vector<Reference> refs = parse::ParseReferences(input, c["params"].value("year", 0), "");
    Json out = Json::array();
    for (const std::string& id : CableIds(refs)) out.push_back(id);
    return out;
  };
  auto replace_all = [](std::string s, const std::string& a, const std::string& b) {
    size_t p = 0;
    while ((p = s.find(a, p)) != std::string::npos) {
      s.replace(p, a.size(), b);
      p += b.size();
    }
    return s;
  };
  for (const Json& c : Golden().cases) {
    if (c["function"] != "parse_references" || c["projection"] != "unique_cable_values") continue;
    std::string input = c["input"];
    if (run(c, input) != c["expected"]) continue;  // the seed itself fails: golden_test reports it
    std::vector<std::pair<std::string, std::string>> variants = {
        {"crlf", replace_all(input, "\n", "\r\n")},
        {"indent", replace_all(input, "\n", "\n    ")},
        {"subject-before", "\nSUBJECT: A SUBJECT LINE WRITTEN FOR THE TEST\n" + input},
        {"classified-by-after",
         input + "\n\nClassified By: DCM Jane Roe, reasons 1.4 (b) and (d)\n\n1. (C) Text.\n"},
        {"blank-line-after-label", replace_all(input, "REF: ", "REF:\n\n")},
    };
    for (const auto& [kind, text] : variants) {
      Json got = run(c, text);
      tally.Check(got == c["expected"], kind + " golden#" + std::to_string(c.value("index", 0)) +
                                            " \"" + Show(text) + "\" got " + got.dump());
    }
  }
}

// Real REF blocks of the corpus (the text of every cable whose header has a REF line, read with
// the library's readers), reshaped: the cable IDs read from the reshaped block must be those read
// from the block as written. No expected value is assumed, only the relation.
struct RealBlock {
  std::string id;
  int year = 0;
  std::vector<std::string> lines;  // from the REF line to before Classified By / paragraph 1
};

bool StartsBulletLine(const std::string& line) {
  size_t i = line.find_first_not_of(" \t");
  if (i == std::string::npos) return false;
  std::string t = line.substr(i);
  if (t.compare(0, 2, "\xC2\xB6") == 0) t = t.substr(2);
  if (t.size() >= 3 && t[0] == '(' && isalpha(static_cast<unsigned char>(t[1])) && t[2] == ')') return true;
  return t.size() >= 2 && isupper(static_cast<unsigned char>(t[0])) && (t[1] == '.' || t[1] == ')') &&
         (t.size() == 2 || t[2] == ' ');
}

const std::vector<RealBlock>& RealBlocks() {
  static std::vector<RealBlock> blocks = [] {
    std::vector<RealBlock> out;
    auto sources = ListSources({testing_shared::SharedPath("corpus"), testing_shared::SharedPath("corpus-more")});
    if (!sources.ok()) return out;
    for (const SourceFile& f : *sources) {
      if (f.path.find("MANIFEST") != std::string::npos) continue;
      ReadSource(f, InputFormat::kAuto, [&](Result<RawCable> raw) {
        if (!raw.ok()) return true;
        Id me;
        if (!SplitId(model::CanonicalizeReferenceId(raw->reference_id), &me)) return true;
        std::istringstream in(raw->text);
        std::string line;
        RealBlock b;
        b.id = me.Canonical();
        b.year = me.year;
        bool in_ref = false;
        int n = 0;
        while (std::getline(in, line) && ++n < 80) {
          if (!line.empty() && line.back() == '\r') line.pop_back();
          std::string u;
          for (char c : line) u.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
          size_t k = u.find_first_not_of(" ");
          std::string t = k == std::string::npos ? "" : u.substr(k);
          if (!in_ref) {
            if (t.compare(0, 4, "REF:") == 0 || t.compare(0, 5, "REFS:") == 0 || t.compare(0, 7, "REFTEL:") == 0 ||
                t.compare(0, 7, "REF(S):") == 0) {
              in_ref = true;
              b.lines.push_back(line);
            }
            continue;
          }
          bool numbered = !t.empty() && isdigit(static_cast<unsigned char>(t[0])) &&
                          t.find('.') != std::string::npos && t.find('.') <= 2;
          if (t.compare(0, 13, "CLASSIFIED BY") == 0 || numbered || t.compare(0, 7, "SUMMARY") == 0 ||
              t.compare(0, 2, "\xC2\xB6") == 0 || b.lines.size() > 30) {
            break;
          }
          b.lines.push_back(line);
        }
        while (!b.lines.empty() && b.lines.back().find_first_not_of(" \t") == std::string::npos) {
          b.lines.pop_back();
        }
        if (!b.lines.empty()) out.push_back(b);
        return true;
      });
    }
    return out;
  }();
  return blocks;
}

TEST(MetamorphicRefs, RealBlocksReshaped) {
  const std::vector<RealBlock>& blocks = RealBlocks();
  if (blocks.empty()) GTEST_SKIP() << testing_shared::MissingMessage("corpus");
  using Reshape = std::function<std::string(const RealBlock&)>;
  auto join = [](const std::vector<std::string>& lines, const std::string& sep) {
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) out += (i ? sep : "") + lines[i];
    return out;
  };
  auto before_bullets = [](const RealBlock& b, const std::string& insert) {
    std::string out = b.lines[0];
    for (size_t i = 1; i < b.lines.size(); ++i) {
      bool blank = b.lines[i].find_first_not_of(" \t") == std::string::npos;
      if (blank) continue;  // the block's own blank lines are replaced by `insert`
      out += (StartsBulletLine(b.lines[i]) ? insert : "\n") + b.lines[i];
    }
    return out;
  };
  const std::vector<std::pair<std::string, Reshape>> reshapes = {
      {"crlf", [&](const RealBlock& b) { return join(b.lines, "\r\n"); }},
      {"indent", [&](const RealBlock& b) { return join(b.lines, "\n     "); }},
      {"blank-before-bullets", [&](const RealBlock& b) { return before_bullets(b, "\n\n"); }},
      {"page-break-before-bullets",
       [&](const RealBlock& b) { return before_bullets(b, "\n\nMOSCOW 00001234  002 OF 004\n\n"); }},
      {"old-page-break-before-bullets",
       [&](const RealBlock& b) {
         return before_bullets(b, "\nCONFIDENTIAL\n\nPAGE 02        MOSCOW 01234  01 OF 02  081200Z\n");
       }},
      {"classified-by-after",
       [&](const RealBlock& b) {
         return join(b.lines, "\n") + "\n\nClassified By: Ambassador Jane Roe, reasons 1.4 (b), (d)\n";
       }},
      {"one-line",
       [&](const RealBlock& b) {
         std::string out;
         for (const std::string& l : b.lines) {
           if (l.find_first_not_of(" \t") == std::string::npos) continue;
           out += (out.empty() ? "" : "  ") + l.substr(l.find_first_not_of(" \t"));
         }
         return out;
       }},
      {"rewrap-40",
       [&](const RealBlock& b) {
         std::string out;
         size_t col = 0;
         for (const std::string& l : b.lines) {
           std::istringstream words(l);
           std::string w;
           while (words >> w) {
             if (col > 0 && col + 1 + w.size() > 40) {
               out += "\n";
               col = 0;
             } else if (col > 0) {
               out += " ";
               ++col;
             }
             out += w;
             col += w.size();
           }
         }
         return out;
       }},
      {"lower-case",
       [&](const RealBlock& b) {
         std::string out = join(b.lines, "\n");
         for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
         return out;
       }},
      {"labels-parenthesised",
       [&](const RealBlock& b) {
         std::string out = join(b.lines, "\n");
         // "A. " / "B) " at a word start → "(A) "
         std::string r;
         for (size_t i = 0; i < out.size(); ++i) {
           bool start = i == 0 || out[i - 1] == ' ' || out[i - 1] == '\n';
           if (start && i + 2 < out.size() && isupper(static_cast<unsigned char>(out[i])) &&
               (out[i + 1] == '.' || out[i + 1] == ')') && out[i + 2] == ' ') {
             r += std::string("(") + out[i] + ")";
             ++i;
             continue;
           }
           r.push_back(out[i]);
         }
         return r;
       }},
      {"paragraph-after",
       [&](const RealBlock& b) { return join(b.lines, "\n") + "\n\n1. (C) The embassy notes MOSCOW 4321.\n"; }},
  };
  for (const auto& [name, reshape] : reshapes) {
    Tally tally("refs/real-" + name);
    for (const RealBlock& b : blocks) {
      std::string original = join(b.lines, "\n") + "\n";
      std::vector<std::string> want = CableIds(parse::ParseReferences(original, b.year, b.id));
      std::string text = reshape(b) + "\n";
      std::vector<std::string> got = CableIds(parse::ParseReferences(text, b.year, b.id));
      tally.Check(got == want, b.id + " \"" + Show(text) + "\" got [" + Join(got) + "] as written [" +
                                   Join(want) + "]");
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reference IDs.

std::vector<std::pair<std::string, std::string>> IdSeeds() {
  std::vector<std::pair<std::string, std::string>> out;  // (input, canonical)
  for (const Json& c : Golden().cases) {
    if (c["function"] != "canonicalize_id") continue;
    if (c["expected"].is_string()) {
      out.emplace_back(c["input"], c["expected"]);
    }
  }
  return out;
}

std::vector<Id> CanonicalSeeds() {
  std::vector<Id> out;
  for (const auto& [in, canon] : IdSeeds()) {
    Id x;
    if (SplitId(canon, &x) && model::IsKnownPost(x.post)) out.push_back(x);
  }
  std::vector<Id> corpus = CorpusIds();
  out.insert(out.end(), corpus.begin(), corpus.end());
  return out;
}

void CheckIds(const std::string& name, const std::function<std::vector<std::string>(const Id&)>& vary) {
  if (!Golden().loaded) GTEST_SKIP();
  Tally tally(name);
  for (const Id& x : CanonicalSeeds()) {
    for (const std::string& input : vary(x)) {
      std::string got = model::CanonicalizeReferenceId(input);
      tally.Check(got == x.Canonical(), "\"" + input + "\" got " + got + " want " + x.Canonical());
    }
  }
}

std::string Yy(const Id& x) {
  std::string yy = std::to_string(x.year % 100);
  return yy.size() < 2 ? "0" + yy : yy;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(MetamorphicIds, LowerCaseAndSpaces) {
  CheckIds("ids/lower-case-spaces", [](const Id& x) {
    return std::vector<std::string>{Lower(x.Canonical()), Yy(x) + " " + x.post + " " + x.serial,
                                    " " + x.Canonical() + " ", Yy(x) + "-" + x.post + "-" + x.serial,
                                    Lower(Yy(x) + " " + Written(x.post) + " " + x.serial)};
  });
}

TEST(MetamorphicIds, SerialWidth) {
  CheckIds("ids/serial-width", [](const Id& x) {
    return std::vector<std::string>{Yy(x) + x.post + Serial(x, 5), Yy(x) + x.post + Serial(x, 6)};
  });
}

TEST(MetamorphicIds, NaraFourDigitYear) {
  CheckIds("ids/nara-year", [](const Id& x) {
    return std::vector<std::string>{std::to_string(x.year) + x.post + Serial(x, 5),
                                    std::to_string(x.year) + x.post + x.serial,
                                    Lower(std::to_string(x.year) + x.post + Serial(x, 6))};
  });
}

TEST(MetamorphicIds, SectionDebrisAndPrefixes) {
  CheckIds("ids/section-prefix", [](const Id& x) {
    std::vector<std::string> out;
    if (x.post == "USEUBRUSSELS" || x.post == "BRUSSELS") return out;  // the text decides (reference_id.cc)
    for (std::string debris : {"SECTION01OF02", "SECTON02OF03", "SCTION01OF02", "ECTION02OF02",
                               "SECTIO01OF04", "EFTO", "AMEMBASSY", "EMBASSY"}) {
      out.push_back(Yy(x) + debris + x.post + x.serial);
    }
    return out;
  });
}

// The repairs combine: a misspelled golden ID in lower case, zero-padded, with a four-digit year.
TEST(MetamorphicIds, GoldenRepairsCombined) {
  if (!Golden().loaded) GTEST_SKIP();
  Tally tally("ids/golden-repairs-combined");
  for (const auto& [input, canon] : IdSeeds()) {
    size_t i = input.size();
    while (i > 0 && isdigit(static_cast<unsigned char>(input[i - 1]))) --i;
    if (i == input.size() || i < 3 || !isdigit(static_cast<unsigned char>(input[0]))) continue;
    std::string head = input.substr(0, i), serial = input.substr(i);
    std::string century = (input[0] >= '6') ? "19" : "20";
    // Debris and caption prefixes in front of a misspelled post, when the input is year + letters.
    std::vector<std::string> variants = {Lower(input), head + "00" + serial, century + input,
                                         Lower(century + head + "0" + serial), " " + input + " "};
    bool plain = head.size() > 2 && head.find_first_of("0123456789", 2) == std::string::npos;
    Id want;
    if (plain && SplitId(canon, &want) && want.post != "BRUSSELS" && want.post != "USEUBRUSSELS") {
      std::string yy = head.substr(0, 2), letters = head.substr(2);
      if (letters.compare(0, 7, "SECTION") != 0 && letters.compare(0, 4, "EFTO") != 0 &&
          letters.compare(0, 9, "AMEMBASSY") != 0) {
        variants.push_back(yy + "SECTION01OF02" + letters + serial);
        variants.push_back(yy + "EFTO" + letters + serial);
        variants.push_back(century + yy + "SECTION02OF03" + letters + "00" + serial);
      }
    }
    for (const std::string& v : variants) {
      std::string got = model::CanonicalizeReferenceId(v);
      tally.Check(got == canon, "\"" + v + "\" (from " + input + ") got " + got + " want " + canon);
    }
  }
}

TEST(MetamorphicIds, PostSwap) {
  if (!Golden().loaded) GTEST_SKIP();
  Tally tally("ids/post-swap");
  // The golden misspellings with another year and serial: the repair depends on the post only.
  for (const auto& [input, canon] : IdSeeds()) {
    Id want;
    if (!SplitId(canon, &want)) continue;
    size_t i = 2;
    while (i < input.size() && !isdigit(static_cast<unsigned char>(input[i]))) ++i;
    if (i >= input.size() || input.find_first_not_of("0123456789", i) != std::string::npos) continue;
    std::string written_post = input.substr(2, i - 2);
    for (int year : {1989, 2004, 2010}) {
      if (want.post == "AITTAIPEI" && year < 1979) continue;
      Id w = want;
      w.year = year;
      w.serial = "4321";
      std::string yy = std::to_string(year % 100);
      if (yy.size() < 2) yy.insert(0, "0");
      std::string in = yy + written_post + "4321";
      std::string got = model::CanonicalizeReferenceId(in);
      tally.Check(got == w.Canonical(), "\"" + in + "\" got " + got + " want " + w.Canonical());
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Addressees (TO / INFO).

struct Addr {
  std::string route, name, precedence, sequence;
};

std::string AddrLine(const Addr& a, const std::string& precedence_as_written) {
  std::string s = a.route.empty() ? a.name : a.route + "/" + a.name;
  if (!precedence_as_written.empty()) s += " " + precedence_as_written;
  if (!a.sequence.empty()) s += " " + a.sequence;
  return s;
}

bool Same(const std::vector<Addressee>& got, const std::vector<Addr>& want) {
  if (got.size() != want.size()) return false;
  for (size_t i = 0; i < got.size(); ++i) {
    if (got[i].route != want[i].route || got[i].name != want[i].name ||
        got[i].precedence != want[i].precedence || got[i].sequence != want[i].sequence) {
      return false;
    }
  }
  return true;
}

std::string ShowList(const std::vector<Addressee>& v) {
  std::string out;
  for (const Addressee& a : v) {
    out += "{" + a.route + "|" + a.name + "|" + a.precedence + "|" + a.sequence + "}";
  }
  return out;
}

// Addressee names built from real posts: embassies, consulates, missions, collectives.
std::vector<Addr> AddresseeSeeds() {
  std::vector<Addr> out = {{"", "SECSTATE WASHDC", "", ""},
                           {"", "USMISSION USUN NEW YORK", "", ""},
                           {"", "USEU BRUSSELS", "", ""},
                           {"", "AIT TAIPEI", "", ""},
                           {"", "EUROPEAN POLITICAL COLLECTIVE", "", ""},
                           {"", "ALL NATO POST COLLECTIVE", "", ""},
                           {"", "CIA WASHINGTON DC", "", ""},
                           {"", "JOINT STAFF WASHINGTON DC", "", ""}};
  std::vector<Id> ids = CorpusIds();
  for (size_t i = 0; i < ids.size(); i += 7) {
    if (ids[i].post == "STATE") continue;
    std::string w = Written(ids[i].post);
    out.push_back({"", (i % 2 ? "AMCONSUL " : "AMEMBASSY ") + w, "", ""});
  }
  return out;
}

void CheckAddressees(Tally& tally,
                     const std::function<std::string(const std::vector<Addr>&, bool info)>& render,
                     const std::function<std::vector<Addr>(std::vector<Addr>)>& expect) {
  std::vector<Addr> seeds = AddresseeSeeds();
  for (size_t i = 0; i + 3 <= seeds.size(); i += 2) {
    std::vector<Addr> list(seeds.begin() + i, seeds.begin() + i + 3);
    for (bool info : {false, true}) {
      std::string text = render(list, info);
      parse::MessageHeader mh = parse::ParseMessageHeader(text);
      std::vector<Addr> want = expect(list);
      const std::vector<Addressee>& got = info ? mh.info : mh.to;
      tally.Check(Same(got, want), "\"" + Show(text) + "\" got " + ShowList(got));
    }
  }
}

std::string Header(const std::vector<Addr>& list, bool info,
                   const std::function<std::string(const Addr&, size_t)>& line,
                   const std::string& sep = "\n") {
  std::string text = "R 270230Z NOV 08\nFM AMEMBASSY PANAMA\n";
  if (info) text += "TO SECSTATE WASHDC 0001\n";
  for (size_t i = 0; i < list.size(); ++i) {
    text += (i == 0 ? (info ? "INFO " : "TO ") : "") + line(list[i], i) + sep;
  }
  return text + "BT\n";
}

TEST(MetamorphicAddressees, Precedence) {
  const std::vector<std::pair<std::string, std::string>> forms = {
      {"IMMEDIATE", "IMMEDIATE"}, {"PRIORITY", "PRIORITY"}, {"ROUTINE", "ROUTINE"},
      {"NIACT IMMEDIATE", "NIACT IMMEDIATE"}, {"FLASH", "FLASH"}, {"PRIORTY", "PRIORITY"},
      {"PIORITY", "PRIORITY"}, {"IMMEDAITE", "IMMEDIATE"}, {"IMMEDIATEE", "IMMEDIATE"},
      {"ROUTNE", "ROUTINE"}, {"", ""}, {"NIACT IMMEDAITE", "NIACT IMMEDIATE"},
      {"NIACT  IMMEDIATE", "NIACT IMMEDIATE"}, {"Priority", "PRIORITY"}, {"Immediate", "IMMEDIATE"},
      {"FLASH", "FLASH"}};
  Tally tally("addressees/precedence");
  for (const auto& [written, meant] : forms) {
    CheckAddressees(
        tally,
        [&](const std::vector<Addr>& l, bool info) {
          return Header(l, info, [&](const Addr& a, size_t) { return AddrLine(a, written); });
        },
        [&](std::vector<Addr> l) {
          for (Addr& a : l) a.precedence = meant;
          return l;
        });
  }
}

TEST(MetamorphicAddressees, SequenceAndRoute) {
  Tally tally("addressees/sequence-route");
  for (std::string seq : {"0872", "2593-2599", "0001", ""}) {
    for (std::string route : {"", "RUEHC", "RUEHMO", "RHMFISS"}) {
      CheckAddressees(
          tally,
          [&](const std::vector<Addr>& l, bool info) {
            return Header(l, info, [&](const Addr& a, size_t) {
              Addr b = a;
              b.route = route;
              b.sequence = seq;
              return AddrLine(b, "PRIORITY");
            });
          },
          [&](std::vector<Addr> l) {
            for (Addr& a : l) {
              a.route = route;
              a.sequence = seq;
              a.precedence = "PRIORITY";
            }
            return l;
          });
    }
  }
}

TEST(MetamorphicAddressees, LayoutAndPages) {
  const std::vector<std::string> seps = {"\r\n", "\n\n", "\n     ",
                                         "\nTO PAGE 02        STATE   023763  071504Z\n",
                                         "   \n"};
  Tally tally("addressees/layout-pages");
  for (const std::string& sep : seps) {
    CheckAddressees(
        tally,
        [&](const std::vector<Addr>& l, bool info) {
          std::string text = Header(
              l, info, [&](const Addr& a, size_t) { return AddrLine(a, "IMMEDIATE"); }, sep);
          if (sep.find("PAGE") != std::string::npos && info) {
            // On a continuation page the list word is the one of the list being continued.
            size_t p = 0;
            while ((p = text.find("\nTO PAGE", p)) != std::string::npos) text.replace(p, 3, "\nINFO");
          }
          return text;
        },
        [&](std::vector<Addr> l) {
          for (Addr& a : l) a.precedence = "IMMEDIATE";
          return l;
        });
  }
}

// The list word alone on its line ("TO" / "AMEMBASSY X"), and the list word in lower case.
TEST(MetamorphicAddressees, ListWordForms) {
  Tally tally("addressees/list-word-forms");
  for (std::string form : {"alone", "lower"}) {
    CheckAddressees(
        tally,
        [&](const std::vector<Addr>& l, bool info) {
          std::string text = Header(l, info, [&](const Addr& a, size_t) { return AddrLine(a, "PRIORITY"); });
          std::string word = info ? "\nINFO " : "\nTO ";
          std::string by = form == "alone" ? (info ? "\nINFO\n" : "\nTO\n")
                           : form == "lower" ? (info ? "\nInfo " : "\nTo ")
                                              : std::string();
          size_t p = text.find(word);
          if (p != std::string::npos) text.replace(p, word.size(), by);
          return text;
        },
        [&](std::vector<Addr> l) {
          for (Addr& a : l) a.precedence = "PRIORITY";
          return l;
        });
  }
}

// Text after the lists, without a BT line: a paragraph line that starts with TO or INFO is a
// sentence, not an address list (cfpf-gt 1978NAIROB16042 "TO EXPLAIN THAT SHUT DOWN OF ...").
TEST(MetamorphicAddressees, TextAfterLists) {
  Tally tally("addressees/text-after-lists");
  for (std::string after : {"\n\nTO EXPLAIN THAT THE MINISTER HAD MET THE AMBASSADOR ON MONDAY AND AGREED.\n",
                            "\nINFO FROM THE MINISTRY SUGGESTS THAT THE TALKS WILL RESUME IN MAY.\n",
                            "\nTO THE SURPRISE OF MANY OBSERVERS, THE VOTE WAS POSTPONED AGAIN.\n"}) {
    CheckAddressees(
        tally,
        [&](const std::vector<Addr>& l, bool info) {
          std::string text = Header(l, info, [&](const Addr& a, size_t) { return AddrLine(a, "ROUTINE"); });
          text.resize(text.size() - 3);  // no "BT\n"
          return text + after;
        },
        [&](std::vector<Addr> l) {
          for (Addr& a : l) a.precedence = "ROUTINE";
          return l;
        });
  }
}

TEST(MetamorphicAddressees, XmtLists) {
  Tally tally("addressees/xmt");
  for (std::string collective : {"EUROPEAN POLITICAL COLLECTIVE", "ALL NATO POST COLLECTIVE",
                                 "ALL DIPLOMATIC AND CONSULAR POSTS"}) {
    for (std::string xmt : {"XMT ", "XMT/", "XMT  "}) {
      for (std::string list : {"TO ", "INFO "}) {
        std::string text = "FM SECSTATE WASHDC\n" + std::string(list == "INFO " ? "TO AMEMBASSY PARIS\n" : "") +
                           list + "RUEHX/" + collective + " PRIORITY\n" + xmt +
                           "AMEMBASSY SOFIA\nAMEMBASSY BUCHAREST\nBT\n";
        parse::MessageHeader mh = parse::ParseMessageHeader(text);
        const std::vector<Addressee>& got = list == "TO " ? mh.to : mh.info;
        bool ok = got.size() == 1 && got[0].name == collective && got[0].precedence == "PRIORITY" &&
                  got[0].excluded == std::vector<std::string>{"AMEMBASSY SOFIA", "AMEMBASSY BUCHAREST"};
        tally.Check(ok, "\"" + Show(text) + "\" got " + ShowList(got));
      }
    }
  }
}

}  // namespace
}  // namespace cablebase
