// Checkpoints an archive's write-ahead log from a thread of its own while an ingest writes.
//
// In WAL mode every page is written twice: to the log at commit, and into the database file by a
// checkpoint. SQLite runs that checkpoint on the committing thread (every 1000 pages), which made
// it ~12% of the single writer thread's time in an ingest (perf, issue 6); on another thread it
// runs beside the writer. PASSIVE checkpoints never block the writer or readers.
#ifndef CABLEBASE_STORE_WAL_CHECKPOINTER_H_
#define CABLEBASE_STORE_WAL_CHECKPOINTER_H_

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "store/db.h"

namespace cablebase::store {

// While alive, `writer` does not checkpoint on commit (wal_autocheckpoint=0) and a thread with its
// own connection to the same file runs a PASSIVE checkpoint every `interval_ms`. On destruction the
// thread stops, and `writer` runs one last checkpoint and gets automatic checkpoints back, so the
// log does not stay large. When the second connection cannot be opened, the writer simply keeps
// checkpointing itself (nothing fails). Not copyable; create and destroy on the writer's thread.
class WalCheckpointer {
 public:
  WalCheckpointer(Db& writer, int interval_ms = 200);
  ~WalCheckpointer();

  // Call on the writer's thread after each commit. A PASSIVE checkpoint copies the log but never
  // rewinds it while the writer keeps appending, so the log file would grow by the size of the
  // whole ingest (3 GB after a minute at Cablegate scale). Every `rewind_every` commits the writer
  // rewinds it with a RESTART checkpoint, which finds most frames already copied; the file is then
  // cut back to 64 MiB (journal_size_limit).
  void AfterCommit(int rewind_every = 20);
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

 private:
  void Run();

  Db& writer_;
  std::unique_ptr<Db> own_;
  int commits_ = 0;
  int interval_ms_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_WAL_CHECKPOINTER_H_
