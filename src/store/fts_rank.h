// cablebase_bm25(): FTS5's bm25() with each row's token count read from memory.
//
// FTS5's bm25() reads the row's size from the %_docsize table with one SQL statement per row; for
// `government` (195,445 hits of 251,287) that was most of the 200 ms the ranking took. This is the
// same computation (fts5_aux.c of SQLite 3.40: same constants, same operations in the same order,
// so the same doubles) with the count from SearchColumns::row_tokens when the row is in it.
#ifndef CABLEBASE_STORE_FTS_RANK_H_
#define CABLEBASE_STORE_FTS_RANK_H_

#include <cstdint>
#include <vector>

#include "cablebase/status.h"
#include "store/db.h"

struct fts5_api;

namespace cablebase::store {

// FTS5's extension API of `db`'s connection (fetched with SELECT fts5(?1)); nullptr when FTS5 is
// not compiled in or older than version 2. Owned by SQLite; valid while the connection is open.
fts5_api* Fts5Api(Db& db);

// Registers the FTS5 auxiliary function cablebase_bm25(fts_table, weight...) on `db` once (later
// calls do nothing). While `db.fts_row_tokens` points to counts (index = rowid; a rowid past its
// end or with kUnknownTokens is asked of FTS5) it uses them, else FTS5's %_docsize; after
// `db.fts_row_tokens_after` rows of one query without counts it calls `db.fts_row_tokens_loader`
// once, when set.
// kInternal when FTS5 is not available.
Status RegisterFtsRank(Db& db);

inline constexpr uint32_t kUnknownTokens = 0xFFFFFFFFu;

// One scored row of RankPhrases: bm25 as cablebase_bm25()/bm25() return it (lower is better).
struct PhraseScore {
  double bm25;
  int64_t rowid;
};

// Every row of `match` with its bm25(cables_fts, weights...) score, in rowid order, computed in one
// SQL call: the function cablebase_rank_all walks each phrase's rows with xQueryPhrase, so there is
// no SQL step per row (government, 195,445 rows: 65 -> 35 ms). Only for these shapes of `match`,
// whose phrases `negative` lists in FTS5's order (false = positive): one phrase (`"government"`,
// `"human rights"`, `"vers" *`); an OR of phrases; a phrase NOT a phrase or an OR of phrases —
// without column filters (store/search_executor.cc ParseRankable). The scores equal bm25()'s.
// Rows whose rowid is not set in `keep` (when given) are counted for the IDF but not returned. Row
// sizes as cablebase_bm25 (db.fts_row_tokens and its loader). Errors: kInternal when SQLite
// rejects the expression or its phrases are not `negative.size()`.
Result<std::vector<PhraseScore>> RankPhrases(Db& db, const std::string& match,
                                             const std::vector<bool>& negative,
                                             const std::vector<double>& weights,
                                             const std::vector<uint8_t>* keep);

// The token counts of every FTS5 row (subject + body) from cables_fts_docsize, index = rowid,
// kUnknownTokens for rowids without a row.
Result<std::vector<uint32_t>> ReadRowTokens(Db& db, int64_t max_id);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_FTS_RANK_H_
