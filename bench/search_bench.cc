// Search latency: p50/p99 of a fixed set of 20 queries (words, phrases, prefixes, booleans,
// filters) run through the public API (include/cablebase/query.h) on an archive of the dev corpus.
//
//   build-bench/search_bench [--db FILE | --corpus DIR] [--repeat N] [--facets]
//
// Without --db an archive of DIR (default: the shared folder's corpus/, tests/shared_dir.h) is built
// in a temp dir first and its ingest time printed. Each query runs once to warm the page cache,
// then N times (default 30) with limit 20 and snippets; the table gives hits, p50 and p99 per query
// and over all runs, in milliseconds (wall clock, steady_clock), and the p50 of the process's CPU
// time per query (on a shared machine wall time includes waiting for a core).
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "cablebase/archive.h"
#include "cablebase/query.h"
#include "shared_dir.h"

namespace {

const std::vector<std::string>& Queries() {
  static const std::vector<std::string> q = {
      "hamas",
      "hamas visit tag:PREL from:2006-02 to:2006-02",
      "\"foreign minister\"",
      "nuclear iran",
      "vers*",
      "russia OR china",
      "terror* -afghanistan",
      "tag:PREL origin:moscow",
      "class:secret caveat:noforn",
      "from:2008 to:2009",
      "ref:08LONDON1115",
      "subject:visit",
      "\"prime minister\" (election OR elections)",
      "oil gas pipeline",
      "-tag:PREL",
      "human rights tag:PHUM",
      "(iraq OR iran) class:confidential from:2005",
      "embassy OR tag:ECON",
      "origin:madrid terrorism",
      "a*",
  };
  return q;
}

// CPU time of this process in ms (separates our work from waiting on a busy machine).
double CpuMs() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

std::string CpuModel() {
  std::ifstream f("/proc/cpuinfo");
  std::string line;
  while (std::getline(f, line)) {
    if (line.rfind("model name", 0) == 0) {
      size_t c = line.find(':');
      return c == std::string::npos ? line : line.substr(c + 2);
    }
  }
  return "unknown CPU";
}

}  // namespace

int main(int argc, char** argv) {
  std::string db, corpus;
  int repeat = 30;
  bool facets = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--db" && i + 1 < argc)
      db = argv[++i];
    else if (a == "--corpus" && i + 1 < argc)
      corpus = argv[++i];
    else if (a == "--repeat" && i + 1 < argc)
      repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "--facets")
      facets = true;
    else {
      std::fprintf(stderr, "usage: %s [--db FILE | --corpus DIR] [--repeat N] [--facets]\n",
                   argv[0]);
      return 2;
    }
  }
  namespace fs = std::filesystem;
  fs::path tmp;
  if (db.empty()) {
    if (corpus.empty()) {
      corpus = cablebase::testing_shared::SharedPath("corpus");
    }
    if (!fs::is_directory(corpus)) {
      std::printf("skipped: no corpus at %s (give --db or --corpus)\n", corpus.c_str());
      return 0;
    }
    tmp = fs::temp_directory_path() / ("cablebase_search_bench_" + std::to_string(::getpid()));
    fs::create_directories(tmp);
    db = (tmp / "bench.db").string();
    auto a = cablebase::Archive::Open(db, cablebase::Archive::Mode::kReadWrite);
    if (!a.ok()) {
      std::fprintf(stderr, "%s\n", a.status().ToString().c_str());
      return 2;
    }
    auto s = (*a)->Ingest({corpus});
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.status().ToString().c_str());
      return 2;
    }
    std::printf("archive of %s: %lld cables in %.1f s\n", corpus.c_str(),
                static_cast<long long>(s->added + s->new_versions), s->seconds);
  }
  auto opened = cablebase::Archive::Open(db, cablebase::Archive::Mode::kReadOnly);
  if (!opened.ok()) {
    std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
    return 2;
  }
  cablebase::Archive& archive = **opened;
  auto stats = archive.Stats(1);
  std::printf("machine: %s, %u hardware threads; archive %s (%lld cables); %d runs per query%s\n\n",
              CpuModel().c_str(),
              std::max(1u, static_cast<unsigned>(sysconf(_SC_NPROCESSORS_ONLN))), db.c_str(),
              stats.ok() ? static_cast<long long>(stats->cables) : -1LL, repeat,
              facets ? ", with facets" : "");
  std::printf("%-48s %8s %9s %9s %9s\n", "query", "hits", "p50 ms", "p99 ms", "cpu p50");
  std::vector<double> all, all_cpu;
  for (const std::string& q : Queries()) {
    cablebase::SearchRequest req;
    req.query = q;
    req.limit = 20;
    req.facets = facets;
    int64_t hits = 0;
    std::vector<double> ms, cpu;
    for (int i = 0; i <= repeat; ++i) {
      double c0 = CpuMs();
      auto t0 = std::chrono::steady_clock::now();
      auto r = cablebase::Search(archive, req);
      auto t1 = std::chrono::steady_clock::now();
      double c1 = CpuMs();
      if (!r.ok()) {
        std::fprintf(stderr, "%s: %s\n", q.c_str(), r.status().ToString().c_str());
        return 2;
      }
      hits = r->total;
      if (i > 0) {
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
        cpu.push_back(c1 - c0);
      }
    }
    all.insert(all.end(), ms.begin(), ms.end());
    all_cpu.insert(all_cpu.end(), cpu.begin(), cpu.end());
    std::printf("%-48s %8lld %9.2f %9.2f %9.2f\n", q.c_str(), static_cast<long long>(hits),
                Percentile(ms, 0.5), Percentile(ms, 0.99), Percentile(cpu, 0.5));
  }
  std::printf("%-48s %8s %9.2f %9.2f %9.2f\n", "ALL (20 queries)", "", Percentile(all, 0.5),
              Percentile(all, 0.99), Percentile(all_cpu, 0.5));
  opened->reset();
  if (!tmp.empty()) {
    std::error_code ec;
    fs::remove_all(tmp, ec);
  }
  return 0;
}
