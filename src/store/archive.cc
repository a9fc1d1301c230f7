// The Archive facade (include/cablebase/archive.h): open/migrate, put, get, versions, refs, stats.
#include "cablebase/archive.h"

#include <optional>
#include <utility>

#include "cablebase/version.h"
#include "model/reference_id.h"
#include "model/text_util.h"
#include "store/audit_findings.h"
#include "store/cable_parts.h"
#include "store/cable_writer.h"
#include "store/db.h"
#include "store/ingest.h"
#include "store/parts_upgrade.h"
#include "store/ref_graph.h"
#include "store/search_columns.h"
#include "store/schema.h"
#include "store/stats.h"
#include "store/stats_cache.h"
#include "store/version_record.h"

namespace cablebase {

struct Archive::Impl {
  std::unique_ptr<store::Db> db;
  std::unique_ptr<store::CableWriter> writer;  // made on first write

  Status Writable() {
    if (db->mode() != store::Db::Mode::kReadWrite) {
      return Status(StatusCode::kInvalidArgument, "archive is open read-only", db->path());
    }
    if (!writer) {
      Result<std::unique_ptr<store::CableWriter>> w = store::CableWriter::Create(*db);
      if (!w.ok()) return w.status();
      writer = std::move(*w);
    }
    return Status::Ok();
  }

  // The stored canonical ID for what a user typed ("06 moscow 1637", "06MOSCOW001637"), or the
  // canonical form when neither spelling is stored.
  Result<std::string> Resolve(std::string_view typed) {
    std::string canonical = model::CanonicalizeReferenceId(typed);
    std::string plain;
    for (char c : typed) {
      if (!model::IsSpace(c)) plain.push_back(model::ToUpperChar(c));
    }
    Result<store::Statement> st = db->Prepare("SELECT 1 FROM cables WHERE reference_id = ?1");
    if (!st.ok()) return st.status();
    for (const std::string& candidate : {canonical, plain}) {
      st->Reset();
      st->BindText(1, candidate);
      Result<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (*row) return candidate;
    }
    return canonical.empty() ? plain : canonical;
  }
};

Archive::Archive(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Archive::~Archive() = default;

Result<std::unique_ptr<Archive>> Archive::Open(const std::string& path, Mode mode) {
  store::Db::Mode db_mode =
      mode == Mode::kReadOnly ? store::Db::Mode::kReadOnly : store::Db::Mode::kReadWrite;
  Result<std::unique_ptr<store::Db>> db = store::Db::Open(path, db_mode);
  if (!db.ok()) return db.status();
  if (mode == Mode::kReadWrite) {
    if (Status s = store::Migrate(**db); !s.ok()) return s;
    // Schema 7 on an older archive: each stored version's part is read once (parts_upgrade.h).
    if (Status s = store::UpgradeParts(**db); !s.ok()) return s;
    // Schema 6 on an older archive: the stored cables are audited once (audit_findings.h).
    if (Status s = store::BackfillAuditFindings(**db); !s.ok()) return s;
    Result<store::Statement> meta =
        (*db)->Prepare("INSERT OR REPLACE INTO meta(key, value) VALUES ('writer', ?1)");
    if (!meta.ok()) return meta.status();
    meta->BindText(1, "cablebase " + std::string(kVersion));
    if (Status s = meta->Run(); !s.ok()) return s;
  } else {
    Result<int> version = store::SchemaVersion(**db);
    if (!version.ok()) return version.status();
    if (*version == 0) {
      return Status(StatusCode::kCorrupt, "not a cablebase archive (no schema)", path);
    }
    if (*version > store::LatestSchemaVersion()) {
      return Status(StatusCode::kCorrupt,
                    "database schema version " + std::to_string(*version) +
                        " is newer than this cablebase understands (" +
                        std::to_string(store::LatestSchemaVersion()) + "); upgrade cablebase",
                    path);
    }
    if (*version < store::LatestSchemaVersion()) {
      return Status(StatusCode::kCorrupt,
                    "archive schema version " + std::to_string(*version) +
                        " is older than this cablebase reads (" +
                        std::to_string(store::LatestSchemaVersion()) +
                        "); upgrade it once with `cablebase ingest --upgrade --db " + path + "`",
                    path);
    }
  }
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(*db);
  return std::unique_ptr<Archive>(new Archive(std::move(impl)));
}

Result<IngestSummary> Archive::Ingest(const std::vector<std::string>& sources,
                                      const IngestOptions& options) {
  if (Status s = impl_->Writable(); !s.ok()) return s;
  Result<IngestSummary> sum = store::IngestSources(*impl_->db, *impl_->writer, sources, options);
  if (!sum.ok()) return sum;
  if (Status s = store::RefreshSearchColumns(*impl_->db); !s.ok()) return s;
  // The counts of `stats`, once per generation (store/stats_cache.h): 1.4 s at 251,287 cables.
  // Best effort: the cables are committed; without stored counts `stats` computes them (below).
  (void)store::RefreshStatsCache(*impl_->db);
  return sum;
}

Result<PutOutcome> Archive::Put(const Cable& cable) {
  if (Status s = impl_->Writable(); !s.ok()) return s;
  store::PreparedCable p = store::PrepareCable(cable);
  store::Transaction txn(*impl_->db);
  if (Status s = txn.Begin(); !s.ok()) return s;
  Result<PutOutcome> out = impl_->writer->Put(p);
  if (!out.ok()) return out;
  if (Status s = impl_->writer->FlushIndex(); !s.ok()) return s;
  if (Status s = txn.Commit(); !s.ok()) return s;
  return out;
}

Result<Cable> Archive::Get(std::string_view reference_id) {
  Result<std::string> id = impl_->Resolve(reference_id);
  if (!id.ok()) return id.status();
  return store::CurrentRecord(*impl_->db, *id);
}

Result<std::vector<CableVersion>> Archive::Versions(std::string_view reference_id) {
  Result<std::string> id = impl_->Resolve(reference_id);
  if (!id.ok()) return id.status();
  Result<store::Statement> st = impl_->db->Prepare(
      std::string("SELECT v.version, ") + store::kIsCurrentOfPartSql +
      ", v.content_hash, v.released, v.ingested_at, v.part, v.part_count, " +
      store::kVersionSourceColumns +
      " FROM cable_versions v WHERE v.reference_id = ?1 ORDER BY v.part, v.version");
  if (!st.ok()) return st.status();
  st->BindText(1, *id);
  std::vector<CableVersion> out;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    CableVersion v;
    v.version = static_cast<int>(st->ColumnInt(0));
    v.current = st->ColumnInt(1) != 0;
    v.content_hash = st->ColumnText(2);
    v.released = st->ColumnText(3);
    v.ingested_at = st->ColumnText(4);
    v.part = static_cast<int>(st->ColumnInt(5));
    v.part_count = static_cast<int>(st->ColumnInt(6));
    Result<Cable> cable = store::VersionRecord(
        *st, 7,
        "version " + std::to_string(v.version) + " of part " + std::to_string(v.part) + " of " +
            *id,
        impl_->db->path());
    if (!cable.ok()) return cable.status();
    v.cable = std::move(*cable);
    out.push_back(std::move(v));
  }
  if (out.empty()) return Status(StatusCode::kNotFound, "no cable " + *id + " in the archive");
  return out;
}

Result<RefGraph> Archive::Refs(std::string_view reference_id, RefDirection direction, int depth) {
  Result<std::string> id = impl_->Resolve(reference_id);
  if (!id.ok()) return id.status();
  return store::BuildRefGraph(*impl_->db, *id, direction, depth);
}

Result<ArchiveStats> Archive::Stats(int top) {
  // The counts stored at the last ingest when nothing changed since (store/stats_cache.h).
  // Any trouble reading them is a miss: the counts are computed from the tables.
  Result<std::optional<ArchiveStats>> cached = store::LoadCachedStats(*impl_->db, top);
  if (cached.ok() && *cached) return std::move(**cached);
  return store::ComputeStats(*impl_->db, top);
}

Status Archive::ForEachCable(const std::function<bool(const Cable&)>& fn) {
  Result<store::Statement> st = impl_->db->Prepare(
      std::string("SELECT c.reference_id, c.version_count, ") + store::kVersionSourceColumns +
      " FROM cables c JOIN cable_versions v ON v.id = c.version_id "
      "ORDER BY c.created, c.reference_id");
  if (!st.ok()) return st.status();
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    // A cable of several versions may be stored in parts: its record is the parts joined.
    Result<Cable> cable =
        st->ColumnInt(1) > 1
            ? store::CurrentRecord(*impl_->db, st->ColumnText(0))
            : store::VersionRecord(*st, 2, "record of " + st->ColumnText(0), impl_->db->path());
    if (!cable.ok()) return cable.status();
    if (!fn(*cable)) break;
  }
  return Status::Ok();
}

Status Archive::ForEachEdge(const std::function<bool(const RefEdge&, bool)>& fn) {
  Result<store::Statement> st = impl_->db->Prepare(
      "SELECT citing_id, cited_id, label, text, kind, resolved FROM ref_edges "
      "ORDER BY citing_id, cited_id");
  if (!st.ok()) return st.status();
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    RefEdge e{st->ColumnText(0), st->ColumnText(1), st->ColumnText(2), st->ColumnText(3),
              st->ColumnText(4)};
    if (!fn(e, st->ColumnInt(5) != 0)) break;
  }
  return Status::Ok();
}

const std::string& Archive::path() const { return impl_->db->path(); }

store::Db& Archive::db() { return *impl_->db; }

Result<int64_t> Archive::CablesNotYetIndexed() {
  Result<store::IndexBacklog> backlog = store::FindIndexBacklog(*impl_->db);
  if (!backlog.ok()) return backlog.status();
  return backlog->rows;
}

void Archive::Interrupt() { impl_->db->Interrupt(); }

void Archive::ClearInterrupt() { impl_->db->ClearInterrupt(); }

Result<RefDirection> ParseRefDirection(std::string_view s) {
  if (s == "cites") return RefDirection::kCites;
  if (s == "citedby" || s == "cited-by") return RefDirection::kCitedBy;
  if (s == "both") return RefDirection::kBoth;
  return Status(StatusCode::kInvalidArgument,
                "unknown direction '" + std::string(s) + "' (expected cites, citedby or both)");
}

const char* RefDirectionName(RefDirection direction) {
  switch (direction) {
    case RefDirection::kCites: return "cites";
    case RefDirection::kCitedBy: return "citedby";
    case RefDirection::kBoth: return "both";
  }
  return "both";
}

}  // namespace cablebase
