// A stored version of a cable ↔ its record: the archive keeps each version as read (the header and
// text blocks and the published metadata) and parses it again when a record is asked for.
//
// Why (issue 6): storing the parsed record as JSON cost ~3.3x the text per version and its
// serialisation a third of the parse time; the source is ~1x and ParseCable reads it back in
// ~0.2 ms. docs/schema.md (cable_versions) lists the columns.
#ifndef CABLEBASE_STORE_VERSION_RECORD_H_
#define CABLEBASE_STORE_VERSION_RECORD_H_

#include <string>

#include "cablebase/cable.h"
#include "cablebase/read.h"
#include "cablebase/status.h"
#include "store/db.h"

namespace cablebase::store {

// The columns of cable_versions (table alias `v`) that VersionRecord reads, in its order; put them
// in a SELECT at any position and pass that position as `first`.
extern const char* const kVersionSourceColumns;
// How many columns kVersionSourceColumns names.
constexpr int kVersionSourceColumnCount = 14;

// The raw cable a parsed record came from, as stored: the reference ID as published, the metadata
// in the record's own (already normalised) form — ParseCable reads ISO dates and collapsed
// classifications back unchanged — and the header and text blocks.
RawCable SourceOfRecord(const Cable& c);

// Binds SourceOfRecord(c)'s stored columns to `st` at `first`..`first + 8`: published_id, created,
// published_classification, origin, published_references (JSON array or NULL), header_raw,
// text_raw, published_title, archive_json (`released` and the source have columns of their own).
void BindVersionSource(Statement& st, int first, const Cable& c);

// The archive forms' fields of `c` as stored in cable_versions.archive_json (schema 5): the
// record's JSON `archive` object, or "" (NULL) when the record has none (Cablegate forms).
std::string ArchiveJsonOf(const Cable& c);

// The record of the version row `st` is on, its source columns starting at column `first`
// (kVersionSourceColumns): the stored source parsed again. kCorrupt (naming `what`, e.g.
// "version 2 of 06MOSCOW1637", and the archive path) when it no longer parses.
Result<Cable> VersionRecord(const Statement& st, int first, const std::string& what,
                            const std::string& db_path);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_VERSION_RECORD_H_
