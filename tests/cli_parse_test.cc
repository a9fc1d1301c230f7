// `cablebase parse` end to end: the seed cable, error lines, exit codes, JSON Lines.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_test_util.h"
#include "shared_files.h"

namespace cablebase {
namespace {

using testing_util::RunCablebase;

// The seed cable (06MOSCOW1637 as rendered text) must satisfy every assertion of the contract file
// shared/seed/expected.json (the repository's copy is seed/).
TEST(CliParse, SeedCableMeetsItsContract) {
  std::string seed = testing_shared::SeedPath();
  auto r = RunCablebase("parse '" + seed + "'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::json rec = nlohmann::json::parse(r.out);
  std::ifstream in(testing_shared::SeedPath("expected.json"));
  nlohmann::json exp = nlohmann::json::parse(in);
  for (const auto& [ptr, want] : exp["equal"].items())
    EXPECT_EQ(rec.value(nlohmann::json::json_pointer(ptr), nlohmann::json()), want) << ptr;
  for (const auto& [ptr, want] : exp["prefix"].items()) {
    auto got = rec.value(nlohmann::json::json_pointer(ptr), std::string());
    EXPECT_EQ(got.rfind(want.get<std::string>(), 0), 0u) << ptr << ": " << got.substr(0, 120);
  }
  for (const auto& [ptr, want] : exp["contains"].items()) {
    auto got = rec.value(nlohmann::json::json_pointer(ptr), std::string());
    EXPECT_NE(got.find(want.get<std::string>()), std::string::npos) << ptr;
  }
  for (const auto& [ptr, want] : exp["length"].items())
    EXPECT_EQ(rec.at(nlohmann::json::json_pointer(ptr)).size(), want.get<size_t>()) << ptr;
}

TEST(CliParse, MissingFileIsAnErrorNamingIt) {
  auto r = RunCablebase("parse /nonexistent/cable.txt 2>&1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("/nonexistent/cable.txt"), std::string::npos) << r.out;
}

TEST(CliParse, BadFormatOptionIsAnError) {
  // pdf is a form since issue 13; docx is none.
  auto r = RunCablebase("parse --format docx - </dev/null 2>&1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("'docx'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("frus"), std::string::npos) << r.out;
}

// A FRUS file with a telegram: parse prints the record (the CLI reads the archive forms too).
TEST(CliParse, FrusTelegramIsParsed) {
  CABLEBASE_SHARED_PATH(f, "corpus-more/frus-tei/frus1961-63v04_d239.xml");
  auto r = RunCablebase("parse --jsonl " + f + " 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("\"reference_id\":\"63SAIGON816\""), std::string::npos) << r.out;
}

// A directory with a good cable and a file of garbage: the good one is printed, the bad one named,
// and the exit status says that something failed.
TEST(CliParse, BadInputDoesNotStopTheRun) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "cablebase_cli_parse_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy_file(testing_shared::SeedPath(), dir / "a.txt");
  std::ofstream(dir / "b.txt") << "\x01\x02 not a cable \xff\xfe";
  auto r = RunCablebase("parse --jsonl '" + dir.string() + "' 2>&1");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("\"06MOSCOW1637\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("b.txt"), std::string::npos) << r.out;
  fs::remove_all(dir);
}

// Records are parsed on several threads and printed in input order, byte for byte as one thread
// prints them, with read errors in their place (issue 12). The inputs: real pages of the shared
// corpus with a written non-cable file between them.
TEST(CliParse, ThreadsPrintTheSameRecordsInInputOrder) {
  CABLEBASE_SHARED_PATH(html, "corpus/html/chillicoder__cablegate");
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "cablebase_cli_parse_jobs_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "bad.html") << "written for the test: not a page";
  const std::string inputs = "'" + html + "' '" + (dir / "bad.html").string() + "' '" + html + "'";
  auto one = RunCablebase("parse --jsonl --jobs 1 " + inputs + " 2>&1");
  auto four = RunCablebase("parse --jsonl --jobs 4 " + inputs + " 2>&1");
  EXPECT_EQ(one.exit_code, 2);
  EXPECT_EQ(four.exit_code, 2);
  ASSERT_GT(one.out.size(), 1000000u);
  EXPECT_TRUE(one.out == four.out) << "outputs differ";
  // The error line sits between the two passes over the folder.
  const size_t err = four.out.find("bad.html");
  ASSERT_NE(err, std::string::npos);
  const size_t first = four.out.find("\"reference_id\"");
  const size_t last = four.out.rfind("\"reference_id\"");
  EXPECT_LT(first, err);
  EXPECT_GT(last, err);
  fs::remove_all(dir);
}

TEST(CliParse, HelpTeachesWithExamples) {
  auto r = RunCablebase("parse --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--jsonl"), std::string::npos);
  EXPECT_NE(r.out.find("Examples"), std::string::npos);
}

}  // namespace
}  // namespace cablebase
