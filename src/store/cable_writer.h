// Writes one parsed record into the archive tables: versions, the current row, child tables.
#ifndef CABLEBASE_STORE_CABLE_WRITER_H_
#define CABLEBASE_STORE_CABLE_WRITER_H_

#include <string>
#include <string_view>

#include "cablebase/archive.h"
#include "cablebase/cable.h"
#include "cablebase/status.h"
#include "store/db.h"

namespace cablebase::store {

// A record ready to store: computed off the writer thread (the hash is the costly part).
struct PreparedCable {
  Cable cable;
  std::string content_hash;  // CableContentHash(cable)
};

// Builds a PreparedCable (the reference ID must already be canonical). Thread-safe.
PreparedCable PrepareCable(Cable cable);

// Holds the prepared statements of the write path. Used by the one writer thread; the caller opens
// and commits transactions (Put must run inside one). Not thread-safe; must not outlive `db`.
class CableWriter {
 public:
  // Prepares every statement; kInternal on failure (the schema is not the expected one).
  static Result<std::unique_ptr<CableWriter>> Create(Db& db);

  // Stores `p` following docs/schema.md (content hash → version; current = latest released, ties to
  // the latest arrival). Content already stored from the same source is kUnchanged, or kRefreshed
  // when its current row was derived by another cablebase version (cables.parsed_by): the row is
  // derived again from `p`. kInvalidArgument for an empty reference ID; SQLite errors otherwise.
  Result<PutOutcome> Put(const PreparedCable& p);

  // Adds the cables rows inserted since the last call to the full-text index, in one statement
  // (schema version 2 has no insert trigger: one FTS5 statement per row costs a segment per row).
  // Call it before committing a transaction in which Put ran; Put calls it itself before it
  // updates a row. SQLite errors.
  Status FlushIndex();

 private:
  explicit CableWriter(Db& db) : db_(db) {}
  Status WriteCurrent(const PreparedCable& p, int64_t version_id, int64_t cable_id,
                      int64_t version_count);
  Status DeleteChildren(int64_t cable_id);

  Db& db_;
  int64_t first_unindexed_ = 0;  // id of the first cables row not yet in cables_fts; 0 = none
  Statement index_new_rows_;
  Statement find_version_, max_version_, insert_version_, find_cable_, current_released_,
      insert_cable_, update_cable_, bump_count_, refresh_title_, insert_addressee_, insert_tag_,
      insert_caveat_, insert_ref_, insert_paragraph_;
  Statement delete_children_[5];
};

// The post part of a canonical reference ID: "06MOSCOW1637" → "MOSCOW"; the ID itself when it has
// no leading year digits or trailing serial.
std::string PostKeyOf(std::string_view reference_id);

// One of UNCLASSIFIED, LIMITED OFFICIAL USE, CONFIDENTIAL, SECRET, TOP SECRET from the text
// classification, else the metadata one before "//"; else the upper-cased value; empty if neither.
// Source: letter-spaced / abbreviated forms in FORMAT.md §3 ("UNCLAS EFTO", "SECRET//NOFORN").
std::string ClassificationLevel(std::string_view classification,
                                std::string_view metadata_classification);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_CABLE_WRITER_H_
