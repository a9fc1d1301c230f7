// Fault injection for the store (issue 14): an SQLite VFS shim that makes writes fail (disk full,
// I/O error) after a budget of writes, installed as the default VFS while an ingest runs. After
// each fault the ingest stops with an error, the archive opens, passes PRAGMA integrity_check and
// FTS5's integrity-check, and a fault-free re-ingest completes to exactly the records of an
// uninterrupted run (0 lost, 0 duplicated).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "cablebase/archive.h"
#include "store_test_util.h"

namespace cablebase {
namespace {

using store_test::SqlInt;
using store_test::SqlText;
using store_test::TempDir;

// The shim: every call goes to the default VFS; xWrite, xTruncate and xSync fail with `error`
// once `budget` writes have passed (budget < 0: never). One per process, used by one test at a
// time (gtest runs tests sequentially).
struct FaultState {
  std::atomic<long> budget{-1};
  std::atomic<long> writes{0};
  std::atomic<long> faults{0};
  int error = SQLITE_FULL;
};
FaultState g_fault;

struct FaultFile {
  sqlite3_file base;   // pMethods = &kFaultMethods
  sqlite3_file* real;  // the default VFS's file, allocated after this struct
};

bool Fail() {
  const long b = g_fault.budget.load();
  if (b < 0) return false;
  if (g_fault.writes.fetch_add(1) < b) return false;
  g_fault.faults.fetch_add(1);
  return true;
}

sqlite3_file* Real(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f)->real; }

int FClose(sqlite3_file* f) {
  int rc = Real(f)->pMethods ? Real(f)->pMethods->xClose(Real(f)) : SQLITE_OK;
  return rc;
}
int FRead(sqlite3_file* f, void* p, int n, sqlite3_int64 off) {
  return Real(f)->pMethods->xRead(Real(f), p, n, off);
}
int FWrite(sqlite3_file* f, const void* p, int n, sqlite3_int64 off) {
  if (Fail()) return g_fault.error == SQLITE_FULL ? SQLITE_FULL : SQLITE_IOERR_WRITE;
  return Real(f)->pMethods->xWrite(Real(f), p, n, off);
}
int FTruncate(sqlite3_file* f, sqlite3_int64 size) {
  if (Fail()) return SQLITE_IOERR_TRUNCATE;
  return Real(f)->pMethods->xTruncate(Real(f), size);
}
int FSync(sqlite3_file* f, int flags) {
  if (Fail()) return SQLITE_IOERR_FSYNC;
  return Real(f)->pMethods->xSync(Real(f), flags);
}
int FFileSize(sqlite3_file* f, sqlite3_int64* s) { return Real(f)->pMethods->xFileSize(Real(f), s); }
int FLock(sqlite3_file* f, int l) { return Real(f)->pMethods->xLock(Real(f), l); }
int FUnlock(sqlite3_file* f, int l) { return Real(f)->pMethods->xUnlock(Real(f), l); }
int FCheckReservedLock(sqlite3_file* f, int* r) {
  return Real(f)->pMethods->xCheckReservedLock(Real(f), r);
}
int FFileControl(sqlite3_file* f, int op, void* a) {
  return Real(f)->pMethods->xFileControl(Real(f), op, a);
}
int FSectorSize(sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); }
int FDeviceCharacteristics(sqlite3_file* f) {
  return Real(f)->pMethods->xDeviceCharacteristics(Real(f));
}
int FShmMap(sqlite3_file* f, int pg, int sz, int ext, void volatile** pp) {
  return Real(f)->pMethods->xShmMap(Real(f), pg, sz, ext, pp);
}
int FShmLock(sqlite3_file* f, int off, int n, int flags) {
  return Real(f)->pMethods->xShmLock(Real(f), off, n, flags);
}
void FShmBarrier(sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); }
int FShmUnmap(sqlite3_file* f, int del) { return Real(f)->pMethods->xShmUnmap(Real(f), del); }
int FFetch(sqlite3_file* f, sqlite3_int64 off, int n, void** pp) {
  return Real(f)->pMethods->xFetch(Real(f), off, n, pp);
}
int FUnfetch(sqlite3_file* f, sqlite3_int64 off, void* p) {
  return Real(f)->pMethods->xUnfetch(Real(f), off, p);
}

const sqlite3_io_methods kFaultMethods = {
    3,          FClose,      FRead,     FWrite,       FTruncate,      FSync,
    FFileSize,  FLock,       FUnlock,   FCheckReservedLock,          FFileControl,
    FSectorSize, FDeviceCharacteristics, FShmMap,     FShmLock,       FShmBarrier,
    FShmUnmap,  FFetch,      FUnfetch};

sqlite3_vfs* g_default = nullptr;

int VOpen(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  auto* ff = reinterpret_cast<FaultFile*>(f);
  ff->real = reinterpret_cast<sqlite3_file*>(ff + 1);
  std::memset(ff->real, 0, static_cast<size_t>(g_default->szOsFile));
  int rc = g_default->xOpen(g_default, name, ff->real, flags, out_flags);
  // The real file's methods decide whether xClose must be called; ours always forward.
  ff->base.pMethods = ff->real->pMethods ? &kFaultMethods : nullptr;
  return rc;
}
int VDelete(sqlite3_vfs*, const char* n, int sync) { return g_default->xDelete(g_default, n, sync); }
int VAccess(sqlite3_vfs*, const char* n, int f, int* r) {
  return g_default->xAccess(g_default, n, f, r);
}
int VFullPathname(sqlite3_vfs*, const char* n, int size, char* out) {
  return g_default->xFullPathname(g_default, n, size, out);
}
void* VDlOpen(sqlite3_vfs*, const char* n) { return g_default->xDlOpen(g_default, n); }
void VDlError(sqlite3_vfs*, int n, char* m) { g_default->xDlError(g_default, n, m); }
void (*VDlSym(sqlite3_vfs*, void* h, const char* s))(void) {
  return g_default->xDlSym(g_default, h, s);
}
void VDlClose(sqlite3_vfs*, void* h) { g_default->xDlClose(g_default, h); }
int VRandomness(sqlite3_vfs*, int n, char* out) { return g_default->xRandomness(g_default, n, out); }
int VSleep(sqlite3_vfs*, int us) { return g_default->xSleep(g_default, us); }
int VCurrentTime(sqlite3_vfs*, double* t) { return g_default->xCurrentTime(g_default, t); }
int VGetLastError(sqlite3_vfs*, int n, char* m) { return g_default->xGetLastError(g_default, n, m); }
int VCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* t) {
  return g_default->xCurrentTimeInt64(g_default, t);
}

// Installs the shim as the default VFS for the lifetime of the object.
class FaultVfs {
 public:
  FaultVfs() {
    g_default = sqlite3_vfs_find(nullptr);
    vfs_ = *g_default;
    vfs_.iVersion = 2;
    vfs_.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_default->szOsFile;
    vfs_.zName = "cablebase-fault";
    vfs_.pNext = nullptr;
    vfs_.xOpen = VOpen;
    vfs_.xDelete = VDelete;
    vfs_.xAccess = VAccess;
    vfs_.xFullPathname = VFullPathname;
    vfs_.xDlOpen = VDlOpen;
    vfs_.xDlError = VDlError;
    vfs_.xDlSym = VDlSym;
    vfs_.xDlClose = VDlClose;
    vfs_.xRandomness = VRandomness;
    vfs_.xSleep = VSleep;
    vfs_.xCurrentTime = VCurrentTime;
    vfs_.xGetLastError = VGetLastError;
    vfs_.xCurrentTimeInt64 = VCurrentTimeInt64;
    sqlite3_vfs_register(&vfs_, /*makeDflt=*/1);
  }
  ~FaultVfs() {
    g_fault.budget = -1;
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(g_default, 1);
  }
  // Fails every write after `writes` more writes (< 0: none fails).
  void Arm(long writes, int error) {
    g_fault.error = error;
    g_fault.writes = 0;
    g_fault.faults = 0;
    g_fault.budget = writes;
  }
  void Disarm() { g_fault.budget = -1; }
  long writes() const { return g_fault.writes.load(); }
  long faults() const { return g_fault.faults.load(); }

 private:
  sqlite3_vfs vfs_{};
};

// What a clean and a faulted-then-completed archive must agree on.
std::string Fingerprint(const std::string& db) {
  std::string fp = SqlText(db,
                           "SELECT group_concat(x, ',') FROM (SELECT reference_id || ':' || "
                           "version || ':' || content_hash AS x FROM cable_versions "
                           "ORDER BY reference_id, version)");
  for (const char* t : {"cables", "tags", "refs", "paragraphs", "addressees", "caveats"}) {
    fp += "|" + std::to_string(SqlInt(db, std::string("SELECT count(*) FROM ") + t));
  }
  return fp;
}

void ExpectIntact(const std::string& db) {
  EXPECT_EQ(SqlText(db, "PRAGMA integrity_check"), "ok");
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(raw, "INSERT INTO cables_fts(cables_fts) VALUES('integrity-check')",
                         nullptr, nullptr, &err),
            SQLITE_OK)
      << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(raw);
  EXPECT_EQ(SqlInt(db, "SELECT count(*) FROM cables"),
            SqlInt(db, "SELECT count(DISTINCT reference_id) FROM cable_versions"));
}

Result<IngestSummary> IngestInto(const std::string& db, const std::string& sources) {
  Result<std::unique_ptr<Archive>> a = Archive::Open(db, Archive::Mode::kReadWrite);
  if (!a.ok()) return a.status();
  IngestOptions options;
  options.batch_size = 10;  // many commits: faults land inside and between transactions
  options.jobs = 2;
  return (*a)->Ingest({sources}, options);
}

// Disk full and I/O errors at write budgets spread over a whole ingest of the sample set.
TEST(StoreFaults, DiskFullAndIoErrorsDuringIngestLoseNothingCommitted) {
  CABLEBASE_SHARED_SET(samples, "samples");
  TempDir dir;
  FaultVfs vfs;
  // A clean run through the shim (armed past its end): the reference, and its count of writes.
  const std::string ref = dir.File("ref.db");
  vfs.Arm(1L << 40, SQLITE_FULL);
  ASSERT_TRUE(IngestInto(ref, samples).ok());
  const long writes = vfs.writes();
  vfs.Disarm();
  ASSERT_GT(writes, 20);
  const std::string expected = Fingerprint(ref);
  ASSERT_GT(SqlInt(ref, "SELECT count(*) FROM cables"), 100);

  int faulted = 0;
  for (int i = 1; i <= 4; ++i) {
    const int error = i % 2 ? SQLITE_FULL : SQLITE_IOERR;
    const long at = writes * i / 5;
    SCOPED_TRACE("fault after " + std::to_string(at) + " of " + std::to_string(writes) +
                 " writes, " + (error == SQLITE_FULL ? "disk full" : "I/O error"));
    const std::string db = dir.File("fault" + std::to_string(i) + ".db");
    vfs.Arm(at, error);
    Result<IngestSummary> r = IngestInto(db, samples);
    vfs.Disarm();
    if (vfs.faults() == 0) continue;
    ++faulted;
    // The ingest stops with an error that says what failed (never a crash, never "ok").
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.status().code() == StatusCode::kIoError ||
                r.status().code() == StatusCode::kCorrupt)
        << r.status().ToString();
    EXPECT_FALSE(r.status().message().empty());
    // The archive left behind is intact and holds at most what a full run holds.
    ExpectIntact(db);
    EXPECT_LE(SqlInt(db, "SELECT count(*) FROM cables"), SqlInt(ref, "SELECT count(*) FROM cables"));
    // A fault-free re-ingest completes to exactly the uninterrupted run's records.
    ASSERT_TRUE(IngestInto(db, samples).ok());
    ExpectIntact(db);
    EXPECT_EQ(Fingerprint(db), expected);
  }
  EXPECT_GE(faulted, 4);
  std::printf("[ info ] %d faults injected of %ld writes; each survived\n", faulted, writes);
}

}  // namespace
}  // namespace cablebase
