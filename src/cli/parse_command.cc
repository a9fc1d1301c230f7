// `cablebase parse`: read cables in any form and print one JSON record per cable.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cablebase/json.h"
#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/format_option.h"
#include "cli/parsed_cables.h"

namespace cablebase::cli {

namespace {

struct ParseOptions {
  std::vector<std::string> inputs;
  std::string format = "auto";
  bool jsonl = false;
  int jobs = 0;  // parser threads; 0: one per core
};

// One cable (or one read failure) on its way from the reader to stdout, in input order.
struct ParseItem {
  std::optional<RawCable> raw;
  Status error = Status::Ok();  // a read or parse failure, printed in its place
  bool skipped = false;         // not a telegram (RawCable::skipped)
  std::string json;             // the record, printed
  bool done = false;
};

// Parsing and printing the records on `jobs` threads while this thread reads: the records come
// out in input order, byte for byte as one thread prints them (issue 12: parse and JSON were
// 60% of `parse --jsonl` over real pages, the reader the rest). At most `kMaxInFlight` cables
// are held at once.
class OrderedParser {
 public:
  OrderedParser(int jobs, bool jsonl) : jsonl_(jsonl) {
    for (int i = 0; i < jobs; ++i) workers_.emplace_back([this] { Work(); });
  }
  ~OrderedParser() { Finish(); }

  // Queues one read result; prints what is ready while the queue is full.
  void Push(Result<RawCable> r) {
    auto item = std::make_unique<ParseItem>();
    if (r.ok()) {
      item->raw = std::move(*r);
    } else {
      item->error = r.status();
      item->done = true;
    }
    std::unique_lock<std::mutex> lock(mu_);
    while (items_.size() >= kMaxInFlight) PrintReady(lock, /*wait=*/true);
    ParseItem* p = item.get();
    items_.push_back(std::move(item));
    if (!p->done) {
      work_.push_back(p);
      work_cv_.notify_one();
    }
    PrintReady(lock, /*wait=*/false);
  }

  // Waits for every queued cable and prints the rest.
  void Finish() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!items_.empty()) PrintReady(lock, /*wait=*/true);
    closed_ = true;
    work_cv_.notify_all();
    lock.unlock();
    for (std::thread& t : workers_) t.join();
    workers_.clear();
  }

  int64_t printed = 0, skipped = 0;
  bool any_failed = false;

 private:
  static constexpr size_t kMaxInFlight = 256;

  void Work() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      work_cv_.wait(lock, [&] { return closed_ || !work_.empty(); });
      if (work_.empty()) return;
      ParseItem* item = work_.front();
      work_.pop_front();
      lock.unlock();
      if (!item->raw->skipped.empty()) {
        item->skipped = true;
      } else {
        Result<Cable> cable = ParseCable(*item->raw);
        if (!cable.ok()) {
          item->error = cable.status();
        } else {
          item->json = CableToJson(*cable, jsonl_ ? -1 : 2);
          item->json.push_back('\n');
        }
      }
      item->raw.reset();
      lock.lock();
      item->done = true;
      done_cv_.notify_all();
    }
  }

  // Prints the finished items at the head of the queue; with `wait`, waits for the head first.
  void PrintReady(std::unique_lock<std::mutex>& lock, bool wait) {
    if (wait && !items_.empty()) done_cv_.wait(lock, [&] { return items_.front()->done; });
    while (!items_.empty() && items_.front()->done) {
      std::unique_ptr<ParseItem> item = std::move(items_.front());
      items_.pop_front();
      if (!item->error.ok()) {
        PrintError(item->error);
        any_failed = true;
      } else if (item->skipped) {
        ++skipped;
      } else {
        std::fwrite(item->json.data(), 1, item->json.size(), stdout);
        ++printed;
      }
    }
  }

  const bool jsonl_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<std::unique_ptr<ParseItem>> items_;  // input order
  std::deque<ParseItem*> work_;                   // waiting for a parser
  bool closed_ = false;
  std::vector<std::thread> workers_;
};

void RunParse(const ParseOptions& opt) {
  InputFormat format = InputFormat::kAuto;
  if (Status s = ParseFormatOption(opt.format, &format); !s.ok()) {
    PrintError(s);
    SetExitCode(kExitError);
    return;
  }
  std::vector<std::string> inputs = opt.inputs;
  if (inputs.empty()) inputs.push_back("-");
  auto sources = ListSources(inputs);
  if (!sources.ok()) {
    PrintError(sources.status());
    SetExitCode(kExitError);
    return;
  }
  const int jobs = opt.jobs > 0 ? opt.jobs
                                : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  OrderedParser parser(jobs, opt.jsonl);
  for (const SourceFile& file : *sources) {
    Status s = ReadSource(file, format, [&](Result<RawCable> r) {
      parser.Push(std::move(r));
      return true;
    });
    if (!s.ok()) parser.Push(s);
  }
  parser.Finish();
  bool any_failed = parser.any_failed;
  const int64_t printed = parser.printed, skipped = parser.skipped;
  std::fflush(stdout);
  if (skipped) {
    std::fprintf(stderr, "cablebase: %lld %s skipped (not telegrams: FRUS memoranda and the like)\n",
                 static_cast<long long>(skipped), skipped == 1 ? "document" : "documents");
  }
  if (!any_failed && !printed && !skipped) ReportNoCables(inputs);
  SetExitCode(any_failed ? kExitError : (printed || skipped ? kExitOk : kExitNoneFound));
}

}  // namespace

void RegisterParseCommand(CLI::App& app) {
  auto opt = std::make_shared<ParseOptions>();
  CLI::App* cmd = app.add_subcommand(
      "parse",
      "Read cables (Cablegate HTML pages, plain/rendered text, the full-release CSV dump) and print\n"
      "one JSON record per cable on stdout. Also the archive forms: PDFs (text layer), PlusD pages,\n"
      "FRUS TEI (telegram documents; others are counted as skipped), cfpf-gt bodies, FOIA texts, AAD\n"
      "records. Errors go to stderr as FILE:LINE: reason; the run goes on\n"
      "and the exit status is 2 if any input failed, 1 if no cable was found (validate and audit\n"
      "agree), 0 otherwise.\n\n"
      "Examples:\n"
      "  cablebase parse ../shared/corpus/html/chillicoder__cablegate/04ANKARA348.html\n"
      "  cablebase parse --jsonl ~/cables/ > records.jsonl      (a directory is read recursively)\n"
      "  cat cable.txt | cablebase parse --format text -\n"
      "  cablebase parse --jsonl cables.csv | jq .subject       (a 1.7 GB dump streams)");
  cmd->add_option("inputs", opt->inputs,
                  "Files, directories (recursive) or - for stdin (default: stdin)");
  cmd->add_option("--format,-f", opt->format, FormatOptionHelp())
      ->default_str("auto");
  cmd->add_option("--jobs,-j", opt->jobs,
                  "Parser threads (default: one per core); records are printed in input order");
  cmd->add_flag("--jsonl", opt->jsonl,
                "One record per line (JSON Lines) instead of pretty-printed JSON objects");
  cmd->callback([opt] { RunParse(*opt); });
}

}  // namespace cablebase::cli
