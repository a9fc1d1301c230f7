// CableToJson / CableFromJson: shapes, nulls, round trip and malformed input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cablebase/json.h"

namespace cablebase {
namespace {

Cable SeedLikeCable() {
  Cable c;
  c.reference_id = "06MOSCOW1637";
  c.precedence = "IMMEDIATE";
  c.dtg = "201007Z FEB 06";
  c.created = "2006-02-20T10:07:00Z";
  c.originator = "AMEMBASSY MOSCOW";
  c.to.push_back({"", "SECSTATE WASHDC", "IMMEDIATE", "1026", false, {}});
  c.info.push_back({"", "ARAB ISRAELI COLLECTIVE", "PRIORITY", "", true, {}});
  c.classification = "CONFIDENTIAL";
  c.tags = {"PREL", "RS"};
  c.tag_details = {{"PREL", TagKind::kSubject}, {"RS", TagKind::kGeographic}};
  c.references.push_back({"A", "MOSCOW 1323", ReferenceKind::kCable, "06MOSCOW1323"});
  c.references.push_back({"B", "MOSCOW", ReferenceKind::kCable, std::nullopt});
  c.classified_by = ClassifiedBy{"Kirk Augustine", "Minister-Counselor for Political Affairs",
                                 {"1.4(b)", "1.4(d)"}, ""};
  c.paragraphs.push_back({1, "C", "SUMMARY. A/DCM met February 17"});
  c.signers = {"BURNS"};
  return c;
}

// draft_fuzz: a number nlohmann cannot hold (1e999) is thrown as out_of_range, not parse_error;
// it ended `cablebase format` with std::terminate. Written for the test.
TEST(ModelJson, NumberOutOfRangeIsAnInvalidArgumentNotAThrow) {
  for (const char* json : {"{\"section_number\": 1e999}", "[1e999]", "{\"a\": -1e400}"}) {
    Result<Cable> c = CableFromJson(json, "draft.json");
    ASSERT_FALSE(c.ok()) << json;
    EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument) << json;
    EXPECT_NE(c.status().message().find("number overflow"), std::string::npos)
        << c.status().message();
    EXPECT_EQ(c.status().file(), "draft.json");
  }
}

TEST(ModelJson, EmptyFieldsAreNullAndListsEmpty) {
  auto j = nlohmann::json::parse(CableToJson(SeedLikeCable()));
  EXPECT_TRUE(j["declassify_on"].is_null());
  EXPECT_TRUE(j["transmission"].is_null());
  EXPECT_EQ(j["caveats"], nlohmann::json::array());
  EXPECT_TRUE(j["references"][1]["reference_id"].is_null());
  EXPECT_EQ(j["to"][0]["sequence"], "1026");
  EXPECT_EQ(j["tag_details"][1]["kind"], "geographic");
  EXPECT_EQ(j["references"][0]["kind"], "cable");
}

TEST(ModelJson, RoundTripKeepsEveryField) {
  Cable c = SeedLikeCable();
  auto back = CableFromJson(CableToJson(c, 2));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(CableToJson(*back), CableToJson(c));
}

TEST(ModelJson, InvalidUtf8BecomesReplacementCharacter) {
  Cable c;
  c.reference_id = "06MOSCOW1637";
  c.subject = "caf\xe9";  // Latin-1 é that slipped through
  auto j = nlohmann::json::parse(CableToJson(c));
  EXPECT_EQ(j["subject"], "caf\xef\xbf\xbd");
}

TEST(ModelJson, MalformedJsonNamesLineAndColumn) {
  auto r = CableFromJson("{\n  \"subject\": \"x\",\n  oops\n}", "draft.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().file(), "draft.json");
  EXPECT_EQ(r.status().line(), 3);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

// A wrong type names the field and what was expected (found by trying bad drafts on `format`).
TEST(ModelJson, WrongFieldTypeNamesTheField) {
  auto r = CableFromJson(R"({"tags": "PREL"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "field 'tags': expected a list of strings, got string");
  r = CableFromJson(R"({"serial": -5})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "field 'serial': expected a string, got number");
  r = CableFromJson(R"({"paragraphs": "not a list"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "field 'paragraphs': expected a list of objects, got string");
  r = CableFromJson(R"({"section_number": "01"})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "field 'section_number': expected a whole number, got string");
}

TEST(ModelJson, MalformedJsonMessageHasNoLibraryPrefix) {
  auto r = CableFromJson("{\"subject\": ", "draft.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().find("[json.exception"), std::string::npos) << r.status().message();
  EXPECT_EQ(r.status().message().rfind("malformed JSON: ", 0), 0u);
}

}  // namespace
}  // namespace cablebase
