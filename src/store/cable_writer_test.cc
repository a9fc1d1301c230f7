// Unit tests of the store's helpers: SHA-256, post keys, classification levels, migrations list.
#include <gtest/gtest.h>

#include "cablebase/archive.h"
#include "model/text_util.h"
#include "store/cable_writer.h"
#include "store/schema.h"
#include "store/sha256.h"

namespace cablebase::store {
namespace {

TEST(Sha256, KnownVectors) {
  // FIPS 180-4 examples.
  Sha256 a;
  a.Update("abc");
  EXPECT_EQ(a.HexDigest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 e;
  EXPECT_EQ(e.HexDigest(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  Sha256 two;
  two.Update("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
  EXPECT_EQ(two.HexDigest(), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // Split updates give the same digest as one.
  Sha256 split;
  split.Update("abcdbcdecdefdefgefghfghighijhijk");
  split.Update("ijkljklmklmnlmnomnopnopq");
  EXPECT_EQ(split.HexDigest(), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

// The content hash is stored in every archive: it must stay SHA-256 over the ID, created,
// metadata classification and the whitespace-collapsed header and text, each ended by 0x1F
// (docs/schema.md), however it is computed. Texts longer than the hash's 8 KiB buffer included.
TEST(ContentHash, IsShaOfTheCollapsedFields) {
  Cable c;
  c.reference_id = "06MOSCOW1637";
  c.created = "2006-02-20T10:07:00Z";
  c.metadata_classification = "CONFIDENTIAL";
  c.header_raw = "  O 201007Z FEB 06\r\nFM AMEMBASSY MOSCOW\n\n";
  c.text_raw = "C O N F I D E N T I A L MOSCOW 001637\n\n\tE.O. 12958: DECL: 09/20/2014 ";
  for (int i = 0; i < 2000; ++i) c.text_raw += "HAMAS VISIT \n  ";
  Sha256 want;
  for (const std::string& f :
       {c.reference_id, c.created, c.metadata_classification,
        model::CollapseWhitespace(c.header_raw), model::CollapseWhitespace(c.text_raw)}) {
    want.Update(f);
    want.Update("\x1f");
  }
  EXPECT_EQ(CableContentHash(c), want.HexDigest());
}

TEST(PostKey, IsThePostPartOfTheReferenceId) {
  EXPECT_EQ(PostKeyOf("06MOSCOW1637"), "MOSCOW");
  EXPECT_EQ(PostKeyOf("72TEHRAN5055"), "TEHRAN");
  EXPECT_EQ(PostKeyOf("66BUENOSAIRES2481"), "BUENOSAIRES");
  EXPECT_EQ(PostKeyOf("09STATE12345"), "STATE");
  EXPECT_EQ(PostKeyOf("MOSCOW"), "MOSCOW");
  EXPECT_EQ(PostKeyOf(""), "");
}

TEST(ClassificationLevel, NormalisesTextThenMetadata) {
  EXPECT_EQ(ClassificationLevel("CONFIDENTIAL", ""), "CONFIDENTIAL");
  EXPECT_EQ(ClassificationLevel("C O N F I D E N T I A L", ""), "CONFIDENTIAL");
  EXPECT_EQ(ClassificationLevel("UNCLAS EFTO", ""), "UNCLASSIFIED");
  EXPECT_EQ(ClassificationLevel("", "SECRET//NOFORN"), "SECRET");
  EXPECT_EQ(ClassificationLevel("", "UNCLASSIFIED//FOR OFFICIAL USE ONLY"), "UNCLASSIFIED");
  EXPECT_EQ(ClassificationLevel("TOP SECRET", "SECRET"), "TOP SECRET");
  EXPECT_EQ(ClassificationLevel("LIMITED OFFICIAL USE", ""), "LIMITED OFFICIAL USE");
  EXPECT_EQ(ClassificationLevel("", ""), "");
}

TEST(ContentHash, IgnoresLayoutWhitespaceAndSourceButNotText) {
  Cable a;
  a.reference_id = "06MOSCOW1637";
  a.created = "2006-02-20T10:07:00Z";
  a.text_raw = "C O N F I D E N T I A L MOSCOW 001637\n\nSIPDIS\n";
  Cable b = a;
  b.text_raw = "C O N F I D E N T I A L  MOSCOW 001637\r\n \nSIPDIS";
  b.source.path = "elsewhere.html";
  b.released = "2011-08-30T01:44:00Z";
  EXPECT_EQ(CableContentHash(a), CableContentHash(b));
  Cable c = a;
  c.text_raw += "1. (C) One more paragraph.";
  EXPECT_NE(CableContentHash(a), CableContentHash(c));
  Cable d = a;
  d.created = "2006-02-20T10:08:00Z";
  EXPECT_NE(CableContentHash(a), CableContentHash(d));
}

TEST(Schema, MigrationsAreNumberedWithoutGaps) {
  const auto& m = Migrations();
  ASSERT_FALSE(m.empty());
  for (size_t i = 0; i < m.size(); ++i) EXPECT_EQ(m[i].version, static_cast<int>(i) + 1);
  EXPECT_EQ(LatestSchemaVersion(), m.back().version);
}

}  // namespace
}  // namespace cablebase::store
