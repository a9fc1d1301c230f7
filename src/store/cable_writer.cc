// The archive's write path: one record → cable_versions, cables and the child tables.
#include "store/cable_writer.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cablebase/version.h"
#include "model/text_util.h"
#include "store/audit_findings.h"
#include "store/cable_parts.h"
#include "store/sha256.h"
#include "store/version_record.h"

namespace cablebase::store {

namespace {

using Json = nlohmann::json;

// The columns of `cables` written from a record, in bind order (docs/schema.md).
constexpr const char* kCableColumns[] = {
    "reference_id", "reference_id_published", "version_id", "version_count", "post_key",
    "created", "year", "released", "origin", "originator", "post", "precedence", "dtg",
    "classification", "metadata_classification", "classification_level", "section_number",
    "section_count", "serial", "executive_order", "declassify_on", "eo_line", "subject",
    "classified_by_name", "classified_by_title", "classified_by_reasons", "classified_by_text",
    "summary", "comment", "signers", "partial", "body", "transmission", "metadata_references",
    "source_path", "source_format", "source_line", "source_csv_id", "parsed_by"};
constexpr int kCableColumnCount = sizeof(kCableColumns) / sizeof(kCableColumns[0]);

std::string InsertCableSql() {
  std::string cols, vals;
  for (int i = 0; i < kCableColumnCount; ++i) {
    if (i) {
      cols += ", ";
      vals += ", ";
    }
    cols += kCableColumns[i];
    vals += "?" + std::to_string(i + 1);
  }
  return "INSERT INTO cables(" + cols + ") VALUES (" + vals + ")";
}

std::string UpdateCableSql() {
  std::string set;
  for (int i = 0; i < kCableColumnCount; ++i) {
    if (i) set += ", ";
    set += std::string(kCableColumns[i]) + " = ?" + std::to_string(i + 1);
  }
  return "UPDATE cables SET " + set + " WHERE id = ?" + std::to_string(kCableColumnCount + 1);
}

// A JSON array of strings, or "" (bound as NULL) when empty.
std::string JsonList(const std::vector<std::string>& v) {
  if (v.empty()) return {};
  Json j = Json::array();
  for (const std::string& s : v) j.push_back(s);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string TransmissionJson(const std::optional<TransmissionHeader>& t) {
  if (!t) return {};
  Json j{{"transmission_id", t->transmission_id},
         {"precedence_prosigns", t->precedence_prosigns},
         {"routing_indicators", t->routing_indicators},
         {"originating_station", t->originating_station},
         {"station_serial", t->station_serial},
         {"section", t->section},
         {"julian_time", t->julian_time},
         {"security", t->security}};
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// The text indexed as `body`: the parser's body, else the paragraphs (a record whose body the parser
// left empty is still findable by its paragraphs).
std::string IndexedBody(const Cable& c) {
  if (!c.body.empty()) return c.body;
  std::string out;
  for (const Paragraph& p : c.paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p.text;
  }
  return out;
}

int YearOf(std::string_view iso) {
  if (iso.size() < 4) return 0;
  int y = model::ParseSmallInt(iso.substr(0, 4));
  return y > 0 ? y : 0;
}

void BindCable(Statement& st, const PreparedCable& p, int64_t version_id, int64_t version_count) {
  const Cable& c = p.cable;
  int i = 0;
  st.BindText(++i, c.reference_id);
  st.BindText(++i, c.reference_id_published);
  st.BindInt(++i, version_id);
  st.BindInt(++i, version_count);
  st.BindText(++i, PostKeyOf(c.reference_id));
  st.BindText(++i, c.created);
  st.BindIntOrNull(++i, YearOf(c.created));
  st.BindText(++i, c.released);
  st.BindText(++i, c.origin);
  st.BindText(++i, c.originator);
  st.BindText(++i, c.post);
  st.BindText(++i, c.precedence);
  st.BindText(++i, c.dtg);
  st.BindText(++i, c.classification);
  st.BindText(++i, c.metadata_classification);
  st.BindText(++i, ClassificationLevel(c.classification, c.metadata_classification));
  st.BindIntOrNull(++i, c.section_number);
  st.BindIntOrNull(++i, c.section_count);
  st.BindText(++i, c.serial);
  st.BindText(++i, c.executive_order);
  st.BindText(++i, c.declassify_on);
  st.BindText(++i, c.eo_line);
  st.BindText(++i, c.subject);
  if (c.classified_by) {
    st.BindText(++i, c.classified_by->name);
    st.BindText(++i, c.classified_by->title);
    st.BindText(++i, JsonList(c.classified_by->reasons));
    st.BindText(++i, c.classified_by->text);
  } else {
    for (int k = 0; k < 4; ++k) st.BindNull(++i);
  }
  st.BindText(++i, c.summary);
  st.BindText(++i, c.comment);
  st.BindText(++i, JsonList(c.signers));
  st.BindInt(++i, c.partial ? 1 : 0);
  st.BindText(++i, IndexedBody(c));
  st.BindText(++i, TransmissionJson(c.transmission));
  st.BindText(++i, JsonList(c.metadata_references));
  st.BindText(++i, c.source.path);
  st.BindText(++i, c.source.format == InputFormat::kAuto ? "" : InputFormatName(c.source.format));
  st.BindIntOrNull(++i, c.source.line);
  st.BindText(++i, c.source.csv_id);
  st.BindText(++i, kVersion);
}

}  // namespace

std::string PostKeyOf(std::string_view id) {
  size_t b = 0;
  while (b < id.size() && b < 2 && model::IsDigit(id[b])) ++b;
  size_t e = id.size();
  while (e > b && model::IsDigit(id[e - 1])) --e;
  if (b == e) return std::string(id);
  return std::string(id.substr(b, e - b));
}

std::string ClassificationLevel(std::string_view classification,
                                std::string_view metadata_classification) {
  std::string_view src = model::Trim(classification);
  if (src.empty()) {
    src = model::Trim(metadata_classification);
    size_t slash = src.find("//");
    if (slash != std::string_view::npos) src = src.substr(0, slash);
  }
  if (src.empty()) return {};
  // Letter-spaced forms ("C O N F I D E N T I A L") compare without spaces.
  std::string squeezed;
  for (char ch : src) {
    if (!model::IsSpace(ch)) squeezed.push_back(model::ToUpperChar(ch));
  }
  auto starts = [&](std::string_view p) { return squeezed.rfind(p, 0) == 0; };
  if (starts("UNCLAS")) return "UNCLASSIFIED";
  if (starts("LIMITEDOFFICIALUSE")) return "LIMITED OFFICIAL USE";
  if (starts("TOPSECRET")) return "TOP SECRET";
  if (starts("SECRET")) return "SECRET";
  if (starts("CONFIDENTIAL")) return "CONFIDENTIAL";
  return model::ToUpperAscii(model::CollapseWhitespace(src));
}

PreparedCable PrepareCable(Cable cable) {
  PreparedCable p;
  p.content_hash = CableContentHash(cable);
  p.findings = AuditCable(cable);
  p.cable = std::move(cable);
  return p;
}

Result<std::unique_ptr<CableWriter>> CableWriter::Create(Db& db) {
  std::unique_ptr<CableWriter> w(new CableWriter(db));
  struct {
    Statement* st;
    std::string sql;
  } stmts[] = {
      {&w->find_version_,
       "SELECT id, source_path, source_line, released FROM cable_versions "
       "WHERE reference_id = ?1 AND content_hash = ?2"},
      {&w->adopt_source_,
       "UPDATE cable_versions SET released = ?2, source_path = ?3, source_format = ?4, "
       "source_line = ?5, source_csv_id = ?6, published_id = ?7, created = ?8, "
       "published_classification = ?9, origin = ?10, published_references = ?11, "
       "header_raw = ?12, text_raw = ?13, published_title = ?14 WHERE id = ?1"},
      {&w->max_version_,
       "SELECT coalesce(max(version), 0) FROM cable_versions WHERE reference_id = ?1 "
       "AND part = ?2"},
      {&w->other_part_,
       "SELECT 1 FROM cable_versions WHERE reference_id = ?1 AND part != ?2 LIMIT 1"},
      {&w->insert_version_,
       "INSERT INTO cable_versions(reference_id, version, content_hash, released, ingested_at, "
       "source_path, source_format, source_line, source_csv_id, published_id, created, "
       "published_classification, origin, published_references, header_raw, text_raw, "
       "published_title, archive_json, part, part_count) VALUES "
       "(?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
       "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"},
      {&w->find_cable_,
       "SELECT id, version_id, version_count, parsed_by IS ?2 FROM cables WHERE reference_id = ?1"},
      // The current version of a part: latest `released` (NULL oldest), ties to the latest
      // arrival (cable_parts.h kIsCurrentOfPartSql says the same).
      {&w->current_released_,
       "SELECT id FROM cable_versions WHERE reference_id = ?1 AND part = ?2 "
       "ORDER BY released IS NOT NULL DESC, released DESC, version DESC LIMIT 1"},
      {&w->insert_cable_, InsertCableSql()},
      {&w->update_cable_, UpdateCableSql()},
      {&w->bump_count_, "UPDATE cables SET version_count = ?2 WHERE id = ?1"},
      {&w->refresh_title_,
       "UPDATE cable_versions SET published_title = ?2, archive_json = ?3 WHERE id = ?1"},
      {&w->insert_addressee_,
       "INSERT INTO addressees(cable_id, role, position, route, name, precedence, sequence, "
       "collective, excluded) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
      {&w->insert_tag_,
       "INSERT OR IGNORE INTO tags(cable_id, position, tag, kind) VALUES (?1, ?2, ?3, ?4)"},
      {&w->insert_caveat_,
       "INSERT OR IGNORE INTO caveats(cable_id, caveat, source) VALUES (?1, ?2, ?3)"},
      {&w->insert_ref_,
       "INSERT INTO refs(cable_id, position, citing_id, label, text, kind, cited_id) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
      {&w->insert_paragraph_,
       "INSERT INTO paragraphs(cable_id, position, number, portion_marking, length) "
       "VALUES (?1, ?2, ?3, ?4, ?5)"},
      {&w->insert_finding_, std::string(kInsertAuditFindingSql)},
      {&w->index_new_rows_,
       "INSERT INTO cables_fts(rowid, subject, body) SELECT id, subject, body FROM cables "
       "WHERE id >= ?1"},
      {&w->delete_children_[0], "DELETE FROM addressees WHERE cable_id = ?1"},
      {&w->delete_children_[1], "DELETE FROM tags WHERE cable_id = ?1"},
      {&w->delete_children_[2], "DELETE FROM caveats WHERE cable_id = ?1"},
      {&w->delete_children_[3], "DELETE FROM refs WHERE cable_id = ?1"},
      {&w->delete_children_[4], "DELETE FROM paragraphs WHERE cable_id = ?1"},
      {&w->delete_children_[5], "DELETE FROM audit_findings WHERE cable_id = ?1"},
  };
  for (auto& s : stmts) {
    Result<Statement> st = db.Prepare(s.sql);
    if (!st.ok()) return st.status();
    *s.st = std::move(*st);
  }
  Result<IndexBacklog> backlog = FindIndexBacklog(db);
  if (!backlog.ok()) return backlog.status();
  w->first_unindexed_ = backlog->first_id;
  w->unindexed_rows_ = backlog->rows;
  return w;
}

Result<IndexBacklog> FindIndexBacklog(Db& db) {
  // cables_fts takes its content from `cables`, so a scan of it shows every cable; what FTS5
  // indexed is in its own table cables_fts_docsize.
  Result<Statement> st = db.Prepare(
      "WITH indexed(last) AS (SELECT coalesce(max(id), 0) FROM cables_fts_docsize) "
      "SELECT (SELECT last FROM indexed), "
      "(SELECT count(*) FROM cables WHERE id > (SELECT last FROM indexed))");
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  IndexBacklog b;
  if (*row && st->ColumnInt(1) > 0) {
    b.first_id = st->ColumnInt(0) + 1;
    b.rows = st->ColumnInt(1);
  }
  return b;
}

Status CableWriter::FlushIndex() {
  if (first_unindexed_ == 0) return Status::Ok();
  index_new_rows_.Reset();
  index_new_rows_.BindInt(1, first_unindexed_);
  Status s = index_new_rows_.Run();
  if (s.ok()) {
    first_unindexed_ = 0;
    unindexed_rows_ = 0;
  }
  return s;
}

Status CableWriter::DeleteChildren(int64_t cable_id) {
  for (Statement& st : delete_children_) {
    st.Reset();
    st.BindInt(1, cable_id);
    if (Status s = st.Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

Status CableWriter::WriteCurrent(const PreparedCable& p, int64_t version_id, int64_t cable_id,
                                 int64_t version_count) {
  const Cable& c = p.cable;
  if (cable_id == 0) {
    insert_cable_.Reset();
    BindCable(insert_cable_, p, version_id, version_count);
    if (Status s = insert_cable_.Run(); !s.ok()) return s;
    cable_id = db_.LastInsertRowId();
    if (first_unindexed_ == 0) first_unindexed_ = cable_id;
    ++unindexed_rows_;
  } else {
    // The update trigger takes the old row out of the index: it must be in it.
    if (Status s = FlushIndex(); !s.ok()) return s;
    update_cable_.Reset();
    BindCable(update_cable_, p, version_id, version_count);
    update_cable_.BindInt(kCableColumnCount + 1, cable_id);
    if (Status s = update_cable_.Run(); !s.ok()) return s;
    if (Status s = DeleteChildren(cable_id); !s.ok()) return s;
  }
  auto addressees = [&](const std::vector<Addressee>& list, const char* role) -> Status {
    for (size_t i = 0; i < list.size(); ++i) {
      const Addressee& a = list[i];
      Statement& st = insert_addressee_;
      st.Reset();
      st.BindInt(1, cable_id);
      st.BindText(2, role);
      st.BindInt(3, static_cast<int64_t>(i));
      st.BindText(4, a.route);
      st.BindText(5, a.name, /*empty_as_null=*/false);
      st.BindText(6, a.precedence);
      st.BindText(7, a.sequence);
      st.BindInt(8, a.collective ? 1 : 0);
      st.BindText(9, JsonList(a.excluded));
      if (Status s = st.Run(); !s.ok()) return s;
    }
    return Status::Ok();
  };
  if (Status s = addressees(c.to, "to"); !s.ok()) return s;
  if (Status s = addressees(c.info, "info"); !s.ok()) return s;

  // tag_details carries the kinds; a record with only `tags` still gets its rows (kind unknown).
  std::vector<Tag> tags = c.tag_details;
  if (tags.empty()) {
    for (const std::string& t : c.tags) tags.push_back(Tag{t, TagKind::kUnknown});
  }
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i].value.empty()) continue;
    insert_tag_.Reset();
    insert_tag_.BindInt(1, cable_id);
    insert_tag_.BindInt(2, static_cast<int64_t>(i));
    insert_tag_.BindText(3, tags[i].value);
    insert_tag_.BindText(4, TagKindName(tags[i].kind), false);
    if (Status s = insert_tag_.Run(); !s.ok()) return s;
  }
  auto caveats = [&](const std::vector<std::string>& list, const char* source) -> Status {
    for (const std::string& cv : list) {
      if (cv.empty()) continue;
      insert_caveat_.Reset();
      insert_caveat_.BindInt(1, cable_id);
      insert_caveat_.BindText(2, cv);
      insert_caveat_.BindText(3, source);
      if (Status s = insert_caveat_.Run(); !s.ok()) return s;
    }
    return Status::Ok();
  };
  if (Status s = caveats(c.caveats, "text"); !s.ok()) return s;
  if (Status s = caveats(c.metadata_caveats, "metadata"); !s.ok()) return s;
  for (size_t i = 0; i < c.references.size(); ++i) {
    const Reference& r = c.references[i];
    insert_ref_.Reset();
    insert_ref_.BindInt(1, cable_id);
    insert_ref_.BindInt(2, static_cast<int64_t>(i));
    insert_ref_.BindText(3, c.reference_id);
    insert_ref_.BindText(4, r.label);
    insert_ref_.BindText(5, r.text);
    insert_ref_.BindText(6, ReferenceKindName(r.kind), false);
    insert_ref_.BindText(7, r.reference_id ? std::string_view(*r.reference_id) : "");
    if (Status s = insert_ref_.Run(); !s.ok()) return s;
  }
  for (size_t i = 0; i < c.paragraphs.size(); ++i) {
    const Paragraph& para = c.paragraphs[i];
    insert_paragraph_.Reset();
    insert_paragraph_.BindInt(1, cable_id);
    insert_paragraph_.BindInt(2, static_cast<int64_t>(i));
    insert_paragraph_.BindInt(3, para.number);
    insert_paragraph_.BindText(4, para.portion_marking);
    insert_paragraph_.BindInt(5, static_cast<int64_t>(para.text.size()));
    if (Status s = insert_paragraph_.Run(); !s.ok()) return s;
  }
  return InsertAuditFindings(insert_finding_, cable_id, p.findings);
}

Status CableWriter::WriteJoined(const std::string& reference_id, int64_t cable_id,
                                int64_t version_count) {
  Result<std::vector<StoredPart>> parts = CurrentParts(db_, reference_id);
  if (!parts.ok()) return parts.status();
  if (parts->empty()) return Status::Ok();
  Result<Cable> joined = JoinParts(*parts);
  if (!joined.ok()) {
    return Status(StatusCode::kCorrupt,
                  "the parts of " + reference_id + " do not parse joined: " +
                      joined.status().message(),
                  db_.path());
  }
  PreparedCable jp = PrepareCable(std::move(*joined));
  return WriteCurrent(jp, (*parts)[0].version_id, cable_id, version_count);
}

Result<PutOutcome> CableWriter::Put(const PreparedCable& p) {
  const Cable& c = p.cable;
  if (c.reference_id.empty()) {
    return Status(StatusCode::kInvalidArgument, "record has no reference ID", c.source.path,
                  c.source.line);
  }
  const CablePart part = PartOfRecord(c);
  // The cable row and the best version, read after a version was added or refreshed.
  struct CableRow {
    int64_t id = 0, version_id = 0, count = 0;
    bool parsed_by_this_version = false;
  };
  auto find_cable = [&]() -> Result<CableRow> {
    find_cable_.Reset();
    find_cable_.BindText(1, c.reference_id);
    find_cable_.BindText(2, kVersion);
    Result<bool> row = find_cable_.Step();
    if (!row.ok()) return row.status();
    CableRow r;
    if (*row) {
      r.id = find_cable_.ColumnInt(0);
      r.version_id = find_cable_.ColumnInt(1);
      r.count = find_cable_.ColumnInt(2);
      r.parsed_by_this_version = find_cable_.ColumnInt(3) != 0;
    }
    find_cable_.Reset();
    return r;
  };
  // The version of this record's part that should be current: latest released, ties to the
  // latest arrival.
  auto best_version = [&]() -> Result<int64_t> {
    current_released_.Reset();
    current_released_.BindText(1, c.reference_id);
    current_released_.BindInt(2, part.number);
    Result<bool> row = current_released_.Step();
    if (!row.ok()) return row.status();
    int64_t id = *row ? current_released_.ColumnInt(0) : 0;
    current_released_.Reset();
    return id;
  };
  // True when the cable has versions of a part other than this record's (its row is then the
  // parts joined, WriteJoined).
  auto other_parts = [&]() -> Result<bool> {
    other_part_.Reset();
    other_part_.BindText(1, c.reference_id);
    other_part_.BindInt(2, part.number);
    Result<bool> row = other_part_.Step();
    other_part_.Reset();
    return row;
  };
  // Writes the row for the version `vid` of this record's part, now current.
  auto write_row = [&](int64_t vid, int64_t cable_id, int64_t count) -> Status {
    Result<bool> several = other_parts();
    if (!several.ok()) return several.status();
    if (*several) return WriteJoined(c.reference_id, cable_id, count);
    return WriteCurrent(p, vid, cable_id, count);
  };

  find_version_.Reset();
  find_version_.BindText(1, c.reference_id);
  find_version_.BindText(2, p.content_hash);
  Result<bool> found = find_version_.Step();
  if (!found.ok()) return found.status();
  if (*found) {
    int64_t vid = find_version_.ColumnInt(0);
    std::string path = find_version_.ColumnText(1);
    int64_t line = find_version_.ColumnInt(2);
    std::string stored_released = find_version_.ColumnText(3);
    find_version_.Reset();
    // Same content from another source (an HTML page and a CSV row of one cable): the source with
    // the latest `released` stays, the first one read on a tie, so that ingest order changes
    // nothing. 72TEHRAN5055's 2010 and 2011 pages differ only in whitespace and in the page's
    // creation time, which the DTG replaces: one version, released 2011-08-30 in either order.
    // Same source, current version, row derived by another cablebase version (or by schema 1's,
    // NULL): derive the row again.
    if (path != c.source.path || line != c.source.line) {
      if (c.released.empty() || c.released <= stored_released) return PutOutcome::kUnchanged;
      adopt_source_.Reset();
      adopt_source_.BindInt(1, vid);
      adopt_source_.BindText(2, c.released);
      adopt_source_.BindText(3, c.source.path);
      adopt_source_.BindText(
          4, c.source.format == InputFormat::kAuto ? "" : InputFormatName(c.source.format));
      adopt_source_.BindIntOrNull(5, c.source.line);
      adopt_source_.BindText(6, c.source.csv_id);
      BindVersionSource(adopt_source_, 7, c);
      if (Status s = adopt_source_.Run(); !s.ok()) return s;
      Result<CableRow> row = find_cable();
      if (!row.ok()) return row.status();
      Result<int64_t> best = best_version();
      if (!best.ok()) return best.status();
      if (*best != vid) return PutOutcome::kUnchanged;
      if (Status s = write_row(vid, row->id, row->count); !s.ok()) return s;
      return PutOutcome::kRefreshed;
    }
    Result<CableRow> row = find_cable();
    if (!row.ok()) return row.status();
    if (row->parsed_by_this_version) return PutOutcome::kUnchanged;
    Result<int64_t> best = best_version();
    if (!best.ok()) return best.status();
    if (*best != vid) return PutOutcome::kUnchanged;
    // What this version's readers keep that earlier ones did not (the published title, schema 4;
    // the archive forms' fields, schema 5)
    // is stored too, so that the version parses back to the row derived now.
    refresh_title_.Reset();
    refresh_title_.BindInt(1, vid);
    refresh_title_.BindText(2, c.metadata_title);
    refresh_title_.BindText(3, ArchiveJsonOf(c));
    if (Status s = refresh_title_.Run(); !s.ok()) return s;
    if (Status s = write_row(vid, row->id, row->count); !s.ok()) return s;
    return PutOutcome::kRefreshed;
  }
  find_version_.Reset();

  max_version_.Reset();
  max_version_.BindText(1, c.reference_id);
  max_version_.BindInt(2, part.number);
  Result<bool> mv = max_version_.Step();
  if (!mv.ok()) return mv.status();
  int64_t next_version = max_version_.ColumnInt(0) + 1;
  max_version_.Reset();

  Statement& iv = insert_version_;
  iv.Reset();
  iv.BindText(1, c.reference_id);
  iv.BindInt(2, next_version);
  iv.BindText(3, p.content_hash);
  iv.BindText(4, c.released);
  iv.BindText(5, c.source.path);
  iv.BindText(6, c.source.format == InputFormat::kAuto ? "" : InputFormatName(c.source.format));
  iv.BindIntOrNull(7, c.source.line);
  iv.BindText(8, c.source.csv_id);
  BindVersionSource(iv, 9, c);
  iv.BindInt(18, part.number);
  iv.BindInt(19, part.count);
  if (Status s = iv.Run(); !s.ok()) return s;
  int64_t new_id = db_.LastInsertRowId();

  Result<CableRow> row = find_cable();
  if (!row.ok()) return row.status();
  if (row->id == 0) {
    if (Status s = WriteCurrent(p, new_id, 0, 1); !s.ok()) return s;
    return PutOutcome::kAdded;
  }
  int64_t count = row->count + 1;
  Result<int64_t> best = best_version();
  if (!best.ok()) return best.status();
  Status s;
  if (*best == new_id) {
    s = write_row(new_id, row->id, count);
  } else {
    bump_count_.Reset();
    bump_count_.BindInt(1, row->id);
    bump_count_.BindInt(2, count);
    s = bump_count_.Run();
  }
  if (!s.ok()) return s;
  return PutOutcome::kNewVersion;
}

}  // namespace cablebase::store

namespace cablebase {

std::string CableContentHash(const Cable& c) {
  store::Sha256 h;
  // Fields are separated by a byte that collapsed text never contains, so ("ab","c") != ("a","bc").
  auto field = [&](std::string_view s) {
    h.Update(s);
    h.Update(std::string_view("\x1f", 1));
  };
  field(c.reference_id);
  field(c.created);
  field(c.metadata_classification);
  // The same bytes as hashing model::CollapseWhitespace(text) (archives store these hashes), made
  // in a fixed buffer instead of a copy of the whole text.
  auto collapsed_field = [&](std::string_view s) {
    char buf[8192];
    size_t n = 0;
    bool pending_space = false, started = false;
    for (char ch : s) {
      if (model::IsSpace(ch)) {
        pending_space = started;
        continue;
      }
      if (n + 2 > sizeof buf) {
        h.Update(std::string_view(buf, n));
        n = 0;
      }
      if (pending_space) buf[n++] = ' ';
      pending_space = false;
      started = true;
      buf[n++] = ch;
    }
    h.Update(std::string_view(buf, n));
    h.Update(std::string_view("\x1f", 1));
  };
  collapsed_field(c.header_raw);
  collapsed_field(c.text_raw);
  return h.HexDigest();
}

}  // namespace cablebase
