// Parts of one cable: sections that Cablegate published as records of their own (issue 11).
//
// A multi-section telegram travels as sections, each opening with its own classification line
// (`CONFIDENTIAL SECTION 02 OF 02 NEW DELHI 005266`). Cablegate mostly published the sections
// joined as one record (its classification line then says `SECTION 01 OF nn` and the text runs on), but
// some sections were published as separate records whose published IDs carry the caption's debris
// (`08SCTION02OF02SAOPAULO335`, `08ECTION01OF02MANAMA492`, `09SECTION01OF03BRUSSELS1234`). Those
// canonicalize to one reference ID; they are parts of that cable, not versions of each other.
//
// The rule (docs/cable_format.md, "Sections published as separate records"; docs/schema.md):
// - every stored version holds part `number` of `count` of its cable: the classification line's
//   `SECTION X OF Y`, else the debris of the published ID (model::SectionOfPublishedId), else
//   1 of 1 (a whole, unsectioned cable). A whole record of a sectioned cable says `SECTION 01 OF nn` and
//   is part 1 of nn: alone, it is the cable.
// - a version is current within its part (latest `released`, ties to the latest arrival); every
//   part's current version is current; versions are numbered 1, 2, ... within their part.
// - the cable's record (the `cables` row, `show`, the API, export) is the text of the current
//   version of every part in part order, parsed as one cable (JoinParts).
#ifndef CABLEBASE_STORE_CABLE_PARTS_H_
#define CABLEBASE_STORE_CABLE_PARTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "cablebase/cable.h"
#include "cablebase/status.h"
#include "store/db.h"

namespace cablebase::store {

// Which part of its cable a record holds (1-based; a whole cable is 1 of 1).
struct CablePart {
  int number = 1;
  int count = 1;
};

// The part a parsed record holds (rule above). Pure; thread-safe.
CablePart PartOfRecord(const Cable& c);

// An SQL condition, true when the cable_versions row aliased `v` is the current version of its
// part (the writer's rule: latest released, NULL oldest, ties to the highest version).
extern const char* const kIsCurrentOfPartSql;

// The current version of one part, as stored.
struct StoredPart {
  int64_t version_id = 0;  // cable_versions.id
  CablePart part;
  Cable cable;             // the version's record (VersionRecord)
};

// The current version of every part of `reference_id` (canonical), in part order; empty when the
// cable is not stored. kCorrupt when a stored version does not parse back; SQLite errors.
Result<std::vector<StoredPart>> CurrentParts(Db& db, const std::string& reference_id);

// The record of a cable stored in `parts` (non-empty, in part order): one part is its record; more
// are joined — the first part's metadata and header, the texts in part order (each later part
// without its own classification line, which the first part's stands for; a part whose first line
// of 20 or more characters the texts before it already hold is skipped, as a whole record holds
// its later sections) — and parsed as one
// cable with the parts' canonical reference ID. kInvalidArgument when `parts` is empty; parse
// errors of the joined text.
Result<Cable> JoinParts(const std::vector<StoredPart>& parts);

// The record of a stored cable: its current version, or its parts joined (JoinParts) when more
// than one part is stored. kNotFound when absent; kCorrupt as VersionRecord.
Result<Cable> CurrentRecord(Db& db, const std::string& reference_id);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_CABLE_PARTS_H_
