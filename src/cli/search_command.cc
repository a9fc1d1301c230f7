// `cablebase search`: run a query (docs/query_language.md) on the archive and print hits and
// facets.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "cablebase/query.h"
#include "cablebase/results_json.h"
#include "cli/archive_option.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "model/text_util.h"

namespace cablebase::cli {

namespace {

struct SearchFlags {
  std::string query;
  std::vector<std::string> query_words;  // the shell words of the query, joined into `query`
  std::string db;
  int64_t limit = 20;
  int64_t offset = 0;
  std::string sort = "auto";
  bool facets = false;
  bool json = false;
  int64_t facet_top = 10;
};

void Print(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

// An invalid query: the message, then the query with a caret under the column.
void PrintQueryError(const std::string& query, const Status& s) {
  std::fprintf(stderr, "cablebase: invalid query: %s\n", s.message().c_str());
  if (s.column() <= 0 || query.size() > 200) return;
  std::string shown;
  for (char c : query) shown.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  std::fprintf(stderr, "  %s\n  %*s^\n", shown.c_str(), static_cast<int>(s.column() - 1), "");
}

// The shape of GET /api/search (results_json.h): the same document for the same query.
void PrintJson(const SearchRequest& req, const SearchResults& r) {
  Print(SearchResultsToJson(req, r).dump(2, ' ', false,
                                         nlohmann::ordered_json::error_handler_t::replace) +
        "\n");
}

void PrintFacet(const char* name, const std::vector<FacetValue>& values, int64_t top) {
  std::string line = std::string("  ") + name + ":";
  int64_t shown = 0;
  for (const FacetValue& v : values) {
    if (top > 0 && shown == top) {
      line += " …";
      break;
    }
    line +=
        " " + (v.value.empty() ? std::string("(none)") : v.value) + " " + std::to_string(v.count);
    if (++shown < static_cast<int64_t>(values.size()) && !(top > 0 && shown == top)) line += ",";
  }
  Print(line + "\n");
}

void PrintText(const SearchFlags& f, const SearchResults& r, bool tty) {
  const char* bold = tty ? "\x1b[1m" : "";
  const char* plain = tty ? "\x1b[0m" : "";
  for (const SearchHit& h : r.hits) {
    std::string date = h.created.substr(0, 10);
    Print(std::string(bold) + h.reference_id + plain + "  " + (date.empty() ? "----------" : date) +
          "  " + h.origin + "  " + h.classification + "\n");
    if (!h.subject.empty()) Print("  " + h.subject + "\n");
    if (!h.snippet.empty()) Print("  " + h.snippet + "\n");
    Print("\n");
  }
  int64_t first = r.hits.empty() ? 0 : f.offset + 1;
  int64_t last = f.offset + static_cast<int64_t>(r.hits.size());
  std::string summary = std::to_string(r.total) + (r.total == 1 ? " hit" : " hits");
  if (!r.hits.empty() && (first != 1 || last != r.total)) {
    summary += " (showing " + std::to_string(first) + "-" + std::to_string(last) + ")";
  }
  if (r.ranked && r.total > 0) summary += ", by relevance";
  Print(summary + "\n");
  if (r.has_facets) {
    Print("facets:\n");
    PrintFacet("year", r.facets.year, 0);
    PrintFacet("origin", r.facets.origin, f.facet_top);
    PrintFacet("classification", r.facets.classification, f.facet_top);
    PrintFacet("caveat", r.facets.caveat, f.facet_top);
    PrintFacet("tag", r.facets.tag, f.facet_top);
  }
}

void RunSearch(const SearchFlags& f) {
  Result<SearchSort> sort = ParseSearchSort(f.sort);
  if (!sort.ok()) return Fail(sort.status());
  if (f.limit < 0 || f.offset < 0) {
    return Fail(Status(StatusCode::kInvalidArgument, "--limit and --offset must be >= 0"));
  }
  // Check the query before opening the archive: a typo is reported even without a database.
  if (Status s = ValidateQuery(f.query); !s.ok()) {
    PrintQueryError(f.query, s);
    SetExitCode(kExitError);
    return;
  }
  std::unique_ptr<Archive> archive = OpenArchiveOrReport(f.db, Archive::Mode::kReadOnly);
  if (!archive) return;

  const bool tty = !f.json && ::isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
  SearchRequest req;
  req.query = f.query;
  req.limit = f.limit;
  req.offset = f.offset;
  req.sort = *sort;
  req.facets = f.facets;
  // JSON snippets are runs split at markers no cable text contains; text output marks in place.
  req.mark_begin = f.json ? std::string(kJsonMarkBegin) : tty ? "\x1b[1m" : "[[";
  req.mark_end = f.json ? std::string(kJsonMarkEnd) : tty ? "\x1b[0m" : "]]";
  Result<SearchResults> r = Search(*archive, req);
  if (!r.ok()) {
    if (r.status().code() == StatusCode::kInvalidArgument) {
      PrintQueryError(f.query, r.status());
      SetExitCode(kExitError);
      return;
    }
    return Fail(r.status());
  }
  if (f.json) {
    PrintJson(req, *r);
  } else {
    PrintText(f, *r, tty);
  }
  std::fflush(stdout);
  // Say when word searches cannot see every stored cable (breaker: after an interrupted ingest,
  // `search embassy` said "0 hits" over 8,000 stored cables).
  if (Result<int64_t> behind = archive->CablesNotYetIndexed(); behind.ok() && *behind > 0) {
    std::fprintf(stderr,
                 "cablebase: warning: %lld stored cables are not yet in the full-text index (an "
                 "ingest is running or was interrupted); `cablebase ingest --upgrade --db %s` "
                 "indexes them\n",
                 static_cast<long long>(*behind), f.db.c_str());
  }
  SetExitCode(r->total > 0 ? kExitOk : kExitNoneFound);
}

}  // namespace

void RegisterSearchCommand(CLI::App& app) {
  auto flags = std::make_shared<SearchFlags>();
  CLI::App* cmd = app.add_subcommand(
      "search",
      "Search the archive. The query language (docs/query_language.md):\n"
      "  words            hamas visit          (all words, stemmed: visit matches visits)\n"
      "  \"phrases\"        \"hamas delegation\"\n"
      "  prefix*          vershin*\n"
      "  AND OR NOT -     hamas OR fatah, hamas -fatah, NOT (a OR b); juxtaposition is AND\n"
      "  (parentheses)    (hamas OR fatah) visit\n"
      "  filters          tag:PREL origin:moscow class:secret caveat:noforn\n"
      "                   from:2006-02 to:2006-03 (YYYY, YYYY-MM or YYYY-MM-DD; to: includes the\n"
      "                   whole period), ref:06MOSCOW1323 (cables citing it; also cites:),\n"
      "                   citedby:06MOSCOW1637 (cables it cites), subject:hamas (subject only)\n"
      "A query of filters only lists the matching cables by date. Matches in snippets are marked\n"
      "[[like this]] (bold on a terminal). Exit status: 0 hits found, 1 none, 2 error.\n\n"
      "Examples:\n"
      "  cablebase search 'hamas visit tag:PREL from:2006-02 to:2006-02'\n"
      "  cablebase search '\"nuclear program\" origin:tehran OR origin:\"abu dhabi\"' --facets\n"
      "  cablebase search 'ref:06MOSCOW1323' --sort date --json\n"
      "  cablebase search 'tag:PREL' --facets --json | jq '.facets.tag[:3]'");
  cmd->add_option("query", flags->query_words,
                  "The query: one quoted argument, or several words (joined by spaces)")
      ->required();
  AddDbOption(cmd, &flags->db);
  cmd->add_option("--limit,-n", flags->limit, "Hits to show (0: only count)")->default_str("20");
  cmd->add_option("--offset", flags->offset, "Hits to skip (paging)")->default_str("0");
  cmd->add_option("--sort", flags->sort,
                  "relevance (default when the query has words), date (oldest first; default for\n"
                  "filter-only queries) or -date (newest first)")
      ->default_str("relevance|date");
  cmd->add_flag("--facets", flags->facets,
                "Also count the whole hit set by year, origin, classification, caveat and TAGS");
  cmd->add_option("--facet-top", flags->facet_top,
                  "Values shown per facet in text output (0: all; --json gives all)")
      ->default_str("10");
  cmd->add_flag("--json", flags->json,
                "Print the results as one JSON object, the document GET /api/search returns:\n"
                "{query,total,limit,offset,sort,ranked,took_ms,hits:[{reference_id,created,\n"
                "origin,classification,subject,snippet:[{text,match}],score}],facets?:{year,\n"
                "origin,classification,caveat,tag:[{value,count}]}} (docs/http_api.md)");
  cmd->callback([flags] {
    flags->query = model::Join(flags->query_words, " ");
    RunSearch(*flags);
  });
}

}  // namespace cablebase::cli
