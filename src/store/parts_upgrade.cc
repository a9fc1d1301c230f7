// The schema 7 upgrade: parts of stored versions (store/parts_upgrade.h).
#include "store/parts_upgrade.h"

#include <string>
#include <vector>

#include "store/cable_parts.h"
#include "store/cable_writer.h"
#include "store/version_record.h"

namespace cablebase::store {

Status UpgradeParts(Db& db) {
  {
    Result<Statement> st = db.Prepare("SELECT value FROM meta WHERE key = 'parts'");
    if (!st.ok()) return st.status();
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row || st->ColumnText(0) != "pending") return Status::Ok();
  }
  Result<std::unique_ptr<CableWriter>> writer = CableWriter::Create(db);
  if (!writer.ok()) return writer.status();
  Transaction txn(db);
  if (Status s = txn.Begin(); !s.ok()) return s;

  // 1. The part of every version that can name one (LIKE is case-insensitive for ASCII).
  Result<Statement> rows = db.Prepare(
      std::string("SELECT v.id, v.reference_id, ") + kVersionSourceColumns +
      " FROM cable_versions v WHERE v.text_raw LIKE '%SECTION%' OR v.published_id LIKE '%OF%' "
      "ORDER BY v.id");
  if (!rows.ok()) return rows.status();
  Result<Statement> set_part =
      db.Prepare("UPDATE cable_versions SET part = ?2, part_count = ?3 WHERE id = ?1");
  if (!set_part.ok()) return set_part.status();
  for (;;) {
    Result<bool> row = rows->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    Result<Cable> cable =
        VersionRecord(*rows, 2, "a version of " + rows->ColumnText(1), db.path());
    if (!cable.ok()) return cable.status();
    CablePart part = PartOfRecord(*cable);
    if (part.number == 1 && part.count == 1) continue;
    set_part->Reset();
    set_part->BindInt(1, rows->ColumnInt(0));
    set_part->BindInt(2, part.number);
    set_part->BindInt(3, part.count);
    if (Status s = set_part->Run(); !s.ok()) return s;
  }

  // 2. Versions numbered within their part, in their order of arrival, for the cables now stored
  // in several parts (the others keep 1, 2, ...). Negated first so that no step collides with
  // UNIQUE (reference_id, part, version).
  const char* kSeveral =
      "reference_id IN (SELECT reference_id FROM cable_versions GROUP BY reference_id "
      "HAVING count(DISTINCT part) > 1)";
  if (Status s = db.Exec(std::string("UPDATE cable_versions SET version = -version WHERE ") +
                         kSeveral);
      !s.ok()) {
    return s;
  }
  Result<Statement> negated = db.Prepare(
      "SELECT id, reference_id, part FROM cable_versions WHERE version < 0 "
      "ORDER BY reference_id, part, -version");
  if (!negated.ok()) return negated.status();
  Result<Statement> renumber = db.Prepare("UPDATE cable_versions SET version = ?2 WHERE id = ?1");
  if (!renumber.ok()) return renumber.status();
  struct Renumbered {
    int64_t id;
    int64_t version;
  };
  std::vector<Renumbered> updates;
  std::vector<std::string> several;
  {
    std::string last_ref;
    int64_t last_part = -1, n = 0;
    for (;;) {
      Result<bool> row = negated->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      std::string ref = negated->ColumnText(1);
      int64_t part = negated->ColumnInt(2);
      if (ref != last_ref) several.push_back(ref);
      if (ref != last_ref || part != last_part) n = 0;
      last_ref = ref;
      last_part = part;
      updates.push_back({negated->ColumnInt(0), ++n});
    }
    negated->Reset();
  }
  for (const Renumbered& u : updates) {
    renumber->Reset();
    renumber->BindInt(1, u.id);
    renumber->BindInt(2, u.version);
    if (Status s = renumber->Run(); !s.ok()) return s;
  }

  // 3. Their rows: the parts joined.
  Result<Statement> cable_row =
      db.Prepare("SELECT id, version_count FROM cables WHERE reference_id = ?1");
  if (!cable_row.ok()) return cable_row.status();
  for (const std::string& ref : several) {
    cable_row->Reset();
    cable_row->BindText(1, ref);
    Result<bool> row = cable_row->Step();
    if (!row.ok()) return row.status();
    if (!*row) continue;
    int64_t id = cable_row->ColumnInt(0), count = cable_row->ColumnInt(1);
    cable_row->Reset();
    if (Status s = (*writer)->WriteJoined(ref, id, count); !s.ok()) return s;
  }
  if (Status s = (*writer)->FlushIndex(); !s.ok()) return s;
  if (Status s = db.Exec("UPDATE meta SET value = 'complete' WHERE key = 'parts'"); !s.ok()) {
    return s;
  }
  return txn.Commit();
}

}  // namespace cablebase::store
