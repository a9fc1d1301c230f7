// `cablebase ingest`: read, parse (all cores) and store cables in the archive, with progress and errors.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "cablebase/archive.h"
#include "cablebase/read.h"
#include "cablebase/version.h"
#include "cli/archive_option.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/format_option.h"

namespace cablebase::cli {

namespace {

struct IngestFlags {
  std::vector<std::string> sources;
  std::string db;
  std::string format = "auto";
  int jobs = 0;
  int batch = 2000;
  std::string errors;
  bool upgrade = false;
};

// Failures shown on stderr in the summary; the rest are only in the errors file.
constexpr size_t kShownErrors = 10;

std::string DefaultErrorsPath(const std::string& db) {
  std::filesystem::path p(db);
  return (p.parent_path() / "cablebase-errors.tsv").string();
}

// A TSV field: tabs and newlines would break the row; they become spaces.
std::string TsvField(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

std::string Duration(double seconds) {
  if (seconds < 0) seconds = 0;
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

// One progress line: bar, percent of bytes, cables, MB, cables/s, ETA (from the byte rate).
void DrawProgress(const IngestProgress& p) {
  double frac = p.bytes_total ? static_cast<double>(p.bytes) / p.bytes_total : 0;
  if (frac > 1) frac = 1;
  constexpr int kWidth = 24;
  std::string bar(kWidth, ' ');
  for (int i = 0; i < static_cast<int>(frac * kWidth); ++i) bar[i] = '=';
  double rate = p.seconds > 0 ? p.cables / p.seconds : 0;
  double byte_rate = p.seconds > 0 ? p.bytes / p.seconds : 0;
  std::string eta = p.bytes_total && byte_rate > 0
                        ? Duration((p.bytes_total - std::min(p.bytes, p.bytes_total)) / byte_rate)
                        : "?";
  std::fprintf(stderr, "\r[%s] %3.0f%%  %lld cables  %.1f/%.1f MB  %.0f cables/s  ETA %s",
               bar.c_str(), frac * 100, static_cast<long long>(p.cables), p.bytes / 1e6,
               p.bytes_total / 1e6, rate, eta.c_str());
  if (p.failed) std::fprintf(stderr, "  %lld failed", static_cast<long long>(p.failed));
  std::fprintf(stderr, "\x1b[K");
  std::fflush(stderr);
}

void RunIngest(const IngestFlags& flags) {
  IngestOptions options;
  if (Status s = ParseFormatOption(flags.format, &options.format); !s.ok()) return Fail(s);
  if (flags.batch < 1) {
    return Fail(Status(StatusCode::kInvalidArgument, "--batch must be at least 1"));
  }
  options.jobs = flags.jobs;
  options.batch_size = flags.batch;
  std::vector<std::string> sources = flags.sources;
  if (flags.upgrade && !sources.empty()) {
    return Fail(Status(StatusCode::kInvalidArgument,
                       "--upgrade reads no cables: give it no sources (any ingest upgrades too)"));
  }
  if (sources.empty() && !flags.upgrade) {
    // Reading a terminal would wait for cables typed by hand: never what was meant.
    if (::isatty(STDIN_FILENO)) {
      return Fail(Status(StatusCode::kInvalidArgument,
                         "no sources: name files or directories (or - to read stdin); "
                         "`cablebase ingest --upgrade` only upgrades the archive"));
    }
    sources.push_back("-");
  }

  if (flags.upgrade && !std::filesystem::exists(flags.db)) {
    return Fail(Status(StatusCode::kNotFound, "no archive to upgrade (check the --db path)",
                       flags.db));
  }
  // Every named source must exist before the archive is opened: opening for writing creates the
  // file, and a mistyped path must not leave an empty archive behind (issue 14).
  if (!flags.upgrade) {
    Result<std::vector<SourceFile>> listed = ListSources(sources);
    if (!listed.ok()) return Fail(listed.status());
  }
  std::unique_ptr<Archive> archive = OpenArchiveOrReport(flags.db, Archive::Mode::kReadWrite);
  if (!archive) return;
  if (flags.upgrade) {
    // Opening for writing applied every pending migration (docs/schema.md); an ingest of nothing
    // indexes what an interrupted ingest stored but did not index, and rebuilds the search cache.
    Result<IngestSummary> none = archive->Ingest({}, IngestOptions{});
    if (!none.ok()) return Fail(none.status());
    std::fprintf(stderr,
                 "%s: ready for cablebase %s (schema upgraded if it was older; every stored cable "
                 "in the full-text index); nothing read. Cables ingested again get this version's "
                 "parse.\n",
                 flags.db.c_str(), std::string(kVersion).c_str());
    return SetExitCode(kExitOk);
  }

  const bool tty = ::isatty(STDERR_FILENO) != 0;
  if (tty) options.on_progress = DrawProgress;
  std::vector<IngestError> errors;
  options.on_error = [&](const IngestError& e) { errors.push_back(e); };

  Result<IngestSummary> sum = archive->Ingest(sources, options);
  if (tty) std::fprintf(stderr, "\r\x1b[K");
  if (!sum.ok()) return Fail(sum.status());

  std::string errors_path = flags.errors.empty() ? DefaultErrorsPath(flags.db) : flags.errors;
  bool errors_written = false;
  if (!errors.empty()) {
    if (FILE* f = std::fopen(errors_path.c_str(), "w")) {
      std::fprintf(f, "path\tline\tcsv_id\treference_id\tcode\treason\n");
      for (const IngestError& e : errors) {
        std::fprintf(f, "%s\t%lld\t%s\t%s\t%s\t%s\n", TsvField(e.path).c_str(),
                     static_cast<long long>(e.line), TsvField(e.csv_id).c_str(),
                     TsvField(e.reference_id).c_str(), StatusCodeName(e.status.code()),
                     TsvField(e.status.message()).c_str());
      }
      errors_written = std::fclose(f) == 0;
    }
    if (!errors_written) {
      PrintError(Status(StatusCode::kIoError, "cannot write the errors report", errors_path));
    }
    for (size_t i = 0; i < errors.size() && i < kShownErrors; ++i) {
      const IngestError& e = errors[i];
      PrintError(Status(e.status.code(), e.status.message(), e.path, e.line));
    }
    if (errors.size() > kShownErrors) {
      std::fprintf(stderr, "cablebase: ... and %zu more failures\n", errors.size() - kShownErrors);
    }
  }
  const IngestSummary& s = *sum;
  std::fprintf(stderr,
               "ingested %lld %s into %s: %lld added, %lld new %s, %lld unchanged, "
               "%lld refreshed, %lld failed; %.1f MB in %.1f s (%.0f cables/s, %.1f MB/s)",
               static_cast<long long>(s.cables_read), s.cables_read == 1 ? "cable" : "cables",
               flags.db.c_str(), static_cast<long long>(s.added),
               static_cast<long long>(s.new_versions), s.new_versions == 1 ? "version" : "versions",
               static_cast<long long>(s.unchanged), static_cast<long long>(s.refreshed),
               static_cast<long long>(s.failed), s.bytes / 1e6, s.seconds,
               s.seconds > 0 ? s.cables_read / s.seconds : 0.0,
               s.seconds > 0 ? s.bytes / 1e6 / s.seconds : 0.0);
  if (s.skipped) {
    std::fprintf(stderr, "; %lld skipped (documents that are not telegrams: FRUS memoranda)",
                 static_cast<long long>(s.skipped));
  }
  if (errors_written) std::fprintf(stderr, "; failures listed in %s", errors_path.c_str());
  std::fprintf(stderr, "\n");
  if (s.cables_read == 0) {
    SetExitCode(kExitNoneFound);
  } else if (s.failed == s.cables_read) {
    SetExitCode(kExitError);
  } else {
    SetExitCode(kExitOk);
  }
}

}  // namespace

void RegisterIngestCommand(CLI::App& app) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Read cables from any mix of files, directories (recursive), CSV dumps and stdin, parse them on\n"
      "all cores and store them in the archive (one writer, batched transactions, WAL mode).\n"
      "Re-ingesting stored content changes nothing; a cable whose text or metadata differs from the\n"
      "stored one becomes a new version (the latest released is current). Interrupting (even kill -9)\n"
      "is safe: re-run the same command to complete. A progress bar is drawn when stderr is a\n"
      "terminal; a summary line is always printed. Cables that fail to read or parse are listed\n"
      "(FILE:LINE: reason) and written to the errors report, and never stop the rest.\n"
      "Exit status: 0 when cables were read (even if some failed), 1 when the sources held no\n"
      "cable, 2 on an error or when every cable failed.\n\n"
      "Examples:\n"
      "  cablebase ingest ~/cables/                      (into ./cablebase.db)\n"
      "  cablebase ingest cables.csv --db cables.db --jobs 8 --batch 1000\n"
      "  cat cable.txt | cablebase ingest --format text -\n"
      "  cablebase ingest --upgrade --db old.db          (bring an older archive to this version)");
  cmd->add_option("sources", flags->sources,
                  "Files, directories (recursive) or - for stdin (default: stdin)");
  AddDbOption(cmd, &flags->db);
  cmd->add_option("--format,-f", flags->format, FormatOptionHelp())->default_str("auto");
  cmd->add_option("--jobs,-j", flags->jobs, "Parser threads (default: one per core)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--batch", flags->batch, "Cables per write transaction")->default_str("2000");
  cmd->add_flag("--upgrade", flags->upgrade,
                "Only upgrade the archive's schema for this cablebase (what read-only commands ask\n"
                "for on an older archive); reads no cables");
  cmd->add_option("--errors", flags->errors,
                  "Errors report (TSV: path, line, csv_id, reference_id, code, reason), written when\n"
                  "a cable fails (default: cablebase-errors.tsv next to the archive)");
  cmd->callback([flags] { RunIngest(*flags); });
}

}  // namespace cablebase::cli
