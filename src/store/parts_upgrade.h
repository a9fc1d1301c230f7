// The schema 7 upgrade of an existing archive: the part each stored version holds
// (store/cable_parts.h), read from its stored text and published ID once.
#ifndef CABLEBASE_STORE_PARTS_UPGRADE_H_
#define CABLEBASE_STORE_PARTS_UPGRADE_H_

#include "cablebase/status.h"
#include "store/db.h"

namespace cablebase::store {

// An archive brought to schema 7 from an older one has meta `parts` = 'pending' and every version
// as part 1 of 1. In one transaction: parses again each version whose text or published ID can
// name a section (text_raw or published_id containing SECTION or OF, case-insensitive; ~0.2 ms a
// version) and stores its part (PartOfRecord); numbers the versions of each part 1, 2, ... in their
// order of arrival; derives the row of every cable now stored in several parts again from its
// parts joined (CableWriter::WriteJoined); sets `parts` to 'complete'. Does nothing when the key is
// not 'pending' (a new archive's versions get their part from the writer). kCorrupt when a stored
// version no longer parses; SQLite errors. Not thread-safe (the writer's connection).
Status UpgradeParts(Db& db);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_PARTS_UPGRADE_H_
