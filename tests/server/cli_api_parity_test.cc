// The CLI and the HTTP API give the same documents for the same archive and request: search hits
// and facets, the record, versions, the reference graph (unresolved references included), stats
// and every export format. Both run as the real binary over the real cables of
// the fixture set "server" (tests/testdata/server/README.md), so a script written against one reads
// the other.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_test_util.h"
#include "server/http_test_client.h"
#include "server/server_process.h"

namespace cablebase {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;  // ordered: the key order must match too
using testing::Binary;
using testing::UrlEncode;

class CliApiParity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("cablebase_parity_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / "fixtures.db").string();
    const std::string fixtures = testing_shared::StagedSet("server");
    if (fixtures.empty()) return;  // SetUp skips (fails in CI) with the reason
    ingest_rc_ = testing::RunCommand("'" + Binary() + "' ingest '" + fixtures + "' --db '" + db_ +
                                     "' > /dev/null 2>&1");
    if (ingest_rc_ == 0) server_ = testing::StartServer({"--db", db_, "--port", "0"});
  }
  static void TearDownTestSuite() {
    if (server_.pid > 0) {
      kill(server_.pid, SIGTERM);
      waitpid(server_.pid, nullptr, 0);
    }
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void SetUp() override {
    CABLEBASE_SHARED_SET(fixtures, "server");
    ASSERT_EQ(ingest_rc_, 0);
    ASSERT_GT(server_.port, 0) << server_.first_line;
  }

  // `cablebase ARGS --db <fixtures>`: stdout.
  static std::string Cli(const std::string& args) {
    return testing_util::RunCablebase(args + " --db '" + db_ + "' 2>/dev/null").out;
  }
  static std::string Api(const std::string& target) {
    testing::HttpResponse r = testing::Get(server_.port, target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    return r.body;
  }
  static Json Parse(const std::string& text) { return Json::parse(text, nullptr, false); }

  static inline fs::path dir_;
  static inline std::string db_;
  static inline int ingest_rc_ = -1;
  static inline testing::ServerProcess server_;
};

// Drops the one field that differs between two runs of the same search: its duration.
Json WithoutTime(Json j) {
  EXPECT_TRUE(j.contains("took_ms") && j["took_ms"].is_number()) << j.dump().substr(0, 200);
  j.erase("took_ms");
  return j;
}

TEST_F(CliApiParity, SearchHitsAndFacetsAreTheSameDocument) {
  struct Case {
    std::string query, cli_args, api_args;
  };
  const std::vector<Case> cases = {
      // The seed query: ranked hits with snippet runs, default sort on both sides.
      {"hamas visit tag:PREL from:2006-02 to:2006-02", "--facets", "&facets=1"},
      // Filters only, asked for by relevance: both say the hits are in date order.
      {"origin:london", "--facets --limit 2 --sort relevance", "&facets=true&limit=2"},
      {"origin:london", "--limit 1 --offset 1 --sort -date", "&limit=1&offset=1&sort=-date"},
      {"intel OR hamas", "--sort date", "&sort=date"},
      {"zzzqqqxyz", "--facets", "&facets=1"},  // no hit: empty lists, same shape
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    Json cli = Parse(Cli("search '" + c.query + "' --json " + c.cli_args));
    Json api = Parse(Api("/api/search?q=" + UrlEncode(c.query) + c.api_args));
    ASSERT_TRUE(cli.is_object() && api.is_object());
    EXPECT_EQ(WithoutTime(cli), WithoutTime(api))
        << "cli: " << cli.dump() << "\napi: " << api.dump();
  }
  // The values themselves (the seed cable, 06MOSCOW1637).
  Json seed = Parse(Cli("search 'hamas visit tag:PREL from:2006-02 to:2006-02' --json --facets"));
  EXPECT_EQ(seed["sort"], "relevance");
  EXPECT_EQ(seed["ranked"], true);
  ASSERT_EQ(seed["hits"].size(), 1u);
  const Json& hit = seed["hits"][0];
  EXPECT_EQ(hit["reference_id"], "06MOSCOW1637");
  EXPECT_EQ(hit["created"], "2006-02-20T10:07:00Z");
  EXPECT_EQ(hit["classification"], "CONFIDENTIAL");
  EXPECT_EQ(hit["subject"], "HAMAS VISIT TO MOSCOW");
  EXPECT_GT(hit["score"].get<double>(), 0);
  bool hamas_marked = false;
  for (const Json& run : hit["snippet"])
    hamas_marked |= run["match"] == true && run["text"] == "Hamas";
  EXPECT_TRUE(hamas_marked) << hit["snippet"].dump();
  EXPECT_EQ(seed["facets"]["year"], Json::parse(R"([{"value":"2006","count":1}])"));
  EXPECT_EQ(seed["facets"]["tag"][0]["count"], 1);
  Json london = Parse(Cli("search origin:london --json --sort relevance"));
  EXPECT_EQ(london["sort"], "date");
  EXPECT_EQ(london["ranked"], false);
  EXPECT_EQ(london["hits"][0]["score"], 0);
}

// GET /api/facets counts what `search --facets --limit 0` counts.
TEST_F(CliApiParity, FacetsEndpointMatchesSearchFacets) {
  Json cli = Parse(Cli("search tag:PREL --json --facets --limit 0"));
  Json api = Parse(Api("/api/facets?q=" + UrlEncode("tag:PREL")));
  EXPECT_EQ(api["total"], cli["total"]);
  EXPECT_EQ(api["facets"], cli["facets"]);
  EXPECT_EQ(api["facets"]["tag"][0], Json::parse(R"({"value":"PREL","count":6})")) << api.dump();
}

// The seed cable cites 06MOSCOW1323, which the archive does not hold, and an entry "B. MOSCOW"
// that names no cable: both are edges on both sides, marked unresolved.
TEST_F(CliApiParity, RefsAreTheSameGraphWithUnresolvedEdges) {
  Json cli = Parse(Cli("refs 06MOSCOW1637 --json"));
  Json api = Parse(Api("/api/cables/06MOSCOW1637/refs"));
  ASSERT_TRUE(cli.is_object());
  EXPECT_EQ(cli, api) << "cli: " << cli.dump() << "\napi: " << api.dump();
  EXPECT_EQ(cli["edges"], Json::parse(R"([
      {"citing_id":"06MOSCOW1637","cited_id":"06MOSCOW1323","resolved":false,"label":"A",
       "text":"MOSCOW 1323","kind":"cable"},
      {"citing_id":"06MOSCOW1637","cited_id":null,"resolved":false,"label":"B",
       "text":"MOSCOW","kind":"cable"}])"));
  EXPECT_EQ(cli["nodes"][1], Json::parse(R"({"reference_id":"06MOSCOW1323","in_archive":false,
      "depth":1,"created":null,"subject":null,"origin":"MOSCOW"})"));

  // A chain with resolved and unresolved references, two hops, each direction.
  for (const std::string dir : {"both", "cites", "citedby"}) {
    SCOPED_TRACE(dir);
    Json c = Parse(Cli("refs 08LONDON1350 --json --depth 2 --direction " + dir));
    Json a = Parse(Api("/api/cables/08LONDON1350/refs?depth=2&direction=" + dir));
    EXPECT_EQ(c, a) << "cli: " << c.dump() << "\napi: " << a.dump();
    EXPECT_EQ(c["direction"], dir);
  }
  // A cable only known from being cited.
  EXPECT_EQ(Parse(Cli("refs 08LONDON1159 --json --direction citedby")),
            Parse(Api("/api/cables/08LONDON1159/refs?direction=citedby")));
}

TEST_F(CliApiParity, RecordAndVersionsAreTheSameDocuments) {
  Json cli = Parse(Cli("show 08LONDON1350 --json"));
  Json api = Parse(Api("/api/cables/08LONDON1350"));
  EXPECT_EQ(cli, api);
  EXPECT_EQ(cli["subject"], "HMG RAISES THE BAR ON INTEL FLIGHTS");

  Json cv = Parse(Cli("show 10MADRID49 --versions --json"));
  Json av = Parse(Api("/api/cables/10MADRID49/versions?records=1"));
  EXPECT_EQ(cv, av);
  EXPECT_EQ(cv["reference_id"], "10MADRID49");
  // The Cablegate page and the alx text are one version since issue 11 (same text, `created` from
  // the DTG); 10MADRID49_revised.txt (written for the test) is the second.
  EXPECT_EQ(cv["current"], 1);  // the full Cablegate page, not the revised alx text
  ASSERT_EQ(cv["versions"].size(), 2u);
  EXPECT_EQ(cv["versions"][0]["released"], "2010-11-29T21:09:00Z");
  EXPECT_EQ(cv["versions"][1]["record"]["reference_id"], "10MADRID49");
}

TEST_F(CliApiParity, StatsAreTheSameDocument) {
  Json cli = Parse(Cli("stats --json --top 500"));  // the API's lists are the largest 500
  Json api = Parse(Api("/api/stats"));
  EXPECT_EQ(cli, api);
  EXPECT_EQ(cli["cables"], 6);
  EXPECT_EQ(cli["unresolved_cables"], api["unresolved_cables"]);
  bool y2008 = false;
  for (const Json& y : cli["by_year"]) y2008 |= y == Json::parse(R"({"value":"2008","count":3})");
  EXPECT_TRUE(y2008) << cli["by_year"].dump();
}

// Every format, all cables and a query's hits: the same bytes, so the CSV columns are the same.
TEST_F(CliApiParity, ExportsAreTheSameBytes) {
  for (const std::string format : {"csv", "jsonl", "graphml"}) {
    for (const std::string query : {"", "origin:london"}) {
      SCOPED_TRACE(format + " '" + query + "'");
      std::string cli = Cli("export '" + query + "' --format " + format);
      std::string api = Api("/api/export?format=" + format + "&q=" + UrlEncode(query));
      EXPECT_FALSE(cli.empty());
      EXPECT_EQ(cli, api);
    }
  }
  std::string csv = Cli("export 'origin:london' --format csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n') + 1),
            "reference_id,created,released,origin,originator,precedence,classification,"
            "metadata_classification,caveats,tags,subject,references,declassify_on,signers,"
            "source_path,summary,body\n");
  EXPECT_NE(csv.find("\n08LONDON1350,2008-05-14T15:06:00Z,"), std::string::npos)
      << csv.substr(0, 400);
}

}  // namespace
}  // namespace cablebase
