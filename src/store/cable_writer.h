// Writes one parsed record into the archive tables: versions, the current row, child tables.
#ifndef CABLEBASE_STORE_CABLE_WRITER_H_
#define CABLEBASE_STORE_CABLE_WRITER_H_

#include <string>
#include <string_view>

#include "cablebase/archive.h"
#include "cablebase/audit.h"
#include "cablebase/cable.h"
#include "cablebase/status.h"
#include "store/db.h"

namespace cablebase::store {

// A record ready to store: computed off the writer thread (the hash is the costly part).
struct PreparedCable {
  Cable cable;
  std::string content_hash;  // CableContentHash(cable)
  std::vector<Finding> findings;  // AuditCable(cable): stored in audit_findings with the row
};

// Builds a PreparedCable (the reference ID must already be canonical): the content hash and the
// audit's findings (linear in the cable; on the parser threads of an ingest). Thread-safe.
PreparedCable PrepareCable(Cable cable);

// Cables stored but not yet in the full-text index (CableWriter::FlushIndex keeps the index a
// prefix of the ids; FTS5 has one cables_fts_docsize row per indexed cable): the first such id
// (0 when none) and how many there are. SQLite errors.
struct IndexBacklog {
  int64_t first_id = 0;
  int64_t rows = 0;
};
Result<IndexBacklog> FindIndexBacklog(Db& db);

// Holds the prepared statements of the write path. Used by the one writer thread; the caller opens
// and commits transactions (Put must run inside one). Not thread-safe; must not outlive `db`.
class CableWriter {
 public:
  // Prepares every statement and finds rows an interrupted ingest committed but did not index
  // (ids after the largest cables_fts rowid); kInternal on failure (the schema is not the
  // expected one), SQLite errors.
  static Result<std::unique_ptr<CableWriter>> Create(Db& db);

  // Stores `p` following docs/schema.md (content hash → version of its part, store/cable_parts.h;
  // current = latest released within the part, ties to the latest arrival; a cable stored in
  // several parts gets the row of its parts joined). Content already stored from the same source
  // is kUnchanged, or kRefreshed
  // when its current row was derived by another cablebase version (cables.parsed_by): the row is
  // derived again from `p`. kInvalidArgument for an empty reference ID; SQLite errors otherwise.
  Result<PutOutcome> Put(const PreparedCable& p);

  // Adds the cables rows not yet in the full-text index to it, in one statement (schema version 2
  // has no insert trigger: one FTS5 statement per row costs a segment per row). Put calls it itself
  // before it updates a row. SQLite errors.
  //
  // Rows may be committed before they are indexed: the index is kept a prefix of the cables ids
  // (FTS5 has indexed every id up to the largest in cables_fts_docsize, none after), so what is
  // missing after an
  // interruption is found again by Create. Indexing in chunks of kIndexChunkRows instead of every
  // 2,000-cable commit: 50,000 generated cables ingest in 44 s instead of 60 s (fewer, larger FTS5
  // segments to merge; issue 6). Searches do not see the newest rows of a running ingest until
  // their chunk is indexed (at most kIndexChunkRows, and always at the ingest's end).
  Status FlushIndex();

  // Derives the row `cable_id` of `reference_id` again from the current version of each stored
  // part joined (store/cable_parts.h JoinParts), `version_count` versions in all. Used by Put and
  // by the schema 7 upgrade. kCorrupt when a stored version does not parse back; SQLite errors.
  Status WriteJoined(const std::string& reference_id, int64_t cable_id, int64_t version_count);
  static constexpr int64_t kIndexChunkRows = 20000;
  // True when kIndexChunkRows or more rows wait for the index (the caller flushes before commit).
  bool IndexDue() const { return unindexed_rows_ >= kIndexChunkRows; }
  // True when any row waits for the index (an ingest ends with FlushIndex in a transaction).
  bool HasUnindexed() const { return first_unindexed_ != 0; }

 private:
  explicit CableWriter(Db& db) : db_(db) {}
  Status WriteCurrent(const PreparedCable& p, int64_t version_id, int64_t cable_id,
                      int64_t version_count);
  Status DeleteChildren(int64_t cable_id);

  Db& db_;
  int64_t first_unindexed_ = 0;  // id of the first cables row not yet in cables_fts; 0 = none
  int64_t unindexed_rows_ = 0;   // rows inserted since (or found unindexed by Create)
  Statement index_new_rows_;
  Statement find_version_, max_version_, other_part_, insert_version_, find_cable_, current_released_,
      insert_cable_, update_cable_, bump_count_, refresh_title_, adopt_source_, insert_addressee_,
      insert_tag_, insert_caveat_, insert_ref_, insert_paragraph_, insert_finding_;
  Statement delete_children_[6];
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
