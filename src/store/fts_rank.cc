// cablebase_bm25(): FTS5 bm25() with row sizes from memory (store/fts_rank.h).
#include "store/fts_rank.h"

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
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

// The state of one RankPhrases call, reached from the aux function through Db.
struct RankAllState {
  const std::vector<uint8_t>* keep = nullptr;
  std::vector<bool> negative;  // per phrase of the query, in FTS5's phrase order
  std::vector<PhraseScore>* out = nullptr;
  Db* db = nullptr;
  std::vector<double> weights;
  double avgdl = 0;
  int phrase = 0;        // the phrase xQueryPhrase is walking
  int64_t rows = 0;      // rows of that phrase so far (its document frequency at the end)
  int64_t rows_all = 0;  // rows walked in this call (decides when to load row sizes)
  std::vector<PhraseScore>* rows_out = nullptr;  // (tf part, rowid) of the phrase's kept rows
  std::vector<int64_t>* excluded = nullptr;      // rowids of a negative phrase
};

int ScoreRow(const Fts5ExtensionApi* api, Fts5Context* fts, void* user) {
  auto* st = static_cast<RankAllState*>(user);
  if (st->db->interrupted()) return SQLITE_INTERRUPT;  // a walk over 200k rows takes ~30 ms
  ++st->rows;
  ++st->rows_all;
  sqlite3_int64 rowid = api->xRowid(fts);
  if (st->excluded) {
    st->excluded->push_back(rowid);
    return SQLITE_OK;
  }
  if (st->keep && (rowid < 0 || static_cast<uint64_t>(rowid) >= st->keep->size() ||
                   !(*st->keep)[static_cast<size_t>(rowid)])) {
    return SQLITE_OK;
  }
  Db* db = st->db;
  if (!db->fts_row_tokens && db->fts_row_tokens_loader &&
      st->rows_all >= db->fts_row_tokens_after) {
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
    freq +=
        static_cast<size_t>(col) < st->weights.size() ? st->weights[static_cast<size_t>(col)] : 1.0;
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
  // bm25() (fts5_aux.c, SQLite 3.40) is -(0.0 + idf_0 * tf_0 + idf_1 * tf_1 ...) over the query's
  // phrases in order, with tf_i this fraction (0 for a phrase without instances in the row: a
  // negated one, an OR branch the row lacks). The IDF needs the phrase's row count, known at the
  // end, so the row keeps tf_i and RankAll multiplies and sums.
  const double k1 = 1.2;
  const double b = 0.75;
  st->rows_out->push_back({(freq * (k1 + 1.0)) / (freq + k1 * (1 - b + b * d / st->avgdl)), rowid});
  return SQLITE_OK;
}

void RankAll(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n_val,
             sqlite3_value** val) {
  auto* db = static_cast<Db*>(api->xUserData(fts));
  auto* st = static_cast<RankAllState*>(db->fts_rank_all);
  if (st == nullptr || api->xPhraseCount(fts) != static_cast<int>(st->negative.size())) {
    sqlite3_result_error(ctx, "cablebase_rank_all: unexpected query shape", -1);
    return;
  }
  for (int i = 0; i < n_val; ++i) st->weights.push_back(sqlite3_value_double(val[i]));
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  st->avgdl = (double)tokens / (double)rows;
  const size_t phrases = st->negative.size();
  std::vector<std::vector<PhraseScore>> tf(phrases);
  std::vector<double> idf(phrases, 0.0);
  std::vector<int64_t> excluded;
  for (size_t i = 0; i < phrases && rc == SQLITE_OK; ++i) {
    st->phrase = static_cast<int>(i);
    st->rows = 0;
    st->excluded = st->negative[i] ? &excluded : nullptr;
    st->rows_out = &tf[i];
    if (phrases == 1) tf[i].reserve(static_cast<size_t>(rows));  // untouched capacity is free
    rc = api->xQueryPhrase(fts, static_cast<int>(i), st, ScoreRow);
    const sqlite3_int64 hits = st->rows;
    idf[i] = std::log((rows - hits + 0.5) / (hits + 0.5));
    if (idf[i] <= 0.0) idf[i] = 1e-6;
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  // xQueryPhrase walks rows in rowid order, so `excluded` is sorted and the merge below visits
  // rowids in increasing order: one pointer decides exclusion.
  if (!std::is_sorted(excluded.begin(), excluded.end())) {
    std::sort(excluded.begin(), excluded.end());
  }
  size_t ex = 0;
  auto is_excluded = [&](int64_t rowid) {
    while (ex < excluded.size() && excluded[ex] < rowid) ++ex;
    return ex < excluded.size() && excluded[ex] == rowid;
  };
  if (phrases == 1) {
    for (PhraseScore& p : tf[0]) {
      double score = 0.0;
      score += idf[0] * p.bm25;
      p.bm25 = -1.0 * score;
    }
    *st->out = std::move(tf[0]);
    sqlite3_result_int(ctx, 1);
    return;
  }
  // Rows of any positive phrase (each list is in rowid order), merged; the sum in phrase order.
  std::vector<size_t> at(phrases, 0);
  for (;;) {
    int64_t next = INT64_MAX;
    for (size_t i = 0; i < phrases; ++i) {
      if (at[i] < tf[i].size()) next = std::min(next, tf[i][at[i]].rowid);
    }
    if (next == INT64_MAX) break;
    double score = 0.0;
    for (size_t i = 0; i < phrases; ++i) {
      if (at[i] < tf[i].size() && tf[i][at[i]].rowid == next) {
        score += idf[i] * tf[i][at[i]].bm25;
        ++at[i];
      }
    }
    if (!is_excluded(next)) st->out->push_back({-1.0 * score, next});
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

fts5_api* Fts5Api(Db& db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  int rc = sqlite3_prepare_v2(db.raw(), "SELECT fts5(?1)", -1, &st, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api != nullptr && api->iVersion >= 2 ? api : nullptr;
}

Status RegisterFtsRank(Db& db) {
  if (db.fts_rank_registered) return Status::Ok();
  fts5_api* api = Fts5Api(db);
  if (api == nullptr) return Status(StatusCode::kInternal, "FTS5 is not available", db.path());
  int rc = api->xCreateFunction(api, "cablebase_bm25", &db, Bm25, nullptr);
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

Result<std::vector<PhraseScore>> RankPhrases(Db& db, const std::string& match,
                                             const std::vector<bool>& negative,
                                             const std::vector<double>& weights,
                                             const std::vector<uint8_t>* keep) {
  if (Status s = RegisterFtsRank(db); !s.ok()) return s;
  std::vector<PhraseScore> out;
  RankAllState state;
  state.keep = keep;
  state.negative = negative;
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
