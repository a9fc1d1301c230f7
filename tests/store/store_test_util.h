// Helpers of the store tests: temporary directories, fixture paths, independent record parsing.
#ifndef CABLEBASE_TESTS_STORE_STORE_TEST_UTIL_H_
#define CABLEBASE_TESTS_STORE_STORE_TEST_UTIL_H_

#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cablebase/cable.h"
#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "shared_files.h"

namespace cablebase::store_test {

// A fresh directory under $TMPDIR, removed (recursively) on destruction.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "cablebase-store-XXXXXX").string();
    char* p = ::mkdtemp(tmpl.data());
    path_ = p ? p : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return path_ + "/" + name; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// <rel> in the fixture set "store" (tests/testdata/store.files: real cables staged from the shared
// folder, README.md there); a test using it starts with CABLEBASE_SHARED_SET(fixtures, "store").
inline std::string Fixture(const std::string& rel) {
  return testing_shared::StagedSet("store") + "/" + rel;
}

// The records of `paths` parsed directly (read.h + parse.h, no archive), in input order; failures
// are counted in `*failed`.
inline std::vector<Cable> ParseAll(const std::vector<std::string>& paths, int64_t* failed) {
  std::vector<Cable> out;
  *failed = 0;
  auto files = ListSources(paths);
  if (!files.ok()) return out;
  for (const SourceFile& f : *files) {
    ReadSource(f, InputFormat::kAuto, [&](Result<RawCable> raw) {
      if (!raw.ok()) {
        ++*failed;
        return true;
      }
      Result<Cable> c = ParseCable(*raw);
      if (!c.ok() || c->reference_id.empty()) {
        ++*failed;
      } else {
        out.push_back(std::move(*c));
      }
      return true;
    });
  }
  return out;
}

// The current record per reference ID by the rule of docs/schema.md (latest `released`, none is
// oldest, ties to the later arrival), computed without the archive.
inline std::map<std::string, Cable> CurrentRecords(const std::vector<Cable>& records) {
  std::map<std::string, Cable> cur;
  for (const Cable& c : records) {
    auto it = cur.find(c.reference_id);
    if (it == cur.end()) {
      cur.emplace(c.reference_id, c);
    } else if (!c.released.empty() &&
               (it->second.released.empty() || c.released >= it->second.released)) {
      it->second = c;
    }
  }
  return cur;
}

// Runs one SQL query returning one integer on a raw connection (read-only); -1 on failure.
inline int64_t SqlInt(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  int64_t v = -1;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      v = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return v;
}

inline std::string SqlText(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::string v = "<error>";
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
      int rc = sqlite3_step(st);
      if (rc == SQLITE_ROW) {
        const unsigned char* t = sqlite3_column_text(st, 0);
        v = t ? reinterpret_cast<const char*>(t) : "<null>";
      } else if (rc == SQLITE_DONE) {
        v = "<no row>";
      }
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return v;
}

}  // namespace cablebase::store_test

#endif  // CABLEBASE_TESTS_STORE_STORE_TEST_UTIL_H_
