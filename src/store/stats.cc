// Archive-wide counts: totals, reference resolution and breakdowns by year, origin, class, caveat, TAGS.
#include "store/stats.h"

#include <string>

#include "cablebase/audit.h"

namespace cablebase::store {

namespace {

Result<int64_t> Scalar(Db& db, const char* sql) {
  Result<Statement> st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return *row ? st->ColumnInt(0) : 0;
}

// Runs a two-column (key, count) query; LIMIT ?1 binds `top` (-1 = all).
Status Counts(Db& db, const std::string& sql, int top, std::vector<CountItem>* out) {
  Result<Statement> st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  st->BindInt(1, top > 0 ? top : -1);
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out->push_back(CountItem{st->ColumnText(0), st->ColumnInt(1)});
  }
  return Status::Ok();
}

}  // namespace

Result<ArchiveStats> ComputeStats(Db& db, int top) {
  ArchiveStats s;
  // A read snapshot: plain BEGIN (deferred) even on a read-write connection.
  if (Status st = db.Exec("BEGIN"); !st.ok()) return st;
  struct {
    int64_t* field;
    const char* sql;
  } scalars[] = {
      {&s.cables, "SELECT count(*) FROM cables"},
      {&s.versions, "SELECT count(*) FROM cable_versions"},
      // Versions of one part (schema 7): sections published as separate records are parts.
      {&s.multi_version_cables,
       "SELECT count(DISTINCT reference_id) FROM (SELECT reference_id FROM cable_versions "
       "GROUP BY reference_id, part HAVING count(*) > 1)"},
      {&s.addressees, "SELECT count(*) FROM addressees"},
      {&s.paragraphs, "SELECT count(*) FROM paragraphs"},
      {&s.references, "SELECT count(*) FROM refs"},
      {&s.cable_references, "SELECT count(*) FROM refs WHERE cited_id IS NOT NULL"},
      {&s.resolved_references,
       "SELECT count(*) FROM refs r JOIN cables c ON c.reference_id = r.cited_id"},
      {&s.unresolved_cables,
       "SELECT count(DISTINCT cited_id) FROM refs WHERE cited_id IS NOT NULL AND cited_id NOT IN "
       "(SELECT reference_id FROM cables)"},
  };
  Status fail;
  for (auto& q : scalars) {
    Result<int64_t> v = Scalar(db, q.sql);
    if (!v.ok()) {
      fail = v.status();
      break;
    }
    *q.field = *v;
  }
  s.unresolved_references = s.cable_references - s.resolved_references;
  if (fail.ok()) {
    fail = Counts(db,
                  "SELECT coalesce(CAST(year AS TEXT), ''), count(*) FROM cables GROUP BY year "
                  "ORDER BY year LIMIT -1",
                  0, &s.by_year);
  }
  if (fail.ok()) {
    fail = Counts(db,
                  "SELECT coalesce(post_key, ''), count(*) n FROM cables GROUP BY 1 "
                  "ORDER BY n DESC, 1 LIMIT ?1",
                  top, &s.by_origin);
  }
  if (fail.ok()) {
    fail = Counts(db,
                  "SELECT coalesce(classification_level, ''), count(*) n FROM cables GROUP BY 1 "
                  "ORDER BY n DESC, 1 LIMIT -1",
                  0, &s.by_classification);
  }
  if (fail.ok()) {
    fail = Counts(db,
                  "SELECT upper(caveat), count(DISTINCT cable_id) n FROM caveats GROUP BY 1 "
                  "ORDER BY n DESC, 1 LIMIT ?1",
                  top, &s.by_caveat);
  }
  if (fail.ok()) {
    fail = Counts(db,
                  "SELECT upper(tag), count(DISTINCT cable_id) n FROM tags GROUP BY 1 "
                  "ORDER BY n DESC, 1 LIMIT ?1",
                  top, &s.by_tag);
  }
  if (fail.ok()) {
    Result<int64_t> v = Scalar(db, "SELECT count(DISTINCT cable_id) FROM audit_findings");
    if (v.ok()) {
      s.cables_with_findings = *v;
    } else {
      fail = v.status();
    }
  }
  if (fail.ok()) {
    std::vector<CountItem> counts;
    fail = Counts(db,
                  "SELECT invariant, count(*) FROM audit_findings GROUP BY invariant LIMIT ?1",
                  0, &counts);
    for (const InvariantInfo& i : Invariants()) {
      int64_t n = 0;
      for (const CountItem& c : counts) {
        if (c.key == i.name) n = c.count;
      }
      s.by_invariant.push_back(CountItem{i.name, n});
    }
  }
  db.Exec("COMMIT");
  if (!fail.ok()) return fail;
  return s;
}

}  // namespace cablebase::store
