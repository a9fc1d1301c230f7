// The archive: an embedded SQLite file of parsed cables — ingest, read back, reference graph, stats.
//
// The file's schema is documented in docs/schema.md (a researcher can open it with sqlite3, Datasette
// or pandas). No SQLite type crosses this header.
#ifndef CABLEBASE_ARCHIVE_H_
#define CABLEBASE_ARCHIVE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cablebase/cable.h"
#include "cablebase/status.h"

namespace cablebase {

namespace store {
class Db;  // internal (src/store/db.h); used by src/query through Archive::db()
}

// Progress of an ingest, reported from the writer thread after each committed batch and at most
// every `progress_interval_ms` in between.
struct IngestProgress {
  int64_t cables = 0;        // cables processed so far (stored, unchanged or failed)
  int64_t failed = 0;        // of which failed to read or parse
  uint64_t bytes = 0;        // input bytes consumed so far (estimate inside a file)
  uint64_t bytes_total = 0;  // sum of the sizes of all sources (0 when only stdin)
  double seconds = 0;        // wall time since the ingest started
};

// A cable that could not be read or parsed. The ingest goes on with the next one.
struct IngestError {
  std::string path;    // source file as given; "-" for stdin
  int64_t line = 0;    // 1-based line (text) or row (CSV dump); 0 when unknown
  std::string csv_id;  // the CSV dump's row id, when the failure was in a CSV row
  std::string reference_id;  // as published, when known
  Status status;       // code and reason
};

struct IngestOptions {
  InputFormat format = InputFormat::kAuto;  // forced input format, or auto-detect per file
  int jobs = 0;          // parser threads; 0 → std::thread::hardware_concurrency()
  int batch_size = 2000;  // cables per write transaction (>= 1); a crash loses at most one batch
                          // (2000: one FTS5 segment per ~13 MB of text, fewer merges than 500)
  int progress_interval_ms = 100;  // minimum time between on_progress calls
  // Called from the writer thread; must be cheap and must not call back into the Archive.
  std::function<void(const IngestProgress&)> on_progress;
  // Called from the writer thread for every failed cable, in input order.
  std::function<void(const IngestError&)> on_error;
};

// The outcome of an ingest. cables_read = added + new_versions + unchanged + refreshed + failed +
// skipped.
struct IngestSummary {
  int64_t cables_read = 0;   // raw cables seen (including failures)
  int64_t added = 0;         // reference IDs new to the archive
  int64_t new_versions = 0;  // new content for a reference ID already stored (a version was added)
  int64_t unchanged = 0;     // content already stored with an identical record (nothing written)
  int64_t refreshed = 0;     // content already stored, record re-parsed differently (updated)
  int64_t failed = 0;        // could not be read or parsed (see IngestOptions::on_error)
  int64_t skipped = 0;       // documents read that are not telegrams (FRUS memoranda): not errors
  uint64_t bytes = 0;        // input bytes read
  double seconds = 0;        // wall time
};

// What Archive::Put did with one record.
enum class PutOutcome { kAdded, kNewVersion, kUnchanged, kRefreshed };

// One stored version of a cable (docs/schema.md, cable_versions).
// A cable whose sections were published as separate records is stored in parts (SECTION X OF Y
// → part X of Y; a whole cable is part 1 of 1): versions are numbered and current within their
// part, and every part's current version is current (docs/schema.md; store/cable_parts.h).
struct CableVersion {
  int version = 0;            // 1-based within its part, in order of arrival
  int part = 1;               // the part of the cable this version holds (1 for a whole cable)
  int part_count = 1;         // of how many parts (1 for a whole cable)
  bool current = false;       // the current version of its part (shown, searched, exported)
  std::string content_hash;   // SHA-256 hex of the published content
  std::string released;       // ISO, or empty
  std::string ingested_at;    // ISO UTC
  Cable cable;                // the record as stored
};

enum class RefDirection { kCites, kCitedBy, kBoth };

// A cable in a reference graph; present or only known from being cited.
struct RefNode {
  std::string reference_id;
  bool in_archive = false;  // false: cited by an archived cable but not itself stored
  int depth = 0;            // hops from the root (root = 0)
  std::string created;      // ISO (empty when not in the archive)
  std::string subject;
  std::string origin;       // post_key of the reference ID (MOSCOW), known even when absent
};

// One REF entry of an archived cable. `cited_id` is empty for entries that name no cable
// (an e-mail, a memo, a report); those are only listed for cables whose cites were expanded.
struct RefEdge {
  std::string citing_id;
  std::string cited_id;
  std::string label;  // "A"
  std::string text;   // "MOSCOW 1323"
  std::string kind;   // ReferenceKindName: "cable", "email", ...
};

// The neighbourhood of one cable: nodes (root first, then by depth and ID) and edges (unique).
struct RefGraph {
  std::string root;
  std::vector<RefNode> nodes;
  std::vector<RefEdge> edges;
};

// A count of cables by one key, largest first (ties by key).
struct CountItem {
  std::string key;
  int64_t count = 0;
};

// Counts over the current version of every cable (docs/schema.md).
struct ArchiveStats {
  int64_t cables = 0;
  int64_t versions = 0;             // rows of cable_versions (>= cables)
  int64_t multi_version_cables = 0; // reference IDs with more than one version of a part (parts
                                    // of one cable are not versions of each other)
  int64_t addressees = 0;
  int64_t paragraphs = 0;
  int64_t references = 0;             // all REF entries
  int64_t cable_references = 0;       // entries that name a cable
  int64_t resolved_references = 0;    // ... whose cable is in the archive
  int64_t unresolved_references = 0;  // ... whose cable is not
  int64_t unresolved_cables = 0;      // distinct reference IDs cited but absent
  std::vector<CountItem> by_year;     // "2006" (ascending by year, not by count); "" = no date
  std::vector<CountItem> by_origin;   // post_key: "MOSCOW"
  std::vector<CountItem> by_classification;  // classification_level
  std::vector<CountItem> by_caveat;   // distinct cables per caveat (text or metadata)
  std::vector<CountItem> by_tag;      // "PREL"
  // The audit (cablebase/audit.h) of the stored records, written at ingest (table audit_findings):
  // cables whose record breaks any invariant, and per invariant (every one, in report order,
  // zeros included) how many cables break it.
  int64_t cables_with_findings = 0;
  std::vector<CountItem> by_invariant;  // "ref_labels"
};

// An open archive file. Created by Open; owned by the caller through unique_ptr; closed on
// destruction. One Archive is one SQLite connection: NOT thread-safe — use it from one thread at a
// time, or open one Archive per thread (any number of readers may run beside one writer: WAL mode).
// Ingest runs its own parser threads internally but is itself a single call.
class Archive {
 public:
  enum class Mode { kReadOnly, kReadWrite };

  // Opens the archive at `path`. kReadWrite creates the file if absent and brings the schema to the
  // latest version (docs/schema.md). Failures: kNotFound (read-only and no file), kCorrupt (not an
  // SQLite file, not a cablebase archive, a newer schema than this build, or a read-only file whose
  // schema needs an upgrade), kIoError (cannot create/open), kTimeout (locked by another writer
  // for longer than the busy timeout).
  static Result<std::unique_ptr<Archive>> Open(const std::string& path, Mode mode);

  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  // Reads every source (files, directories, "-" for stdin; read.h ListSources/ReadSource), parses
  // the cables on `options.jobs` threads and stores them from one writer thread in transactions of
  // `options.batch_size` cables, in input order. A cable that fails to read or parse is counted,
  // passed to on_error and skipped. Re-ingesting stored content is a no-op (content hash); a process
  // killed at any point leaves a consistent file that a re-run completes. Fails (returning no
  // summary) only when a source does not exist (kNotFound), the archive is read-only
  // (kInvalidArgument) or the database refuses a write (kIoError/kTimeout); batches committed before
  // the failure stay. At the end it rebuilds the search columns (compact facet and date-order
  // columns searches read; docs/schema.md, search_columns) when anything changed: ~2 s at 251,287
  // cables, nothing when the archive is unchanged.
  Result<IngestSummary> Ingest(const std::vector<std::string>& sources,
                               const IngestOptions& options = {});

  // Stores one record in its own transaction (same rules as Ingest). kInvalidArgument when the
  // record has no reference ID or the archive is read-only. Leaves the search columns stale:
  // searches then run on SQL alone (same results, slower) until the next Ingest.
  Result<PutOutcome> Put(const Cable& cable);

  // The current record of a cable: its current version, or — when its sections were stored as
  // separate parts — the current version of every part joined in part order and parsed as one
  // cable. `reference_id` is canonicalised (case, spaces, malformed published forms). kNotFound
  // when absent; kCorrupt when a stored version does not read back.
  Result<Cable> Get(std::string_view reference_id);

  // Every version of a cable, by part then oldest first. kNotFound when absent.
  Result<std::vector<CableVersion>> Versions(std::string_view reference_id);

  // The reference graph around `reference_id` up to `depth` hops (>= 1) in `direction`. Cables
  // cited but absent are nodes with in_archive = false and are not expanded. kNotFound when the
  // cable is neither stored nor cited by a stored cable; kInvalidArgument for depth < 1.
  Result<RefGraph> Refs(std::string_view reference_id, RefDirection direction, int depth = 1);

  // Counts for `cablebase stats`. `top` limits by_origin/by_tag/by_caveat to the largest N (0 = all).
  Result<ArchiveStats> Stats(int top = 0);

  // How many stored cables are not yet in the full-text index: those an ingest committed and has
  // not indexed yet (it indexes every 20,000 rows and at its end), or that an interrupted ingest
  // left; the next ingest (or `cablebase ingest --upgrade`) indexes them. Word searches do not
  // find them meanwhile. SQLite errors.
  Result<int64_t> CablesNotYetIndexed();

  // Calls `fn` for the current record (as Get) of every cable, ordered by created then reference ID,
  // streaming (constant memory). Stops early when `fn` returns false. Errors: kCorrupt for a stored
  // record that does not read back, SQLite failures.
  Status ForEachCable(const std::function<bool(const Cable&)>& fn);

  // Calls `fn` for every REF entry that names a cable (the graph of the whole archive), with
  // `resolved` true when the cited cable is stored. Streaming; stops when `fn` returns false.
  Status ForEachEdge(const std::function<bool(const RefEdge&, bool resolved)>& fn);

  const std::string& path() const;

  // Stops the query running on this archive's connection (from any thread; the one exception to
  // the thread rules): it fails soon with kTimeout, and so does every call after it until
  // ClearInterrupt() (sticky, so that an interrupt landing between two SQL statements is not
  // lost). Used by the server's query time limit.
  void Interrupt();
  // Lets the archive run queries again after Interrupt(). Same thread rules as other calls.
  void ClearInterrupt();

  // Internal: the connection, for src/query (which compiles queries against docs/schema.md).
  // Same thread rules as the Archive.
  store::Db& db();

 private:
  struct Impl;
  explicit Archive(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// "cites", "citedby" or "both" → direction; kInvalidArgument otherwise.
Result<RefDirection> ParseRefDirection(std::string_view s);

// The name ParseRefDirection reads: "cites", "citedby" or "both" (static storage).
const char* RefDirectionName(RefDirection direction);

// The content hash of a record (docs/schema.md "Content hash"): SHA-256 hex over the canonical
// reference ID, created, metadata_classification and the whitespace-collapsed header and text
// blocks. Thread-safe.
std::string CableContentHash(const Cable& cable);

}  // namespace cablebase

#endif  // CABLEBASE_ARCHIVE_H_
