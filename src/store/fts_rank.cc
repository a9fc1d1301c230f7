// cablebase_bm25(): FTS5 bm25() with row sizes from memory (store/fts_rank.h).
#include "store/fts_rank.h"

#include <sqlite3.h>

#include <cmath>
#include <cstring>
#include <string_view>

namespace cablebase::store {

namespace {

// Per-query values, computed on the first row as bm25() does (fts5Bm25GetData).
struct Bm25Data {
  int64_t rows = 0;  // rows scored so far
  int phrases = 0;
  double avgdl = 0;
  std::vector<double> idf, freq;
};

int CountRows(const Fts5ExtensionApi*, Fts5Context*, void* user) {
  ++*static_cast<sqlite3_int64*>(user);
  return SQLITE_OK;
}

int GetData(const Fts5ExtensionApi* api, Fts5Context* fts, Bm25Data** out) {
  auto* p = static_cast<Bm25Data*>(api->xGetAuxdata(fts, 0));
  if (p) {
    *out = p;
    return SQLITE_OK;
  }
  p = new Bm25Data;
  p->phrases = api->xPhraseCount(fts);
  p->idf.assign(static_cast<size_t>(p->phrases), 0.0);
  p->freq.assign(static_cast<size_t>(p->phrases), 0.0);
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc == SQLITE_OK) p->avgdl = (double)tokens / (double)rows;
  for (int i = 0; rc == SQLITE_OK && i < p->phrases; ++i) {
    sqlite3_int64 hits = 0;
    rc = api->xQueryPhrase(fts, i, &hits, CountRows);
    if (rc == SQLITE_OK) {
      double idf = std::log((rows - hits + 0.5) / (hits + 0.5));
      if (idf <= 0.0) idf = 1e-6;
      p->idf[static_cast<size_t>(i)] = idf;
    }
  }
  if (rc != SQLITE_OK) {
    delete p;
    return rc;
  }
  rc = api->xSetAuxdata(fts, p, [](void* d) { delete static_cast<Bm25Data*>(d); });
  if (rc != SQLITE_OK) return rc;
  *out = p;
  return SQLITE_OK;
}

void Bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n_val,
          sqlite3_value** val) {
  const double k1 = 1.2;
  const double b = 0.75;
  auto* db = static_cast<Db*>(api->xUserData(fts));
  Bm25Data* data = nullptr;
  int rc = GetData(api, fts, &data);
  if (rc == SQLITE_OK && !db->fts_row_tokens && db->fts_row_tokens_loader &&
      ++data->rows >= db->fts_row_tokens_after) {
    // Loading costs ~1.5 ms at 251,287 cables; FTS5's own read ~1 us a row.
    db->fts_row_tokens = db->fts_row_tokens_loader();
    db->fts_row_tokens_loader = nullptr;
  }
  int inst = 0;
  if (rc == SQLITE_OK) {
    std::fill(data->freq.begin(), data->freq.end(), 0.0);
    rc = api->xInstCount(fts, &inst);
  }
  for (int i = 0; rc == SQLITE_OK && i < inst; ++i) {
    int ip = 0, ic = 0, io = 0;
    rc = api->xInst(fts, i, &ip, &ic, &io);
    if (rc == SQLITE_OK) {
      double w = (n_val > ic) ? sqlite3_value_double(val[ic]) : 1.0;
      data->freq[static_cast<size_t>(ip)] += w;
    }
  }
  double d = 0.0;
  if (rc == SQLITE_OK) {
    const std::vector<uint32_t>* counts = db->fts_row_tokens;
    sqlite3_int64 rowid = api->xRowid(fts);
    if (counts && rowid >= 0 && static_cast<uint64_t>(rowid) < counts->size() &&
        (*counts)[static_cast<size_t>(rowid)] != kUnknownTokens) {
      d = (double)(int)(*counts)[static_cast<size_t>(rowid)];
    } else {
      int tokens = 0;
      rc = api->xColumnSize(fts, -1, &tokens);
      d = (double)tokens;
    }
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  double score = 0.0;
  for (int i = 0; i < data->phrases; ++i) {
    score += data->idf[static_cast<size_t>(i)] *
             ((data->freq[static_cast<size_t>(i)] * (k1 + 1.0)) /
              (data->freq[static_cast<size_t>(i)] + k1 * (1 - b + b * d / data->avgdl)));
  }
  sqlite3_result_double(ctx, -1.0 * score);
}

// SQLite's varint (1-9 bytes, big-endian groups of 7 bits; the 9th byte has 8), as FTS5 writes
// the column sizes of a %_docsize row.
size_t GetVarint(const unsigned char* p, size_t n, uint64_t* v) {
  uint64_t x = 0;
  for (size_t i = 0; i < n && i < 9; ++i) {
    if (i == 8) {
      *v = (x << 8) | p[i];
      return 9;
    }
    x = (x << 7) | (p[i] & 0x7F);
    if (!(p[i] & 0x80)) {
      *v = x;
      return i + 1;
    }
  }
  return 0;
}

}  // namespace

Status RegisterFtsRank(Db& db) {
  if (db.fts_rank_registered) return Status::Ok();
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db.raw(), "SELECT fts5(?1)", -1, &st, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  if (api == nullptr || api->iVersion < 2) {
    return Status(StatusCode::kInternal, "FTS5 is not available", db.path());
  }
  rc = api->xCreateFunction(api, "cablebase_bm25", &db, Bm25, nullptr);
  if (rc != SQLITE_OK) return Status(StatusCode::kInternal, "cannot register cablebase_bm25");
  db.fts_rank_registered = true;
  return Status::Ok();
}

Result<std::vector<uint32_t>> ReadRowTokens(Db& db, int64_t max_id) {
  Result<Statement> st = db.Prepare("SELECT id, sz FROM cables_fts_docsize");
  if (!st.ok()) return st.status();
  std::vector<uint32_t> tokens(static_cast<size_t>(max_id) + 1, kUnknownTokens);
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    int64_t id = st->ColumnInt(0);
    if (id < 0 || id > max_id) continue;
    std::string_view sz = st->ColumnBlob(1);
    const auto* p = reinterpret_cast<const unsigned char*>(sz.data());
    uint64_t total = 0;
    size_t at = 0;
    while (at < sz.size()) {
      uint64_t v = 0;
      size_t used = GetVarint(p + at, sz.size() - at, &v);
      if (used == 0) break;
      total += v;
      at += used;
    }
    // xColumnSize reports an int; keep rows too long for that on FTS5's own path.
    if (total < 0x7FFFFFFFu) tokens[static_cast<size_t>(id)] = static_cast<uint32_t>(total);
  }
  return tokens;
}

}  // namespace cablebase::store
