// Compact per-cable columns for search (facet values, date order), cached in one SQLite table.
//
// Why: a search of a common word hits ~190,000 of 251,287 cables. Counting facets or finding the
// first page by date through the `cables` rows touches one 4 KB page per hit (the rows carry the
// body): ~2.8 s for `government --facets`. The columns a facet count needs are 4.5 MB read in one
// go (~5-8 ms, one pread per 4 KB page), and facets/date pages are then loops over arrays
// (bench/README.md, issue 6).
//
// The table `search_columns` (schema version 3, docs/schema.md) holds one blob per column and the
// archive generation it was built from: `meta.cables_generation`, which triggers on `cables` bump
// on every insert, update and delete, plus max(cables.id) and max(cable_versions.id). A stale or
// missing cache is never used: search falls back to SQL over `cables` (same results, slower), and
// RefreshSearchColumns rebuilds it (ingest does at its end).
#ifndef CABLEBASE_STORE_SEARCH_COLUMNS_H_
#define CABLEBASE_STORE_SEARCH_COLUMNS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cablebase/status.h"
#include "store/db.h"

namespace cablebase::store {

// n unsigned integers stored little-endian with 1, 2 or 4 bytes each (the least that holds the
// largest); a view of bytes owned by SearchColumns.
class PackedArray {
 public:
  PackedArray() = default;
  PackedArray(const unsigned char* data, size_t size, int width)
      : data_(data), size_(size), width_(width) {}
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  uint32_t operator[](size_t i) const {
    const unsigned char* p = data_ + i * static_cast<size_t>(width_);
    switch (width_) {
      case 1:
        return p[0];
      case 2:
        return static_cast<uint32_t>(p[0] | (p[1] << 8));
      default:
        return static_cast<uint32_t>(p[0] | (p[1] << 8) | (p[2] << 16)) |
               (static_cast<uint32_t>(p[3]) << 24);
    }
  }

 private:
  const unsigned char* data_ = nullptr;
  size_t size_ = 0;
  int width_ = 4;
};

// A column of one value code per cable id (index = cables.id, 0..max_id), with its dictionary:
// `values[codes[id]]` is the cable's value as the SQL facet query writes it ("" for NULL). Codes
// are not checked on load: check `< values.size()` before use.
struct CodeColumn {
  PackedArray codes;
  std::vector<std::string> values;
};

// A column of a set of value codes per cable id (CSR): cable `id` has codes
// `codes[offsets[id] .. offsets[id + 1])`, distinct, of dictionary `values`.
struct SetColumn {
  std::vector<uint32_t> offsets;  // computed on load from the stored per-cable counts
  PackedArray codes;
  std::vector<std::string> values;
};

// The columns; plain data, loaded per search (not shared, not thread-bound). Movable: the arrays
// view buffers it owns on the heap.
struct SearchColumns {
  int64_t max_id = 0;   // largest cables.id; arrays have max_id + 1 entries
  CodeColumn year;      // CAST(year AS TEXT)
  CodeColumn post_key;  // post_key (the "origin" facet)
  CodeColumn level;     // classification_level
  // The texts origin: matches words in (search_executor.cc OriginIds); "" for NULL.
  CodeColumn origin, originator, post;
  SetColumn caveat;  // DISTINCT upper(caveat)
  SetColumn tag;     // DISTINCT upper(tag)
  // Position of each cable in date order (created, NULL last, then reference_id), ascending and
  // descending (created DESC, NULL last, then reference_id); kNoCable for ids with no cable.
  PackedArray date_asc, date_desc;
  static constexpr uint32_t kNoCable = 0xFFFFFFFFu;
  // Tokens of each FTS5 row (subject + body; store/fts_rank.h), kUnknownTokens when unknown.
  std::vector<uint32_t> row_tokens;

  std::vector<std::unique_ptr<char[]>> buffers;  // what the PackedArrays view
};

// Which columns a caller needs (each is a separate blob; a query reads only its own).
struct ColumnNeeds {
  bool facets = false;  // year, post_key, level, caveat, tag
  bool origin = false;  // post_key, origin, originator, post
  bool tag = false;     // tag only
  bool caveat = false;  // caveat only
  bool level = false;   // level only
  bool date_asc = false;
  bool date_desc = false;
  bool row_tokens = false;
};

// The cached columns when the cache is present and current; nullopt when it is absent or stale
// (the caller then uses SQL). Failures: kIoError/kCorrupt from the database, kCorrupt when a blob
// does not decode.
Result<std::optional<SearchColumns>> LoadSearchColumns(Db& db, const ColumnNeeds& needs);

// Rebuilds the cache when it is absent or stale (passes over cables, tags, caveats, docsize: 2.2 s
// at 251,287 cables); does nothing on a current cache or on an archive older than schema version 3.
// Needs a read-write connection; runs in its own transaction.
Status RefreshSearchColumns(Db& db);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_SEARCH_COLUMNS_H_
