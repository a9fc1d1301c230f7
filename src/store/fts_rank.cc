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

// The state of one RankOnePhrase call, reached from the aux function through Db.
struct RankAllState {
  const std::vector<uint8_t>* keep = nullptr;
  std::vector<PhraseScore>* out = nullptr;
  Db* db = nullptr;
  std::vector<double> weights;
  int64_t rows = 0;      // rows of the phrase (its document frequency)
  double avgdl = 0;
  int rc = SQLITE_OK;
};

int ScoreRow(const Fts5ExtensionApi* api, Fts5Context* fts, void* user) {
  auto* st = static_cast<RankAllState*>(user);
  ++st->rows;
  sqlite3_int64 rowid = api->xRowid(fts);
  if (st->keep && (rowid < 0 || static_cast<uint64_t>(rowid) >= st->keep->size() ||
                   !(*st->keep)[static_cast<size_t>(rowid)])) {
    return SQLITE_OK;
  }
  Db* db = st->db;
  if (!db->fts_row_tokens && db->fts_row_tokens_loader && st->rows >= db->fts_row_tokens_after) {
    db->fts_row_tokens = db->fts_row_tokens_loader();
    db->fts_row_tokens_loader = nullptr;
  }
  // The weighted count of the phrase's instances, in poslist order as bm25()'s xInst loop.
  double freq = 0.0;
  Fts5PhraseIter it;
  int col = 0, off = 0;
  int rc = api->xPhraseFirst(fts, 0, &it, &col, &off);
  if (rc != SQLITE_OK) return rc;
  for (; col >= 0; api->xPhraseNext(fts, &it, &col, &off)) {
    freq += static_cast<size_t>(col) < st->weights.size() ? st->weights[static_cast<size_t>(col)]
                                                          : 1.0;
  }
  double d = 0.0;
  const std::vector<uint32_t>* counts = db->fts_row_tokens;
  if (counts && static_cast<uint64_t>(rowid) < counts->size() &&
      (*counts)[static_cast<size_t>(rowid)] != kUnknownTokens) {
    d = (double)(int)(*counts)[static_cast<size_t>(rowid)];
  } else {
    int tokens = 0;
    rc = api->xColumnSize(fts, -1, &tokens);
    if (rc != SQLITE_OK) return rc;
    d = (double)tokens;
  }
  // bm25() (fts5_aux.c, SQLite 3.40) for one phrase is -(0.0 + idf * tf_part) with the same
  // operations in the same order; the IDF needs the phrase's row count, known at the end, so the
  // row keeps tf_part and RankAll multiplies.
  const double k1 = 1.2;
  const double b = 0.75;
  st->out->push_back({(freq * (k1 + 1.0)) / (freq + k1 * (1 - b + b * d / st->avgdl)), rowid});
  return SQLITE_OK;
}

void RankAll(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n_val,
             sqlite3_value** val) {
  auto* db = static_cast<Db*>(api->xUserData(fts));
  auto* st = static_cast<RankAllState*>(db->fts_rank_all);
  if (st == nullptr || api->xPhraseCount(fts) != 1) {
    sqlite3_result_error(ctx, "cablebase_rank_all: not a one-phrase query", -1);
    return;
  }
  for (int i = 0; i < n_val; ++i) st->weights.push_back(sqlite3_value_double(val[i]));
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc == SQLITE_OK) {
    st->avgdl = (double)tokens / (double)rows;
    st->out->reserve(static_cast<size_t>(rows));  // untouched capacity costs no memory
    rc = api->xQueryPhrase(fts, 0, st, ScoreRow);
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  const sqlite3_int64 hits = st->rows;
  double idf = std::log((rows - hits + 0.5) / (hits + 0.5));
  if (idf <= 0.0) idf = 1e-6;
  for (PhraseScore& p : *st->out) {
    double score = 0.0;
    score += idf * p.bm25;
    p.bm25 = -1.0 * score;
  }
  sqlite3_result_int(ctx, 1);
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
  if (rc == SQLITE_OK) rc = api->xCreateFunction(api, "cablebase_rank_all", &db, RankAll, nullptr);
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

Result<std::vector<PhraseScore>> RankOnePhrase(Db& db, const std::string& match,
                                               const std::vector<double>& weights,
                                               const std::vector<uint8_t>* keep) {
  if (Status s = RegisterFtsRank(db); !s.ok()) return s;
  std::vector<PhraseScore> out;
  RankAllState state;
  state.keep = keep;
  state.out = &out;
  state.db = &db;
  std::string call = "SELECT cablebase_rank_all(cables_fts";
  for (size_t i = 0; i < weights.size(); ++i) call += ", ?" + std::to_string(i + 2);
  call += ") FROM cables_fts WHERE cables_fts MATCH ?1 LIMIT 1";
  Result<Statement> st = db.Prepare(call);
  if (!st.ok()) return st.status();
  st->BindText(1, match, false);
  for (size_t i = 0; i < weights.size(); ++i) st->BindDouble(static_cast<int>(i) + 2, weights[i]);
  db.fts_rank_all = &state;
  Result<bool> row = st->Step();
  db.fts_rank_all = nullptr;
  if (!row.ok()) return row.status();
  return out;
}

}  // namespace cablebase::store
