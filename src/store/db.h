// RAII wrappers of a SQLite connection and a prepared statement (the only users of sqlite3.h).
#ifndef CABLEBASE_STORE_DB_H_
#define CABLEBASE_STORE_DB_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cablebase/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace cablebase::store {

class Db;

// A prepared statement. Owned by value (movable, not copyable); finalized on destruction. Must not
// outlive its Db. Not thread-safe: use from one thread at a time (like its connection).
// Parameters are 1-based; columns 0-based. Every value reaches SQLite only through Bind*.
class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Bind a value; BindText of an empty view with `empty_as_null` (the default) binds NULL, the
  // schema's convention for an absent field (docs/schema.md).
  void BindText(int index, std::string_view value, bool empty_as_null = true);
  void BindInt(int index, int64_t value);
  void BindDouble(int index, double value);
  void BindNull(int index);
  // Binds NULL when `value` is 0 (an absent section number etc.).
  void BindIntOrNull(int index, int64_t value);
  // Binds `value` as a BLOB (copied; an empty view binds a zero-length blob, not NULL).
  void BindBlob(int index, std::string_view value);

  // Runs one step: true when a row is available, false when done; kIoError/kCorrupt with SQLite's
  // message on failure (kTimeout when the database stayed locked past the busy timeout).
  Result<bool> Step();
  // Steps to completion, discarding rows, then resets.
  Status Run();
  // Resets for re-execution and clears bindings.
  void Reset();

  int64_t ColumnInt(int col) const;
  double ColumnDouble(int col) const;
  // The text of a column ("" for NULL). The copy owns its bytes.
  std::string ColumnText(int col) const;
  bool ColumnIsNull(int col) const;
  // The bytes of a BLOB (or text) column, without a copy: valid until the next Step/Reset.
  std::string_view ColumnBlob(int col) const;
  int ColumnCount() const;

 private:
  friend class Db;
  Statement(sqlite3_stmt* stmt, Db* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* stmt_ = nullptr;
  Db* db_ = nullptr;
};

// One SQLite connection. Owned by unique_ptr (not movable: statements point back to it). Closed on
// destruction (after every Statement made from it is gone). Use from one thread at a time.
class Db {
 public:
  enum class Mode { kReadOnly, kReadWrite };

  // Opens (kReadWrite: creates if absent) `path`. Sets a busy timeout (`busy_ms`), and for kReadWrite
  // WAL journaling with synchronous=NORMAL (durable against process crashes; docs/schema.md).
  // Fails with kNotFound when a read-only file does not exist, kIoError/kCorrupt otherwise.
  static Result<std::unique_ptr<Db>> Open(const std::string& path, Mode mode, int busy_ms = 10000);

  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  // Executes SQL text with no parameters (schema statements, BEGIN/COMMIT). Never pass user data.
  Status Exec(std::string_view sql);
  // Prepares one statement; kInternal on an SQL error (a bug: every statement is ours).
  Result<Statement> Prepare(std::string_view sql);

  // Makes the work running on this connection stop soon with kTimeout, and every statement stepped
  // after it, until ClearInterrupt(). Safe to call from another thread. Sticky on purpose:
  // sqlite3_interrupt alone is a no-op when no statement is running at that instant (a search
  // between two statements, or in C++ work over ids), and does not reach a long FTS5 call; so the
  // flag is also checked by Step(), by a progress handler every 1,000 VM steps, by our FTS5
  // functions per row and by the search executor between stages (interrupted()).
  void Interrupt();
  // Ends the effect of Interrupt(): the connection runs statements again. Call from the thread
  // that uses the connection, before a new piece of work.
  void ClearInterrupt() { interrupted_.store(false, std::memory_order_relaxed); }
  // True between Interrupt() and ClearInterrupt(). Cheap (one relaxed atomic load).
  bool interrupted() const { return interrupted_.load(std::memory_order_relaxed); }
  // The kTimeout status that work stopped by Interrupt() returns.
  Status InterruptedStatus() const;

  // Defines the SQL function `name(x)` on this connection: 1 when 0 <= x < ids->size() and
  // (*ids)[x] != 0, else 0. It lets a statement skip rows cheaply before computing expensive
  // columns (a bm25() per FTS5 hit). `ids` is not copied: it must outlive every use of `name`;
  // pass nullptr to remove the function. kInternal when SQLite refuses the name.
  Status DefineIdFilter(const std::string& name, const std::vector<uint8_t>* ids);

  // The whole value of BLOB column `column` of row `rowid` of `table`, copied once from the
  // database pages into the returned buffer (sqlite3_column_blob would assemble it in SQLite's
  // memory first). kNotFound when the row is absent; kIoError/kCorrupt otherwise.
  struct Blob {
    std::unique_ptr<char[]> data;
    size_t size = 0;
  };
  Result<Blob> ReadBlob(const std::string& table, const std::string& column, int64_t rowid);

  // The connection itself, for store/ code that registers SQLite extensions (store/fts_rank.cc).
  sqlite3* raw() const { return db_; }
  // State of store/fts_rank.cc on this connection: whether cablebase_bm25 is registered, the FTS5
  // row token counts it reads (not owned; nullptr: read them from the index), and what it calls
  // once, after its first rows, to get them (a query with few hits never pays for loading them).
  bool fts_rank_registered = false;
  bool fts_snippet_registered = false;  // store/fts_snippet.cc
  const std::vector<uint32_t>* fts_row_tokens = nullptr;
  std::function<const std::vector<uint32_t>*()> fts_row_tokens_loader;
  int64_t fts_row_tokens_after = 2000;  // rows scored before the loader is called
  void* fts_rank_all = nullptr;         // the running RankPhrases call's state

  int64_t LastInsertRowId() const;
  int64_t Changes() const;
  const std::string& path() const { return path_; }
  Mode mode() const { return mode_; }

  // A Status for SQLite result code `rc` with the connection's message, e.g.
  // "database is locked" → kTimeout, SQLITE_CORRUPT/NOTADB → kCorrupt, others kIoError.
  Status Error(int rc, std::string_view what) const;

 private:
  Db(sqlite3* db, std::string path, Mode mode) : db_(db), path_(std::move(path)), mode_(mode) {}
  sqlite3* db_ = nullptr;
  std::string path_;
  Mode mode_;
  std::atomic<bool> interrupted_{false};
};

// RAII transaction: BEGIN (IMMEDIATE for writers) on Begin(), ROLLBACK on destruction unless
// Commit() succeeded. Not thread-safe.
class Transaction {
 public:
  explicit Transaction(Db& db) : db_(db) {}
  ~Transaction();
  Status Begin();
  Status Commit();

 private:
  Db& db_;
  bool open_ = false;
};

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_DB_H_
