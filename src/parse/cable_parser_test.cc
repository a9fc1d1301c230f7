// Tests of cablebase::ParseCable: the seed, real corpus cables, robustness, the whole corpus.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cablebase/json.h"
#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "shared_files.h"

namespace cablebase {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// <name> in the fixture set "parse" (tests/testdata/parse.files, staged from the shared folder; a
// test using it starts with CABLEBASE_SHARED_SET(fixtures, "parse")).
std::string TestData(const std::string& name) {
  return testing_shared::StagedSet("parse") + "/" + name;
}

// Reads a fixture with the readers (format detected) and parses its one cable.
Cable ReadAndParse(const std::string& name) {
  std::string path = TestData(name);
  std::string bytes = ReadFile(path);
  std::vector<Result<Cable>> cables;
  Status st = ReadBuffer(bytes, InputFormat::kAuto, path, [&](Result<RawCable> raw) {
    if (raw.ok()) {
      cables.push_back(ParseCable(*raw));
    } else {
      cables.push_back(raw.status());
    }
    return true;
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(cables.size(), 1u) << name;
  if (cables.empty() || !cables[0].ok()) {
    ADD_FAILURE() << name << ": " << (cables.empty() ? "no cable" : cables[0].status().ToString());
    return Cable{};
  }
  return cables[0].value();
}

Cable ParseSeed() {
  RawCable raw;
  raw.source.path = testing_shared::SeedPath();
  raw.source.format = InputFormat::kText;
  raw.source.line = 1;
  raw.text = ReadFile(raw.source.path);
  Result<Cable> c = ParseCable(raw);
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? c.value() : Cable{};
}

// Every assertion of shared/seed/expected.json (the repository's copy in seed/), evaluated with
// JSON pointers on CableToJson's output: equal, prefix, contains, length.
TEST(ParseCableSeed, MatchesExpectedJson) {
  Cable c = ParseSeed();
  nlohmann::json got = nlohmann::json::parse(CableToJson(c));
  nlohmann::json want =
      nlohmann::json::parse(ReadFile(testing_shared::SeedPath("expected.json")));
  int checks = 0;
  for (const auto& [ptr, value] : want["equal"].items()) {
    nlohmann::json::json_pointer p(ptr);
    ASSERT_TRUE(got.contains(p)) << ptr;
    EXPECT_EQ(got[p], value) << ptr;
    ++checks;
  }
  for (const auto& [ptr, value] : want["prefix"].items()) {
    nlohmann::json::json_pointer p(ptr);
    ASSERT_TRUE(got.contains(p) && got[p].is_string()) << ptr;
    EXPECT_EQ(got[p].get<std::string>().rfind(value.get<std::string>(), 0), 0u)
        << ptr << ": " << got[p];
    ++checks;
  }
  for (const auto& [ptr, value] : want["contains"].items()) {
    nlohmann::json::json_pointer p(ptr);
    ASSERT_TRUE(got.contains(p) && got[p].is_string()) << ptr;
    EXPECT_NE(got[p].get<std::string>().find(value.get<std::string>()), std::string::npos)
        << ptr << ": " << got[p];
    ++checks;
  }
  for (const auto& [ptr, value] : want["length"].items()) {
    nlohmann::json::json_pointer p(ptr);
    ASSERT_TRUE(got.contains(p) && got[p].is_array()) << ptr;
    EXPECT_EQ(got[p].size(), value.get<size_t>()) << ptr;
    ++checks;
  }
  EXPECT_EQ(checks, 42);
}

// The body fields of the seed beyond expected.json.
TEST(ParseCableSeed, BodyFields) {
  Cable c = ParseSeed();
  ASSERT_EQ(c.paragraphs.size(), 7u);
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(c.paragraphs[i].number, i + 1);
    EXPECT_EQ(c.paragraphs[i].portion_marking, "C");
    EXPECT_EQ(c.paragraphs[i].text.find("[1](#)"), std::string::npos);
  }
  // Paragraph 5 has a stray blank line inside; the text joins across it.
  EXPECT_NE(c.paragraphs[4].text.find("assistance to the\nPalestinians"), std::string::npos);
  EXPECT_EQ(c.paragraphs[6].text.find("BURNS"), std::string::npos);
  EXPECT_EQ(c.summary.rfind("A/DCM met February 17", 0), 0u);
  EXPECT_NE(c.summary.find("which will take place March 3."), std::string::npos);
  EXPECT_EQ(c.summary.find("END SUMMARY"), std::string::npos);
  EXPECT_EQ(c.comment,
            "We expect FM Lavrov will also meet with the Hamas delegation, especially in light "
            "of the February 16 meeting of Turkish FM Gul with a Hamas delegation led by Khaled "
            "Mashaal.\n\n"
            "Like other GOR officials, Vershinin insisted that Putin's invitation to Hamas was "
            "consistent with Quartet undertakings and was intended to promote them. He also "
            "stressed that the GOR wants to consult closely with the U.S. as the process goes "
            "forward. Referring to the Secretary's forthcoming visit to the Middle East, he said "
            "it would be important for Moscow to have a clear understanding of the results of her "
            "discussions as the Hamas visit and Lavrov's subsequent trip to Washington approach.");
  EXPECT_EQ(c.signers, std::vector<std::string>{"BURNS"});
  EXPECT_FALSE(c.partial);
  EXPECT_EQ(c.body.rfind("1. (C) SUMMARY. A/DCM met", 0), 0u);
  EXPECT_EQ(c.body.find("[1](#)"), std::string::npos);
  EXPECT_NE(c.body.find("\n\n16. (C) Vershinin acknowledged"), std::string::npos);
  EXPECT_EQ(c.body.substr(c.body.size() - 5), "BURNS");
  EXPECT_EQ(c.post, "MOSCOW");
  EXPECT_EQ(c.serial, "001637");
  EXPECT_EQ(c.reference_id_published, "");
  EXPECT_EQ(c.tag_details.size(), 2u);
  EXPECT_EQ(c.tag_details[1].kind, TagKind::kGeographic);
  EXPECT_TRUE(c.metadata_classification.empty());
  EXPECT_EQ(c.text_raw.size(), 5315u);
}

// The seed has no metadata: its ID is made from the classification line and the DTG year. With a
// published ID the canonical form wins and the published one is kept when it differs.
TEST(ParseCableSeed, PublishedIdCanonicalised) {
  RawCable raw;
  raw.source.path = "seed";
  raw.text = ReadFile(testing_shared::SeedPath());
  raw.reference_id = "06SECSTATE1637";  // not the cable's: only the canonical form matters here
  raw.classification = "SECRET//NOFORN";
  raw.created = "2006-02-20 10:07";
  Result<Cable> c = ParseCable(raw);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->reference_id, "06STATE1637");
  EXPECT_EQ(c->reference_id_published, "06SECSTATE1637");
  EXPECT_EQ(c->metadata_classification, "SECRET//NOFORN");
  EXPECT_EQ(c->metadata_caveats, std::vector<std::string>{"NOFORN"});
  EXPECT_EQ(c->created, "2006-02-20T10:07:00Z");
}

// 09TRIPOLI65 (Cablegate HTML, 2010 layout): paragraph 1 glued to the Classified By line,
// NOFORN in the metadata, a summary with END SUMMARY, a closing comment, signer CRETZ.
TEST(ParseCableCorpus, Tripoli65Html) {
  CABLEBASE_SHARED_SET(fixtures, "parse");
  Cable c = ReadAndParse("09TRIPOLI65.html");
  EXPECT_EQ(c.reference_id, "09TRIPOLI65");
  // The DTG 281700Z JAN 09, not the 2010 page's "2009-01-28 17:05" (minutes = the hour, 12-hour clock).
  EXPECT_EQ(c.created, "2009-01-28T17:00:00Z");
  EXPECT_EQ(c.released, "2010-12-07T21:09:00Z");
  EXPECT_EQ(c.origin, "Embassy Tripoli");
  EXPECT_EQ(c.metadata_classification, "CONFIDENTIAL//NOFORN");
  EXPECT_EQ(c.metadata_caveats, std::vector<std::string>{"NOFORN"});
  EXPECT_EQ(c.dtg, "281700Z JAN 09");
  EXPECT_EQ(c.precedence, "IMMEDIATE");
  EXPECT_EQ(c.originator, "AMEMBASSY TRIPOLI");
  EXPECT_EQ(c.classification, "CONFIDENTIAL");
  EXPECT_EQ(c.section_number, 1);
  EXPECT_EQ(c.section_count, 2);
  EXPECT_EQ(c.subject, "PAN AM BOMBER AL-MEGRAHI: THE VIEW FROM TRIPOLI");
  ASSERT_TRUE(c.transmission.has_value());
  EXPECT_EQ(c.transmission->transmission_id, "VZCZCXRO7211");
  ASSERT_EQ(c.paragraphs.size(), 6u);
  EXPECT_EQ(c.paragraphs[0].number, 1);
  EXPECT_EQ(c.paragraphs[0].portion_marking, "C/NF");
  EXPECT_EQ(c.paragraphs[0].text.rfind("Summary: While Libya has a number", 0), 0u);
  EXPECT_EQ(c.paragraphs[5].number, 6);
  EXPECT_EQ(c.paragraphs[5].text.rfind("Comment: Despite the GOL", 0), 0u);
  EXPECT_EQ(c.summary.rfind("While Libya has a number of other pressing foreign policy issues", 0),
            0u);
  EXPECT_EQ(c.comment.rfind("Despite the GOL’s strategic decision in 2003", 0), 0u);
  EXPECT_EQ(c.signers, std::vector<std::string>{"CRETZ"});
  EXPECT_FALSE(c.partial);
  EXPECT_EQ(c.body.find("TRIPOLI 00000065"), std::string::npos);
}

// The 2011 Cablegate HTML layout breaks a long SUBJECT with a blank line before its last part
// (header_lines.h ContinuesSubjectAfterBlank). The subject was cut, and REF and Classified By after
// it were read as body: no references, no classifier. 09MOSCOW1108 wraps once ("... AFTER
// CURRENCY" / "" / "REFORM"); 09LONDON1946 twice, then a blank ("... EMERGENCY" / "SESSION AS" /
// "" / "DEBATE OVER ..."). Of the 946 dev-corpus records, exactly the 5 with this layout changed.
TEST(ParseCableCorpus, SubjectWrappedAcrossABlankLine) {
  CABLEBASE_SHARED_SET(fixtures, "parse");
  Cable shenyang = ReadAndParse("09MOSCOW1108.html");
  EXPECT_EQ(shenyang.subject, "WAITING AND WATCHING: NORTH KOREA AFTER CURRENCY REFORM");
  ASSERT_EQ(shenyang.references.size(), 1u);
  EXPECT_EQ(shenyang.references[0].reference_id, "09SHENYANG167");
  ASSERT_TRUE(shenyang.classified_by.has_value());
  EXPECT_EQ(shenyang.classified_by->name, "Stephen B. Wickman");
  EXPECT_EQ(shenyang.classified_by->title, "Consul General");
  EXPECT_EQ(shenyang.paragraphs.at(0).text.rfind("SUMMARY: On December 15, EAP DAS David Shear", 0),
            0u);
  EXPECT_EQ(shenyang.body.find("REFORM\n"), std::string::npos) << "the subject's end is not body";

  Cable london = ReadAndParse("09LONDON1946.html");
  EXPECT_EQ(london.subject,
            "SCOTTISH PARLIAMENT HOLDS EMERGENCY SESSION AS DEBATE OVER MEGRAHI DECISION REACHES "
            "FEVER PITCH");
  ASSERT_EQ(london.references.size(), 2u);
  EXPECT_EQ(london.references[0].text, "LONDON 1925");
  EXPECT_EQ(london.references[1].text, "STATE 80743");
  ASSERT_TRUE(london.classified_by.has_value());
  EXPECT_EQ(london.classified_by->name, "Louis B. Susman");
  EXPECT_EQ(london.paragraphs.at(0).portion_marking, "C/NF");
}

// A heading between a long subject and the first paragraph stays in the body (it was in neither:
// the body started after it while the subject parser never saw it). The seed's text with a long
// subject, no REF or Classified By, and "BACKGROUND" before paragraph 1.
TEST(ParseCableCorpus, HeadingAfterALongSubjectStaysBody) {
  std::string text = ReadFile(testing_shared::SeedPath());
  const size_t subject = text.find("SUBJECT: HAMAS VISIT TO MOSCOW");
  const size_t first = text.find("[1](#)1. (C)");
  ASSERT_NE(subject, std::string::npos);
  ASSERT_NE(first, std::string::npos);
  text = text.substr(0, subject) +
         "SUBJECT: HAMAS VISIT TO MOSCOW: WHAT THE MFA TOLD THE A/DCM ABOUT IT\n\nBACKGROUND\n\n" +
         text.substr(first);
  RawCable raw;
  raw.source.path = "heading.txt";
  raw.text = text;
  Result<Cable> c = ParseCable(raw);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->subject, "HAMAS VISIT TO MOSCOW: WHAT THE MFA TOLD THE A/DCM ABOUT IT");
  EXPECT_NE(c->body.find("BACKGROUND"), std::string::npos) << c->body.substr(0, 200);
  ASSERT_FALSE(c->paragraphs.empty());
  EXPECT_EQ(c->paragraphs[0].number, 1);
}

// No SUBJECT line in the text: the published title is the subject, so the cable can be found by
// its words (01STATE176819, a metadata-only alx file; 08TRIPOLI220, whose page appends the
// publisher's record, which no longer ends up glued to the last paragraph).
TEST(ParseCableCorpus, PublishedTitleWhenTheTextHasNoSubject) {
  CABLEBASE_SHARED_SET(fixtures, "parse");
  Cable alx = ReadAndParse("01STATE176819.txt");
  EXPECT_EQ(alx.subject, "AFGHANISTAN'S POLITICAL FUTURE (CORRECTED COPY)");
  Cable tripoli = ReadAndParse("08TRIPOLI220.html");
  EXPECT_EQ(tripoli.subject, "DETAINED HUMAN RIGHTS ACTIVIST FATHI EL-JAHMI \"RELEASED\"");
  EXPECT_EQ(tripoli.signers, std::vector<std::string>{"STEVENS"});
  ASSERT_EQ(tripoli.paragraphs.size(), 11u);
  const std::string& last = tripoli.paragraphs.back().text;
  EXPECT_EQ(last.substr(last.size() - 12), "End comment.");
  // The subject is the cable's own when it has one (the seed), never the title.
  EXPECT_EQ(ReadAndParse("000_517f99ca9aa40bf8.txt").subject, "HAMAS VISIT TO MOSCOW");
}

// 07BOGOTA1165 (plain text, CRLF, Latin-1 pilcrows): unmarked paragraphs, SIPDIS twice.
TEST(ParseCableCorpus, Bogota1165Text) {
  CABLEBASE_SHARED_SET(fixtures, "parse");
  Cable c = ReadAndParse("07BOGOTA1165.txt");
  EXPECT_EQ(c.reference_id, "07BOGOTA1165");
  EXPECT_EQ(c.created, "2007-02-16T19:02:00Z");  // from the DTG: the file has no metadata
  EXPECT_EQ(c.precedence, "ROUTINE");
  EXPECT_EQ(c.classification, "UNCLASSIFIED");
  EXPECT_EQ(c.caveats, std::vector<std::string>{"SIPDIS"});
  EXPECT_EQ(c.subject,
            "COLOMBIA REQUESTS SUPPORT FOR CANDIDATE FOR INTERAMERICAN JUDICIAL COMMITTEE");
  ASSERT_GE(c.paragraphs.size(), 4u);
  EXPECT_EQ(c.paragraphs[0].number, 1);
  EXPECT_EQ(c.paragraphs[0].portion_marking, "");
  EXPECT_EQ(c.paragraphs[0].text, "This is an action request (see paragraphs 2 and 4).");
  EXPECT_EQ(c.paragraphs[1].text.rfind("We received a request from the Colombian Ministry of\n", 0),
            0u);
  EXPECT_EQ(c.body.find("\xC2\xB6"), std::string::npos);
  EXPECT_EQ(c.body.find("SIPDIS"), std::string::npos);
}

// 08VLADIVOSTOK68 (alx five-line layout, truncated text ending in "..."): no signer.
TEST(ParseCableCorpus, Vladivostok68Alx) {
  CABLEBASE_SHARED_SET(fixtures, "parse");
  Cable c = ReadAndParse("08VLADIVOSTOK68.txt");
  EXPECT_EQ(c.reference_id, "08VLADIVOSTOK68");
  EXPECT_EQ(c.origin, "Consulate Vladivostok");
  EXPECT_EQ(c.dtg, "090721Z JUL 08");
  EXPECT_EQ(c.post, "VLADIVOSTOK");
  ASSERT_EQ(c.paragraphs.size(), 1u);
  EXPECT_EQ(c.paragraphs[0].text, "Summary.  On July 3, Presi...");
  EXPECT_EQ(c.summary, "On July 3, Presi...");
  EXPECT_TRUE(c.signers.empty());
}

TEST(ParseCableRobustness, FailsOnlyWithoutReferenceId) {
  RawCable raw;
  raw.source.path = "empty.txt";
  raw.source.line = 7;
  Result<Cable> c = ParseCable(raw);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kParseError);
  EXPECT_EQ(c.status().file(), "empty.txt");
  EXPECT_EQ(c.status().line(), 7);
  // A classification line with post and serial but no date anywhere: no year, no ID.
  raw.text = "CONFIDENTIAL MOSCOW 001637\n\n1. (C) Text.\n";
  EXPECT_FALSE(ParseCable(raw).ok());
  raw.created = "2006-02-20 10:07";
  c = ParseCable(raw);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->reference_id, "06MOSCOW1637");
}

TEST(ParseCableRobustness, RandomBytesNeverCrash) {
  std::mt19937 rng(7);
  std::string seed = ReadFile(testing_shared::SeedPath());
  for (int round = 0; round < 200; ++round) {
    RawCable raw;
    raw.reference_id = round % 2 ? "06MOSCOW1637" : "";
    raw.text = seed;
    // Mutate the seed (keeps structure) or use pure noise.
    if (round % 3 == 0) raw.text.assign(rng() % 3000, '\0');
    for (char& ch : raw.text) {
      if (round % 3 == 0 || rng() % 40 == 0) ch = static_cast<char>(rng() % 256);
    }
    raw.header.assign(rng() % 500, 'x');
    for (char& ch : raw.header) ch = static_cast<char>(rng() % 256);
    Result<Cable> c = ParseCable(raw);
    if (round % 2) {
      EXPECT_TRUE(c.ok());
    }
  }
}

TEST(ParseCableRobustness, FiftyMegabyteLine) {
  RawCable raw;
  raw.reference_id = "06MOSCOW1637";
  raw.text.assign(50u * 1024 * 1024, 'A');
  for (size_t i = 5; i < raw.text.size(); i += 9) raw.text[i] = ' ';
  raw.text += " END SUMMARY (Comment: 1. (C) [1](#)\nBURNS\n";
  raw.header = raw.text.substr(0, 1024 * 1024);
  Result<Cable> c = ParseCable(raw);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->reference_id, "06MOSCOW1637");
  EXPECT_EQ(c->signers, std::vector<std::string>{"BURNS"});
}

TEST(ParseCableRobustness, ThreadSafe) {
  std::string expected = CableToJson(ParseSeed());
  std::vector<std::thread> threads;
  std::vector<int> same(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) same[t] += CableToJson(ParseSeed()) == expected;
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(same[t], 25);
}

// --- The whole corpus -------------------------------------------------------------------------

bool StartsLineWith(const std::string& text, const std::string& word, size_t limit) {
  size_t pos = 0;
  while (pos < text.size() && pos < limit) {
    size_t i = pos;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (text.compare(i, word.size(), word) == 0) return true;
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return false;
}

// True when the text holds a date-time group "DDHHMMZ MON YY".
bool HasDtg(const std::string& s) {
  for (size_t i = 0; i + 13 <= s.size(); ++i) {
    bool ok = true;
    for (int k = 0; k < 6; ++k) ok = ok && std::isdigit(static_cast<unsigned char>(s[i + k]));
    if (!ok || s[i + 6] != 'Z') continue;
    size_t j = i + 7;
    while (j < s.size() && s[j] == ' ') ++j;
    if (j + 6 > s.size()) continue;
    bool mon = std::isupper(static_cast<unsigned char>(s[j])) &&
               std::isalpha(static_cast<unsigned char>(s[j + 1])) &&
               std::isalpha(static_cast<unsigned char>(s[j + 2]));
    size_t y = j + 3;
    while (y < s.size() && s[y] == ' ') ++y;
    if (mon && y + 2 <= s.size() && std::isdigit(static_cast<unsigned char>(s[y])) &&
        std::isdigit(static_cast<unsigned char>(s[y + 1]))) {
      return true;
    }
  }
  return false;
}

// Reads every file of shared/corpus, parses every cable and checks it against MANIFEST.tsv and
// against what its text visibly contains. Misses are printed and counted; the thresholds allow
// 1% per field (9 of 946): a text can hold a SUBJECT line the header parser cannot use (a
// heading in a quoted document) and the detectors here are cruder than the parser.
TEST(ParseCableCorpusWide, EveryFileParses) {
  CABLEBASE_SHARED_PATH(manifest_tsv, "corpus/MANIFEST.tsv");
  std::string corpus = testing_shared::SharedPath("corpus");
  std::map<std::string, std::vector<std::string>> manifest;  // path → reference IDs
  {
    std::ifstream in(corpus + "/MANIFEST.tsv");
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      std::vector<std::string> cols;
      std::stringstream ss(line);
      std::string col;
      while (std::getline(ss, col, '\t')) cols.push_back(col);
      if (cols.size() >= 3) manifest[corpus + "/" + cols[2]].push_back(cols[0]);
    }
  }
  int cables = 0, failures = 0, id_mismatch = 0;
  std::map<std::string, int> has, miss;
  for (const auto& [path, ids] : manifest) {
    SourceFile f{path, 0, {}};
    Status st = ReadSource(f, InputFormat::kAuto, [&](Result<RawCable> raw) {
      ++cables;
      if (!raw.ok()) {
        ++failures;
        ADD_FAILURE() << "read: " << raw.status().ToString();
        return true;
      }
      Result<Cable> c = ParseCable(*raw);
      if (!c.ok()) {
        ++failures;
        ADD_FAILURE() << "parse: " << c.status().ToString();
        return true;
      }
      bool id_ok = false;
      for (const std::string& id : ids) {
        id_ok = id_ok || c->reference_id == id || c->reference_id_published == id;
      }
      if (!id_ok) {
        ++id_mismatch;
        ADD_FAILURE() << path << ": reference_id " << c->reference_id;
      }
      const std::string& t = raw->text;
      std::string top = t.substr(0, 3000);
      auto check = [&](const std::string& field, bool present, const std::string& value) {
        if (!present) return;
        ++has[field];
        if (value.empty()) {
          ++miss[field];
          std::printf("  miss %-14s %s (%s)\n", field.c_str(), c->reference_id.c_str(),
                      path.c_str());
        }
      };
      check("subject", StartsLineWith(t, "SUBJECT", 20000) || StartsLineWith(t, "SUBJ:", 20000),
            c->subject);
      check("originator",
            StartsLineWith(raw->header, "FM ", 1 << 20) || StartsLineWith(t, "FM ", 5000),
            c->originator);
      bool cls = false;
      for (const char* w : {"UNCLAS", "U N C L A S", "LIMITED OFFICIAL USE", "CONFIDENTIAL",
                            "C O N F I D E N T I A L", "SECRET", "S E C R E T", "TOP SECRET"}) {
        cls = cls || StartsLineWith(top, w, 3000);
      }
      check("classification", cls, c->classification);
      check("dtg", HasDtg(raw->header) || HasDtg(top), c->dtg);
      return true;
    });
    EXPECT_TRUE(st.ok()) << st.ToString();
  }
  std::printf("corpus: %d cables, %d failures, %d reference ID mismatches\n", cables, failures,
              id_mismatch);
  for (const auto& [field, n] : has) {
    std::printf("  %-14s present %4d, missed %d\n", field.c_str(), n, miss[field]);
  }
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(id_mismatch, 0);
  EXPECT_GE(cables, 945);
  for (const auto& [field, n] : miss) EXPECT_LE(n, 9) << field;
}

}  // namespace
}  // namespace cablebase
