// FOIA reading-room texts (foia_text_reader.h): real releases of shared/corpus-more/foia-text.
#include <gtest/gtest.h>

#include "archive_record_util.h"
#include "shared_files.h"

namespace cablebase {
namespace {

using testing_archive::Records;

// C06698243 (STATE 158406, 1996): stamps and review markings removed, the RAO-copy header read,
// DRAFTED/APPROVED BY and the ACTION office kept as archive fields, known by its Doc No.
TEST(FoiaTextReader, StateTelegramOfCase13804) {
  CABLEBASE_SHARED_PATH(txt, "corpus-more/foia-text/C06698243.txt");
  std::vector<Cable> r = Records(txt);
  ASSERT_EQ(r.size(), 1u);
  const Cable& c = r[0];
  EXPECT_EQ(c.source.format, InputFormat::kFoiaText);
  EXPECT_EQ(c.archive.document_number, "C06698243");
  EXPECT_EQ(c.archive.collection, "F-2017-13804");
  EXPECT_EQ(c.archive.pages, 3);
  // No DTG line: PAGE 01 STATE 158406 311734Z + the stamp "311829Z JUL 96 STePS ...".
  EXPECT_EQ(c.dtg, "311734Z JUL 96");
  EXPECT_EQ(c.created, "1996-07-31T17:34:00Z");
  EXPECT_EQ(c.originator, "SECSTATE WASHDC");
  ASSERT_FALSE(c.to.empty());
  EXPECT_EQ(c.to[0].name, "AMEMBASSY YEREVAN");
  EXPECT_EQ(c.classification, "SECRET");
  EXPECT_EQ(c.tags, (std::vector<std::string>{"PREL", "MARR", "MOPS", "PBTS", "OSCE", "AM"}));
  EXPECT_EQ(c.subject, "TALBOTT-LIBARIDIAN MEETING REVISITS \"TILT\" CHARGES, DISCUSSES NEXT STEPS ON NK");
  EXPECT_EQ(c.archive.drafter, "EUR/CASA:SMYOUNG:SY");
  EXPECT_EQ(c.archive.approver, "D:STALBOTT");
  EXPECT_EQ(c.archive.action_offices, (std::vector<std::string>{"NODS-00"}));
  EXPECT_EQ(c.signers, (std::vector<std::string>{"CHRISTOPHER"}));
  EXPECT_EQ(c.paragraphs.size(), 11u);
  for (const Paragraph& p : c.paragraphs) {
    EXPECT_EQ(p.text.find("Case No."), std::string::npos) << "stamp left in a paragraph";
  }
}

// C06814742: a post-drafted telegram with bare post lines ("AMEMBASSY MOSCOW" / "SECSTATE WASHDC
// =MEDIATE") instead of FM/TO; the caption line "NODIS OCAPTIONED" after them is no addressee.
TEST(FoiaTextReader, BarePostLinesAreFromAndTo) {
  CABLEBASE_SHARED_PATH(txt, "corpus-more/foia-text/C06814742.txt");
  std::vector<Cable> r = Records(txt);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].originator, "AMEMBASSY MOSCOW");
  ASSERT_EQ(r[0].to.size(), 1u);
  EXPECT_EQ(r[0].to[0].name.rfind("SECSTATE WASHDC", 0), 0u) << r[0].to[0].name;
  EXPECT_EQ(r[0].subject, "MAMEDOV ON CTBT DEFEAT, BILATERAL WAY AHEAD");
  EXPECT_EQ(r[0].tags, (std::vector<std::string>{"PREL", "RS"}));
}

// C06694640 (SEOUL 658, 1995): the OCR lost the C of a letter-spaced marker, "ONFI D E N T I A L
// SECTION 01 OF 02 SEOUL 000658". The repair takes the marker length with the fewest edits
// (ONFIDENTIAL, one), not the first within two (ONFIDENTIALS), which ate the S of SECTION and made
// the post ECTION: 95ECTION1.
TEST(FoiaTextReader, GarbledMarkerKeepsTheSectionCaption) {
  CABLEBASE_SHARED_PATH(txt, "corpus-more/foia-text/C06694640.txt");
  std::vector<Cable> r = Records(txt);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].reference_id, "95SEOUL658");
  EXPECT_EQ(r[0].classification, "CONFIDENTIAL");
  EXPECT_EQ(r[0].post, "SEOUL");
  EXPECT_EQ(r[0].section_number, 1);
  EXPECT_EQ(r[0].section_count, 2);
}

// FOIA printouts follow the TAGS line with printout debris ("642BD1 040232Z /38", "/", "---",
// "1-3°5111,T °"): a continuation line without a word of two letters ends the TAGS, and a word
// without a letter or digit is no tag (parse/tags.cc HasTagWord).
TEST(FoiaTextReader, PrintoutDebrisAfterTagsIsNoTag) {
  struct {
    const char* file;
    std::vector<std::string> tags;
  } cases[] = {
      {"corpus-more/foia-text/C06694864.txt", {"PREL", "MARR", "NATO", "FR", "HA", "RW"}},
      {"corpus-more/foia-text/C06697877.txt", {"PREL", "AS", "NZ"}},
      {"corpus-more/foia-text/C06697774.txt", {"PREL", "RS", "JA"}},
      {"corpus-more/foia-text/C06694647.txt", {"NATO", "PREL", "BO", "OVIP", "TALBOTT, STROBE"}},
  };
  for (const auto& k : cases) {
    CABLEBASE_SHARED_PATH(txt, k.file);
    std::vector<Cable> r = Records(txt);
    ASSERT_EQ(r.size(), 1u) << k.file;
    EXPECT_EQ(r[0].tags, k.tags) << k.file;
  }
}

// Every release of the sample gives a record with its document number and text.
TEST(FoiaTextReader, EveryReleaseGivesARecord) {
  CABLEBASE_SHARED_PATH(dir, "corpus-more/foia-text");
  int files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    ++files;
    std::vector<Cable> r = Records(e.path().string());
    ASSERT_EQ(r.size(), 1u) << e.path();
    EXPECT_EQ(r[0].archive.document_number, e.path().stem().string());
  }
  EXPECT_EQ(files, 38);
}

}  // namespace
}  // namespace cablebase
