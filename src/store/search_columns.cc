// Builds, stores and loads the compact search columns (store/search_columns.h).
#include "store/search_columns.h"

#include <cstring>
#include <map>
#include <unordered_map>
#include <utility>

#include "store/fts_rank.h"
#include "store/schema.h"

namespace cablebase::store {

namespace {

// Blob layout, little-endian (the machines we run on): kMagic (also the first part of the
// generation, so a build with another layout sees the cache as stale), then per part either a u32
// list (u8 width 1|2|4, u32 count, count values of that width) or a string list (u32 count, then
// per string u32 length + bytes). Code column: strings, list of codes. Set column: strings, list
// of per-cable counts, list of codes. Date ranks and row tokens: one list.
constexpr std::string_view kMagic = "CBC2";

class Writer {
 public:
  void Magic() { out_ += kMagic; }
  void U32(uint32_t v) { out_.append(reinterpret_cast<const char*>(&v), 4); }
  void List(const std::vector<uint32_t>& v) {
    uint32_t max = 0;
    for (uint32_t x : v) max = std::max(max, x);
    uint8_t width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
    out_.push_back(static_cast<char>(width));
    U32(static_cast<uint32_t>(v.size()));
    for (uint32_t x : v) out_.append(reinterpret_cast<const char*>(&x), width);
  }
  void Strings(const std::vector<std::string>& v) {
    U32(static_cast<uint32_t>(v.size()));
    for (const std::string& s : v) {
      U32(static_cast<uint32_t>(s.size()));
      out_ += s;
    }
  }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool Magic() { return Take(kMagic.size()) == kMagic; }
  bool U32(uint32_t* v) {
    std::string_view b = Take(4);
    if (b.size() != 4) return false;
    std::memcpy(v, b.data(), 4);
    return true;
  }
  // A view of the list in place (no copy).
  bool List(PackedArray* v) {
    std::string_view w = Take(1);
    uint32_t n = 0;
    if (w.size() != 1 || !U32(&n)) return false;
    int width = static_cast<uint8_t>(w[0]);
    if (width != 1 && width != 2 && width != 4) return false;
    std::string_view b = Take(static_cast<size_t>(n) * static_cast<size_t>(width));
    if (b.size() != static_cast<size_t>(n) * static_cast<size_t>(width)) return false;
    *v = PackedArray(reinterpret_cast<const unsigned char*>(b.data()), n, width);
    return true;
  }
  bool Strings(std::vector<std::string>* v) {
    uint32_t n = 0;
    if (!U32(&n)) return false;
    v->clear();
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t len = 0;
      if (!U32(&len)) return false;
      std::string_view s = Take(len);
      if (s.size() != len) return false;
      v->emplace_back(s);
    }
    return true;
  }
  bool Done() const { return in_.empty(); }

 private:
  std::string_view Take(size_t n) {
    if (n > in_.size()) {
      in_ = {};
      return {};
    }
    std::string_view b = in_.substr(0, n);
    in_.remove_prefix(n);
    return b;
  }
  std::string_view in_;
};

// What the cache must have been built from to be current (see the header).
Result<std::string> CurrentGeneration(Db& db) {
  Result<Statement> st = db.Prepare(
      "SELECT (SELECT value FROM meta WHERE key = 'cables_generation'), "
      "(SELECT max(id) FROM cables), (SELECT max(id) FROM cable_versions)");
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  // The blob layout's version first: a build that writes another layout sees the cache as stale.
  return std::string(kMagic) + ":" + st->ColumnText(0) + ":" + st->ColumnText(1) + ":" +
         st->ColumnText(2);
}

// Dictionary coding of text values in first-seen order.
class Dictionary {
 public:
  uint32_t Code(const std::string& v) {
    auto [it, fresh] = index_.emplace(v, static_cast<uint32_t>(values_.size()));
    if (fresh) values_.push_back(v);
    return it->second;
  }
  std::vector<std::string> Take() { return std::move(values_); }

 private:
  std::unordered_map<std::string, uint32_t> index_;
  std::vector<std::string> values_;
};

struct BuiltCodes {
  std::vector<uint32_t> codes;
  std::vector<std::string> values;
};

std::string EncodeCodes(const BuiltCodes& c) {
  Writer w;
  w.Magic();
  w.Strings(c.values);
  w.List(c.codes);
  return std::move(w.str());
}

// A set column as built: per-cable counts (usually one byte each, where offsets would take four)
// and the codes.
struct BuiltSet {
  std::vector<uint32_t> counts, codes;
  std::vector<std::string> values;
};

std::string EncodeSet(const BuiltSet& c) {
  Writer w;
  w.Magic();
  w.Strings(c.values);
  w.List(c.counts);
  w.List(c.codes);
  return std::move(w.str());
}

std::string EncodeList(const std::vector<uint32_t>& v) {
  Writer w;
  w.Magic();
  w.List(v);
  return std::move(w.str());
}

// Decoding checks sizes only: checking every code against its dictionary cost more than the rest
// of a small search (~2 ms of 21 ms for `ref:X --facets`); users of the codes check the bound
// (search_executor.cc).
bool DecodeCodes(std::string_view blob, size_t n, CodeColumn* c) {
  Reader r(blob);
  return r.Magic() && r.Strings(&c->values) && r.List(&c->codes) && r.Done() &&
         c->codes.size() == n;
}

bool DecodeSet(std::string_view blob, size_t n, SetColumn* c) {
  Reader r(blob);
  PackedArray counts;
  if (!r.Magic() || !r.Strings(&c->values) || !r.List(&counts) || !r.List(&c->codes) || !r.Done() ||
      counts.size() != n) {
    return false;
  }
  c->offsets.resize(n + 1);
  c->offsets[0] = 0;
  for (size_t i = 0; i < n; ++i) c->offsets[i + 1] = c->offsets[i] + counts[i];
  return c->offsets[n] == c->codes.size();
}

bool DecodeList(std::string_view blob, size_t n, PackedArray* v) {
  Reader r(blob);
  return r.Magic() && r.List(v) && r.Done() && v->size() == n;
}

// A set column from `SELECT DISTINCT cable_id, value ... ORDER BY cable_id`.
Result<BuiltSet> BuildSet(Db& db, std::string_view sql, int64_t max_id) {
  Result<Statement> st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  BuiltSet c;
  Dictionary dict;
  std::vector<uint32_t> count(static_cast<size_t>(max_id) + 1, 0);
  std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (id, code), ordered by id
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    int64_t id = st->ColumnInt(0);
    if (id < 0 || id > max_id) continue;
    pairs.emplace_back(static_cast<uint32_t>(id), dict.Code(st->ColumnText(1)));
    ++count[static_cast<size_t>(id)];
  }
  // Rows come ordered by cable id, so the codes are already in CSR order.
  c.counts = std::move(count);
  for (const auto& [id, code] : pairs) c.codes.push_back(code);
  c.values = dict.Take();
  return c;
}

// Ranks of every cable in `order_by` order (kNoCable for ids without a cable).
Result<std::vector<uint32_t>> BuildDateRank(Db& db, std::string_view order_by, int64_t max_id) {
  Result<Statement> st = db.Prepare("SELECT id FROM cables ORDER BY " + std::string(order_by));
  if (!st.ok()) return st.status();
  std::vector<uint32_t> rank(static_cast<size_t>(max_id) + 1, SearchColumns::kNoCable);
  uint32_t next = 0;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    int64_t id = st->ColumnInt(0);
    if (id >= 0 && id <= max_id) rank[static_cast<size_t>(id)] = next++;
  }
  return rank;
}

// The SQL orders of search_executor.cc's fallback, so both paths order alike.
constexpr std::string_view kDateAscOrder = "created IS NULL, created, reference_id";
constexpr std::string_view kDateDescOrder = "created IS NULL, created DESC, reference_id";

}  // namespace

Result<std::optional<SearchColumns>> LoadSearchColumns(Db& db, const ColumnNeeds& needs) {
  if (!needs.facets && !needs.origin && !needs.tag && !needs.caveat && !needs.level &&
      !needs.date_asc && !needs.date_desc && !needs.row_tokens) {
    return std::optional<SearchColumns>();
  }
  Result<int> version = SchemaVersion(db);
  if (!version.ok()) return version.status();
  if (*version < 3) return std::optional<SearchColumns>();
  Result<std::string> generation = CurrentGeneration(db);
  if (!generation.ok()) return generation.status();

  Result<Statement> st = db.Prepare("SELECT rowid, generation FROM search_columns WHERE name = ?1");
  if (!st.ok()) return st.status();
  Result<Statement> max_st = db.Prepare("SELECT max(id) FROM cables");
  if (!max_st.ok()) return max_st.status();
  Result<bool> max_row = max_st->Step();
  if (!max_row.ok()) return max_row.status();
  SearchColumns cols;
  cols.max_id = max_st->ColumnInt(0);
  const size_t n = static_cast<size_t>(cols.max_id) + 1;

  // Reads blob `name` into one buffer `cols` keeps and decodes it (views into that buffer); sets
  // `stale` when it is absent or from another generation.
  bool stale = false;
  auto read = [&](std::string_view name, auto&& decode) -> Status {
    if (stale) return Status::Ok();
    st->Reset();
    st->BindText(1, name);
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row || st->ColumnText(1) != *generation) {
      stale = true;
      return Status::Ok();
    }
    Result<Db::Blob> blob = db.ReadBlob("search_columns", "data", st->ColumnInt(0));
    if (!blob.ok()) return blob.status();
    std::string_view bytes(blob->data.get(), blob->size);
    cols.buffers.push_back(std::move(blob->data));
    if (!decode(bytes)) {
      return Status(StatusCode::kCorrupt,
                    "search column '" + std::string(name) +
                        "' does not decode; run `cablebase ingest` to rebuild",
                    db.path());
    }
    return Status::Ok();
  };
  std::vector<Status> statuses;
  if (needs.facets) {
    statuses.push_back(
        read("year", [&](std::string_view b) { return DecodeCodes(b, n, &cols.year); }));
    statuses.push_back(
        read("post_key", [&](std::string_view b) { return DecodeCodes(b, n, &cols.post_key); }));
  }
  if (needs.facets || needs.level) {
    statuses.push_back(
        read("level", [&](std::string_view b) { return DecodeCodes(b, n, &cols.level); }));
  }
  if (needs.facets || needs.caveat) {
    statuses.push_back(
        read("caveat", [&](std::string_view b) { return DecodeSet(b, n, &cols.caveat); }));
  }
  if (needs.facets || needs.tag) {
    statuses.push_back(read("tag", [&](std::string_view b) { return DecodeSet(b, n, &cols.tag); }));
  }
  if (needs.origin) {
    if (!needs.facets) {
      statuses.push_back(
          read("post_key", [&](std::string_view b) { return DecodeCodes(b, n, &cols.post_key); }));
    }
    statuses.push_back(
        read("origin", [&](std::string_view b) { return DecodeCodes(b, n, &cols.origin); }));
    statuses.push_back(read(
        "originator", [&](std::string_view b) { return DecodeCodes(b, n, &cols.originator); }));
    statuses.push_back(
        read("post", [&](std::string_view b) { return DecodeCodes(b, n, &cols.post); }));
  }
  if (needs.date_asc) {
    statuses.push_back(
        read("date_asc", [&](std::string_view b) { return DecodeList(b, n, &cols.date_asc); }));
  }
  if (needs.date_desc) {
    statuses.push_back(
        read("date_desc", [&](std::string_view b) { return DecodeList(b, n, &cols.date_desc); }));
  }
  if (needs.row_tokens) {
    statuses.push_back(read("row_tokens", [&](std::string_view b) {
      PackedArray tokens;
      if (!DecodeList(b, n, &tokens)) return false;
      cols.row_tokens.resize(n);
      for (size_t i = 0; i < n; ++i) cols.row_tokens[i] = tokens[i];
      return true;
    }));
  }
  for (const Status& s : statuses) {
    if (!s.ok()) return s;
  }
  if (stale) return std::optional<SearchColumns>();
  return std::optional<SearchColumns>(std::move(cols));
}

Status RefreshSearchColumns(Db& db) {
  Result<int> version = SchemaVersion(db);
  if (!version.ok()) return version.status();
  if (*version < 3) return Status::Ok();
  Transaction txn(db);
  if (Status s = txn.Begin(); !s.ok()) return s;
  Result<std::string> generation = CurrentGeneration(db);
  if (!generation.ok()) return generation.status();
  {
    Result<Statement> st = db.Prepare(
        "SELECT count(*) FROM search_columns WHERE generation = ?1 AND name IN "
        "('year', 'post_key', 'level', 'caveat', 'tag', 'origin', 'originator', 'post', "
        "'date_asc', 'date_desc', 'row_tokens')");
    if (!st.ok()) return st.status();
    st->BindText(1, *generation);
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (st->ColumnInt(0) == 11) return Status::Ok();
  }

  Result<Statement> max_st = db.Prepare("SELECT COALESCE(max(id), 0) FROM cables");
  if (!max_st.ok()) return max_st.status();
  Result<bool> max_row = max_st->Step();
  if (!max_row.ok()) return max_row.status();
  const int64_t max_id = max_st->ColumnInt(0);
  const size_t n = static_cast<size_t>(max_id) + 1;

  std::map<std::string, std::string> blobs;
  {
    Result<Statement> st = db.Prepare(
        "SELECT id, COALESCE(CAST(year AS TEXT), ''), COALESCE(post_key, ''), "
        "COALESCE(classification_level, ''), COALESCE(origin, ''), COALESCE(originator, ''), "
        "COALESCE(post, '') FROM cables");
    if (!st.ok()) return st.status();
    const char* names[] = {"year", "post_key", "level", "origin", "originator", "post"};
    constexpr int kColumns = 6;
    BuiltCodes columns[kColumns];
    Dictionary dicts[kColumns];
    for (int i = 0; i < kColumns; ++i) {
      // Code 0 is "" (also the value of ids without a cable, which no hit set contains).
      dicts[i].Code("");
      columns[i].codes.assign(n, 0);
    }
    for (;;) {
      Result<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      int64_t id = st->ColumnInt(0);
      if (id < 0 || id > max_id) continue;
      for (int i = 0; i < kColumns; ++i) {
        columns[i].codes[static_cast<size_t>(id)] = dicts[i].Code(st->ColumnText(i + 1));
      }
    }
    for (int i = 0; i < kColumns; ++i) {
      columns[i].values = dicts[i].Take();
      blobs[names[i]] = EncodeCodes(columns[i]);
    }
  }
  Result<BuiltSet> caveat = BuildSet(
      db, "SELECT DISTINCT cable_id, upper(caveat) FROM caveats ORDER BY cable_id", max_id);
  if (!caveat.ok()) return caveat.status();
  blobs["caveat"] = EncodeSet(*caveat);
  Result<BuiltSet> tag =
      BuildSet(db, "SELECT DISTINCT cable_id, upper(tag) FROM tags ORDER BY cable_id", max_id);
  if (!tag.ok()) return tag.status();
  blobs["tag"] = EncodeSet(*tag);
  Result<std::vector<uint32_t>> asc = BuildDateRank(db, kDateAscOrder, max_id);
  if (!asc.ok()) return asc.status();
  blobs["date_asc"] = EncodeList(*asc);
  Result<std::vector<uint32_t>> desc = BuildDateRank(db, kDateDescOrder, max_id);
  if (!desc.ok()) return desc.status();
  blobs["date_desc"] = EncodeList(*desc);
  Result<std::vector<uint32_t>> tokens = ReadRowTokens(db, max_id);
  if (!tokens.ok()) return tokens.status();
  blobs["row_tokens"] = EncodeList(*tokens);

  Result<Statement> put = db.Prepare(
      "INSERT OR REPLACE INTO search_columns(name, generation, data) VALUES (?1, ?2, ?3)");
  if (!put.ok()) return put.status();
  for (const auto& [name, blob] : blobs) {
    put->Reset();
    put->BindText(1, name);
    put->BindText(2, *generation);
    put->BindBlob(3, blob);
    if (Status s = put->Run(); !s.ok()) return s;
  }
  return txn.Commit();
}

}  // namespace cablebase::store
