// The archive's audit findings (table audit_findings, schema version 6; docs/schema.md): what the
// audit (cablebase/audit.h) found for the current version of each cable.
#ifndef CABLEBASE_STORE_AUDIT_FINDINGS_H_
#define CABLEBASE_STORE_AUDIT_FINDINGS_H_

#include <cstdint>
#include <vector>

#include "cablebase/audit.h"
#include "cablebase/status.h"
#include "store/db.h"

namespace cablebase::store {

// INSERT of one finding: ?1 cable_id, ?2 invariant name, ?3 message, ?4 expected, ?5 found.
inline constexpr const char* kInsertAuditFindingSql =
    "INSERT OR REPLACE INTO audit_findings(cable_id, invariant, message, expected, found) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";

// Runs `insert` (kInsertAuditFindingSql) for each finding of the cable row `cable_id`. SQLite
// errors. The caller holds the transaction.
Status InsertAuditFindings(Statement& insert, int64_t cable_id,
                           const std::vector<Finding>& findings);

// An archive of schema < 5 upgraded to 5 has meta `audit_findings` = 'pending': audits the current
// version of every stored cable (its stored source parsed again, ~0.2 ms a cable, then the linear
// audit), writes the findings and sets 'complete', in one transaction. Does nothing when the key
// is not 'pending' (a new archive's rows are audited by the ingest writer). kCorrupt when a
// stored version no longer parses; SQLite errors.
Status BackfillAuditFindings(Db& db);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_AUDIT_FINDINGS_H_
