// CableService over archive.h/query.h: connection pool and time limit; the JSON shapes and the
// export are the library's (results_json.h, export.h), shared with the CLI.
#include "server/archive_service.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <list>
#include <optional>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <vector>

#include "cablebase/audit.h"
#include "cablebase/archive.h"
#include "cablebase/export.h"
#include "cablebase/query.h"
#include "cablebase/results_json.h"
#include "model/line_diff.h"
#include "store/stats_cache.h"

namespace cablebase::server {

namespace {

using Clock = std::chrono::steady_clock;
// Facet values per facet (but year) in search results and /api/facets (docs/http_api.md).
constexpr int kFacetLimit = 30;

// True when the archive offers a thread-safe Interrupt() (sqlite3_interrupt); then a query past the
// time limit is stopped. Without it the limit is checked only after the query returns.
template <typename A>
constexpr bool kCanInterrupt = requires(A& a) { a.Interrupt(); };

// Stops the statement running on `a` when the archive can; a no-op otherwise (a template, so that
// the call is only compiled when Interrupt() exists).
template <typename A>
void InterruptIfPossible(A* a) {
  if constexpr (kCanInterrupt<A>) a->Interrupt();
}

// Lets `a` run queries again after an earlier Interrupt() (which is sticky: Archive::Interrupt).
template <typename A>
void ClearInterruptIfPossible(A* a) {
  if constexpr (requires(A& x) { x.ClearInterrupt(); }) a->ClearInterrupt();
}

// Read-only Archive connections, each lent to one request at a time.
class ConnectionPool {
 public:
  ConnectionPool(std::string path, int max) : path_(std::move(path)), max_(std::max(1, max)) {}

  // An RAII loan; `archive` is null when opening a new connection failed (`status` says why).
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Archive> a, Status s)
        : pool_(pool), archive_(std::move(a)), status_(std::move(s)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (archive_) pool_->Return(std::move(archive_));
    }
    Archive* get() const { return archive_.get(); }
    const Status& status() const { return status_; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Archive> archive_;
    Status status_;
  };

  Status OpenFirst() {
    auto a = Archive::Open(path_, Archive::Mode::kReadOnly);
    if (!a.ok()) return a.status();
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(*a));
    ++open_;
    return Status::Ok();
  }

  Lease Acquire() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !idle_.empty() || open_ < max_; });
    if (!idle_.empty()) {
      std::unique_ptr<Archive> a = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(a), Status::Ok());
    }
    ++open_;
    lock.unlock();
    auto a = Archive::Open(path_, Archive::Mode::kReadOnly);
    if (!a.ok()) {
      std::lock_guard<std::mutex> relock(mu_);
      --open_;
      cv_.notify_one();
      return Lease(this, nullptr, a.status());
    }
    return Lease(this, std::move(*a), Status::Ok());
  }

 private:
  void Return(std::unique_ptr<Archive> a) {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(a));
    cv_.notify_one();
  }

  const std::string path_;
  const int max_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Archive>> idle_;
  int open_ = 0;
};

// Calls Interrupt() on archives whose query runs past its deadline (one thread for the server).
class Watchdog {
 public:
  Watchdog() : thread_([this] { Run(); }) {}
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

  // Arms the deadline for `archive` until the returned guard is destroyed; the guard's fired()
  // tells whether the deadline passed while it was armed.
  class Guard {
   public:
    Guard(Watchdog* w, Archive* a, Clock::time_point deadline) : w_(w), a_(a) {
      std::lock_guard<std::mutex> lock(w_->mu_);
      ClearInterruptIfPossible(a_);  // a pooled connection may carry the last request's interrupt
      w_->armed_[a_] = {deadline, false};
      w_->cv_.notify_all();
    }
    ~Guard() {
      std::lock_guard<std::mutex> lock(w_->mu_);
      w_->armed_.erase(a_);
    }
    bool fired() const {
      std::lock_guard<std::mutex> lock(w_->mu_);
      auto it = w_->armed_.find(a_);
      return it != w_->armed_.end() && it->second.fired;
    }

   private:
    Watchdog* w_;
    Archive* a_;
  };

 private:
  struct Entry {
    Clock::time_point deadline;
    bool fired = false;
  };

  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!stop_) {
      Clock::time_point next = Clock::now() + std::chrono::seconds(1);
      for (auto& [archive, e] : armed_) {
        if (e.fired) continue;
        if (e.deadline <= Clock::now()) {
          e.fired = true;
          InterruptIfPossible(archive);
        } else {
          next = std::min(next, e.deadline);
        }
      }
      cv_.wait_until(lock, next);
    }
  }

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::map<Archive*, Entry> armed_;
  bool stop_ = false;
  std::thread thread_;
};

// Answers kept per archive generation (store::StatsGeneration: it changes whenever a cable is
// written), least recently used dropped first. A kept answer is returned only while the archive's
// generation is the one it was computed at, so it is always the answer the archive would give now.
// Thread-safe. What it holds: search/facet/graph answers (bounded by `capacity` entries; an answer
// is at most a page of 100 hits or 400 graph nodes), and the whole-archive counts (stats, facets of
// the empty query), which do not depend on the request.
class ResultCache {
 public:
  explicit ResultCache(size_t capacity) : capacity_(capacity) {}
  bool enabled() const { return capacity_ > 0; }

  std::optional<Json> Get(const std::string& key, const std::string& generation) {
    if (capacity_ == 0) return std::nullopt;
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    if (it->second->generation != generation) {
      entries_.erase(it->second);
      index_.erase(it);
      return std::nullopt;
    }
    entries_.splice(entries_.begin(), entries_, it->second);
    return it->second->value;
  }

  void Put(const std::string& key, const std::string& generation, const Json& value) {
    if (capacity_ == 0) return;
    std::lock_guard<std::mutex> lock(mu_);
    auto it = index_.find(key);
    if (it != index_.end()) {
      entries_.erase(it->second);
      index_.erase(it);
    }
    entries_.push_front(Entry{key, generation, value});
    index_[key] = entries_.begin();
    while (entries_.size() > capacity_) {
      index_.erase(entries_.back().key);
      entries_.pop_back();
    }
  }

 private:
  struct Entry {
    std::string key;
    std::string generation;
    Json value;
  };
  const size_t capacity_;
  std::mutex mu_;
  std::list<Entry> entries_;
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

std::string TelegramText(const Cable& c) {
  if (c.header_raw.empty()) return c.text_raw;
  if (c.text_raw.empty()) return c.header_raw;
  return c.header_raw + "\n\n" + c.text_raw;
}

cablebase::RefDirection LibraryDirection(server::RefDirection d) {
  return d == server::RefDirection::kCites     ? cablebase::RefDirection::kCites
         : d == server::RefDirection::kCitedBy ? cablebase::RefDirection::kCitedBy
                                               : cablebase::RefDirection::kBoth;
}

cablebase::ExportFormat LibraryFormat(server::ExportFormat f) {
  return f == server::ExportFormat::kCsv     ? cablebase::ExportFormat::kCsv
         : f == server::ExportFormat::kJsonl ? cablebase::ExportFormat::kJsonl
                                             : cablebase::ExportFormat::kGraphml;
}

class ArchiveService : public CableService {
 public:
  ArchiveService(const std::string& path, const Limits& limits, int max_connections)
      : limits_(limits),
        pool_(path, max_connections),
        path_(path),
        answers_(static_cast<size_t>(std::max(limits.result_cache_entries, 0))),
        // Stats and the empty query's facets: two answers, always kept (1.4 s each uncached).
        archive_counts_(4) {}

  Status Open() {
    if (Status s = pool_.OpenFirst(); !s.ok()) return s;
    auto a = Archive::Open(path_, Archive::Mode::kReadOnly);
    if (!a.ok()) return a.status();
    generation_archive_ = std::move(*a);
    return Status::Ok();
  }

  Result<Json> Search(const server::SearchRequest& r) override {
    cablebase::SearchRequest req;
    req.query = r.query;
    req.limit = r.limit;
    req.offset = r.offset;
    req.sort = r.sort == SortOrder::kDate             ? SearchSort::kDate
               : r.sort == SortOrder::kDateDescending ? SearchSort::kDateDesc
                                                      : SearchSort::kRelevance;
    req.facets = r.facets;
    req.facet_limit = kFacetLimit;
    req.mark_begin = std::string(kJsonMarkBegin);
    req.mark_end = std::string(kJsonMarkEnd);
    const std::string key = "search\n" + r.query + "\n" + std::to_string(r.limit) + "\n" +
                            std::to_string(r.offset) + "\n" +
                            std::to_string(static_cast<int>(r.sort)) + "\n" +
                            (r.facets ? "1" : "0");
    return Cached(answers_, key, [&]() -> Result<Json> {
      Result<SearchResults> res = Timed([&](Archive& a) { return cablebase::Search(a, req); });
      if (!res.ok()) return res.status();
      return SearchResultsToJson(req, *res);
    });
  }

  Result<Json> Facets(const std::string& query) override {
    if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
      return Cached(archive_counts_, "facets\n" + query, [&] { return WholeArchiveFacets(query); });
    }
    return Cached(answers_, "facets\n" + query, [&] { return QueryFacets(query); });
  }

  Result<Json> WholeArchiveFacets(const std::string& query) {
    {
      Result<ArchiveStats> s = Timed([&](Archive& a) { return a.Stats(kFacetLimit); });
      if (!s.ok()) return s.status();
      // The whole archive: its counts are the facets of a query that matches every cable.
      auto values = [](const std::vector<CountItem>& items) {
        std::vector<FacetValue> out;
        for (const CountItem& c : items) out.push_back(FacetValue{c.key, c.count});
        return out;
      };
      SearchFacets f{values(s->by_year), values(s->by_origin), values(s->by_classification),
                     values(s->by_caveat), values(s->by_tag)};
      return Json{{"query", query}, {"total", s->cables}, {"facets", SearchFacetsToJson(f)}};
    }
  }

  Result<Json> QueryFacets(const std::string& query) {
    cablebase::SearchRequest req;
    req.query = query;
    req.limit = 0;
    req.facets = true;
    req.facet_limit = kFacetLimit;
    req.snippets = false;
    Result<SearchResults> res = Timed([&](Archive& a) { return cablebase::Search(a, req); });
    if (!res.ok()) return res.status();
    return Json{
        {"query", query}, {"total", res->total}, {"facets", SearchFacetsToJson(res->facets)}};
  }

  Result<Json> GetCable(const std::string& id) override {
    Result<Cable> c = Timed([&](Archive& a) { return a.Get(id); });
    if (!c.ok()) return c.status();
    return CableRecordJson(*c);
  }

  Result<Json> Audit(const std::string& id) override {
    Result<Cable> c = Timed([&](Archive& a) { return a.Get(id); });
    if (!c.ok()) return c.status();
    // The detectors that filled audit_findings at ingest, on the record as this cablebase reads
    // it (the record GET /api/cables/ID returns).
    Json findings = Json::array();
    for (const Finding& f : AuditCable(*c)) {
      const InvariantInfo& info = InvariantInfoOf(f.invariant);
      findings.push_back({{"invariant", info.name},
                          {"field", info.field},
                          {"message", f.message},
                          {"expected", f.expected},
                          {"found", f.found}});
    }
    return Json{{"reference_id", c->reference_id}, {"findings", std::move(findings)}};
  }

  Result<std::string> GetCableText(const std::string& id) override {
    Result<Cable> c = Timed([&](Archive& a) { return a.Get(id); });
    if (!c.ok()) return c.status();
    return TelegramText(*c);
  }

  Result<Json> Versions(const std::string& id, bool with_records) override {
    Result<std::vector<CableVersion>> v = Timed([&](Archive& a) { return a.Versions(id); });
    if (!v.ok()) return v.status();
    return VersionsToJson(*v, with_records);
  }

  Result<Json> Diff(const std::string& id, int a, int b) override {
    Result<std::vector<CableVersion>> v = Timed([&](Archive& ar) { return ar.Versions(id); });
    if (!v.ok()) return v.status();
    // Versions are numbered within their part (a cable stored in parts, archive.h): a and b of
    // the first part that has both; parts are never diffed against each other.
    const CableVersion* va = nullptr;
    const CableVersion* vb = nullptr;
    for (size_t i = 0; i < v->size() && !(va && vb);) {
      const int part = (*v)[i].part;
      va = vb = nullptr;
      for (; i < v->size() && (*v)[i].part == part; ++i) {
        if ((*v)[i].version == a) va = &(*v)[i];
        if ((*v)[i].version == b) vb = &(*v)[i];
      }
    }
    if (!va || !vb) {
      return Status(StatusCode::kNotFound, id + " has " + std::to_string(v->size()) +
                                               " version(s); no version " +
                                               std::to_string(!va ? a : b));
    }
    Json lines = Json::array();
    int added = 0, removed = 0;
    for (const model::DiffLine& d : model::DiffLines(TelegramText(va->cable), TelegramText(vb->cable))) {
      added += d.op == '+';
      removed += d.op == '-';
      lines.push_back({{"op", std::string(1, d.op)}, {"text", d.text}});
    }
    // Record fields that differ, so a metadata-only change (released date, origin) is visible too.
    Json ra = CableRecordJson(va->cable), rb = CableRecordJson(vb->cable);
    Json changed = Json::array();
    if (ra.is_object() && rb.is_object()) {
      std::set<std::string> keys;
      for (auto& [k, _] : ra.items()) keys.insert(k);
      for (auto& [k, _] : rb.items()) keys.insert(k);
      for (const std::string& k : keys) {
        if (k == "source") continue;
        if (ra.value(k, Json()) != rb.value(k, Json())) changed.push_back(k);
      }
    }
    return Json{{"reference_id", va->cable.reference_id},
                {"a", a},
                {"b", b},
                {"added", added},
                {"removed", removed},
                {"changed_fields", changed},
                {"lines", lines}};
  }

  Result<Json> Refs(const std::string& id, server::RefDirection direction, int depth,
                    int max_nodes) override {
    const cablebase::RefDirection dir = LibraryDirection(direction);
    const std::string key = "refs\n" + id + "\n" + std::to_string(static_cast<int>(direction)) +
                            "\n" + std::to_string(depth) + "\n" + std::to_string(max_nodes);
    return Cached(answers_, key, [&]() -> Result<Json> {
      Result<RefGraph> g = Timed([&](Archive& a) { return a.Refs(id, dir, depth); });
      if (!g.ok()) return g.status();
      return RefGraphToJson(*g, dir, depth, static_cast<size_t>(std::max(max_nodes, 1)));
    });
  }

  Result<Json> Stats() override {
    return Cached(archive_counts_, "stats", [&]() -> Result<Json> {
      Result<ArchiveStats> s = Timed([&](Archive& a) { return a.Stats(500); });
      if (!s.ok()) return s.status();
      return ArchiveStatsToJson(*s);
    });
  }

  Status CheckQuery(const std::string& query) override { return ValidateQuery(query); }

  Status Export(const std::string& query, ExportFormat format, const ChunkSink& sink) override {
    ConnectionPool::Lease lease = pool_.Acquire();
    if (!lease.get()) return lease.status();
    bool client_gone = false;
    Result<int64_t> n = ExportCables(*lease.get(), query, LibraryFormat(format),
                                     [&](std::string_view chunk) {
                                       if (!client_gone && !sink(chunk)) client_gone = true;
                                       return !client_gone;
                                     });
    if (client_gone) return Status(StatusCode::kIoError, "client closed the connection");
    return n.status();
  }

 private:
  // The archive's generation now, on a connection of its own (~50 us; no wait for the pool).
  Result<std::string> Generation() {
    std::lock_guard<std::mutex> lock(generation_mu_);
    return store::StatsGeneration(generation_archive_->db());
  }

  // The answer of `compute` for `key`, from `cache` when it was computed at the archive's current
  // generation; errors (a time limit, a bad query) are not kept. Requests for a key already being
  // computed wait for that computation instead of starting their own (50 clients asking for one
  // new query run it once, not 50 times on 2 cores until each hits the time limit).
  template <typename Fn>
  Result<Json> Cached(ResultCache& cache, const std::string& key, Fn&& compute) {
    Result<std::string> generation = Generation();
    if (!generation.ok() || !cache.enabled()) return compute();
    if (std::optional<Json> hit = cache.Get(key, *generation)) return std::move(*hit);
    const std::string flight_key = *generation + '\n' + key;
    std::shared_ptr<Flight> flight;
    bool leader = false;
    {
      std::lock_guard<std::mutex> lock(flights_mu_);
      std::shared_ptr<Flight>& f = flights_[flight_key];
      if (!f) {
        f = std::make_shared<Flight>();
        leader = true;
      }
      flight = f;
    }
    if (!leader) {
      std::unique_lock<std::mutex> lock(flight->mu);
      flight->cv.wait(lock, [&] { return flight->done; });
      return flight->result;
    }
    Result<Json> value = compute();
    if (value.ok()) cache.Put(key, *generation, *value);
    {
      std::lock_guard<std::mutex> lock(flight->mu);
      flight->result = value;
      flight->done = true;
    }
    flight->cv.notify_all();
    std::lock_guard<std::mutex> lock(flights_mu_);
    flights_.erase(flight_key);
    return value;
  }

  // One computation of a key that other requests wait for (Cached).
  struct Flight {
    std::mutex mu;
    std::condition_variable cv;
    bool done = false;
    Result<Json> result = Status(StatusCode::kInternal, "not computed");
  };

  // Runs `fn` on a pooled connection under the query time limit. A call stopped by the watchdog
  // (or, without Interrupt, one that simply ran past the limit and failed) reports kTimeout.
  template <typename Fn>
  auto Timed(Fn&& fn) -> decltype(fn(std::declval<Archive&>())) {
    ConnectionPool::Lease lease = pool_.Acquire();
    if (!lease.get()) return lease.status();
    Watchdog::Guard guard(&watchdog_, lease.get(), Clock::now() + limits_.query_time_limit);
    auto result = fn(*lease.get());
    if (!result.ok() && guard.fired()) {
      return Status(StatusCode::kTimeout,
                    "query stopped after its time limit of " +
                        std::to_string(limits_.query_time_limit.count()) + " ms");
    }
    return result;
  }

  const Limits limits_;
  ConnectionPool pool_;
  Watchdog watchdog_;
  const std::string path_;
  std::mutex generation_mu_;
  std::unique_ptr<Archive> generation_archive_;
  std::mutex flights_mu_;
  std::map<std::string, std::shared_ptr<Flight>> flights_;  // keys being computed (Cached)
  ResultCache answers_;         // search, query facets, graphs
  ResultCache archive_counts_;  // stats, the empty query's facets
};

}  // namespace

Result<std::unique_ptr<CableService>> OpenArchiveService(const std::string& db_path,
                                                         const Limits& limits,
                                                         int max_connections) {
  auto service = std::make_unique<ArchiveService>(db_path, limits, max_connections);
  if (Status s = service->Open(); !s.ok()) return s;
  return std::unique_ptr<CableService>(std::move(service));
}

}  // namespace cablebase::server
