// The library's JSON shapes (results_json.h) on hand-made results named after real cables: the
// rules that the CLI/API parity test (tests/server/cli_api_parity_test.cc) cannot reach.
#include "cablebase/results_json.h"

#include <gtest/gtest.h>

#include <string>

namespace cablebase {
namespace {

using Json = nlohmann::ordered_json;

// Part of the real graph of 08LONDON1350 (the server fixture set, tests/testdata/server.files): it
// cites 08LONDON1159 (not in that archive), 08LONDON1115 (in it) and "C. MAY 1 GILLARD-TREMONT
// LETTER" (no cable); 08LONDON1412 cites it.
RefGraph LondonGraph() {
  RefGraph g;
  g.root = "08LONDON1350";
  g.nodes = {{"08LONDON1350", true, 0, "2008-05-14T15:03:00Z",
              "HMG RAISES THE BAR ON INTEL FLIGHTS", "LONDON"},
             {"08LONDON1115", true, 1, "2008-04-18T15:03:00Z",
              "HMG OUTLINES NEW PROCEDURES FOR REQUESTING INTEL FLIGHT CLEARANCES", "LONDON"},
             {"08LONDON1159", false, 1, "", "", "LONDON"},
             {"08LONDON1412", true, 1, "2008-05-20T18:06:00Z", "DOD INTEL FLIGHTS: FCO CLARIFIES",
              "LONDON"}};
  g.edges = {{"08LONDON1350", "08LONDON1159", "B", "LONDON 1159", "cable"},
             {"08LONDON1350", "", "C", "MAY 1 GILLARD-TREMONT LETTER", "unknown"},
             {"08LONDON1350", "08LONDON1115", "D", "LONDON 1115", "cable"},
             {"08LONDON1412", "08LONDON1350", "A", "LONDON 1350", "cable"}};
  return g;
}

TEST(RefGraphToJson, EveryReferenceIsAnEdgeMarkedResolvedOrNot) {
  Json j = RefGraphToJson(LondonGraph(), RefDirection::kBoth, 1);
  EXPECT_EQ(j["direction"], "both");
  EXPECT_EQ(j["truncated"], false);
  ASSERT_EQ(j["edges"].size(), 4u);
  EXPECT_EQ(j["edges"][0], Json::parse(R"({"citing_id":"08LONDON1350","cited_id":"08LONDON1159",
      "resolved":false,"label":"B","text":"LONDON 1159","kind":"cable"})"));
  EXPECT_TRUE(j["edges"][1]["cited_id"].is_null());
  EXPECT_EQ(j["edges"][1]["resolved"], false);
  EXPECT_EQ(j["edges"][2]["resolved"], true);
  EXPECT_EQ(j["edges"][3]["resolved"], true);
  // Unknown strings are null, as in the record.
  EXPECT_TRUE(j["nodes"][2]["created"].is_null());
  EXPECT_TRUE(j["nodes"][2]["subject"].is_null());
}

TEST(RefGraphToJson, CutNodesTakeTheirEdgesAndSayTruncated) {
  Json j = RefGraphToJson(LondonGraph(), RefDirection::kCites, 1, /*max_nodes=*/3);
  EXPECT_EQ(j["direction"], "cites");
  EXPECT_EQ(j["truncated"], true);
  ASSERT_EQ(j["nodes"].size(), 3u);
  // 08LONDON1412 is cut: its edge goes; the entry without an ID stays with its citing cable.
  ASSERT_EQ(j["edges"].size(), 3u);
  EXPECT_TRUE(j["edges"][1]["cited_id"].is_null());
  EXPECT_EQ(j["edges"][2]["cited_id"], "08LONDON1115");
  // An edge to a node the store did not list (its own cap) is dropped the same way.
  RefGraph g = LondonGraph();
  g.nodes.erase(g.nodes.begin() + 2);  // 08LONDON1159
  Json cut = RefGraphToJson(g, RefDirection::kBoth, 1);
  EXPECT_EQ(cut["truncated"], true);
  EXPECT_EQ(cut["edges"].size(), 3u);
}

TEST(SearchResultsToJson, SnippetRunsSortNameAndNulls) {
  SearchRequest req;
  req.query = "hamas visit";
  req.sort = SearchSort::kRelevance;
  req.mark_begin = std::string(kJsonMarkBegin);
  req.mark_end = std::string(kJsonMarkEnd);
  SearchResults r;
  r.total = 1;
  r.ranked = false;  // as for a filter-only query asked for by relevance
  SearchHit h;
  h.reference_id = "06MOSCOW1637";  // the seed: "...the Hamas visit would take place..."
  h.snippet = "the " + req.mark_begin + "Hamas" + req.mark_end + " " + req.mark_begin + "visit" +
              req.mark_end;
  h.score = 3.5;
  r.hits.push_back(h);
  Json j = SearchResultsToJson(req, r);
  EXPECT_EQ(j["sort"], "date");
  EXPECT_FALSE(j.contains("facets"));
  const Json& hit = j["hits"][0];
  EXPECT_TRUE(hit["created"].is_null());
  EXPECT_EQ(hit["score"], 0.0);  // not ranked
  EXPECT_EQ(hit["snippet"], Json::parse(R"([{"text":"the ","match":false},
      {"text":"Hamas","match":true},{"text":" ","match":false},{"text":"visit","match":true}])"));
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys, (std::vector<std::string>{"query", "total", "limit", "offset", "sort", "ranked",
                                            "took_ms", "hits"}));
}

TEST(ArchiveStatsToJson, CountsAreValueAndCount) {
  ArchiveStats s;
  s.cables = 6;
  s.by_year = {{"2006", 1}, {"2008", 3}, {"2010", 2}};  // the server fixture set
  Json j = ArchiveStatsToJson(s);
  EXPECT_EQ(j["by_year"], Json::parse(R"([{"value":"2006","count":1},{"value":"2008","count":3},
                                          {"value":"2010","count":2}])"));
  EXPECT_EQ(j["cables"], 6);
}

}  // namespace
}  // namespace cablebase
