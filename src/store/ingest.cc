// The ingest pipeline: reader thread → parser threads → in-order writer with batched transactions.
#include "store/ingest.h"

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "store/wal_checkpointer.h"

namespace cablebase::store {

namespace {

using Clock = std::chrono::steady_clock;

// One cable on its way through the pipeline; `seq` is its position in the input.
struct Item {
  uint64_t seq = 0;
  uint64_t bytes_pos = 0;  // input bytes consumed once this cable is read (progress)
  std::optional<RawCable> raw;
  std::optional<PreparedCable> prepared;
  std::optional<IngestError> error;
  bool skipped = false;  // a document that is not a telegram (RawCable::skipped): counted apart
};

IngestError ErrorFromStatus(const Status& s, const RawCable* raw) {
  IngestError e;
  e.status = s;
  e.path = !s.file().empty() ? s.file() : (raw ? raw->source.path : std::string());
  e.line = s.line() != 0 ? s.line() : (raw ? raw->source.line : 0);
  if (raw) {
    e.csv_id = raw->source.csv_id;
    e.reference_id = raw->reference_id;
  }
  return e;
}

// Shared state of the three stages, guarded by one mutex (parsing dominates; contention is low).
class Pipeline {
 public:
  Pipeline(size_t max_in_flight) : max_in_flight_(max_in_flight) {}

  // Reader: blocks while too many cables are in flight. False when the ingest is stopping.
  bool Push(Item item) {
    std::unique_lock<std::mutex> lock(mu_);
    room_cv_.wait(lock, [&] { return stop_ || in_flight_ < max_in_flight_; });
    if (stop_) return false;
    item.seq = next_seq_++;
    ++in_flight_;
    input_.push_back(std::move(item));
    work_cv_.notify_one();
    return true;
  }

  void CloseInput() {
    std::lock_guard<std::mutex> lock(mu_);
    input_closed_ = true;
    work_cv_.notify_all();
    done_cv_.notify_all();
  }

  // Parser: the next item to parse, or nullopt when input is closed and drained.
  std::optional<Item> PopWork() {
    std::unique_lock<std::mutex> lock(mu_);
    work_cv_.wait(lock, [&] { return !input_.empty() || input_closed_; });
    if (input_.empty()) return std::nullopt;
    Item item = std::move(input_.front());
    input_.pop_front();
    return item;
  }

  void Finish(Item item) {
    std::lock_guard<std::mutex> lock(mu_);
    uint64_t seq = item.seq;
    done_.emplace(seq, std::move(item));
    if (seq == next_write_) done_cv_.notify_one();
  }

  // Writer: the next item in input order, or nullopt when every item has been written.
  std::optional<Item> PopDone() {
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [&] {
      return done_.count(next_write_) != 0 || (input_closed_ && next_write_ == next_seq_);
    });
    auto it = done_.find(next_write_);
    if (it == done_.end()) return std::nullopt;
    Item item = std::move(it->second);
    done_.erase(it);
    ++next_write_;
    --in_flight_;
    room_cv_.notify_one();
    return item;
  }

  void Stop() {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
    room_cv_.notify_all();
  }

  bool stopping() {
    std::lock_guard<std::mutex> lock(mu_);
    return stop_;
  }

 private:
  std::mutex mu_;
  std::condition_variable room_cv_, work_cv_, done_cv_;
  std::deque<Item> input_;
  std::map<uint64_t, Item> done_;
  size_t max_in_flight_;
  size_t in_flight_ = 0;
  uint64_t next_seq_ = 0;
  uint64_t next_write_ = 0;
  bool input_closed_ = false;
  bool stop_ = false;
};

// Sets the connection's page cache to `kib` KiB while alive, then back to SQLite's default.
class CacheSize {
 public:
  CacheSize(Db& db, int kib) : db_(db) { db_.Exec("PRAGMA cache_size=-" + std::to_string(kib)); }
  ~CacheSize() { db_.Exec("PRAGMA cache_size=-2000"); }
  CacheSize(const CacheSize&) = delete;
  CacheSize& operator=(const CacheSize&) = delete;

 private:
  Db& db_;
};

void ParseOne(Item& item) {
  RawCable& raw = *item.raw;
  if (!raw.skipped.empty()) {
    item.skipped = true;
    item.raw.reset();
    return;
  }
  try {
    Result<Cable> cable = ParseCable(raw);
    if (!cable.ok()) {
      item.error = ErrorFromStatus(cable.status(), &raw);
    } else if (cable->reference_id.empty()) {
      item.error = ErrorFromStatus(
          Status(StatusCode::kParseError, "no reference ID found or made"), &raw);
    } else {
      item.prepared = PrepareCable(std::move(*cable));
    }
  } catch (const std::exception& e) {
    // A parser bug must cost one cable, not the ingest.
    item.error = ErrorFromStatus(
        Status(StatusCode::kInternal, std::string("parser failed: ") + e.what()), &raw);
  }
  item.raw.reset();
}

}  // namespace

Result<IngestSummary> IngestSources(Db& db, CableWriter& writer,
                                    const std::vector<std::string>& sources,
                                    const IngestOptions& options) {
  const auto start = Clock::now();
  Result<std::vector<SourceFile>> files = ListSources(sources);
  if (!files.ok()) return files.status();
  uint64_t bytes_total = 0;
  for (const SourceFile& f : *files) bytes_total += f.size;

  int jobs = options.jobs > 0 ? options.jobs
                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int batch_size = std::max(1, options.batch_size);
  // Parsers may run a whole batch ahead: while the writer indexes and commits a batch (about half
  // its time), they prepare the next one instead of idling (about 40 KB per parsed cable).
  Pipeline pipe(static_cast<size_t>(batch_size) + 16 * static_cast<size_t>(jobs));
  WalCheckpointer checkpointer(db);  // the log is copied into the file beside the writer
  // A 256 MiB page cache for the writer: the indexes (names, tags, FTS5 segments) take keys all
  // over their B-trees, and with SQLite's 2 MiB default their pages are evicted and read again.
  // At 43,505 cables: 17% less CPU (41.1 -> 34.1 s); peak RSS 38 -> 323 MB (issue 6: <= 1 GB).
  CacheSize cache(db, 256 << 10);

  std::thread reader([&] {
    pthread_setname_np(pthread_self(), "cb-read");  // names in top -H and perf (--sort comm)
    uint64_t base = 0;
    for (const SourceFile& file : *files) {
      uint64_t within = 0;
      auto sink = [&](Result<RawCable> r) -> bool {
        Item item;
        if (r.ok()) {
          within += r->bytes;
          item.raw = std::move(*r);
        } else {
          item.error = ErrorFromStatus(r.status().WithLocation(file.path), nullptr);
        }
        // RawCable::bytes may count a whole file per cable: never report past the file's end.
        item.bytes_pos = base + (file.size ? std::min(within, file.size) : within);
        return pipe.Push(std::move(item));
      };
      Status s = ReadSource(file, options.format, sink);
      if (!s.ok() && !pipe.stopping()) {
        Item item;
        item.error = ErrorFromStatus(s.WithLocation(file.path), nullptr);
        item.bytes_pos = base + file.size;
        pipe.Push(std::move(item));
      }
      base += file.size ? file.size : within;
      if (pipe.stopping()) break;
    }
    pipe.CloseInput();
  });
  std::vector<std::thread> parsers;
  for (int i = 0; i < jobs; ++i) {
    parsers.emplace_back([&] {
      pthread_setname_np(pthread_self(), "cb-parse");
      while (std::optional<Item> item = pipe.PopWork()) {
        if (item->raw && !pipe.stopping()) ParseOne(*item);
        item->raw.reset();
        pipe.Finish(std::move(*item));
      }
    });
  }

  IngestSummary sum;
  Status fatal;
  bool in_txn = false;
  int in_batch = 0;
  auto last_progress = Clock::now() - std::chrono::hours(1);
  auto progress = [&](bool force) {
    if (!options.on_progress) return;
    auto now = Clock::now();
    if (!force && now - last_progress < std::chrono::milliseconds(options.progress_interval_ms)) {
      return;
    }
    last_progress = now;
    IngestProgress p;
    p.cables = sum.cables_read;
    p.failed = sum.failed;
    p.bytes = sum.bytes;
    p.bytes_total = bytes_total;
    p.seconds = std::chrono::duration<double>(now - start).count();
    options.on_progress(p);
  };

  while (std::optional<Item> item = pipe.PopDone()) {
    if (!fatal.ok()) continue;  // draining after a failure
    ++sum.cables_read;
    sum.bytes = std::max(sum.bytes, item->bytes_pos);
    if (item->prepared) {
      if (!in_txn) {
        fatal = db.Exec("BEGIN IMMEDIATE");
        if (!fatal.ok()) {
          pipe.Stop();
          continue;
        }
        in_txn = true;
      }
      Result<PutOutcome> out = writer.Put(*item->prepared);
      if (!out.ok()) {
        if (out.status().code() == StatusCode::kInvalidArgument) {
          item->error = ErrorFromStatus(out.status(), nullptr);
        } else {
          fatal = out.status();
          pipe.Stop();
          continue;
        }
      } else {
        switch (*out) {
          case PutOutcome::kAdded: ++sum.added; break;
          case PutOutcome::kNewVersion: ++sum.new_versions; break;
          case PutOutcome::kUnchanged: ++sum.unchanged; break;
          case PutOutcome::kRefreshed: ++sum.refreshed; break;
        }
        if (++in_batch >= batch_size) {
          if (writer.IndexDue()) fatal = writer.FlushIndex();
          if (fatal.ok()) fatal = db.Exec("COMMIT");
          if (fatal.ok()) checkpointer.AfterCommit();
          in_txn = false;
          in_batch = 0;
          if (!fatal.ok()) {
            pipe.Stop();
            continue;
          }
          progress(true);
        }
      }
    }
    if (item->skipped) ++sum.skipped;
    if (item->error) {
      ++sum.failed;
      if (options.on_error) options.on_error(*item->error);
    }
    progress(false);
  }
  reader.join();
  for (std::thread& t : parsers) t.join();
  if (in_txn) {
    if (fatal.ok()) fatal = writer.FlushIndex();
    if (fatal.ok()) {
      fatal = db.Exec("COMMIT");
    } else {
      db.Exec("ROLLBACK");
    }
  }
  // Rows committed but not yet indexed (the last batches of a chunk, or those an interrupted
  // ingest left: CableWriter::Create found them) are indexed before the ingest reports success.
  if (fatal.ok() && writer.HasUnindexed()) {
    fatal = db.Exec("BEGIN IMMEDIATE");
    if (fatal.ok()) fatal = writer.FlushIndex();
    if (fatal.ok()) fatal = db.Exec("COMMIT");
    if (!fatal.ok()) db.Exec("ROLLBACK");
  }
  if (!fatal.ok()) return fatal;
  sum.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  sum.bytes = std::max(sum.bytes, bytes_total);
  progress(true);
  return sum;
}

}  // namespace cablebase::store
