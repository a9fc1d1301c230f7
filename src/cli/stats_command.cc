// `cablebase stats`: counts of the archive by year, origin, classification, caveat and TAGS.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cablebase/archive.h"
#include "cablebase/results_json.h"
#include "cli/archive_option.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"

namespace cablebase::cli {

namespace {

struct StatsFlags {
  std::string db;
  int top = 20;
  bool json = false;
};

void PrintCounts(const char* title, const std::vector<CountItem>& items) {
  std::printf("\n%s\n", title);
  for (const CountItem& c : items) {
    std::printf("  %-28s %8lld\n", c.key.empty() ? "(none)" : c.key.c_str(),
                static_cast<long long>(c.count));
  }
}

void RunStats(const StatsFlags& flags) {
  std::unique_ptr<Archive> archive = OpenArchiveOrReport(flags.db, Archive::Mode::kReadOnly);
  if (!archive) return;
  Result<ArchiveStats> r = archive->Stats(flags.top);
  if (!r.ok()) return Fail(r.status());
  const ArchiveStats& s = *r;
  if (flags.json) {
    std::printf("%s\n", ArchiveStatsToJson(s)
                            .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
                            .c_str());
  } else {
    std::printf("%-28s %10lld\n", "cables", static_cast<long long>(s.cables));
    if (Result<int64_t> behind = archive->CablesNotYetIndexed(); behind.ok() && *behind > 0) {
      std::printf("%-28s %10lld  (ingest --upgrade indexes them)\n", "not yet full-text indexed",
                  static_cast<long long>(*behind));
    }
    std::printf("%-28s %10lld  (%lld cables have more than one)\n", "versions",
                static_cast<long long>(s.versions), static_cast<long long>(s.multi_version_cables));
    std::printf("%-28s %10lld\n", "addressees", static_cast<long long>(s.addressees));
    std::printf("%-28s %10lld\n", "paragraphs", static_cast<long long>(s.paragraphs));
    std::printf("%-28s %10lld  (%lld name a cable)\n", "references",
                static_cast<long long>(s.references), static_cast<long long>(s.cable_references));
    std::printf("%-28s %10lld\n", "  resolved (in the archive)",
                static_cast<long long>(s.resolved_references));
    std::printf("%-28s %10lld  (to %lld distinct cables not in the archive)\n", "  unresolved",
                static_cast<long long>(s.unresolved_references),
                static_cast<long long>(s.unresolved_cables));
    PrintCounts("By year", s.by_year);
    PrintCounts("By origin (post of the reference ID)", s.by_origin);
    PrintCounts("By classification", s.by_classification);
    PrintCounts("By caveat (text or published classification)", s.by_caveat);
    PrintCounts("By TAGS", s.by_tag);
    // The audit written at ingest (cablebase/audit.h): where a record disagrees with its text.
    std::printf("\nAudit: %lld of %lld cables break an invariant (cablebase audit --help; show ID "
                "lists a cable's findings)\n",
                static_cast<long long>(s.cables_with_findings), static_cast<long long>(s.cables));
    for (const CountItem& c : s.by_invariant) {
      std::printf("  %-28s %8lld\n", c.key.c_str(), static_cast<long long>(c.count));
    }
    if (flags.top > 0) std::printf("\n(largest %d shown per list; --top 0 for all)\n", flags.top);
  }
  std::fflush(stdout);
  SetExitCode(s.cables > 0 ? kExitOk : kExitNoneFound);
}

}  // namespace

void RegisterStatsCommand(CLI::App& app) {
  auto flags = std::make_shared<StatsFlags>();
  CLI::App* cmd = app.add_subcommand(
      "stats",
      "Count the archive: cables, versions, references (resolved or pointing outside the archive),\n"
      "cables by year, origin (post), classification, caveat and TAGS, and the audit: per invariant\n"
      "how many stored records disagree with their own text (written at ingest; `cablebase audit`).\n"
      "Exit status: 0 when the archive holds cables, 1 when it is empty, 2 on error.\n\n"
      "Examples:\n"
      "  cablebase stats\n"
      "  cablebase stats --top 0 --json | jq '.by_tag[:5]'");
  AddDbOption(cmd, &flags->db);
  cmd->add_option("--top", flags->top, "Show the largest N origins, caveats and TAGS (0 = all)")
      ->default_str("20")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", flags->json,
                "Print the counts as JSON, the document GET /api/stats returns: {cables,versions,\n"
                "...,unresolved_cables,by_year,by_origin,by_classification,by_caveat,by_tag:\n"
                "[{value,count}],cables_with_findings,by_invariant:[{value,count}]}");
  cmd->callback([flags] { RunStats(*flags); });
}

}  // namespace cablebase::cli
