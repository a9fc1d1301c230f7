// The stats cache (store/stats_cache.h): ArchiveStats as JSON in `meta`, keyed by generation.
#include "store/stats_cache.h"

#include <nlohmann/json.hpp>

#include "cablebase/audit.h"
#include "store/stats.h"

namespace cablebase::store {

namespace {

using nlohmann::json;

// The layout of the cached JSON; a build that writes another layout sees the cache as stale.
constexpr const char* kLayout = "stats1";

json Items(const std::vector<CountItem>& items) {
  json out = json::array();
  for (const CountItem& c : items) out.push_back(json::array({c.key, c.count}));
  return out;
}

bool ReadItems(const json& j, const char* name, std::vector<CountItem>* out) {
  auto it = j.find(name);
  if (it == j.end() || !it->is_array()) return false;
  for (const json& e : *it) {
    if (!e.is_array() || e.size() != 2 || !e[0].is_string() || !e[1].is_number_integer()) {
      return false;
    }
    out->push_back(CountItem{e[0].get<std::string>(), e[1].get<int64_t>()});
  }
  return true;
}

struct Scalar {
  const char* name;
  int64_t ArchiveStats::*field;
};
constexpr Scalar kScalars[] = {
    {"cables", &ArchiveStats::cables},
    {"versions", &ArchiveStats::versions},
    {"multi_version_cables", &ArchiveStats::multi_version_cables},
    {"addressees", &ArchiveStats::addressees},
    {"paragraphs", &ArchiveStats::paragraphs},
    {"references", &ArchiveStats::references},
    {"cable_references", &ArchiveStats::cable_references},
    {"resolved_references", &ArchiveStats::resolved_references},
    {"unresolved_references", &ArchiveStats::unresolved_references},
    {"unresolved_cables", &ArchiveStats::unresolved_cables},
    {"cables_with_findings", &ArchiveStats::cables_with_findings},
};

std::string Encode(const ArchiveStats& s) {
  json j = json::object();
  for (const Scalar& f : kScalars) j[f.name] = s.*(f.field);
  j["by_year"] = Items(s.by_year);
  j["by_origin"] = Items(s.by_origin);
  j["by_classification"] = Items(s.by_classification);
  j["by_caveat"] = Items(s.by_caveat);
  j["by_tag"] = Items(s.by_tag);
  j["by_invariant"] = Items(s.by_invariant);
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<ArchiveStats> Decode(const std::string& text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return std::nullopt;
  ArchiveStats s;
  for (const Scalar& f : kScalars) {
    auto it = j.find(f.name);
    if (it == j.end() || !it->is_number_integer()) return std::nullopt;
    s.*(f.field) = it->get<int64_t>();
  }
  std::vector<CountItem> invariants;
  if (!ReadItems(j, "by_year", &s.by_year) || !ReadItems(j, "by_origin", &s.by_origin) ||
      !ReadItems(j, "by_classification", &s.by_classification) ||
      !ReadItems(j, "by_caveat", &s.by_caveat) || !ReadItems(j, "by_tag", &s.by_tag) ||
      !ReadItems(j, "by_invariant", &invariants)) {
    return std::nullopt;
  }
  // Every invariant this build knows, in its report order (ComputeStats does the same).
  for (const InvariantInfo& i : Invariants()) {
    int64_t n = 0;
    for (const CountItem& c : invariants) {
      if (c.key == i.name) n = c.count;
    }
    s.by_invariant.push_back(CountItem{i.name, n});
  }
  return s;
}

// ComputeStats' LIMIT ?1 on the lists ordered by count (the cache holds them whole, same order).
void ApplyTop(ArchiveStats* s, int top) {
  if (top <= 0) return;
  for (std::vector<CountItem>* v : {&s->by_origin, &s->by_caveat, &s->by_tag}) {
    if (v->size() > static_cast<size_t>(top)) v->resize(static_cast<size_t>(top));
  }
}

Result<std::string> MetaValue(Db& db, const char* key) {
  Result<Statement> st = db.Prepare("SELECT value FROM meta WHERE key = ?1");
  if (!st.ok()) return st.status();
  st->BindText(1, key);
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return *row ? st->ColumnText(0) : std::string();
}

}  // namespace

Result<std::string> StatsGeneration(Db& db) {
  Result<Statement> st = db.Prepare(
      "SELECT (SELECT value FROM meta WHERE key = 'cables_generation'), "
      "(SELECT max(id) FROM cables), (SELECT max(id) FROM cable_versions), "
      "(SELECT value FROM meta WHERE key = 'audit_findings')");
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return std::string(kLayout) + ":" + st->ColumnText(0) + ":" + st->ColumnText(1) + ":" +
         st->ColumnText(2) + ":" + st->ColumnText(3);
}

Result<std::optional<ArchiveStats>> LoadCachedStats(Db& db, int top) {
  // One snapshot: the generation and the cached value must be read from the same state.
  if (Status s = db.Exec("BEGIN"); !s.ok()) return s;
  Result<std::string> generation = StatsGeneration(db);
  Result<std::string> cached_generation = generation.ok()
                                              ? MetaValue(db, "stats_cache_generation")
                                              : Result<std::string>(generation.status());
  Result<std::string> cached = cached_generation.ok() ? MetaValue(db, "stats_cache")
                                                      : Result<std::string>(cached_generation.status());
  db.Exec("COMMIT");
  if (!cached.ok()) return cached.status();
  if (cached->empty() || *cached_generation != *generation) return std::optional<ArchiveStats>();
  std::optional<ArchiveStats> s = Decode(*cached);
  if (s) ApplyTop(&*s, top);
  return s;
}

Status RefreshStatsCache(Db& db) {
  Result<std::string> generation = StatsGeneration(db);
  if (!generation.ok()) return generation.status();
  Result<std::string> cached = MetaValue(db, "stats_cache_generation");
  if (!cached.ok()) return cached.status();
  if (*cached == *generation) return Status::Ok();
  // ComputeStats reads in its own snapshot; a writer between it and the write below would bump
  // the generation, so the generation stored is the one read before the counts (never newer).
  Result<ArchiveStats> stats = ComputeStats(db, 0);
  if (!stats.ok()) return stats.status();
  Transaction txn(db);
  if (Status s = txn.Begin(); !s.ok()) return s;
  Result<Statement> put = db.Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
  if (!put.ok()) return put.status();
  for (const auto& [key, value] :
       {std::pair<const char*, std::string>{"stats_cache", Encode(*stats)},
        std::pair<const char*, std::string>{"stats_cache_generation", *generation}}) {
    put->Reset();
    put->BindText(1, key);
    put->BindText(2, value);
    if (Status s = put->Run(); !s.ok()) return s;
  }
  return txn.Commit();
}

}  // namespace cablebase::store
