// RAII SQLite connection, statement and transaction (store/db.h).
#include "store/db.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <utility>

namespace cablebase::store {

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

void Statement::BindText(int index, std::string_view value, bool empty_as_null) {
  if (value.empty() && empty_as_null) {
    sqlite3_bind_null(stmt_, index);
    return;
  }
  sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void Statement::BindInt(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }

void Statement::BindDouble(int index, double value) { sqlite3_bind_double(stmt_, index, value); }

void Statement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }

void Statement::BindIntOrNull(int index, int64_t value) {
  if (value == 0) {
    sqlite3_bind_null(stmt_, index);
  } else {
    sqlite3_bind_int64(stmt_, index, value);
  }
}

void Statement::BindBlob(int index, std::string_view value) {
  sqlite3_bind_blob64(stmt_, index, value.empty() ? "" : value.data(), value.size(),
                      SQLITE_TRANSIENT);
}

Result<bool> Statement::Step() {
  if (db_->interrupted()) {
    sqlite3_reset(stmt_);
    return db_->InterruptedStatus();
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status s = db_->Error(rc, "step");
  sqlite3_reset(stmt_);
  return s;
}

Status Statement::Run() {
  for (;;) {
    Result<bool> r = Step();
    if (!r.ok()) return r.status();
    if (!*r) break;
  }
  sqlite3_reset(stmt_);
  return Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t Statement::ColumnInt(int col) const { return sqlite3_column_int64(stmt_, col); }

double Statement::ColumnDouble(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Statement::ColumnText(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

bool Statement::ColumnIsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

std::string_view Statement::ColumnBlob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  if (p == nullptr) return {};
  return std::string_view(static_cast<const char*>(p),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, Mode mode, int busy_ms) {
  if (mode == Mode::kReadOnly) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      return Status(StatusCode::kNotFound, "no archive at this path (run `cablebase ingest` first)",
                    path);
    }
  }
  sqlite3* raw = nullptr;
  int flags = (mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY
                                       : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
              SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    return Status(StatusCode::kIoError, "cannot open database: " + msg, path);
  }
  std::unique_ptr<Db> db(new Db(raw, path, mode));
  sqlite3_busy_timeout(raw, busy_ms);
  sqlite3_extended_result_codes(raw, 1);
  // A statement started after Interrupt() (sqlite3_interrupt was then a no-op) stops within 1,000
  // VM steps, a few microseconds.
  sqlite3_progress_handler(
      raw, 1000, [](void* d) -> int { return static_cast<Db*>(d)->interrupted() ? 1 : 0; },
      db.get());
  if (mode == Mode::kReadWrite) {
    if (Status s = db->Exec("PRAGMA journal_mode=WAL"); !s.ok()) return s;
    if (Status s = db->Exec("PRAGMA synchronous=NORMAL"); !s.ok()) return s;
  }
  // Touch the file so that a non-database is reported here, not at the first query.
  if (Status s = db->Exec("SELECT count(*) FROM sqlite_schema"); !s.ok()) return s;
  return db;
}

Db::~Db() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status Db::Exec(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    Status base = Error(rc, "exec");
    return Status(base.code(), msg, path_);
  }
  return Status::Ok();
}

Result<Statement> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    Status e = Error(rc, "prepare");
    // A schema-less file (not an archive) also lands here: say so rather than "internal".
    return Status(e.code() == StatusCode::kIoError ? StatusCode::kInternal : e.code(),
                  e.message(), path_);
  }
  return Statement(stmt, this);
}

namespace {

void IdFilterFunction(sqlite3_context* ctx, int /*argc*/, sqlite3_value** argv) {
  const auto* ids = static_cast<const std::vector<uint8_t>*>(sqlite3_user_data(ctx));
  sqlite3_int64 x = sqlite3_value_int64(argv[0]);
  sqlite3_result_int(ctx, x >= 0 && static_cast<uint64_t>(x) < ids->size() &&
                              (*ids)[static_cast<size_t>(x)] != 0);
}

}  // namespace

Status Db::DefineIdFilter(const std::string& name, const std::vector<uint8_t>* ids) {
  int rc = sqlite3_create_function_v2(
      db_, name.c_str(), 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
      const_cast<std::vector<uint8_t>*>(ids), ids ? IdFilterFunction : nullptr, nullptr, nullptr,
      nullptr);
  if (rc != SQLITE_OK) return Status(StatusCode::kInternal, "cannot define " + name, path_);
  return Status::Ok();
}

Result<Db::Blob> Db::ReadBlob(const std::string& table, const std::string& column,
                              int64_t rowid) {
  sqlite3_blob* blob = nullptr;
  int rc = sqlite3_blob_open(db_, "main", table.c_str(), column.c_str(), rowid, 0, &blob);
  if (rc != SQLITE_OK) {
    Status e = Error(rc, "blob");
    sqlite3_blob_close(blob);
    return (rc & 0xff) == SQLITE_ERROR ? Status(StatusCode::kNotFound, e.message(), path_) : e;
  }
  Blob out;
  out.size = static_cast<size_t>(sqlite3_blob_bytes(blob));
  out.data.reset(new char[out.size > 0 ? out.size : 1]);
  rc = out.size > 0 ? sqlite3_blob_read(blob, out.data.get(), static_cast<int>(out.size), 0)
                    : SQLITE_OK;
  Status s = rc == SQLITE_OK ? Status::Ok() : Error(rc, "blob read");
  sqlite3_blob_close(blob);
  if (!s.ok()) return s;
  return out;
}

int64_t Db::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int64_t Db::Changes() const { return sqlite3_changes64(db_); }

Status Db::Error(int rc, std::string_view what) const {
  int primary = rc & 0xff;
  StatusCode code = StatusCode::kIoError;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_INTERRUPT)
    code = StatusCode::kTimeout;
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) code = StatusCode::kCorrupt;
  if (primary == SQLITE_ERROR || primary == SQLITE_MISUSE || primary == SQLITE_RANGE) {
    code = StatusCode::kInternal;
  }
  std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  return Status(code, std::string(what) + ": " + msg, path_);
}

Transaction::~Transaction() {
  if (open_) db_.Exec("ROLLBACK");
}

Status Transaction::Begin() {
  Status s = db_.Exec(db_.mode() == Db::Mode::kReadWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  open_ = s.ok();
  return s;
}

Status Transaction::Commit() {
  Status s = db_.Exec("COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

void Db::Interrupt() {
  interrupted_.store(true, std::memory_order_relaxed);
  sqlite3_interrupt(db_);
}

Status Db::InterruptedStatus() const {
  return Status(StatusCode::kTimeout, "interrupted: the query ran past its time limit", path_);
}

}  // namespace cablebase::store
