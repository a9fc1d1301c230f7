// `cablebase show` end to end on real cables: the header explained from the library's glossary
// (include/cablebase/glossary.h), with State's FIPS 10-4 geographic codes named.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "cli_test_util.h"

namespace cablebase {
namespace {

namespace fs = std::filesystem;
using testing_util::RunCablebase;

class CliShow : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("cablebase_show_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / "show.db").string();
    const std::string pages = testing_shared::SharedPath("corpus/html/chillicoder__cablegate/");
    // 07SANTIAGO983 is tagged UY (Uruguay), 06ASUNCION589 PA (Paraguay, not ISO's Panama),
    // 10SARAJEVO134 BK (Bosnia and Herzegovina), 09BELGRADE399 SR (no FIPS 10-4 meaning).
    std::string files = " '" + testing_shared::SeedPath() + "'";
    for (const char* f :
         {"07SANTIAGO983.html", "06ASUNCION589.html", "10SARAJEVO134.html", "09BELGRADE399.html",
          "09MOSCOW1108.html", "72TEHRAN1164.html"}) {
      files += " '" + pages + f + "'";
    }
    ingest_ = RunCablebase("ingest" + files + " --db '" + db_ + "' 2>&1");
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void SetUp() override {
    CABLEBASE_SHARED_PATH(pages, "corpus/html/chillicoder__cablegate");
    ASSERT_EQ(ingest_.exit_code, 0) << ingest_.out;
  }

  static testing_util::CommandResult Show(const std::string& id) {
    return RunCablebase("show " + id + " --db '" + db_ + "' 2>&1");
  }
  static void ExpectLine(const std::string& out, const std::string& line) {
    EXPECT_NE(out.find("\n" + line + "\n"), std::string::npos) << "no line: " << line << "\n" << out;
  }

  static inline fs::path dir_;
  static inline std::string db_;
  static inline testing_util::CommandResult ingest_;
};

TEST_F(CliShow, NamesTheNewlyNamedGeographicCodes) {
  testing_util::CommandResult r = Show("07SANTIAGO983");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("UY      geographic: Uruguay"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("AR      geographic: Argentina"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("PREL    subject: external political relations"), std::string::npos);
  EXPECT_NE(r.out.find("KDEM    program: democratization"), std::string::npos);

  r = Show("06asuncion589");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("PA      geographic: Paraguay"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Panama"), std::string::npos) << r.out;

  r = Show("10SARAJEVO134");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("BK      geographic: Bosnia and Herzegovina"), std::string::npos) << r.out;
  // The header words are explained from the same glossary.
  EXPECT_NE(r.out.find("NOFORN — not releasable to foreign nationals"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1.4(b) — foreign government information"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("S/NF — secret, not releasable to foreign nationals"), std::string::npos)
      << r.out;
}

// A code whose meaning is not certain is shown bare, never with a guess.
TEST_F(CliShow, UncertainCodeIsShownWithoutAMeaning) {
  testing_util::CommandResult r = Show("09BELGRADE399");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  size_t at = r.out.find("SR      geographic");
  ASSERT_NE(at, std::string::npos) << r.out;
  EXPECT_EQ(r.out.compare(at, 19, "SR      geographic\n"), 0) << r.out.substr(at, 60);
}

// The seed cable (06MOSCOW1637), 09MOSCOW1108 (SECRET in its text, CONFIDENTIAL in the metadata; a
// declassification event written as text; a subject wrapped across a blank line) and 72TEHRAN1164
// (declassified in 2006).

TEST_F(CliShow, SeedHeaderExplained) {
  testing_util::CommandResult r = Show("06MOSCOW1637");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.rfind("06MOSCOW1637  HAMAS VISIT TO MOSCOW\n", 0), 0u) << r.out;
  ExpectLine(r.out, "Created         2006-02-20T10:07:00Z  (date-time group 201007Z FEB 06)");
  ExpectLine(r.out, "To (action)     SECSTATE WASHDC  IMMEDIATE  #1026");
  ExpectLine(r.out, "Classified by   Kirk Augustine, Minister-Counselor for Political Affairs");
  ExpectLine(r.out, "Declassify on   2014-09-20  (under E.O. 12958)");
  ExpectLine(r.out, "                RS      geographic: Russia");
  ExpectLine(r.out, "References      A. MOSCOW 1323  → 06MOSCOW1323  (not in the archive)");
}

// DECL written as an event, not a date: shown as written (it was blank).
TEST_F(CliShow, DeclassificationEventShownAsWritten) {
  testing_util::CommandResult r = Show("09MOSCOW1108");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(r.out.rfind("09MOSCOW1108  WAITING AND WATCHING: NORTH KOREA AFTER CURRENCY REFORM\n", 0),
            0u)
      << r.out;
  ExpectLine(r.out, "Declassify on   TEN YEARS AFTER KOREAN UNIFICATION  (under E.O. 12958)");
  ExpectLine(r.out, "                (published as CONFIDENTIAL)");
  ExpectLine(r.out, "Classified by   Stephen B. Wickman, Consul General");
}

// "DECLASSIFIED JUNE 21, 2006" on the E.O. line reports a release that happened: not a date set
// for one (it showed as "Declassify on  (under E.O. 12958)").
TEST_F(CliShow, ReleaseThatHappenedIsDeclassified) {
  testing_util::CommandResult r = Show("72TEHRAN1164");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  ExpectLine(r.out, "Declassified    JUNE 21, 2006  (E.O. 12958)");
  EXPECT_EQ(r.out.find("Declassify on"), std::string::npos) << r.out;
}

// A NARA/AAD document number names the same cable as its Cablegate ID (issue 11/13): the year in
// four digits and the serial zero-padded. Before, "1972TEHRAN01164" was read as year 19.
TEST_F(CliShow, FourDigitYearDocumentNumberShowsTheCable) {
  testing_util::CommandResult r = Show("1972TEHRAN01164");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("72TEHRAN1164"), std::string::npos) << r.out;
  testing_util::CommandResult missing = Show("1972TEHRAN01165");
  EXPECT_EQ(missing.exit_code, 1) << missing.out;
  EXPECT_EQ(missing.out.find("19TEHRAN"), std::string::npos) << missing.out;
}

TEST_F(CliShow, UnknownIdExitsOneWithMessage) {
  testing_util::CommandResult r = Show("06MOSCOW9999");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("no cable 06MOSCOW9999 in the archive"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cablebase
