// Background WAL checkpoints during an ingest (see wal_checkpointer.h).
#include "store/wal_checkpointer.h"

#include <pthread.h>

#include <chrono>

namespace cablebase::store {

WalCheckpointer::WalCheckpointer(Db& writer, int interval_ms)
    : writer_(writer), interval_ms_(interval_ms) {
  if (writer_.path().empty() || writer_.path() == ":memory:") return;
  Result<std::unique_ptr<Db>> own = Db::Open(writer_.path(), Db::Mode::kReadWrite);
  if (!own.ok()) return;
  if (!writer_.Exec("PRAGMA wal_autocheckpoint=0").ok()) return;
  writer_.Exec("PRAGMA journal_size_limit=67108864");
  own_ = std::move(*own);
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "cb-checkpoint");
    Run();
  });
}

WalCheckpointer::~WalCheckpointer() {
  if (!own_) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  own_.reset();
  writer_.Exec("PRAGMA wal_checkpoint(PASSIVE)");
  writer_.Exec("PRAGMA wal_autocheckpoint=1000");
}

void WalCheckpointer::AfterCommit(int rewind_every) {
  if (!own_ || ++commits_ % rewind_every != 0) return;
  // A reader or the background checkpoint holding its lock makes this return SQLITE_BUSY after the
  // busy timeout at worst: then the next call rewinds.
  writer_.Exec("PRAGMA wal_checkpoint(RESTART)");
}

void WalCheckpointer::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    cv_.wait_for(lock, std::chrono::milliseconds(interval_ms_), [this] { return stop_; });
    if (stop_) break;
    lock.unlock();
    own_->Exec("PRAGMA wal_checkpoint(PASSIVE)");  // a busy writer makes it partial: fine
    lock.lock();
  }
}

}  // namespace cablebase::store
