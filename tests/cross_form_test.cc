// The same cable read from different published forms yields the same record, apart from the
// documented metadata differences (docs/cable_format.md): where it came from (source), what only one
// publisher gives (released date on the pages, the reference column of the CSV dump) and the raw
// blocks, whose whitespace and TAGS punctuation the publishers changed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cablebase/json.h"
#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "cli_test_util.h"

namespace cablebase {
namespace {

// Parses every cable of `path` and returns the record whose reference ID is `id`, as JSON.
nlohmann::json RecordOf(const std::string& path, const std::string& id) {
  nlohmann::json found;
  ReadSource(SourceFile{path, 0, {}}, InputFormat::kAuto, [&](Result<RawCable> raw) {
    if (!raw.ok()) return true;
    Result<Cable> c = ParseCable(*raw);
    if (c.ok() && c->reference_id == id) found = nlohmann::json::parse(CableToJson(*c));
    return true;
  });
  return found;
}

void ExpectSameRecord(const std::string& id) {
  const std::string dir = testing_shared::StagedSet("read") + "/";
  nlohmann::json csv = RecordOf(dir + "cables_sample.csv", id);
  nlohmann::json html = RecordOf(dir + id + ".html", id);
  ASSERT_FALSE(csv.is_null()) << id << " not in the CSV sample";
  ASSERT_FALSE(html.is_null()) << id << " page did not parse";
  for (const char* publisher_only :
       {"source", "released", "metadata_references", "header_raw", "text_raw"}) {
    csv.erase(publisher_only);
    html.erase(publisher_only);
  }
  for (auto& [key, value] : csv.items()) EXPECT_EQ(value, html[key]) << id << " field " << key;
}

// 1966: a NARA-declassified telegram with a National Archives banner (CSV row 1 vs 2011 page).
TEST(CrossForm, BuenosAires1966CsvRowEqualsPage) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  ExpectSameRecord("66BUENOSAIRES2481");
  nlohmann::json r = RecordOf(testing_shared::StagedSet("read") + "/cables_sample.csv",
                              "66BUENOSAIRES2481");
  // "E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009" names no classification authority.
  EXPECT_TRUE(r["classified_by"].is_null());
  EXPECT_EQ(r["tags"], nlohmann::json({"EFIS", "PBTS", "AR"}));
  EXPECT_EQ(r["precedence"], "PRIORITY");  // "P R 281848Z DEC 66": mixed, the highest
}

// 1972: TAGS written "MASS, MARR, IR" in the dump and "MASS MARR IR" on the page.
TEST(CrossForm, Tehran1972CsvRowEqualsPage) {
  CABLEBASE_SHARED_SET(fixtures, "read");
  ExpectSameRecord("72TEHRAN1164");
  nlohmann::json r = RecordOf(testing_shared::StagedSet("read") + "/72TEHRAN1164.html",
                              "72TEHRAN1164");
  EXPECT_EQ(r["tags"], nlohmann::json({"MASS", "MARR", "IR"}));
  EXPECT_EQ(r["originator"], "AMEMBASSY TEHRAN");
}

}  // namespace
}  // namespace cablebase
