// Tests of the audit (cablebase/audit.h): real cables read from the shared folder, and short
// fragments written for the test (marked so), one or more per detector.
#include "cablebase/audit.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "shared_files.h"

namespace cablebase {
namespace {

// Every cable of a shared file, parsed (RawCable kept for its raw blocks).
struct Parsed {
  RawCable raw;
  Cable cable;
};
std::vector<Parsed> ReadAll(const std::string& path) {
  std::vector<Parsed> out;
  Status s = ReadSource(SourceFile{path, 0, {}}, InputFormat::kAuto, [&](Result<RawCable> raw) {
    if (!raw.ok()) return true;
    Result<Cable> c = ParseCable(*raw);
    if (c.ok()) out.push_back(Parsed{*raw, *c});
    return true;
  });
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

std::vector<Finding> Of(const std::vector<Finding>& all, Invariant inv) {
  std::vector<Finding> out;
  for (const Finding& f : all) {
    if (f.invariant == inv) out.push_back(f);
  }
  return out;
}

Reference Ref(const std::string& label, const std::string& text, const char* id = nullptr) {
  Reference r;
  r.label = label;
  r.text = text;
  if (id) r.reference_id = id;
  return r;
}

// ---- real cables (../shared/corpus)

// 04MADRID961: "REF: A. MADRID 881", a blank line, "¶B. MADRID 919", "¶C. MADRID 812" (issue 11).
// The detector reads three labels from the text whatever the parser does; a record keeping only A
// gets exactly the finding the issue quotes, a record keeping all three none.
TEST(AuditRealTest, MadridRefBlockOverABlankLineHasThreeLabels) {
  CABLEBASE_SHARED_PATH(page, "corpus/html/chillicoder__cablegate/04MADRID961.html");
  std::vector<Parsed> all = ReadAll(page);
  ASSERT_EQ(all.size(), 1u);
  Cable c = all[0].cable;
  ASSERT_EQ(c.reference_id, "04MADRID961");

  c.references = {Ref("A", "MADRID 881", "04MADRID881")};
  std::vector<Finding> f =
      Of(AuditCable(all[0].raw.header, all[0].raw.text, c), Invariant::kRefLabels);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "references: 3 labels in REF, 1 read (missing B C)");
  EXPECT_EQ(f[0].expected, "A B C");
  EXPECT_EQ(f[0].found, "A");

  c.references = {Ref("A", "MADRID 881", "04MADRID881"), Ref("B", "MADRID 919", "04MADRID919"),
                  Ref("C", "MADRID 812", "04MADRID812")};
  EXPECT_TRUE(Of(AuditCable(all[0].raw.header, all[0].raw.text, c), Invariant::kRefLabels).empty());
}

// The record as the parser makes it: the ref_labels finding is there exactly when the record has
// fewer than the three labels (main's parser read 1 of 3 when the audit was written).
TEST(AuditRealTest, MadridFindingFollowsTheRecord) {
  CABLEBASE_SHARED_PATH(page, "corpus/html/chillicoder__cablegate/04MADRID961.html");
  std::vector<Parsed> all = ReadAll(page);
  ASSERT_EQ(all.size(), 1u);
  size_t labelled = 0;
  for (const Reference& r : all[0].cable.references) labelled += r.label.size() == 1;
  std::vector<Finding> f = Of(AuditCable(all[0].cable), Invariant::kRefLabels);
  EXPECT_EQ(f.size(), labelled < 3 ? 1u : 0u);
  if (!f.empty()) {
    EXPECT_EQ(f[0].expected, "A B C");
  }
}

// The seed cable (06MOSCOW1637) keeps every invariant.
TEST(AuditRealTest, SeedCableIsClean) {
  CABLEBASE_SHARED_PATH(page, "seed/000_517f99ca9aa40bf8.txt");
  std::vector<Parsed> all = ReadAll(page);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].cable.reference_id, "06MOSCOW1637");
  std::vector<Finding> f = AuditCable(all[0].raw.header, all[0].raw.text, all[0].cable);
  for (const Finding& x : f) ADD_FAILURE() << x.message;
}

// 04SANAA2346 numbers its paragraphs 12, 14 itself: the record following the text is no finding.
TEST(AuditRealTest, CableThatSkipsANumberItselfIsNoFinding) {
  CABLEBASE_SHARED_PATH(page, "corpus/html/chillicoder__cablegate/04SANAA2346.html");
  std::vector<Parsed> all = ReadAll(page);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_TRUE(Of(AuditCable(all[0].cable), Invariant::kParagraphNumbers).empty());
}

// 09BAGHDAD197's line wraps inside the name ("Michae" / "l Corbin"): the joined name is words of
// the line; 10BAGHDAD290's "GRAPPO" / "FOR REASONS" joined into GRAPPOFOR is not.
TEST(AuditRealTest, NameSplitByTheWrap) {
  CABLEBASE_SHARED_PATH(page, "corpus/html/chillicoder__cablegate/09BAGHDAD197.html");
  std::vector<Parsed> all = ReadAll(page);
  ASSERT_EQ(all.size(), 1u);
  Cable c = all[0].cable;
  c.classified_by = ClassifiedBy{"Michael Corbin", "Minister-Counselor", {"1.4(b)", "1.4(d)"}, ""};
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kClassifiedBy).empty());
  c.classified_by->name = "Michael Corbinfor";
  EXPECT_EQ(Of(AuditCable(c), Invariant::kClassifiedBy).size(), 1u);
}

// ---- written fragments (each text below was written for the test)

Cable Fragment(const std::string& text) {
  Cable c;
  c.reference_id = "09TESTPOST100";
  c.text_raw = text;
  return c;
}

TEST(AuditFragmentTest, RefLabelsOverPageBreakAndParenLabels) {
  // written for the test
  Cable c = Fragment(
      "SUBJECT: A WRITTEN SUBJECT\n\nREF: (A) STATE 1234\n\nTESTPOST 00000100 002 OF 002\n\n"
      "(B) TESTPOST 55\n\nClassified By: Pol Chief Jane Doe, reasons 1.4 (b)\n\n1. (C) Text.\n");
  c.references = {Ref("A", "STATE 1234", "09STATE1234")};
  std::vector<Finding> f = Of(AuditCable(c), Invariant::kRefLabels);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "references: 2 labels in REF, 1 read (missing B)");
}

TEST(AuditFragmentTest, InitialsInAnEntryAreNoLabels) {
  // written for the test: "U.S." and "J." are not labels B and C.
  Cable c = Fragment("REF: A. U.S. NOTE J. SMITH\n\n1. (U) Text.\n");
  c.references = {Ref("A", "U.S. NOTE J. SMITH")};
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kRefLabels).empty());
}

TEST(AuditFragmentTest, ListAfterAnUnlabelledRefIsNoLabel) {
  // written for the test: a one-entry REF, then a lettered list of the text after a blank line.
  Cable c = Fragment("REF: TESTPOST 153\n\nA. (S) A person. More.\nB. (S) Another.\n");
  c.references = {Ref("", "TESTPOST 153")};
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kRefLabels).empty());
}

TEST(AuditFragmentTest, RefIdsCableLikeEntryWithoutId) {
  Cable c = Fragment("REF: A. 08 MOSCOW 1323 B. PARIS POINTS NOV 22\n\n1. (U) Text.\n");
  c.references = {Ref("A", "08 MOSCOW 1323"), Ref("B", "PARIS POINTS NOV 22")};
  std::vector<Finding> f = Of(AuditCable(c), Invariant::kRefIds);
  ASSERT_EQ(f.size(), 1u);  // the dated report B is no cable
  EXPECT_EQ(f[0].found, "08 MOSCOW 1323");
  c.references[0].reference_id = "08MOSCOW1323";
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kRefIds).empty());
  // The citing cable itself gets no ID.
  c.reference_id = "09TESTPOST100";
  c.references = {Ref("A", "TESTPOST 100")};
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kRefIds).empty());
}

TEST(AuditFragmentTest, ParagraphLostWhenTheTextNumbersIt) {
  Cable c = Fragment("1. (C) One.\n\n2. (C) Two.\n\n3. (C) Three.\n");
  c.paragraphs = {Paragraph{1, "C", "One."}, Paragraph{3, "C", "Three."}};
  std::vector<Finding> f = Of(AuditCable(c), Invariant::kParagraphNumbers);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "paragraphs: 1 then 3, the text numbers 2");
  // The tail: the record stops before the text does.
  c.paragraphs = {Paragraph{1, "C", "One."}, Paragraph{2, "C", "Two."}};
  f = Of(AuditCable(c), Invariant::kParagraphNumbers);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "paragraphs: stop at 2, the text goes on to 3");
  c.paragraphs.push_back(Paragraph{3, "C", "Three."});
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kParagraphNumbers).empty());
}

TEST(AuditFragmentTest, PortionMarks) {
  Cable c = Fragment("1. (S//REL TO USA, GBR) One.\n2. (XQ) Two.\n");
  c.paragraphs = {Paragraph{1, "S//REL TO USA, GBR", ""}, Paragraph{2, "XQ", ""}};
  std::vector<Finding> f = Of(AuditCable(c), Invariant::kPortionMarks);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].found, "(XQ)");
}

TEST(AuditFragmentTest, ClassifiedByNotReadAndTitleInName) {
  Cable c =
      Fragment("Classified By: CDA Jane Q. Doe for reasons 1.4 (b) and (d)\n\n1. (C) Text.\n");
  std::vector<Finding> f = Of(AuditCable(c), Invariant::kClassifiedBy);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "classified_by: a Classified By line in the text, not read");
  c.classified_by = ClassifiedBy{"CDA Jane Q. Doe", "", {"1.4(b)", "1.4(d)"}, ""};
  f = Of(AuditCable(c), Invariant::kClassifiedBy);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message,
            "classified_by: name \"CDA Jane Q. Doe\" holds the title or line word CDA");
  c.classified_by->name = "Jane Q. Doe";
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kClassifiedBy).empty());
  c.classified_by->reasons = {"1.4(k)"};
  EXPECT_EQ(Of(AuditCable(c), Invariant::kClassifiedBy).size(), 1u);
}

TEST(AuditFragmentTest, ClassifiedByTitleOnlyNeedsNoName) {
  Cable c = Fragment("Classified By: Charge d'Affaires, for reasons 1.4 (b) and (d)\n\n1. Text.\n");
  c.classified_by = ClassifiedBy{"", "Charge d'Affaires", {"1.4(b)", "1.4(d)"}, ""};
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kClassifiedBy).empty());
}

TEST(AuditFragmentTest, TagsTokensAndCorrectedTypos) {
  Cable c = Fragment("TAGS: PREL PGOV PECON KDEMAF XX\nSUBJECT: A WRITTEN SUBJECT\n\n1. Text.\n");
  c.tags = {"PREL", "PGOV", "ECON", "KDEM", "AF"};
  c.subject = "A WRITTEN SUBJECT";
  std::vector<Finding> f = Of(AuditCable(c), Invariant::kTags);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "tags: 1 token of the TAGS line not in tags (XX)");
}

// Written for the test: a TAGS line followed by a FOIA printout's routing debris and the next
// page's banner (the shapes of corpus-more foia-text C06694864, C06697444): not TAGS tokens.
TEST(AuditFragmentTest, TagsPrintoutDebrisIsNotTags) {
  Cable c = Fragment("TAGS: PREL, MARR, NATO\n642BD1 040232Z /38\n\n1. Text.\n");
  c.tags = {"PREL", "MARR", "NATO"};
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kTags).empty());
  c = Fragment("TAGS: OAS, PREL, PM\nPAGE 01 PANAMA 2736 031820Z JUN 96\n\n1. Text.\n");
  c.tags = {"OAS", "PREL", "PM"};
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kTags).empty());
  // A wrapped line of tags is still read.
  c = Fragment("TAGS: OAS, PREL, PM\nCO, XX\n\n1. Text.\n");
  c.tags = {"OAS", "PREL", "PM", "CO"};
  ASSERT_EQ(Of(AuditCable(c), Invariant::kTags).size(), 1u);
}

TEST(AuditFragmentTest, TagsMergedIntoOneTag) {
  // written for the test: codes run together into one tag are a finding; a phrase, a person and
  // a phrase kept without its space are not.
  Cable c = Fragment("TAGS: PGOV CIA INRA NO COUNTER TERRORISM, CLINTON, HILLARY\n\n1. Text.\n");
  c.tags = {"PGOV", "CIA INRA", "NO", "COUNTERTERRORISM", "CLINTON, HILLARY"};
  std::vector<Finding> f = Of(AuditCable(c), Invariant::kTags);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "tags: 2 tokens of the TAGS line not in tags (CIA INRA)");
  c.tags = {"PGOV", "CIA", "INRA", "NO", "COUNTERTERRORISM", "CLINTON, HILLARY"};
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kTags).empty());
}

// 08OSLO406's TAGS line "CIA INRA INRO PGOV PINR PREL NO": a record that keeps the first three as
// one tag breaks the invariant; the finding follows the record whatever the parser does.
TEST(AuditRealTest, OsloTagsMerged) {
  CABLEBASE_SHARED_PATH(page, "corpus/html/chillicoder__cablegate/08OSLO406.html");
  std::vector<Parsed> all = ReadAll(page);
  ASSERT_EQ(all.size(), 1u);
  Cable c = all[0].cable;
  c.tags = {"CIA INRA INRO", "PGOV", "PINR", "PREL", "NO"};
  std::vector<Finding> f = Of(AuditCable(c), Invariant::kTags);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "tags: 3 tokens of the TAGS line not in tags (CIA INRA INRO)");
  c.tags = {"CIA", "INRA", "INRO", "PGOV", "PINR", "PREL", "NO"};
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kTags).empty());
}

TEST(AuditFragmentTest, SubjectKeepsWhatIsNotSubject) {
  // written for the test
  Cable c = Fragment("SUBJECT: (S/REL UK) A WRITTEN SUBJECT\n\n1. Text.\n");
  c.subject = "(S/REL UK) A WRITTEN SUBJECT";
  std::vector<Finding> f = Of(AuditCable(c), Invariant::kSubject);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "subject: keeps the portion mark (S/REL UK)");
  c.subject = "A WRITTEN SUBJECT";
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kSubject).empty());
  c = Fragment("SUBJECT: NOTES 11-09-2009\n-----------\n\n1. Text.\n");
  c.subject = "NOTES 11-09-2009 -----------";
  f = Of(AuditCable(c), Invariant::kSubject);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "subject: keeps a rule of dashes");
  c = Fragment("SUBJECT: STRIKES IN THE WRITTEN COUNTRY: AN INVITATION TO THEM --\nAND US?\n\n1. T.\n");
  c.subject = "STRIKES IN THE WRITTEN COUNTRY: AN INVITATION TO THEM --AND US?";
  f = Of(AuditCable(c), Invariant::kSubject);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "subject: joins the line-end \"--\" to the next word without a space");
  c.subject = "STRIKES IN THE WRITTEN COUNTRY: AN INVITATION TO THEM -- AND US?";
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kSubject).empty());
}

TEST(AuditFragmentTest, SubjectWrappedAndCutAtInlineRef) {
  // written for the test: a 50+ character SUBJECT line wraps; the next line starts with a digit.
  Cable c = Fragment(
      "SUBJECT: VISIT OF A WRITTEN OFFICIAL TO THE CAPITAL FROM MARCH 1 TO\n4, 2009.\n\n1. T.\n");
  c.subject = "VISIT OF A WRITTEN OFFICIAL TO THE CAPITAL FROM MARCH 1 TO";
  std::vector<Finding> f = Of(AuditCable(c), Invariant::kSubject);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "subject: 1 word of the SUBJECT line not in subject (4)");
  c = Fragment("SUBJECT: A WRITTEN SUBJECT REF: TESTPOST 12\n\n1. T.\n");
  c.subject = "A WRITTEN SUBJECT";
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kSubject).empty());
}

TEST(AuditFragmentTest, ReferenceIdAgainstClassificationLineAndDtg) {
  Cable c = Fragment("C O N F I D E N T I A L SECTION 01 OF 02 MADRID 000961\n\n1. Text.\n");
  c.reference_id = "04MADRID961";
  c.section_number = 1;
  c.section_count = 2;
  c.dtg = "171708Z MAR 04";
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kReferenceId).empty());
  c.reference_id = "04MADRID962";
  c.dtg = "171708Z MAR 05";
  std::vector<Finding> f = Of(AuditCable(c), Invariant::kReferenceId);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message,
            "reference_id: 04MADRID962 but serial 961 in the text; DTG 171708Z MAR 05 is of year "
            "2005");
}

TEST(AuditFragmentTest, CreatedAndDtgSameDate) {
  Cable c = Fragment("1. Text.\n");
  c.dtg = "170856Z MAY 00";
  c.created = "2000-05-17T08:56:00Z";
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kCreatedDtg).empty());
  c.created = "2000-05-16T23:56:00Z";
  std::vector<Finding> f = Of(AuditCable(c), Invariant::kCreatedDtg);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "created: 2000-05-16, DTG 170856Z MAY 00 (1 day apart)");
}

TEST(AuditFragmentTest, SignersAreWordsOfTheLastLines) {
  Cable c = Fragment("1. Text.\n\nDOE\n");
  c.signers = {"DOE"};
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kSigners).empty());
  c.signers = {"ROE"};
  EXPECT_EQ(Of(AuditCable(c), Invariant::kSigners).size(), 1u);
}

TEST(AuditFragmentTest, SignerClosingTheTextAfterEndMarkers) {
  // written for the test, in the shape of 09STATE63860's end: a signer after the last sentence,
  // then NNNN, End Cable Text and a redaction.
  Cable c = Fragment("1. Text.\n\n2. More text on request. DOE\nNNNN\nEnd Cable Text\n XXXXXXXX\n");
  std::vector<Finding> f = Of(AuditCable(c), Invariant::kSigners);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "signers: the text ends with DOE, no signer read");
  c.signers = {"DOE"};
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kSigners).empty());
  // A redaction ending the last sentence is no signer.
  c = Fragment("1. Text from sources. XXXXXXXXXXXX\n");
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kSigners).empty());
  // A sentence ending with "End Comment" is no end marker to pass over.
  c = Fragment("1. Text. JOHN\n\ngeneral lawlessness. End Comment\n");
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kSigners).empty());
  // A word the wrap left alone, or closing a line mid-sentence, is no signer.
  c = Fragment("1. Talks went on with the\nIMF\n");
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kSigners).empty());
  c = Fragment("1. We met the\nfund, the IMF\n");
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kSigners).empty());
  c = Fragment("1. Text.\n\nDOE\n");
  EXPECT_EQ(Of(AuditCable(c), Invariant::kSigners).size(), 1u);
}

TEST(AuditFragmentTest, HeaderLineLeftInBody) {
  Cable c = Fragment("1. Text.\n");
  c.body = "TAGS: PREL PGOV\n\n1. Text.\n";
  std::vector<Finding> f = Of(AuditCable(c), Invariant::kBodyHeader);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].message, "body: a header line (TAGS) left in the body: \"TAGS: PREL PGOV\"");
  c.body = "1. The tags: were discussed.\n";
  EXPECT_TRUE(Of(AuditCable(c), Invariant::kBodyHeader).empty());
}

TEST(AuditFragmentTest, OddBytesAndHugeLinesGiveTheirFindings) {
  // Written for the test: NUL and invalid UTF-8 inside a REF line, a 200,000-letter word, a TAGS
  // line of 100,000 spaces, 20,000 distinct tags, paragraph numbers 1 and 100000 (not in the text).
  Cable c = Fragment(std::string("REF: A.\0\xff\xfe B.", 13) + std::string(200000, 'A') +
                     "\nTAGS: " + std::string(100000, ' ') + "X\n");
  c.tags.clear();
  for (int i = 0; i < 20000; ++i) c.tags.push_back("T" + std::to_string(i));
  c.paragraphs = {Paragraph{1, "", ""}, Paragraph{100000, "", ""}};
  std::vector<Finding> all = AuditCable(c);
  EXPECT_EQ(Of(all, Invariant::kTags).size(), 1u);               // the line's X is no tag of the record
}

TEST(AuditReportTest, CountsCablesPerInvariant) {
  AuditReport r;
  Cable a = Fragment("1. T.\n");
  a.reference_id = "09AAA1";
  Cable b = a;
  b.reference_id = "09BBB2";
  r.Add(a,
        {Finding{Invariant::kTags, "tags: x", "", ""}, Finding{Invariant::kSubject, "s", "", ""}});
  r.Add(b, {});
  EXPECT_EQ(r.cables(), 2);
  EXPECT_EQ(r.cables_with_findings(), 1);
  EXPECT_EQ(r.counts()[static_cast<size_t>(Invariant::kTags)].cables, 1);
  EXPECT_EQ(r.counts()[static_cast<size_t>(Invariant::kTags)].hits[0].reference_id, "09AAA1");
  EXPECT_EQ(r.counts()[static_cast<size_t>(Invariant::kRefLabels)].cables, 0);
  Invariant inv;
  EXPECT_TRUE(FindInvariant("created_dtg", &inv));
  EXPECT_EQ(inv, Invariant::kCreatedDtg);
  EXPECT_FALSE(FindInvariant("nope", &inv));
}

}  // namespace
}  // namespace cablebase
