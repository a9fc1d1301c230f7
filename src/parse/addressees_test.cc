// The addressee rules (docs/cable_format.md, "Message header"): a classification word inside a
// name, a range of sequence numbers, a misspelt precedence. Real cables read from the shared folder,
// and fragments written for these tests.
#include <gtest/gtest.h>

#include <string>

#include "parse/message_header.h"
#include "parse_shared_cable.h"

namespace cablebase::parse {
namespace {

using testing_shared::CablegatePage;
using testing_shared::ReadAndParseOne;

const Addressee* Find(const std::vector<Addressee>& list, const std::string& name) {
  for (const Addressee& a : list) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

TEST(AddresseesCorpus, SecretInsideANameIsName) {
  for (const char* id : {"09MADRID614", "09MADRID671"}) {
    CABLEBASE_SHARED_PATH(page, CablegatePage(id));
    Cable c = ReadAndParseOne(page);
    const Addressee* s = Find(c.info, "US SECRET SERVICE WASHDC");
    ASSERT_NE(s, nullptr) << id;
    EXPECT_EQ(s->precedence, "PRIORITY");
    // The list goes on after it.
    EXPECT_NE(Find(c.info, "USEU BRUSSELS"), nullptr) << id;
  }
}

TEST(AddresseesCorpus, SequenceRangeAndMisspeltPrecedence) {
  CABLEBASE_SHARED_PATH(state, CablegatePage("09STATE81957"));
  Cable c = ReadAndParseOne(state);
  ASSERT_FALSE(c.to.empty());
  EXPECT_EQ(c.to[0].name, "AMEMBASSY MOSCOW");
  EXPECT_EQ(c.to[0].precedence, "IMMEDIATE");
  EXPECT_EQ(c.to[0].sequence, "2593-2599");
  CABLEBASE_SHARED_PATH(baku, CablegatePage("09BAKU179"));
  const Addressee* delhi = Find(ReadAndParseOne(baku).info, "AMEMBASSY NEW DELHI");
  ASSERT_NE(delhi, nullptr);
  EXPECT_EQ(delhi->precedence, "PRIORITY");
}

TEST(AddresseesFragments, Shapes) {
  MessageHeader mh = ParseMessageHeader(
      "R 011200Z JAN 09\nFM AMEMBASSY ROME\nTO SECSTATE WASHDC ROUTINE 0298-0299\n"
      "INFO US SECRET SERVICE WASHDC ROUTINE\nAMEMBASSY PARIS ROUTNE\n"
      "AMEMBASSY BERLIN IMMEDAITE 0041\n");
  ASSERT_EQ(mh.to.size(), 1u);
  EXPECT_EQ(mh.to[0].name, "SECSTATE WASHDC");
  EXPECT_EQ(mh.to[0].sequence, "0298-0299");
  ASSERT_EQ(mh.info.size(), 3u);
  EXPECT_EQ(mh.info[0].name, "US SECRET SERVICE WASHDC");
  EXPECT_EQ(mh.info[1].name, "AMEMBASSY PARIS");
  EXPECT_EQ(mh.info[1].precedence, "ROUTINE");
  EXPECT_EQ(mh.info[2].name, "AMEMBASSY BERLIN");
  EXPECT_EQ(mh.info[2].precedence, "IMMEDIATE");
  EXPECT_EQ(mh.info[2].sequence, "0041");
}

}  // namespace
}  // namespace cablebase::parse
