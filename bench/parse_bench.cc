// Parse throughput (MB/s and cables/s) per input form, on one core and on all cores.
//
// Inputs, loaded into memory before timing so that only reading + parsing is measured:
//   html  — the Cablegate pages of the dev corpus (shared/corpus/html, both layouts)
//   text  — the plain-text cables of the dev corpus (shared/corpus/text)
//   csv   — the dev corpus's CSV rows (shared/corpus/csv; two rows, so mostly start-up cost)
//   synth — the first $CABLEBASE_BENCH_CSV_MB MB (default 64) of the CSV named by
//           $CABLEBASE_BENCH_CSV (bench/synth output; bench/run_all.sh sets it) — the realistic CSV case
// Each form is timed twice: Read (ReadBuffer: decode + split into raw cables) and Parse (ReadBuffer +
// ParseCable on every cable), with 1 thread and with every hardware thread (each thread parses the
// whole input; rates are the sum over threads per wall-clock second). Columns: MB (10^6 input
// bytes) and cables, per second.
//
// Run: build-bench/parse_bench [--benchmark_filter=Parse/synth] (see bench/README.md).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "shared_dir.h"

namespace {

namespace fs = std::filesystem;

// One input form: its files' bytes, loaded once.
struct Input {
  std::string name;
  cablebase::InputFormat format;
  std::vector<std::pair<std::string, std::string>> files;  // path, bytes
  uint64_t bytes = 0;
  int64_t cables = 0;  // counted by a first untimed pass
};

std::string ReadAll(const std::string& path, uint64_t limit) {
  std::ifstream in(path, std::ios::binary);
  std::string s(limit, '\0');
  in.read(s.data(), static_cast<std::streamsize>(limit));
  s.resize(static_cast<size_t>(in.gcount()));
  return s;
}

// Cuts a CSV dump prefix after its last complete row: a row ends with `"` + newline and the next
// starts with `"` + digits + `","` (an unescaped quote; escapes are `\"`, FORMAT.md §1.4).
void CutAtRowBoundary(std::string* csv) {
  for (size_t pos = csv->size(); pos > 2;) {
    pos = csv->rfind("\"\n\"", pos - 1);
    if (pos == std::string::npos || pos == 0) break;
    if ((*csv)[pos - 1] == '\\') continue;
    size_t j = pos + 3;
    while (j < csv->size() && (*csv)[j] >= '0' && (*csv)[j] <= '9') ++j;
    if (j > pos + 3 && csv->compare(j, 3, "\",\"") == 0) {
      csv->resize(pos + 2);
      return;
    }
  }
}

Input LoadDir(const std::string& name, const std::string& dir, cablebase::InputFormat format) {
  Input in{name, format, {}, 0, 0};
  if (!fs::is_directory(dir)) return in;
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  for (const std::string& p : paths) {
    std::string bytes = ReadAll(p, fs::file_size(p));
    in.bytes += bytes.size();
    in.files.emplace_back(p, std::move(bytes));
  }
  return in;
}

// Reads (and parses when `parse`) every file of `in`; returns the number of cables.
int64_t RunOnce(const Input& in, bool parse) {
  int64_t cables = 0;
  for (const auto& [path, bytes] : in.files) {
    cablebase::ReadBuffer(bytes, in.format, path, [&](cablebase::Result<cablebase::RawCable> raw) {
      if (!raw.ok()) return true;
      if (parse) {
        cablebase::Result<cablebase::Cable> cable = cablebase::ParseCable(*raw);
        benchmark::DoNotOptimize(cable);
        if (!cable.ok()) return true;
      }
      ++cables;
      return true;
    });
  }
  return cables;
}

void BM_Form(benchmark::State& state, const Input* in, bool parse) {
  int64_t cables = 0;
  for (auto _ : state) cables += RunOnce(*in, parse);
  state.SetBytesProcessed(static_cast<int64_t>(in->bytes) * state.iterations());
  state.counters["cables"] =
      benchmark::Counter(static_cast<double>(cables), benchmark::Counter::kIsRate);
  state.counters["MB"] = benchmark::Counter(
      static_cast<double>(in->bytes) * static_cast<double>(state.iterations()) / 1e6,
      benchmark::Counter::kIsRate);
}

}  // namespace

int main(int argc, char** argv) {
  static std::vector<Input> inputs;
  std::string corpus = cablebase::testing_shared::SharedPath("corpus");
  inputs.push_back(LoadDir("html", corpus + "/html", cablebase::InputFormat::kCablegateHtml));
  inputs.push_back(LoadDir("text", corpus + "/text", cablebase::InputFormat::kText));
  inputs.push_back(LoadDir("csv", corpus + "/csv", cablebase::InputFormat::kCsv));
  if (const char* synth = std::getenv("CABLEBASE_BENCH_CSV"); synth && *synth && fs::exists(synth)) {
    uint64_t mb = 64;
    if (const char* m = std::getenv("CABLEBASE_BENCH_CSV_MB"); m && *m) mb = std::strtoull(m, 0, 10);
    Input in{"synth", cablebase::InputFormat::kCsv, {}, 0, 0};
    std::string bytes = ReadAll(synth, std::min<uint64_t>(mb * 1000000, fs::file_size(synth)));
    CutAtRowBoundary(&bytes);
    in.bytes = bytes.size();
    in.files.emplace_back(synth, std::move(bytes));
    inputs.push_back(std::move(in));
  }

  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  benchmark::AddCustomContext("corpus", corpus);
  for (Input& in : inputs) {
    if (in.files.empty()) {
      std::fprintf(stderr, "parse_bench: skipped %s: no input (%s)\n", in.name.c_str(),
                   in.name == "synth" ? "set CABLEBASE_BENCH_CSV" : corpus.c_str());
      continue;
    }
    in.cables = RunOnce(in, true);
    benchmark::AddCustomContext(
        "input " + in.name, std::to_string(in.files.size()) + " files, " +
                                std::to_string(in.bytes) + " bytes, " + std::to_string(in.cables) +
                                " cables parsed");
    for (bool parse : {false, true}) {
      std::string name = std::string(parse ? "Parse/" : "Read/") + in.name;
      auto* b = benchmark::RegisterBenchmark(name.c_str(), BM_Form, &in, parse);
      b->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(1.0);
      b->Threads(1);
      if (cores > 1) b->Threads(static_cast<int>(cores));
    }
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
