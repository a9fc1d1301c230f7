// The signer rules (docs/cable_format.md, "Signer"): the signer stands above the transmission
// trailer (NNNN, End Cable Text, a redacted XXXX line). Real cables read from the shared folder,
// and fragments written for these tests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parse/signers.h"
#include "parse_shared_cable.h"

namespace cablebase::parse {
namespace {

using testing_shared::CablegatePage;
using testing_shared::ReadAndParseOne;
using Names = std::vector<std::string>;

TEST(SignersCorpus, AboveNnnnAndEndCableText) {
  CABLEBASE_SHARED_PATH(page, CablegatePage("09STATE63860"));
  EXPECT_EQ(ReadAndParseOne(page).signers, Names{"CLINTON"});
  // A page banner after the signer (old format).
  CABLEBASE_SHARED_PATH(harare, CablegatePage("00HARARE6677"));
  EXPECT_EQ(ReadAndParseOne(harare).signers, Names{"MCDONALD"});
}

// A surname after its particle, glued after the last sentence (09PRETORIA954, issue 11).
TEST(SignersCorpus, SurnameAfterParticle) {
  CABLEBASE_SHARED_PATH(page, CablegatePage("09PRETORIA954"));
  EXPECT_EQ(ReadAndParseOne(page).signers, Names{"LA LIME"});
  EXPECT_EQ(ParseSigners("1. (U) Text of the message.\n\nDE PREE.\n"), Names{"DE PREE"});
  EXPECT_EQ(ParseSigners("2. MINIMIZE CONSIDERED.  DE PREE\n"), Names{"DE PREE"});
  EXPECT_EQ(ParseSigners("1. (U) Text of the message.\n\nNO FURTHER ACTION.\n"), Names{});
}

// Fragments written for this test: initials and a suffix belong to the name; "SIGNED" and the
// message number after BT are no names (issue 11, metamorphic tests).
TEST(SignersFragments, InitialsSuffixesAndSigned) {
  EXPECT_EQ(ParseSigners("1. (U) Text of the message.\n\nJ.D. SMITH\n"), Names{"J.D. SMITH"});
  EXPECT_EQ(ParseSigners("1. (U) Text of the message.\n\nJ. D. SMITH\n"), Names{"J. D. SMITH"});
  EXPECT_EQ(ParseSigners("2. MINIMIZE CONSIDERED.  J.D. SMITH\n"), Names{"J.D. SMITH"});
  EXPECT_EQ(ParseSigners("1. (U) Text of the message.\nMCDONALD JR.\n"), Names{"MCDONALD JR."});
  EXPECT_EQ(ParseSigners("1. (U) Text of the message.\n\nSMITH\nBT\n#1234\nNNNN\n"), Names{"SMITH"});
  EXPECT_EQ(ParseSigners("1. (U) Text of the message.\n\nRICE\nSIGNED\n"), Names{"RICE"});
  EXPECT_EQ(ParseSigners("1. (U) Text of the message.\n\nSIGNED: RICE\n"), Names{"RICE"});
}

TEST(SignersFragments, TrailerLines) {
  EXPECT_EQ(ParseSigners("1. (U) Text of the message.\nRICE\nNNNN\nEnd Cable Text\n XXXXXXXXXXXX\n"),
            Names{"RICE"});
  EXPECT_EQ(ParseSigners("1. (U) Text of the message.\nRICE\nNNNN\n"), Names{"RICE"});
}

}  // namespace
}  // namespace cablebase::parse
