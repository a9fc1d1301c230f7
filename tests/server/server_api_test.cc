// Black-box tests of `cablebase serve`: every endpoint, every error status, hostile inputs, static
// files, security headers, concurrency and shutdown, against an archive of real cables
// (the fixture set "server": tests/testdata/server/README.md, staged from the shared folder) served by
// the real binary on a free loopback port.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "server/http_test_client.h"
#include "server/server_process.h"
#include "shared_files.h"

namespace cablebase {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Binary;
using testing::Get;
using testing::HttpResponse;
using testing::RawRequest;
using testing::RunCommand;
using testing::ServerProcess;
using testing::StartServer;
using testing::UrlEncode;

std::string SourceDir() { return CABLEBASE_SOURCE_DIR; }

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

json Json(const HttpResponse& r) { return json::parse(r.body, nullptr, false); }

class ServerApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("cablebase_server_test_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / "fixtures.db").string();
    const std::string fixtures = testing_shared::StagedSet("server");
    if (fixtures.empty()) return;  // SetUp skips (fails in CI) with the reason
    const std::string ingest = "'" + Binary() + "' ingest '" + fixtures + "' --db '" + db_ +
                               "' > '" + (dir_ / "ingest.log").string() + "' 2>&1";
    ingest_rc_ = RunCommand(ingest);
    db_bytes_before_ = ReadFile(db_);
    server_ = StartServer({"--db", db_, "--port", "0", "--time-limit", "5000"});
  }

  static void TearDownTestSuite() {
    if (server_.pid > 0) {
      kill(server_.pid, SIGTERM);
      int status = 0;
      waitpid(server_.pid, &status, 0);
      // A clean stop on SIGTERM: exit status 0, not killed by the signal.
      if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        ADD_FAILURE() << "serve did not exit 0 on SIGTERM (status " << status << ")";
      }
    }
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  void SetUp() override {
    CABLEBASE_SHARED_SET(fixtures, "server");
    ASSERT_EQ(ingest_rc_, 0) << "ingest of the server fixtures failed: "
                             << ReadFile(dir_ / "ingest.log");
    ASSERT_GT(server_.port, 0) << "`cablebase serve` did not print its URL; first line: '"
                               << server_.first_line
                               << "' (is RegisterServeCommand called in src/cli/main.cc?)";
  }

  HttpResponse Api(const std::string& target) { return Get(server_.port, target); }

  // The response is the JSON error body with this HTTP status and code.
  static void ExpectError(const HttpResponse& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_NE(r.header("content-type").find("application/json"), std::string::npos);
    json j = Json(r);
    ASSERT_TRUE(j.is_object() && j.contains("error")) << r.body;
    EXPECT_EQ(j["error"]["code"], code) << r.body;
    EXPECT_TRUE(j["error"]["message"].is_string());
  }

  static inline fs::path dir_;
  static inline std::string db_;
  static inline int ingest_rc_ = -1;
  static inline std::string db_bytes_before_;
  static inline ServerProcess server_;
};

TEST_F(ServerApiTest, HealthIsOk) {
  HttpResponse r = Api("/api/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(Json(r)["status"], "ok");
}

// The issue's query finds the seed cable, with the matched words marked in the snippet.
TEST_F(ServerApiTest, SearchFindsSeedCableWithMarkedSnippet) {
  HttpResponse r =
      Api("/api/search?q=" + UrlEncode("hamas visit tag:PREL from:2006-02 to:2006-02"));
  ASSERT_EQ(r.status, 200) << r.body;
  json j = Json(r);
  EXPECT_EQ(j["total"], 1);
  ASSERT_EQ(j["hits"].size(), 1u);
  const json& hit = j["hits"][0];
  EXPECT_EQ(hit["reference_id"], "06MOSCOW1637");
  EXPECT_EQ(hit["created"], "2006-02-20T10:07:00Z");
  bool marked = false;
  for (const json& run : hit["snippet"]) {
    if (run["match"] == true) {
      std::string t = run["text"];
      for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      marked = marked || t == "hamas" || t == "visit";
    }
    // Runs are plain text: the private-use markers never leak.
    EXPECT_EQ(run["text"].get<std::string>().find("\xEE\x80"), std::string::npos);
  }
  EXPECT_TRUE(marked) << hit["snippet"].dump();
}

TEST_F(ServerApiTest, SearchFacetsCountTheWholeHitSet) {
  HttpResponse r = Api("/api/search?q=" + UrlEncode("origin:london") + "&limit=1&facets=true");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = Json(r);
  EXPECT_EQ(j["total"], 3);  // 08LONDON1115, 1350, 1412
  EXPECT_EQ(j["hits"].size(), 1u);
  ASSERT_TRUE(j.contains("facets"));
  EXPECT_EQ(j["facets"]["year"], json::parse(R"([{"value":"2008","count":3}])"));
  EXPECT_EQ(j["facets"]["origin"][0]["value"], "LONDON");
  EXPECT_EQ(j["facets"]["origin"][0]["count"], 3);
  // Without facets=..., no facets.
  EXPECT_FALSE(Json(Api("/api/search?q=london"))["hits"].is_null());
  EXPECT_FALSE(Json(Api("/api/search?q=london")).contains("facets"));
}

TEST_F(ServerApiTest, SearchSortsAndPages) {
  const std::string q = "/api/search?q=" + UrlEncode("origin:london") + "&sort=date&limit=2";
  json first = Json(Api(q));
  json second = Json(Api(q + "&offset=2"));
  ASSERT_EQ(first["hits"].size(), 2u);
  ASSERT_EQ(second["hits"].size(), 1u);
  EXPECT_EQ(first["hits"][0]["reference_id"], "08LONDON1115");  // 2008-04-18
  EXPECT_EQ(first["hits"][1]["reference_id"], "08LONDON1350");  // 2008-05-14
  EXPECT_EQ(second["hits"][0]["reference_id"], "08LONDON1412");  // 2008-05-20
  json desc = Json(Api("/api/search?q=" + UrlEncode("origin:london") + "&sort=-date&limit=1"));
  EXPECT_EQ(desc["hits"][0]["reference_id"], "08LONDON1412");
  EXPECT_EQ(desc["sort"], "-date");
  json none = Json(Api("/api/search?q=" + UrlEncode("origin:london") + "&limit=0"));
  EXPECT_EQ(none["total"], 3);
  EXPECT_TRUE(none["hits"].empty());
}

TEST_F(ServerApiTest, MalformedQueryIs400PointingAtThePosition) {
  HttpResponse r = Api("/api/search?q=" + UrlEncode("(hamas"));
  ExpectError(r, 400, "invalid_argument");
  EXPECT_EQ(Json(r)["error"]["position"], 7);
  HttpResponse f = Api("/api/facets?q=" + UrlEncode("tag:"));
  ExpectError(f, 400, "invalid_argument");
  EXPECT_TRUE(Json(f)["error"].contains("position"));
}

TEST_F(ServerApiTest, BadParametersAre400NamingTheBound) {
  ExpectError(Api("/api/search"), 400, "invalid_argument");
  ExpectError(Api("/api/search?q=+++"), 400, "invalid_argument");
  for (const char* bad : {"&limit=101", "&limit=-1", "&limit=abc", "&limit=1e3", "&offset=-1",
                          "&offset=10001", "&sort=bogus", "&facets=maybe"}) {
    HttpResponse r = Api(std::string("/api/search?q=london") + bad);
    ExpectError(r, 400, "invalid_argument");
  }
  EXPECT_NE(Json(Api("/api/search?q=london&limit=101"))["error"]["message"].get<std::string>().find(
                "100"),
            std::string::npos);
  const std::string long_query(1025, 'a');
  HttpResponse r = Api("/api/search?q=" + long_query);
  ExpectError(r, 400, "invalid_argument");
  EXPECT_NE(Json(r)["error"]["message"].get<std::string>().find("1024"), std::string::npos);
  EXPECT_EQ(Api("/api/search?q=" + std::string(1024, 'a')).status, 200);
}

// FTS5 syntax, SQL fragments, NUL bytes, stray operators: a clear 400 or a correct 200, never a 500
// and never SQLite's own words.
TEST_F(ServerApiTest, HostileQueriesNeverCrashOrLeakSql) {
  const std::vector<std::string> hostile = {
      "NEAR(hamas visit)", "\"unbalanced", "*", "a:b:c", "'; DROP TABLE cables; --",
      std::string("hamas\0visit", 11), "-", "OR", "AND AND", "^hamas", "{hamas}", "hamas*:*",
      "\"\"", "()", "((((((((((((((((((((((((((((((((((((((((a", "tag:\"", "from:2006-13",
      "ref:", "\xff\xfe\xfd", "subject:\"<script>\"", "hamas OR", "NOT", "a NEAR/3 b",
      "cables MATCH 'x'", "1=1 OR 1=1", "%", "_", "\\", "\x01\x02"};
  for (const std::string& q : hostile) {
    HttpResponse r = Api("/api/search?q=" + UrlEncode(q) + "&facets=1");
    EXPECT_TRUE(r.status == 200 || r.status == 400) << "q=" << json(q).dump() << " → " << r.status;
    json j = Json(r);
    ASSERT_TRUE(j.is_object()) << r.body;
    if (r.status == 400) {
      std::string msg = j["error"]["message"];
      for (const char* leak : {"sqlite", "SQLITE", "fts5:", "syntax error near"}) {
        EXPECT_EQ(msg.find(leak), std::string::npos) << msg;
      }
    }
  }
}

// The audit of a stored record: 08LONDON1350 keeps every invariant (cablebase audit over its page
// reports none); an unknown cable is 404 like the record.
TEST_F(ServerApiTest, CableAudit) {
  HttpResponse r = Api("/api/cables/08london1350/audit");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = Json(r);
  EXPECT_EQ(j["reference_id"], "08LONDON1350");
  ASSERT_TRUE(j["findings"].is_array());
  EXPECT_TRUE(j["findings"].empty()) << r.body;
  ExpectError(Api("/api/cables/01NOWHERE1/audit"), 404, "not_found");
}

TEST_F(ServerApiTest, CableRecordAndText) {
  HttpResponse r = Api("/api/cables/08LONDON1350");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = Json(r);
  EXPECT_EQ(j["reference_id"], "08LONDON1350");
  EXPECT_EQ(j["subject"], "HMG RAISES THE BAR ON INTEL FLIGHTS");
  EXPECT_EQ(j["created"], "2008-05-14T15:06:00Z");  // the DTG 141506Z MAY 08 (page: "15:03")
  EXPECT_EQ(j["origin"], "Embassy London");
  // Reference IDs are case-insensitive.
  EXPECT_EQ(Json(Api("/api/cables/08london1350"))["reference_id"], "08LONDON1350");
  HttpResponse t = Api("/api/cables/08LONDON1350?format=text");
  EXPECT_EQ(t.status, 200);
  EXPECT_EQ(t.header("content-type"), "text/plain; charset=utf-8");
  EXPECT_NE(t.body.find("HMG RAISES THE BAR ON INTEL FLIGHTS"), std::string::npos);
  EXPECT_NE(t.body.find("FM AMEMBASSY LONDON"), std::string::npos);
  ExpectError(Api("/api/cables/08LONDON1350?format=xml"), 400, "invalid_argument");
}

TEST_F(ServerApiTest, UnknownOrMalformedCableIds) {
  ExpectError(Api("/api/cables/99NOWHERE1"), 404, "not_found");
  ExpectError(Api("/api/cables/99NOWHERE1/versions"), 404, "not_found");
  ExpectError(Api("/api/cables/" + UrlEncode("08LONDON1350'--")), 400, "invalid_argument");
  ExpectError(Api("/api/cables/%2E%2E"), 400, "invalid_argument");
  ExpectError(Api("/api/cables/" + std::string(65, 'A')), 400, "invalid_argument");
  HttpResponse slash = Api("/api/cables/..%2F..%2Fetc%2Fpasswd");
  EXPECT_TRUE(slash.status == 400 || slash.status == 404) << slash.status;
  EXPECT_EQ(slash.body.find("root:"), std::string::npos);
}

// 10MADRID49 was published as a Cablegate page and as alx text (one version: same text, created
// from the DTG); 10MADRID49_revised.txt, written for the test, is a second version.
TEST_F(ServerApiTest, VersionsAndDiff) {
  HttpResponse r = Api("/api/cables/10MADRID49/versions");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = Json(r);
  EXPECT_EQ(j["reference_id"], "10MADRID49");
  ASSERT_EQ(j["versions"].size(), 2u);
  EXPECT_EQ(j["versions"][0]["version"], 1);
  EXPECT_EQ(j["versions"][1]["version"], 2);
  EXPECT_EQ(j["versions"][0]["released"], "2010-11-29T21:09:00Z");
  EXPECT_EQ(j["current"], 1);  // the full Cablegate page, not the truncated alx text
  EXPECT_FALSE(j["versions"][0].contains("record"));
  // records=true adds each version's record (what `cablebase show --versions --json` prints).
  json rec = Json(Api("/api/cables/10MADRID49/versions?records=true"));
  ASSERT_EQ(rec["versions"].size(), 2u);
  EXPECT_EQ(rec["versions"][0]["record"]["reference_id"], "10MADRID49");
  EXPECT_EQ(rec["versions"][0]["record"]["source"], rec["versions"][0]["source"]);
  ExpectError(Api("/api/cables/10MADRID49/versions?records=maybe"), 400, "invalid_argument");
  HttpResponse d = Api("/api/cables/10MADRID49/versions/1/diff/2");
  ASSERT_EQ(d.status, 200) << d.body;
  json dj = Json(d);
  EXPECT_EQ(dj["a"], 1);
  EXPECT_EQ(dj["b"], 2);
  EXPECT_NE(std::find(dj["changed_fields"].begin(), dj["changed_fields"].end(), "released"),
            dj["changed_fields"].end())
      << dj["changed_fields"].dump();
  ASSERT_FALSE(dj["lines"].empty());
  EXPECT_EQ(dj["lines"][0]["text"], "VZCZCXRO2082");  // FL1 of both versions
  int removed = 0, added = 0;
  for (const json& l : dj["lines"]) {
    removed += l["op"] == "-";
    added += l["op"] == "+";
  }
  EXPECT_EQ(removed, dj["removed"]);
  EXPECT_EQ(added, dj["added"]);
  // The same version against itself: nothing differs.
  json same = Json(Api("/api/cables/10MADRID49/versions/2/diff/2"));
  EXPECT_EQ(same["added"], 0);
  EXPECT_EQ(same["removed"], 0);
  EXPECT_TRUE(same["changed_fields"].empty());
  ExpectError(Api("/api/cables/10MADRID49/versions/1/diff/3"), 404, "not_found");
  ExpectError(Api("/api/cables/10MADRID49/versions/0/diff/1"), 400, "invalid_argument");
  ExpectError(Api("/api/cables/10MADRID49/versions/x/diff/1"), 400, "invalid_argument");
}

// 08LONDON1350 cites 08LONDON1115 (stored), 08LONDON1159 and 08LONDON1064 (not stored); 08LONDON1412
// cites it.
TEST_F(ServerApiTest, ReferenceGraphBothWaysWithMissingCablesMarked) {
  HttpResponse r = Api("/api/cables/08LONDON1350/refs?direction=both&depth=1");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = Json(r);
  EXPECT_EQ(j["root"], "08LONDON1350");
  EXPECT_EQ(j["truncated"], false);
  std::map<std::string, bool> in_archive;
  for (const json& n : j["nodes"]) in_archive[n["reference_id"]] = n["in_archive"];
  EXPECT_EQ(j["nodes"][0]["reference_id"], "08LONDON1350");
  EXPECT_EQ(in_archive["08LONDON1115"], true);
  EXPECT_EQ(in_archive["08LONDON1412"], true);
  ASSERT_TRUE(in_archive.count("08LONDON1159"));
  EXPECT_EQ(in_archive["08LONDON1159"], false);
  EXPECT_EQ(in_archive["08LONDON1064"], false);
  bool cited_by_1412 = false;
  for (const json& e : j["edges"]) {
    cited_by_1412 =
        cited_by_1412 || (e["citing_id"] == "08LONDON1412" && e["cited_id"] == "08LONDON1350" &&
                          e["resolved"] == true && e["label"] == "A" && e["text"] == "LONDON 1350");
  }
  EXPECT_TRUE(cited_by_1412) << j["edges"].dump();

  json cites = Json(Api("/api/cables/08LONDON1350/refs?direction=cites"));
  std::map<std::string, bool> resolved;
  for (const json& e : cites["edges"]) {
    EXPECT_EQ(e["citing_id"], "08LONDON1350");
    if (e["cited_id"].is_string()) resolved[e["cited_id"]] = e["resolved"];
  }
  // The cables it cites, in the archive or not: every REF entry is an edge.
  EXPECT_EQ(resolved, (std::map<std::string, bool>{{"08LONDON1064", false},
                                                   {"08LONDON1115", true},
                                                   {"08LONDON1159", false}}))
      << cites["edges"].dump();
  json citedby = Json(Api("/api/cables/08LONDON1350/refs?direction=citedby"));
  for (const json& e : citedby["edges"]) EXPECT_EQ(e["cited_id"], "08LONDON1350");

  // Depth 2 from 08LONDON1115: 08LONDON1350 cites it (1 hop) and cites 08LONDON1159 (2 hops).
  json deep = Json(Api("/api/cables/08LONDON1115/refs?depth=2"));
  EXPECT_EQ(deep["depth"], 2);
  bool has_1159_at_2 = false;
  for (const json& n : deep["nodes"]) {
    has_1159_at_2 = has_1159_at_2 || (n["reference_id"] == "08LONDON1159" && n["depth"] == 2);
  }
  EXPECT_TRUE(has_1159_at_2) << deep.dump();

  // A cable cited but not stored still has the cables that cite it.
  HttpResponse missing = Api("/api/cables/08LONDON1159/refs?direction=citedby");
  ASSERT_EQ(missing.status, 200) << missing.body;
  EXPECT_EQ(Json(missing)["nodes"][0]["in_archive"], false);

  ExpectError(Api("/api/cables/08LONDON1350/refs?depth=3"), 400, "invalid_argument");
  ExpectError(Api("/api/cables/08LONDON1350/refs?depth=0"), 400, "invalid_argument");
  ExpectError(Api("/api/cables/08LONDON1350/refs?direction=sideways"), 400, "invalid_argument");
  ExpectError(Api("/api/cables/99NOWHERE1/refs"), 404, "not_found");
}

TEST_F(ServerApiTest, StatsAndFacets) {
  json s = Json(Api("/api/stats"));
  EXPECT_EQ(s["cables"], 6);
  EXPECT_EQ(s["versions"], 7);
  EXPECT_EQ(s["multi_version_cables"], 1);
  bool y2008 = false;
  for (const json& y : s["by_year"]) y2008 = y2008 || (y["value"] == "2008" && y["count"] == 3);
  EXPECT_TRUE(y2008) << s["by_year"].dump();
  json all = Json(Api("/api/facets"));
  EXPECT_EQ(all["total"], 6);
  EXPECT_TRUE(all["facets"]["tag"].is_array());
  json prel = Json(Api("/api/facets?q=" + UrlEncode("tag:PREL")));
  ASSERT_TRUE(prel["facets"]["tag"].is_array()) << prel.dump();
  EXPECT_EQ(prel["facets"]["tag"][0]["value"], "PREL");
  EXPECT_EQ(prel["facets"]["tag"][0]["count"], prel["total"]);
}

TEST_F(ServerApiTest, ExportStreamsEveryFormat) {
  HttpResponse jl = Api("/api/export?format=jsonl&q=" + UrlEncode("origin:london"));
  ASSERT_EQ(jl.status, 200) << jl.body;
  EXPECT_EQ(jl.header("transfer-encoding"), "chunked");
  EXPECT_TRUE(jl.complete);
  std::istringstream lines(jl.body);
  std::vector<std::string> ids;
  for (std::string line; std::getline(lines, line);) ids.push_back(json::parse(line)["reference_id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"08LONDON1115", "08LONDON1350", "08LONDON1412"}));

  HttpResponse csv = Api("/api/export?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("reference_id,created,", 0), 0u);
  EXPECT_NE(csv.body.find("\n08LONDON1350,2008-05-14T15:06:00Z,"), std::string::npos);
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n') >= 7, true);  // header + 6 cables

  HttpResponse g = Api("/api/export?format=graphml");
  ASSERT_EQ(g.status, 200);
  EXPECT_NE(g.body.find("<graphml"), std::string::npos);
  EXPECT_NE(g.body.find("source=\"08LONDON1412\" target=\"08LONDON1350\">"), std::string::npos);
  EXPECT_NE(g.body.find("<node id=\"08LONDON1159\">\n      <data key=\"in_archive\">false</data>"),
            std::string::npos);
  // The hostile subject is XML-escaped in GraphML.
  EXPECT_EQ(g.body.find("<SCRIPT>"), std::string::npos);
  EXPECT_NE(g.body.find("&lt;SCRIPT&gt;"), std::string::npos);

  ExpectError(Api("/api/export?format=pdf"), 400, "invalid_argument");
  ExpectError(Api("/api/export?format=csv&q=" + UrlEncode("(")), 400, "invalid_argument");
}

TEST_F(ServerApiTest, OpenApiDocumentIsServedAndCoversEveryRoute) {
  HttpResponse r = Api("/api/openapi.json");
  ASSERT_EQ(r.status, 200);
  json doc = Json(r);
  EXPECT_EQ(doc["openapi"], "3.0.3");
  EXPECT_EQ(r.body, ReadFile(fs::path(SourceDir()) / "docs/openapi.json"))
      << "the embedded copy is stale: run python3 src/server/embed_assets.py";
  for (const char* p : {"/api/search", "/api/facets", "/api/cables/{id}", "/api/cables/{id}/versions",
                        "/api/cables/{id}/audit",
                        "/api/cables/{id}/versions/{a}/diff/{b}", "/api/cables/{id}/refs",
                        "/api/stats", "/api/export", "/api/glossary", "/api/openapi.json",
                        "/api/health"}) {
    EXPECT_TRUE(doc["paths"].contains(p)) << p;
  }
}

// The glossary comes from the library's C++ tables (include/cablebase/glossary.h): as JSON for
// the API, and as the ES module web/glossary.js imports.
TEST_F(ServerApiTest, GlossaryIsServedFromTheLibraryTables) {
  HttpResponse r = Api("/api/glossary");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
  // ordered_json: the document keeps the tables' reading order, which plain json would sort.
  nlohmann::ordered_json g = nlohmann::ordered_json::parse(r.body, nullptr, false);
  ASSERT_TRUE(g.is_object()) << r.body.substr(0, 200);
  std::vector<std::string> tables;
  for (const auto& [name, entries] : g.items()) {
    tables.push_back(name);
    EXPECT_TRUE(entries.is_object() && !entries.empty()) << name;
  }
  EXPECT_EQ(tables, (std::vector<std::string>{"precedence", "classification", "caveats", "reasons",
                                              "subject_tags", "subject_tag_areas",
                                              "geographic_codes", "organizations",
                                              "portion_marks"}));
  // FIPS 10-4, not ISO 3166: PA is Paraguay; SR (no FIPS meaning) is not guessed.
  EXPECT_EQ(g["geographic_codes"]["RS"], "Russia");
  EXPECT_EQ(g["geographic_codes"]["UY"], "Uruguay");
  EXPECT_EQ(g["geographic_codes"]["PA"], "Paraguay");
  EXPECT_FALSE(g["geographic_codes"].contains("SR"));
  EXPECT_GE(g["geographic_codes"].size(), 200u);
  EXPECT_EQ(g["subject_tags"]["PREL"], "external political relations");
  EXPECT_EQ(g["organizations"]["NATO"], "North Atlantic Treaty Organization");
  EXPECT_EQ(g["reasons"]["B"], "foreign government information");
  EXPECT_EQ(g["precedence"].begin().key(), "FLASH") << "tables keep their reading order";

  HttpResponse m = Api("/static/glossary_data.js");
  ASSERT_EQ(m.status, 200) << m.body;
  EXPECT_EQ(m.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_NE(m.body.find("\nexport const GLOSSARY = " + r.body + ";\n"), std::string::npos)
      << m.body.substr(0, 300);
}

// `serve --web-root web/` serves the UI from disk, and still the glossary module from the tables.
TEST_F(ServerApiTest, WebRootServesFilesAndTheGlossaryModule) {
  ServerProcess dev = StartServer({"--db", db_, "--port", "0", "--web-root",
                                   (fs::path(SourceDir()) / "web").string()});
  ASSERT_GT(dev.port, 0) << dev.first_line;
  HttpResponse js = Get(dev.port, "/static/glossary.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, ReadFile(fs::path(SourceDir()) / "web/glossary.js"));
  HttpResponse data = Get(dev.port, "/static/glossary_data.js");
  EXPECT_EQ(data.status, 200);
  EXPECT_EQ(data.body, Api("/static/glossary_data.js").body);
  kill(dev.pid, SIGTERM);
  waitpid(dev.pid, nullptr, 0);
}

// Every file of web/ is served byte for byte (the embedded copy is fresh), with its content type.
TEST_F(ServerApiTest, StaticFilesMatchWebFolder) {
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(SourceDir()) / "web")) {
    if (!e.is_regular_file()) continue;
    const std::string rel = fs::relative(e.path(), fs::path(SourceDir()) / "web").generic_string();
    HttpResponse r = Api("/static/" + rel);
    EXPECT_EQ(r.status, 200) << rel;
    EXPECT_EQ(r.body, ReadFile(e.path()))
        << rel << " differs from the embedded copy: run python3 src/server/embed_assets.py";
    ++files;
  }
  EXPECT_GE(files, 5);
  EXPECT_EQ(Api("/static/app.js").header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(Api("/static/app.css").header("content-type"), "text/css; charset=utf-8");
  for (const char* page : {"/", "/search?q=x", "/cable/08LONDON1350", "/cable/10MADRID49/diff",
                           "/browse", "/browse/2008", "/graph/08LONDON1350"}) {
    HttpResponse r = Api(page);
    EXPECT_EQ(r.status, 200) << page;
    EXPECT_NE(r.body.find("<main id=\"app\""), std::string::npos) << page;
  }
}

// Request paths can reach only the embedded files.
TEST_F(ServerApiTest, StaticPathsCannotEscape) {
  for (const char* target :
       {"/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2f..%2fetc%2fpasswd", "/static/%2fetc%2fpasswd", "/static//etc/passwd",
        "/static/./app.js", "/static/app.js%00.txt", "/static/openapi.json", "/static/",
        "/static/..\\..\\etc\\passwd", "/../../etc/passwd", "/static/nope.js"}) {
    HttpResponse r = RawRequest(server_.port, std::string("GET ") + target +
                                                  " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                  "Connection: close\r\n\r\n");
    EXPECT_TRUE(r.status == 404 || r.status == 400) << target << " → " << r.status;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
  }
}

TEST_F(ServerApiTest, UnknownPathsAndMethods) {
  ExpectError(Api("/api/nope"), 404, "not_found");
  ExpectError(Api("/nope"), 404, "not_found");
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
    HttpResponse r = RawRequest(server_.port, std::string(method) +
                                                  " /api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                  "Content-Length: 0\r\nConnection: close\r\n\r\n");
    ExpectError(r, 405, "method_not_allowed");
    EXPECT_EQ(r.header("allow"), "GET, HEAD");
  }
  // Without Content-Length (what `curl -X POST` sends) httplib itself refuses the request; the
  // answer is still 405, not a bare 400 (found by the breaker helper, session 2).
  for (const char* method : {"POST", "PUT", "PATCH"}) {
    HttpResponse r = RawRequest(server_.port, std::string(method) +
                                                  " /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                  "Connection: close\r\n\r\n");
    ExpectError(r, 405, "method_not_allowed");
    EXPECT_EQ(r.header("allow"), "GET, HEAD");
  }
  HttpResponse head = RawRequest(server_.port,
                                 "HEAD /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: "
                                 "close\r\n\r\n");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  HttpResponse too_long = Api("/api/search?q=" + std::string(9000, 'a'));
  ExpectError(too_long, 414, "uri_too_long");
  HttpResponse garbage = RawRequest(server_.port, "\x16\x03\x01 garbage\r\n\r\n");
  EXPECT_TRUE(garbage.status == 400 || garbage.status == 0) << garbage.status;
}

// DNS rebinding: a loopback server answers only loopback host names.
TEST_F(ServerApiTest, ForeignHostHeaderIsRefused) {
  HttpResponse evil = RawRequest(server_.port,
                                 "GET /api/stats HTTP/1.1\r\nHost: evil.example:80\r\n"
                                 "Connection: close\r\n\r\n");
  ExpectError(evil, 403, "forbidden_host");
  for (const char* host : {"localhost", "LOCALHOST:1234", "127.0.0.1", "[::1]:8080"}) {
    HttpResponse ok = RawRequest(server_.port, std::string("GET /api/health HTTP/1.1\r\nHost: ") +
                                                   host + "\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(ok.status, 200) << host;
  }
}

TEST_F(ServerApiTest, SecurityHeadersOnEveryResponse) {
  for (const char* target : {"/", "/api/stats", "/static/app.js", "/api/nope"}) {
    HttpResponse r = Api(target);
    EXPECT_NE(r.header("content-security-policy").find("script-src 'self'"), std::string::npos)
        << target;
    EXPECT_NE(r.header("content-security-policy").find("default-src 'none'"), std::string::npos);
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << target;
    EXPECT_EQ(r.header("x-frame-options"), "DENY") << target;
    EXPECT_TRUE(r.header("access-control-allow-origin").empty()) << target;
  }
}

// Markup in cable strings is data: JSON carries it verbatim (escaped as JSON), and the page is
// never built on the server (the e2e test checks that the browser shows it as text).
TEST_F(ServerApiTest, HostileCableStringsAreData) {
  HttpResponse r = Api("/api/cables/10MADRID9999");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
  json j = Json(r);
  EXPECT_EQ(j["subject"], "<SCRIPT>ALERT(\"XSS\")</SCRIPT> & <IMG SRC=X ONERROR=ALERT(2)>");
  json hits = Json(Api("/api/search?q=xss"));
  ASSERT_EQ(hits["total"], 1);
  EXPECT_EQ(hits["hits"][0]["subject"], j["subject"]);
}

TEST_F(ServerApiTest, ConcurrentClientsAllSucceed) {
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> threads;
  const std::vector<std::string> targets = {
      "/api/search?q=intel&facets=1", "/api/cables/08LONDON1350", "/api/stats",
      "/api/cables/08LONDON1412/refs?depth=2", "/api/search?q=" + UrlEncode("tag:PREL")};
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        HttpResponse r = Get(server_.port, targets[(t + i) % targets.size()]);
        (r.status == 200 ? ok : failed)++;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, 160);
  EXPECT_EQ(failed, 0);
}

// The server opened the archive read-only: after all the requests above, its bytes are unchanged.
TEST_F(ServerApiTest, ZzArchiveIsUnchanged) {
  Api("/api/stats");
  EXPECT_TRUE(ReadFile(db_) == db_bytes_before_) << "the served archive file changed";
}

// Startup failures are errors with a message and exit status 2, not crashes.
TEST(ServeCommandTest, MissingArchiveOrBadOptionsExit2) {
  const std::string bin = "'" + Binary() + "' serve ";
  EXPECT_EQ(RunCommand(bin + "--db /nonexistent/cables.db --port 0 > /dev/null 2>&1"), 2);
  EXPECT_EQ(RunCommand(bin + "--port 70000 > /dev/null 2>&1"), 2);
  EXPECT_EQ(RunCommand(bin + "--host 203.0.113.1 --db /nonexistent.db > /dev/null 2>&1"), 2);
}

// A port already served is refused with a clear error, not shared (cpp-httplib's SO_REUSEPORT).
TEST_F(ServerApiTest, SecondServerOnTheSamePortExits2) {
  EXPECT_EQ(RunCommand("timeout 10 '" + Binary() + "' serve --db '" + db_ + "' --port " +
                       std::to_string(server_.port) + " > /dev/null 2>&1"),
            2);
}

// A query that runs past --time-limit is stopped (Archive::Interrupt → sqlite3_interrupt) and
// answered 503 with the timeout code, and the server goes on answering. The archive is the whole
// sample set so that the broad prefix query takes far longer than the 10 ms limit.
TEST(ServeCommandTest, SlowQueryIsStoppedAtTheTimeLimit) {
  CABLEBASE_SHARED_SET(samples, "samples");
  fs::path dir = fs::temp_directory_path() / ("cablebase_server_slow_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string db = (dir / "samples.db").string();
  ASSERT_EQ(RunCommand("'" + Binary() + "' ingest '" + samples + "' --db '" + db +
                       "' > /dev/null 2>&1"),
            0);
  ServerProcess server = StartServer({"--db", db, "--port", "0", "--time-limit", "10"});
  ASSERT_GT(server.port, 0) << server.first_line;
  HttpResponse r = Get(server.port, "/api/search?q=a*%20OR%20e*%20OR%20i*%20OR%20o*&facets=true");
  EXPECT_EQ(r.status, 503) << r.body;
  json body = json::parse(r.body, nullptr, false);
  EXPECT_EQ(body["error"]["code"], "timeout") << r.body;
  EXPECT_EQ(Get(server.port, "/api/health").status, 200);
  kill(server.pid, SIGTERM);
  waitpid(server.pid, nullptr, 0);
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace cablebase
