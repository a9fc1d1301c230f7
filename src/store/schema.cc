// The archive's migrations: the SQL text of every schema version (docs/schema.md explains each column).
#include "store/schema.h"

#include <string>

namespace cablebase::store {

namespace {

// Version 1: the whole archive. Conventions (docs/schema.md §Conventions): absent values are NULL,
// never ''; dates are ISO 8601 text (UTC, "2006-02-20T10:07:00Z") so they sort and compare as text;
// lists that a researcher filters on are child tables, lists only read are JSON arrays.
constexpr std::string_view kSchemaV1 = R"SQL(
CREATE TABLE schema_migrations (
  version     INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at  TEXT NOT NULL
);

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT
);

-- Every distinct published content of a reference ID (the 2010 and 2011 releases differ).
CREATE TABLE cable_versions (
  id            INTEGER PRIMARY KEY,
  reference_id  TEXT NOT NULL,
  version       INTEGER NOT NULL,            -- 1, 2, ... per reference_id in order of arrival
  content_hash  TEXT NOT NULL,               -- SHA-256 hex of the published content
  released      TEXT,                        -- ISO; decides which version is current
  ingested_at   TEXT NOT NULL,
  source_path   TEXT,
  source_format TEXT,                        -- html | text | csv
  source_line   INTEGER,
  source_csv_id TEXT,
  record_json   TEXT NOT NULL,               -- CableToJson of the full record
  UNIQUE (reference_id, content_hash),
  UNIQUE (reference_id, version)
);

-- One row per reference ID: the current version, field by field.
CREATE TABLE cables (
  id                      INTEGER PRIMARY KEY,   -- also the rowid of cables_fts
  reference_id            TEXT NOT NULL UNIQUE,
  reference_id_published  TEXT,
  version_id              INTEGER NOT NULL REFERENCES cable_versions(id),
  version_count           INTEGER NOT NULL DEFAULT 1,
  post_key                TEXT,                  -- post part of reference_id: MOSCOW, STATE
  created                 TEXT,
  year                    INTEGER,
  released                TEXT,
  origin                  TEXT,
  originator              TEXT,
  post                    TEXT,
  precedence              TEXT,
  dtg                     TEXT,
  classification          TEXT,
  metadata_classification TEXT,
  classification_level    TEXT,
  section_number          INTEGER,
  section_count           INTEGER,
  serial                  TEXT,
  executive_order         TEXT,
  declassify_on           TEXT,
  eo_line                 TEXT,
  subject                 TEXT,
  classified_by_name      TEXT,
  classified_by_title     TEXT,
  classified_by_reasons   TEXT,                  -- JSON array
  classified_by_text      TEXT,
  summary                 TEXT,
  comment                 TEXT,
  signers                 TEXT,                  -- JSON array
  partial                 INTEGER NOT NULL DEFAULT 0,
  body                    TEXT,
  transmission            TEXT,                  -- JSON object or NULL
  metadata_references     TEXT,                  -- JSON array or NULL
  source_path             TEXT,
  source_format           TEXT,
  source_line             INTEGER,
  source_csv_id           TEXT
);
CREATE INDEX cables_created ON cables(created);
CREATE INDEX cables_year ON cables(year);
CREATE INDEX cables_post_key ON cables(post_key COLLATE NOCASE);
CREATE INDEX cables_origin ON cables(origin COLLATE NOCASE);
CREATE INDEX cables_originator ON cables(originator COLLATE NOCASE);
CREATE INDEX cables_post ON cables(post COLLATE NOCASE);
CREATE INDEX cables_classification_level ON cables(classification_level);

CREATE TABLE addressees (
  cable_id   INTEGER NOT NULL REFERENCES cables(id),
  role       TEXT NOT NULL,                -- 'to' | 'info'
  position   INTEGER NOT NULL,             -- 0-based within the role
  route      TEXT,
  name       TEXT NOT NULL,
  precedence TEXT,
  sequence   TEXT,
  collective INTEGER NOT NULL DEFAULT 0,
  excluded   TEXT,                         -- JSON array or NULL
  PRIMARY KEY (cable_id, role, position)
) WITHOUT ROWID;
CREATE INDEX addressees_name ON addressees(name COLLATE NOCASE);

CREATE TABLE tags (
  cable_id INTEGER NOT NULL REFERENCES cables(id),
  position INTEGER NOT NULL,
  tag      TEXT NOT NULL,
  kind     TEXT NOT NULL,                  -- subject|person|program|geographic|organization|unknown
  PRIMARY KEY (cable_id, position)
) WITHOUT ROWID;
CREATE INDEX tags_tag ON tags(tag COLLATE NOCASE, cable_id);

CREATE TABLE caveats (
  cable_id INTEGER NOT NULL REFERENCES cables(id),
  caveat   TEXT NOT NULL,
  source   TEXT NOT NULL,                  -- 'text' | 'metadata'
  PRIMARY KEY (cable_id, source, caveat)
) WITHOUT ROWID;
CREATE INDEX caveats_caveat ON caveats(caveat COLLATE NOCASE, cable_id);

CREATE TABLE refs (
  cable_id  INTEGER NOT NULL REFERENCES cables(id),
  position  INTEGER NOT NULL,
  citing_id TEXT NOT NULL,                 -- reference_id of the citing cable
  label     TEXT,
  text      TEXT,
  kind      TEXT NOT NULL,                 -- cable|email|memo|telcon|report|...|unknown
  cited_id  TEXT,                          -- canonical reference ID when the entry names a cable
  PRIMARY KEY (cable_id, position)
) WITHOUT ROWID;
CREATE INDEX refs_cited ON refs(cited_id);
CREATE INDEX refs_citing ON refs(citing_id);

CREATE VIEW ref_edges AS
  SELECT r.citing_id, r.cited_id, r.label, r.text, r.kind,
         EXISTS (SELECT 1 FROM cables c WHERE c.reference_id = r.cited_id) AS resolved
  FROM refs r WHERE r.cited_id IS NOT NULL;

CREATE TABLE paragraphs (
  cable_id        INTEGER NOT NULL REFERENCES cables(id),
  position        INTEGER NOT NULL,        -- 0-based order in the cable
  number          INTEGER NOT NULL,        -- as written (1-based)
  portion_marking TEXT,
  text            TEXT NOT NULL,
  PRIMARY KEY (cable_id, position)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE cables_fts USING fts5(
  subject, body,
  content='cables', content_rowid='id',
  tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER cables_fts_insert AFTER INSERT ON cables BEGIN
  INSERT INTO cables_fts(rowid, subject, body) VALUES (new.id, new.subject, new.body);
END;
CREATE TRIGGER cables_fts_delete AFTER DELETE ON cables BEGIN
  INSERT INTO cables_fts(cables_fts, rowid, subject, body)
    VALUES ('delete', old.id, old.subject, old.body);
END;
CREATE TRIGGER cables_fts_update AFTER UPDATE OF subject, body ON cables BEGIN
  INSERT INTO cables_fts(cables_fts, rowid, subject, body)
    VALUES ('delete', old.id, old.subject, old.body);
  INSERT INTO cables_fts(rowid, subject, body) VALUES (new.id, new.subject, new.body);
END;
)SQL";

// Version 2 (issue 6): a version keeps the cable as read — the published metadata and the header
// and text blocks, ~1x the text — instead of `record_json`, a JSON copy of the parsed record (~3.3x
// the text; writing it was the largest cost of an ingest after FTS5, and its serialisation a third
// of the parse time). The record is parsed again when read (store/version_record.h). Existing
// versions are converted from their JSON.
constexpr std::string_view kSchemaV2 = R"SQL(
CREATE TABLE cable_versions_v2 (
  id                       INTEGER PRIMARY KEY,
  reference_id             TEXT NOT NULL,
  version                  INTEGER NOT NULL,
  content_hash             TEXT NOT NULL,
  released                 TEXT,
  ingested_at              TEXT NOT NULL,
  source_path              TEXT,
  source_format            TEXT,
  source_line              INTEGER,
  source_csv_id            TEXT,
  published_id             TEXT,         -- the reference ID as published
  created                  TEXT,         -- ISO, as the record has it
  published_classification TEXT,         -- as published, whitespace collapsed: SECRET//NOFORN
  origin                   TEXT,         -- publisher's origin
  published_references     TEXT,         -- JSON array (CSV column 6) or NULL
  header_raw               TEXT,         -- the header block as read
  text_raw                 TEXT NOT NULL, -- the text block as read
  UNIQUE (reference_id, content_hash),
  UNIQUE (reference_id, version)
);
INSERT INTO cable_versions_v2
  SELECT id, reference_id, version, content_hash, released, ingested_at, source_path,
         source_format, source_line, source_csv_id,
         coalesce(json_extract(record_json, '$.reference_id_published'),
                  json_extract(record_json, '$.reference_id')),
         json_extract(record_json, '$.created'),
         json_extract(record_json, '$.metadata_classification'),
         json_extract(record_json, '$.origin'),
         CASE WHEN json_array_length(record_json, '$.metadata_references') > 0
              THEN json_extract(record_json, '$.metadata_references') END,
         json_extract(record_json, '$.header_raw'),
         coalesce(json_extract(record_json, '$.text_raw'), '')
  FROM cable_versions;
DROP TABLE cable_versions;
ALTER TABLE cable_versions_v2 RENAME TO cable_versions;
-- The cablebase version that derived each row (NULL: derived by schema 1's cablebase); a row of
-- another version is derived again when its cable is ingested again from the same source.
ALTER TABLE cables ADD COLUMN parsed_by TEXT;
-- New rows are indexed by the writer, one INSERT ... SELECT per batch (CableWriter::FlushIndex):
-- with SQLite 3.40, every statement that writes to an FTS5 table flushes its in-memory terms to a
-- new segment, so a per-row trigger made one segment per cable and merging them cost ~60% of an
-- ingest (perf, issue 6). Updates and deletes keep their triggers.
DROP TRIGGER cables_fts_insert;
-- FTS5 keeps new terms in memory up to `hashsize` bytes before it writes them as a segment
-- (default 1 MiB, a segment per ~300 cables). 64 MiB: a segment per batch, a fifth less CPU for
-- the index (bench/fts5_baseline.py at 43,505 cables: 17.2 s -> 13.4 s; the baseline uses it too).
INSERT INTO cables_fts(cables_fts, rank) VALUES('hashsize', 67108864);
-- Paragraph texts were a second copy of the body (1.75x the text in a WITHOUT ROWID table, the
-- largest table of the archive); the record has them (`cablebase show`), the body is indexed.
-- A paragraph row keeps its number, portion marking and length.
ALTER TABLE paragraphs DROP COLUMN text;
ALTER TABLE paragraphs ADD COLUMN length INTEGER NOT NULL DEFAULT 0;
)SQL";

// Version 3: compact per-cable columns for search (store/search_columns.h) and the counter that
// tells whether they are current. Each trigger costs one small UPDATE per cables row written.
constexpr std::string_view kSchemaV3 = R"SQL(
CREATE TABLE search_columns (
  name       TEXT PRIMARY KEY,               -- year, post_key, level, origin, ... (search_columns.h)
  generation TEXT NOT NULL,                  -- layout:cables_generation:max(cables.id):max(cable_versions.id)
  data       BLOB NOT NULL                   -- store/search_columns.cc describes the layout
);
INSERT OR REPLACE INTO meta(key, value) VALUES ('cables_generation', 0);
CREATE TRIGGER cables_generation_insert AFTER INSERT ON cables BEGIN
  UPDATE meta SET value = value + 1 WHERE key = 'cables_generation';
END;
CREATE TRIGGER cables_generation_update AFTER UPDATE ON cables BEGIN
  UPDATE meta SET value = value + 1 WHERE key = 'cables_generation';
END;
CREATE TRIGGER cables_generation_delete AFTER DELETE ON cables BEGIN
  UPDATE meta SET value = value + 1 WHERE key = 'cables_generation';
END;
)SQL";

// Version 4: the title as published (alx line 2, a page's appended record), which is the subject
// of a cable whose text has none (01STATE176819); versions stored before keep NULL.
constexpr std::string_view kSchemaV4 = R"SQL(
ALTER TABLE cable_versions ADD COLUMN published_title TEXT;
)SQL";

// Version 5 (issue 13): the archive forms' own fields as read (PlusD synopsis and Metadata pane,
// FRUS head and source note, cfpf-gt entities, FOIA document number; cable.h ArchiveFields) as
// the JSON object `archive` of the record (docs/cable_json.md); NULL for the Cablegate forms and
// for versions stored before. Without it a PlusD page's To/From/Concepts, which are not in its
// text, would be lost when the version is parsed again.
constexpr std::string_view kSchemaV5 = R"SQL(
ALTER TABLE cable_versions ADD COLUMN archive_json TEXT;
)SQL";

// Version 6 (issue 11): the audit's findings per cable (cablebase/audit.h), written with the row
// by the ingest writer. An existing archive gets the table empty and meta `audit_findings` =
// 'pending'; Archive::Open (read-write) then audits every stored cable once
// (store/audit_findings.h) and sets it to 'complete'.
constexpr std::string_view kSchemaV6 = R"SQL(
CREATE TABLE audit_findings (
  cable_id  INTEGER NOT NULL,                 -- cables.id
  invariant TEXT NOT NULL,                    -- ref_labels, classified_by, ... (cablebase audit --list)
  message   TEXT NOT NULL,                    -- "references: 3 labels in REF, 1 read (missing B C)"
  expected  TEXT,                             -- what the raw text has
  found     TEXT,                             -- what the record has
  PRIMARY KEY (cable_id, invariant)
) WITHOUT ROWID;
CREATE INDEX audit_findings_invariant ON audit_findings(invariant);
INSERT OR REPLACE INTO meta(key, value) VALUES ('audit_findings', 'pending');
)SQL";

// Version 7 (issue 11): sections published as separate records are parts of one cable, not
// versions of each other (store/cable_parts.h). Each version holds part `part` of `part_count`
// (1 of 1: a whole cable) and is numbered within its part, so the table is rebuilt with
// UNIQUE (reference_id, part, version). Existing versions start as 1 of 1 with meta `parts` =
// 'pending'; Archive::Open (read-write) then reads each stored version's part from its text and
// published ID, renumbers, and derives the rows of cables stored in several parts again
// (store/parts_upgrade.h), and sets it to 'complete'.
constexpr std::string_view kSchemaV7 = R"SQL(
CREATE TABLE cable_versions_v7 (
  id                       INTEGER PRIMARY KEY,
  reference_id             TEXT NOT NULL,
  version                  INTEGER NOT NULL,   -- 1, 2, ... per reference_id and part, by arrival
  content_hash             TEXT NOT NULL,
  released                 TEXT,
  ingested_at              TEXT NOT NULL,
  source_path              TEXT,
  source_format            TEXT,
  source_line              INTEGER,
  source_csv_id            TEXT,
  published_id             TEXT,
  created                  TEXT,
  published_classification TEXT,
  origin                   TEXT,
  published_references     TEXT,
  header_raw               TEXT,
  text_raw                 TEXT NOT NULL,
  published_title          TEXT,
  archive_json             TEXT,
  part                     INTEGER NOT NULL DEFAULT 1,  -- SECTION X OF Y → X; 1 for a whole cable
  part_count               INTEGER NOT NULL DEFAULT 1,  -- → Y
  UNIQUE (reference_id, content_hash),
  UNIQUE (reference_id, part, version)
);
INSERT INTO cable_versions_v7(id, reference_id, version, content_hash, released, ingested_at,
    source_path, source_format, source_line, source_csv_id, published_id, created,
    published_classification, origin, published_references, header_raw, text_raw,
    published_title, archive_json)
  SELECT id, reference_id, version, content_hash, released, ingested_at, source_path,
         source_format, source_line, source_csv_id, published_id, created,
         published_classification, origin, published_references, header_raw, text_raw,
         published_title, archive_json
  FROM cable_versions;
DROP TABLE cable_versions;
ALTER TABLE cable_versions_v7 RENAME TO cable_versions;
INSERT OR REPLACE INTO meta(key, value) VALUES ('parts', 'pending');
)SQL";

const std::vector<Migration>* BuildMigrations() {
  return new std::vector<Migration>{
      {1, "cables, versions, addressees, tags, caveats, refs, paragraphs, FTS5 index", kSchemaV1},
      {2, "versions keep the cable as read instead of a JSON copy of the record", kSchemaV2},
      {3, "search_columns: compact per-cable columns for facets and date order", kSchemaV3},
      {4, "versions keep the published title", kSchemaV4},
      {5, "versions keep the archive forms' own fields (archive_json)", kSchemaV5},
      {6, "audit_findings: where a record disagrees with its own raw text", kSchemaV6},
      {7, "versions hold a part of their cable (sections published as separate records)",
       kSchemaV7},
  };
}

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration>* migrations = BuildMigrations();
  return *migrations;
}

int LatestSchemaVersion() { return Migrations().back().version; }

Result<int> SchemaVersion(Db& db) {
  Result<Statement> st = db.Prepare("PRAGMA user_version");
  if (!st.ok()) return st.status();
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  return *row ? static_cast<int>(st->ColumnInt(0)) : 0;
}

Status Migrate(Db& db) {
  Result<int> current = SchemaVersion(db);
  if (!current.ok()) return current.status();
  if (*current > LatestSchemaVersion()) {
    return Status(StatusCode::kCorrupt,
                  "database schema version " + std::to_string(*current) +
                      " is newer than this cablebase understands (" +
                      std::to_string(LatestSchemaVersion()) + "); upgrade cablebase",
                  db.path());
  }
  if (*current == LatestSchemaVersion()) return Status::Ok();
  if (Status s = db.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  // Re-read under the write lock: another process may have migrated meanwhile.
  current = SchemaVersion(db);
  if (!current.ok()) {
    db.Exec("ROLLBACK");
    return current.status();
  }
  for (const Migration& m : Migrations()) {
    if (m.version <= *current) continue;
    Status s = db.Exec(m.sql);
    if (s.ok()) {
      Result<Statement> rec = db.Prepare(
          "INSERT INTO schema_migrations(version, description, applied_at) "
          "VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
      if (!rec.ok()) {
        s = rec.status();
      } else {
        rec->BindInt(1, m.version);
        rec->BindText(2, m.description);
        s = rec->Run();
      }
    }
    if (s.ok()) s = db.Exec("PRAGMA user_version = " + std::to_string(m.version));
    if (!s.ok()) {
      db.Exec("ROLLBACK");
      return Status(s.code(), "migration to schema version " + std::to_string(m.version) +
                                  " failed: " + s.message(), db.path());
    }
  }
  return db.Exec("COMMIT");
}

}  // namespace cablebase::store
