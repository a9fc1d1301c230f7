// Ingest throughput (cables/s, MB/s, peak RSS) over the dev corpus vs a bare FTS5 insert of the same text.
//
// Build: cmake -DCABLEBASE_BUILD_BENCH=ON ... && ./ingest_bench
// Corpus: $CABLEBASE_BENCH_CORPUS, else the shared folder's corpus/ ($CABLEBASE_SHARED or ../shared:
// tests/shared_dir.h); without either every benchmark is skipped with the reason.
// Counters: cables/s and bytes_per_second (input bytes) per iteration; peak_rss_mb is the process's
// high-water mark (getrusage), so read it from the first benchmark that reaches it.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "cablebase/archive.h"
#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "shared_dir.h"
#include "store/db.h"

namespace {

using cablebase::Archive;

std::vector<std::string> CorpusSources() {
  auto dir = [](const std::string& p) { return std::filesystem::is_directory(p); };
  if (const char* env = std::getenv("CABLEBASE_BENCH_CORPUS"); env && dir(env)) return {env};
  const std::string corpus = cablebase::testing_shared::SharedPath("corpus");
  if (dir(corpus)) return {corpus + "/html", corpus + "/text", corpus + "/csv"};
  return {};  // the benchmarks skip: "no corpus"
}

// Skips the benchmark, saying why, when there is no corpus; true when it did.
bool SkippedWithoutCorpus(benchmark::State& state) {
  if (!CorpusSources().empty()) return false;
  static const std::string why =
      "skipped: no corpus (set CABLEBASE_BENCH_CORPUS, or CABLEBASE_SHARED to the shared folder: " +
      cablebase::testing_shared::SharedPath("corpus") + " not found)";
  state.SkipWithError(why.c_str());
  return true;
}

double PeakRssMb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;  // KiB on Linux
}

std::string TempDb() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "cablebase-bench-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) return {};
  return tmpl;
}

// The parsed records of the corpus (read once, outside any timing) and their input bytes.
struct Parsed {
  std::vector<cablebase::Cable> cables;
  uint64_t bytes = 0;
};

const Parsed& ParsedCorpus() {
  static const Parsed* parsed = [] {
    auto* p = new Parsed;
    auto files = cablebase::ListSources(CorpusSources());
    if (!files.ok()) return p;
    for (const auto& f : *files) {
      p->bytes += f.size;
      cablebase::ReadSource(f, cablebase::InputFormat::kAuto, [&](auto raw) {
        if (!raw.ok()) return true;
        auto c = cablebase::ParseCable(*raw);
        if (c.ok()) p->cables.push_back(std::move(*c));
        return true;
      });
    }
    return p;
  }();
  return *parsed;
}

// The whole pipeline: read + parse on all cores + one writer (archive tables, FTS5 via triggers).
void BM_ArchiveIngest(benchmark::State& state) {
  if (SkippedWithoutCorpus(state)) return;
  const std::vector<std::string> sources = CorpusSources();
  int64_t cables = 0;
  uint64_t bytes = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string dir = TempDb();
    state.ResumeTiming();
    auto archive = Archive::Open(dir + "/a.db", Archive::Mode::kReadWrite);
    if (!archive.ok()) {
      state.SkipWithError(archive.status().ToString().c_str());
      break;
    }
    cablebase::IngestOptions opt;
    opt.jobs = static_cast<int>(state.range(0));
    auto sum = (*archive)->Ingest(sources, opt);
    if (!sum.ok()) {
      state.SkipWithError(sum.status().ToString().c_str());
      break;
    }
    cables += sum->cables_read;
    bytes += sum->bytes;
    state.PauseTiming();
    archive->reset();
    std::filesystem::remove_all(dir);
    state.ResumeTiming();
  }
  state.counters["cables/s"] = benchmark::Counter(static_cast<double>(cables),
                                                  benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_ArchiveIngest)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

// Read + parse only (single thread), to see what the store adds.
void BM_ReadAndParse(benchmark::State& state) {
  if (SkippedWithoutCorpus(state)) return;
  const std::vector<std::string> sources = CorpusSources();
  int64_t cables = 0;
  uint64_t bytes = 0;
  for (auto _ : state) {
    auto files = cablebase::ListSources(sources);
    if (!files.ok()) {
      state.SkipWithError("no corpus");
      break;
    }
    for (const auto& f : *files) {
      bytes += f.size;
      cablebase::ReadSource(f, cablebase::InputFormat::kAuto, [&](auto raw) {
        if (raw.ok()) {
          auto c = cablebase::ParseCable(*raw);
          benchmark::DoNotOptimize(c);
          ++cables;
        }
        return true;
      });
    }
  }
  state.counters["cables/s"] = benchmark::Counter(static_cast<double>(cables),
                                                  benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_ReadAndParse)->Unit(benchmark::kMillisecond)->UseRealTime();

// The floor: the same subject + body text inserted into a bare FTS5 table (same tokenizer, WAL,
// one transaction), already parsed.
void BM_BareFts5Insert(benchmark::State& state) {
  if (SkippedWithoutCorpus(state)) return;
  const Parsed& parsed = ParsedCorpus();
  int64_t cables = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::string dir = TempDb();
    state.ResumeTiming();
    auto db = cablebase::store::Db::Open(dir + "/fts.db", cablebase::store::Db::Mode::kReadWrite);
    if (!db.ok()) {
      state.SkipWithError(db.status().ToString().c_str());
      break;
    }
    (*db)->Exec(
        "CREATE VIRTUAL TABLE t USING fts5(subject, body, "
        "tokenize='porter unicode61 remove_diacritics 2')");
    (*db)->Exec("BEGIN");
    {
      auto st = (*db)->Prepare("INSERT INTO t(subject, body) VALUES (?1, ?2)");
      for (const auto& c : parsed.cables) {
        st->Reset();
        st->BindText(1, c.subject);
        st->BindText(2, c.body);
        st->Run();
        ++cables;
      }
    }
    (*db)->Exec("COMMIT");
    state.PauseTiming();
    db->reset();
    std::filesystem::remove_all(dir);
    state.ResumeTiming();
  }
  state.counters["cables/s"] = benchmark::Counter(static_cast<double>(cables),
                                                  benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(parsed.bytes * state.iterations()));
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_BareFts5Insert)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
