// CableService over archive.h/query.h: connection pool, time limit, and the API's JSON shapes.
#include "server/archive_service.h"

#include <chrono>
#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_set>
#include <vector>

#include "cablebase/archive.h"
#include "cablebase/json.h"
#include "cablebase/query.h"
#include "model/line_diff.h"

namespace cablebase::server {

namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

// Snippet match markers: private-use code points, which no cable text contains, so that the
// snippet can be split into plain text and matches without any HTML ever being built on the server.
constexpr std::string_view kMarkBegin = "\xEE\x80\x80";  // U+E000
constexpr std::string_view kMarkEnd = "\xEE\x80\x81";    // U+E001

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

json FacetList(const std::vector<FacetValue>& values) {
  json out = json::array();
  for (const FacetValue& v : values) out.push_back({{"value", v.value}, {"count", v.count}});
  return out;
}

json CountList(const std::vector<CountItem>& values) {
  json out = json::array();
  for (const CountItem& v : values) out.push_back({{"value", v.key}, {"count", v.count}});
  return out;
}

// Splits a marked snippet into [{text, match}] runs (kMarkBegin/kMarkEnd), dropping empty runs.
json SnippetRuns(std::string_view s) {
  json runs = json::array();
  bool match = false;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) runs.push_back({{"text", cur}, {"match", match}});
    cur.clear();
  };
  for (size_t i = 0; i < s.size();) {
    if (s.substr(i, kMarkBegin.size()) == kMarkBegin) {
      flush();
      match = true;
      i += kMarkBegin.size();
    } else if (s.substr(i, kMarkEnd.size()) == kMarkEnd) {
      flush();
      match = false;
      i += kMarkEnd.size();
    } else {
      cur.push_back(s[i++]);
    }
  }
  flush();
  return runs;
}

const char* SortName(SortOrder s) {
  switch (s) {
    case SortOrder::kRelevance: return "relevance";
    case SortOrder::kDate: return "date";
    case SortOrder::kDateDescending: return "-date";
  }
  return "relevance";
}

json RecordJson(const Cable& cable) {
  return json::parse(CableToJson(cable), nullptr, /*allow_exceptions=*/false);
}

std::string TelegramText(const Cable& c) {
  if (c.header_raw.empty()) return c.text_raw;
  if (c.text_raw.empty()) return c.header_raw;
  return c.header_raw + "\n\n" + c.text_raw;
}

std::string CsvField(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out += sep;
    out += v[i];
  }
  return out;
}

// XML 1.0 text: escapes markup and drops control bytes XML cannot carry.
std::string XmlText(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

constexpr std::string_view kCsvHeader =
    "reference_id,created,released,origin,classification,caveats,tags,subject,references\n";

std::string CsvRow(const Cable& c) {
  std::vector<std::string> refs;
  for (const Reference& r : c.references) {
    if (r.reference_id) refs.push_back(*r.reference_id);
  }
  return CsvField(c.reference_id) + "," + CsvField(c.created) + "," + CsvField(c.released) + "," +
         CsvField(c.origin) + "," + CsvField(c.classification) + "," +
         CsvField(Join(c.caveats, ";")) + "," + CsvField(Join(c.tags, ";")) + "," +
         CsvField(c.subject) + "," + CsvField(Join(refs, ";")) + "\n";
}

class ArchiveService : public CableService {
 public:
  ArchiveService(const std::string& path, const Limits& limits, int max_connections)
      : limits_(limits), pool_(path, max_connections) {}

  Status Open() { return pool_.OpenFirst(); }

  Result<json> Search(const server::SearchRequest& r) override {
    cablebase::SearchRequest req;
    req.query = r.query;
    req.limit = r.limit;
    req.offset = r.offset;
    req.sort = r.sort == SortOrder::kDate             ? SearchSort::kDate
               : r.sort == SortOrder::kDateDescending ? SearchSort::kDateDesc
                                                      : SearchSort::kRelevance;
    req.facets = r.facets;
    req.facet_limit = 30;
    req.mark_begin = std::string(kMarkBegin);
    req.mark_end = std::string(kMarkEnd);
    const Clock::time_point start = Clock::now();
    Result<SearchResults> res = Timed([&](Archive& a) { return cablebase::Search(a, req); });
    if (!res.ok()) return res.status();
    json hits = json::array();
    for (const SearchHit& h : res->hits) {
      hits.push_back({{"reference_id", h.reference_id},
                      {"created", h.created},
                      {"origin", h.origin},
                      {"classification", h.classification},
                      {"subject", h.subject},
                      {"snippet", SnippetRuns(h.snippet)},
                      {"score", h.score}});
    }
    json out = {{"query", r.query}, {"total", res->total},   {"limit", r.limit},
                {"offset", r.offset}, {"sort", SortName(r.sort)}, {"ranked", res->ranked},
                {"hits", hits}};
    if (res->has_facets) out["facets"] = FacetsJson(res->facets);
    out["took_ms"] = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    return out;
  }

  Result<json> Facets(const std::string& query) override {
    if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
      Result<json> stats = StatsJson(30);
      if (!stats.ok()) return stats.status();
      json& s = *stats;
      return json{{"query", query},
                  {"total", s["cables"]},
                  {"facets",
                   {{"year", s["by_year"]},
                    {"origin", s["by_origin"]},
                    {"classification", s["by_classification"]},
                    {"caveat", s["by_caveat"]},
                    {"tag", s["by_tag"]}}}};
    }
    cablebase::SearchRequest req;
    req.query = query;
    req.limit = 0;
    req.facets = true;
    req.facet_limit = 30;
    req.snippets = false;
    Result<SearchResults> res = Timed([&](Archive& a) { return cablebase::Search(a, req); });
    if (!res.ok()) return res.status();
    return json{{"query", query}, {"total", res->total}, {"facets", FacetsJson(res->facets)}};
  }

  Result<json> GetCable(const std::string& id) override {
    Result<Cable> c = Timed([&](Archive& a) { return a.Get(id); });
    if (!c.ok()) return c.status();
    return RecordJson(*c);
  }

  Result<std::string> GetCableText(const std::string& id) override {
    Result<Cable> c = Timed([&](Archive& a) { return a.Get(id); });
    if (!c.ok()) return c.status();
    return TelegramText(*c);
  }

  Result<json> Versions(const std::string& id) override {
    Result<std::vector<CableVersion>> v = Timed([&](Archive& a) { return a.Versions(id); });
    if (!v.ok()) return v.status();
    json list = json::array();
    int current = 0;
    std::string canonical = id;
    for (const CableVersion& cv : *v) {
      if (cv.current) current = cv.version;
      canonical = cv.cable.reference_id;
      list.push_back({{"version", cv.version},
                      {"current", cv.current},
                      {"content_hash", cv.content_hash},
                      {"released", cv.released},
                      {"ingested_at", cv.ingested_at},
                      {"created", cv.cable.created},
                      {"source", {{"path", cv.cable.source.path},
                                  {"format", InputFormatName(cv.cable.source.format)}}},
                      {"subject", cv.cable.subject}});
    }
    return json{{"reference_id", canonical}, {"current", current}, {"versions", list}};
  }

  Result<json> Diff(const std::string& id, int a, int b) override {
    Result<std::vector<CableVersion>> v = Timed([&](Archive& ar) { return ar.Versions(id); });
    if (!v.ok()) return v.status();
    const CableVersion* va = nullptr;
    const CableVersion* vb = nullptr;
    for (const CableVersion& cv : *v) {
      if (cv.version == a) va = &cv;
      if (cv.version == b) vb = &cv;
    }
    if (!va || !vb) {
      return Status(StatusCode::kNotFound, id + " has " + std::to_string(v->size()) +
                                               " version(s); no version " +
                                               std::to_string(!va ? a : b));
    }
    json lines = json::array();
    int added = 0, removed = 0;
    for (const model::DiffLine& d : model::DiffLines(TelegramText(va->cable), TelegramText(vb->cable))) {
      added += d.op == '+';
      removed += d.op == '-';
      lines.push_back({{"op", std::string(1, d.op)}, {"text", d.text}});
    }
    // Record fields that differ, so a metadata-only change (released date, origin) is visible too.
    json ra = RecordJson(va->cable), rb = RecordJson(vb->cable);
    json changed = json::array();
    if (ra.is_object() && rb.is_object()) {
      std::set<std::string> keys;
      for (auto& [k, _] : ra.items()) keys.insert(k);
      for (auto& [k, _] : rb.items()) keys.insert(k);
      for (const std::string& k : keys) {
        if (k == "source") continue;
        if (ra.value(k, json()) != rb.value(k, json())) changed.push_back(k);
      }
    }
    return json{{"reference_id", va->cable.reference_id},
                {"a", a},
                {"b", b},
                {"added", added},
                {"removed", removed},
                {"changed_fields", changed},
                {"lines", lines}};
  }

  Result<json> Refs(const std::string& id, server::RefDirection direction, int depth,
                    int max_nodes) override {
    const cablebase::RefDirection dir =
        direction == server::RefDirection::kCites     ? cablebase::RefDirection::kCites
        : direction == server::RefDirection::kCitedBy ? cablebase::RefDirection::kCitedBy
                                                      : cablebase::RefDirection::kBoth;
    Result<RefGraph> g = Timed([&](Archive& a) { return a.Refs(id, dir, depth); });
    if (!g.ok()) return g.status();
    json nodes = json::array();
    std::unordered_set<std::string> kept;
    for (const RefNode& n : g->nodes) {
      if (static_cast<int>(kept.size()) >= max_nodes) break;
      kept.insert(n.reference_id);
      nodes.push_back({{"reference_id", n.reference_id},
                       {"in_archive", n.in_archive},
                       {"depth", n.depth},
                       {"created", n.created},
                       {"subject", n.subject},
                       {"origin", n.origin}});
    }
    json edges = json::array();
    for (const RefEdge& e : g->edges) {
      if (e.cited_id.empty() || !kept.count(e.citing_id) || !kept.count(e.cited_id)) continue;
      edges.push_back({{"from", e.citing_id},
                       {"to", e.cited_id},
                       {"label", e.label},
                       {"text", e.text},
                       {"kind", e.kind}});
    }
    const char* dname = direction == server::RefDirection::kCites     ? "cites"
                        : direction == server::RefDirection::kCitedBy ? "citedby"
                                                                      : "both";
    return json{{"root", g->root},
                {"direction", dname},
                {"depth", depth},
                {"truncated", g->nodes.size() > kept.size()},
                {"nodes", nodes},
                {"edges", edges}};
  }

  Result<json> Stats() override { return StatsJson(500); }

  Status CheckQuery(const std::string& query) override { return ValidateQuery(query); }

  Status Export(const std::string& query, ExportFormat format, const ChunkSink& sink) override {
    ConnectionPool::Lease lease = pool_.Acquire();
    if (!lease.get()) return lease.status();
    Archive& archive = *lease.get();
    const bool all = query.find_first_not_of(" \t\r\n") == std::string::npos;
    std::unordered_set<std::string> ids;
    std::vector<std::string> order;
    if (!all) {
      Result<std::vector<std::string>> r = SearchReferenceIds(archive, query, SearchSort::kDate);
      if (!r.ok()) return r.status();
      order = std::move(*r);
      ids.insert(order.begin(), order.end());
    }
    bool client_gone = false;
    auto write = [&](std::string_view chunk) {
      if (!client_gone && !sink(chunk)) client_gone = true;
      return !client_gone;
    };
    // Records are buffered to ~64 kB chunks so the stream is not one syscall per cable.
    std::string buf;
    auto emit = [&](std::string s) {
      buf += s;
      if (buf.size() >= 65536) {
        bool ok = write(buf);
        buf.clear();
        return ok;
      }
      return true;
    };
    auto each_cable = [&](const std::function<bool(const Cable&)>& fn) -> Status {
      if (all) return archive.ForEachCable(fn);
      for (const std::string& id : order) {
        Result<Cable> c = archive.Get(id);
        if (!c.ok()) return c.status();
        if (!fn(*c)) break;
      }
      return Status::Ok();
    };
    Status s;
    switch (format) {
      case ExportFormat::kJsonl:
        s = each_cable([&](const Cable& c) { return emit(CableToJson(c) + "\n"); });
        break;
      case ExportFormat::kCsv:
        emit(std::string(kCsvHeader));
        s = each_cable([&](const Cable& c) { return emit(CsvRow(c)); });
        break;
      case ExportFormat::kGraphml: {
        emit(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
            "  <key id=\"in_archive\" for=\"node\" attr.name=\"in_archive\" "
            "attr.type=\"boolean\"/>\n"
            "  <key id=\"created\" for=\"node\" attr.name=\"created\" attr.type=\"string\"/>\n"
            "  <key id=\"subject\" for=\"node\" attr.name=\"subject\" attr.type=\"string\"/>\n"
            "  <key id=\"label\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>\n"
            "  <graph id=\"references\" edgedefault=\"directed\">\n");
        std::unordered_set<std::string> written;
        s = each_cable([&](const Cable& c) {
          written.insert(c.reference_id);
          return emit("    <node id=\"" + XmlText(c.reference_id) +
                      "\"><data key=\"in_archive\">true</data><data key=\"created\">" +
                      XmlText(c.created) + "</data><data key=\"subject\">" + XmlText(c.subject) +
                      "</data></node>\n");
        });
        if (!s.ok()) break;
        std::string edges;
        s = archive.ForEachEdge([&](const RefEdge& e, bool resolved) {
          if (!all && !ids.count(e.citing_id)) return true;
          if (!written.count(e.cited_id)) {
            written.insert(e.cited_id);
            if (!emit("    <node id=\"" + XmlText(e.cited_id) + "\"><data key=\"in_archive\">" +
                      (resolved ? "true" : "false") + "</data></node>\n")) {
              return false;
            }
          }
          edges += "    <edge source=\"" + XmlText(e.citing_id) + "\" target=\"" +
                   XmlText(e.cited_id) + "\"><data key=\"label\">" + XmlText(e.label) +
                   "</data></edge>\n";
          return true;
        });
        if (!s.ok()) break;
        emit(edges);
        emit("  </graph>\n</graphml>\n");
        break;
      }
    }
    if (!s.ok()) return s;
    if (!buf.empty()) write(buf);
    return client_gone ? Status(StatusCode::kIoError, "client closed the connection") : Status::Ok();
  }

 private:
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

  static json FacetsJson(const SearchFacets& f) {
    return json{{"year", FacetList(f.year)},
                {"origin", FacetList(f.origin)},
                {"classification", FacetList(f.classification)},
                {"caveat", FacetList(f.caveat)},
                {"tag", FacetList(f.tag)}};
  }

  Result<json> StatsJson(int top) {
    Result<ArchiveStats> s = Timed([&](Archive& a) { return a.Stats(top); });
    if (!s.ok()) return s.status();
    return json{{"cables", s->cables},
                {"versions", s->versions},
                {"multi_version_cables", s->multi_version_cables},
                {"addressees", s->addressees},
                {"paragraphs", s->paragraphs},
                {"references", s->references},
                {"cable_references", s->cable_references},
                {"resolved_references", s->resolved_references},
                {"unresolved_references", s->unresolved_references},
                {"unresolved_cables", s->unresolved_cables},
                {"by_year", CountList(s->by_year)},
                {"by_origin", CountList(s->by_origin)},
                {"by_classification", CountList(s->by_classification)},
                {"by_caveat", CountList(s->by_caveat)},
                {"by_tag", CountList(s->by_tag)}};
  }

  const Limits limits_;
  ConnectionPool pool_;
  Watchdog watchdog_;
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
