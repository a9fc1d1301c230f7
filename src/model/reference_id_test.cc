// Reference IDs typed or published in every spelling (issue 11): four-digit NARA/AAD years, the
// misspelled-post rule (one edit from exactly one known post) and the AIT/embassy split in Taipei.
#include "model/reference_id.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>

#include "shared_files.h"

namespace cablebase::model {
namespace {

// Every 1970s CFPF document number in shared/corpus-more (PlusD pages, history-lab ground truth) is
// "YYYY" + post (NARA abbreviates some to 5-6 letters) + zero-padded serial. Each must become the
// two-digit year, the canonical post and the serial without zeros — the same ID as its Cablegate
// spelling — and never an ID of year 19 or 20 (before issue 11, "1975BONN00621" → 19BONN...).
TEST(ReferenceId, FourDigitYearDocumentNumbersOfCorpusMore) {
  CABLEBASE_SHARED_PATH(manifest, "corpus-more/MANIFEST.tsv");
  std::ifstream in(manifest);
  std::string line;
  const std::regex id(R"(((19|20)(\d\d))([A-Z]+)0*(\d+))");
  int checked = 0;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_search(line, m, id)) continue;
    std::string four = m[0];
    std::string canonical = CanonicalizeReferenceId(four);
    SCOPED_TRACE(four);
    EXPECT_EQ(canonical.substr(0, 2), m[3].str());
    EXPECT_EQ(canonical.substr(canonical.size() - m[5].length()), m[5].str());
    // The two-digit spelling a user would type resolves to the same ID.
    EXPECT_EQ(CanonicalizeReferenceId(m[3].str() + m[4].str() + m[5].str()), canonical);
    ++checked;
  }
  EXPECT_GE(checked, 30);
  EXPECT_EQ(CanonicalizeReferenceId("1974ATHENS03099"), "74ATHENS3099");
  EXPECT_EQ(CanonicalizeReferenceId("1979PORTL00665"), "79PORTLOUIS665");  // Port Louis, Mauritius
  EXPECT_EQ(CanonicalizeReferenceId("1974TELAV06773"), "74TELAVIV6773");
  EXPECT_EQ(CanonicalizeReferenceId("1978COPENH02791"), "78COPENHAGEN2791");
  // A post cablebase does not know stays as written, never turned into another.
  EXPECT_EQ(CanonicalizeReferenceId("1976OECDP27050"), "76OECDP27050");
  // The doubled two-digit year of a Cablegate ID is still one year (corpus 7575LIBREVILLE1895).
  EXPECT_EQ(CanonicalizeReferenceId("7575LIBREVILLE1895"), "75LIBREVILLE1895");
}

// A post one edit away from exactly one known post is that post (golden canonicalize_id:
// 07SOIA828 = 07SOFIA828, 06AITTAIPIE2654); two edits are not corrected.
TEST(ReferenceId, MisspelledPostIsOneEditFromExactlyOnePost) {
  EXPECT_EQ(CanonicalizeReferenceId("07SOIA828"), "07SOFIA828");          // deletion
  EXPECT_EQ(CanonicalizeReferenceId("06AITTAIPIE2654"), "06AITTAIPEI2654");  // swap
  EXPECT_EQ(CanonicalizeReferenceId("09NOUKKCHOTT514"), "09NOUAKCHOTT514");  // substitution
  // Written for the test: BRASILIA with two letters dropped, and posts missing from the list.
  EXPECT_EQ(CanonicalizeReferenceId("09BRSILA12"), "09BRSILA12");
  EXPECT_EQ(CanonicalizeReferenceId("09KANO12"), "09KANO12");
  EXPECT_EQ(CanonicalizeReferenceId("06LYON5"), "06LYON5");
}

// The American Institute in Taiwan sends as AITTAIPEI from 1979; the embassy before it as TAIPEI
// (corpus-more cfpf-gt/1977TAIPEI05268.txt, golden 02TAIPEI12 → 02AITTAIPEI12).
TEST(ReferenceId, TaipeiIsTheEmbassyBefore1979AndAitFrom1979) {
  EXPECT_EQ(CanonicalizeReferenceId("1977TAIPEI05268"), "77TAIPEI5268");
  EXPECT_EQ(CanonicalizeReferenceId("78TAIPEI100"), "78TAIPEI100");
  EXPECT_EQ(CanonicalizeReferenceId("79TAIPEI5"), "79AITTAIPEI5");
  EXPECT_EQ(CanonicalizeReferenceId("02TAIPEI12"), "02AITTAIPEI12");
  EXPECT_EQ(CanonicalizeReferenceId("77AITTAIPEI3"), "77TAIPEI3");  // no AIT before 1979
  EXPECT_EQ(CanonicalizeReferenceId("63TAIPEI5"), "63TAIPEI5");  // a FRUS 1961-63 embassy telegram
  // The same rule when an ID is made from a text's post and year (classification line, REF entry).
  EXPECT_EQ(MakeReferenceId(1975, "TAIPEI", "0123"), "75TAIPEI123");
  EXPECT_EQ(MakeReferenceId(1963, "Taipei", "5"), "63TAIPEI5");
  EXPECT_EQ(MakeReferenceId(2006, "TAIPEI", "12"), "06AITTAIPEI12");
  EXPECT_EQ(MakeReferenceId(1977, "AITTAIPEI", "5262"), "77TAIPEI5262");  // a REF entry's post
  EXPECT_EQ(MakeReferenceId(1979, "TAIPEI", "1"), "79AITTAIPEI1");
}

}  // namespace
}  // namespace cablebase::model
