// The archive's SQLite schema: versioned, forward-only migrations (documented in docs/schema.md).
#ifndef CABLEBASE_STORE_SCHEMA_H_
#define CABLEBASE_STORE_SCHEMA_H_

#include <string_view>
#include <vector>

#include "cablebase/status.h"
#include "store/db.h"

namespace cablebase::store {

// One step of the schema. Steps are applied in order, each in its own transaction, and never edited
// once released: a change is a new step. `version` is stored in PRAGMA user_version after the step.
struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;  // one or more statements
};

// Every migration, oldest first (versions 1, 2, ... without gaps).
const std::vector<Migration>& Migrations();

// The schema version this build writes (the last migration's version).
int LatestSchemaVersion();

// Reads PRAGMA user_version: 0 for a new (empty) database.
Result<int> SchemaVersion(Db& db);

// Brings `db` to LatestSchemaVersion(), applying each pending migration in a BEGIN IMMEDIATE
// transaction (so two processes opening the same new file do not both migrate) and recording it in
// the schema_migrations table. Fails with kCorrupt when the file's version is newer than this build
// knows (a downgrade is never attempted) and with the SQLite error (kIoError) otherwise.
Status Migrate(Db& db);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_SCHEMA_H_
