// Bounded-cost snippets for search results: FTS5 snippet() for ordinary rows, a first-hit window for
// rows with very many hits.
//
// FTS5's snippet() (fts5_aux.c, SQLite 3.40) scores a window at every instance of the query's
// phrases by walking every instance again: time quadratic in the instances in one row. Measured on
// this machine: 1,000 instances 14.5 ms, 4,000 215 ms, 8,000 850 ms; a cable repeating one word
// 80,000 times took 34 s, inside one SQL function call that sqlite3_interrupt (the server's time
// limit) cannot stop. Rows above kSnippetBestWindowMaxHits instances therefore get the window that
// starts just before their first instance instead of the best-scoring one, built in one linear pass.
#ifndef CABLEBASE_STORE_FTS_SNIPPET_H_
#define CABLEBASE_STORE_FTS_SNIPPET_H_

#include "cablebase/status.h"
#include "store/db.h"

namespace cablebase::store {

// The instance count up to which a row gets FTS5's best-window snippet() (~5 ms at 500 instances).
inline constexpr int kSnippetBestWindowMaxHits = 500;

// Registers, once per connection, the FTS5 auxiliary functions
//   cablebase_hits(fts)  -> the number of phrase instances in the current row (xInstCount);
//   cablebase_first_snippet(fts, mark_begin, mark_end, ellipsis, tokens)
//                        -> `tokens` tokens of the column holding the row's first instance,
//                           starting up to tokens/4 tokens before it, each instance inside wrapped
//                           in the marks, with `ellipsis` where the column goes on before or after;
//                           NULL when the row has no instance. Checks db.interrupted() per token.
// kInternal when FTS5 is not available.
Status RegisterFtsSnippet(Db& db);

}  // namespace cablebase::store

#endif  // CABLEBASE_STORE_FTS_SNIPPET_H_
