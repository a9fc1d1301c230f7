// The archive's audit findings: written per cable, and once for an upgraded archive
// (store/audit_findings.h).
#include "store/audit_findings.h"

#include <string>

#include "store/cable_parts.h"
#include "store/version_record.h"

namespace cablebase::store {

Status InsertAuditFindings(Statement& insert, int64_t cable_id,
                           const std::vector<Finding>& findings) {
  for (const Finding& f : findings) {
    insert.Reset();
    insert.BindInt(1, cable_id);
    insert.BindText(2, InvariantInfoOf(f.invariant).name);
    insert.BindText(3, f.message, /*empty_as_null=*/false);
    insert.BindText(4, f.expected);
    insert.BindText(5, f.found);
    if (Status s = insert.Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

Status BackfillAuditFindings(Db& db) {
  {
    Result<Statement> st = db.Prepare("SELECT value FROM meta WHERE key = 'audit_findings'");
    if (!st.ok()) return st.status();
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row || st->ColumnText(0) != "pending") return Status::Ok();
  }
  Transaction txn(db);
  if (Status s = txn.Begin(); !s.ok()) return s;
  Result<Statement> rows =
      db.Prepare(std::string("SELECT c.id, c.reference_id, c.version_count, ") +
                 kVersionSourceColumns +
                 " FROM cables c JOIN cable_versions v ON v.id = c.version_id ORDER BY c.id");
  if (!rows.ok()) return rows.status();
  Result<Statement> insert = db.Prepare(kInsertAuditFindingSql);
  if (!insert.ok()) return insert.status();
  for (;;) {
    Result<bool> row = rows->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    // A cable stored in parts (schema 7) is audited as its parts joined, as the writer does.
    Result<Cable> cable =
        rows->ColumnInt(2) > 1
            ? CurrentRecord(db, rows->ColumnText(1))
            : VersionRecord(*rows, 3, "the current version of " + rows->ColumnText(1), db.path());
    if (!cable.ok()) return cable.status();
    if (Status s = InsertAuditFindings(*insert, rows->ColumnInt(0), AuditCable(*cable)); !s.ok()) {
      return s;
    }
  }
  if (Status s = db.Exec("UPDATE meta SET value = 'complete' WHERE key = 'audit_findings'");
      !s.ok()) {
    return s;
  }
  return txn.Commit();
}

}  // namespace cablebase::store
