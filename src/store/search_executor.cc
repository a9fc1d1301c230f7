// Runs a compiled search on the archive's SQLite file (see search_executor.h).
#include "store/search_executor.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "model/text_util.h"

namespace cablebase::store {

namespace {

// SQLite reports a bad MATCH expression as an ordinary step error; after our compiler that is a
// bug, and its text (which quotes the expression) must not reach the user.
Status Sanitize(const Status& s) {
  if (s.ok()) return s;
  if (s.code() == StatusCode::kTimeout || s.code() == StatusCode::kCorrupt) return s;
  const std::string& m = s.message();
  if (m.find("fts5") != std::string::npos || m.find("syntax") != std::string::npos ||
      m.find("MATCH") != std::string::npos || s.code() == StatusCode::kInternal) {
    return Status(StatusCode::kInternal,
                  "internal error: the compiled search was rejected by the database "
                  "(please report the query)");
  }
  return s;
}

// FROM/WHERE clause of the hit set; `*binds` receives the values of its placeholders in order.
std::string HitSource(const SearchSql& sql, std::vector<std::string>* binds) {
  std::string s;
  if (!sql.match.empty()) {
    s = " FROM cables_fts JOIN cables c ON c.id = cables_fts.rowid WHERE cables_fts MATCH ? AND (" +
        sql.where + ")";
    binds->push_back(sql.match);
  } else {
    s = " FROM cables c WHERE (" + sql.where + ")";
  }
  for (const std::string& p : sql.params) binds->push_back(p);
  return s;
}

void BindAll(Statement& st, const std::vector<std::string>& binds, int first = 1) {
  for (size_t i = 0; i < binds.size(); ++i) {
    st.BindText(first + static_cast<int>(i), binds[i], /*empty_as_null=*/false);
  }
}

// The first `words` words of `text`, with `ellipsis` when cut.
std::string LeadWords(std::string_view text, int words, const std::string& ellipsis) {
  std::vector<std::string_view> w = model::SplitWhitespace(text);
  std::string out;
  size_t n = std::min<size_t>(w.size(), static_cast<size_t>(std::max(words, 1)));
  for (size_t i = 0; i < n; ++i) {
    if (i) out.push_back(' ');
    out += w[i];
  }
  if (n < w.size()) out += ellipsis;
  return out;
}

// Fills each row's snippet: FTS5 snippet() of `expr` for that row alone (so the cost is one row's
// text per hit shown, not per hit found), else the lead words of its summary or body.
Status FillSnippets(Db& db, const SearchSql& sql, const std::string& expr,
                    const std::vector<int64_t>& ids, int tokens, std::vector<SearchRow>* rows) {
  Result<Statement> snip = db.Prepare(
      "SELECT snippet(cables_fts, -1, ?, ?, ?, ?) FROM cables_fts "
      "WHERE cables_fts MATCH ? AND rowid = ?");
  if (!snip.ok()) return Sanitize(snip.status());
  Result<Statement> lead =
      db.Prepare("SELECT COALESCE(summary, body, '') FROM cables WHERE id = ?");
  if (!lead.ok()) return Sanitize(lead.status());
  for (size_t i = 0; i < ids.size(); ++i) {
    std::string& out = (*rows)[i].snippet;
    if (!expr.empty()) {
      snip->Reset();
      snip->BindText(1, sql.mark_begin, false);
      snip->BindText(2, sql.mark_end, false);
      snip->BindText(3, sql.ellipsis, false);
      snip->BindInt(4, tokens);
      snip->BindText(5, expr, false);
      snip->BindInt(6, ids[i]);
      Result<bool> row = snip->Step();
      if (!row.ok()) return Sanitize(row.status());
      if (*row && !snip->ColumnIsNull(0)) out = snip->ColumnText(0);
      snip->Reset();
      if (!out.empty()) continue;
    }
    lead->Reset();
    lead->BindInt(1, ids[i]);
    Result<bool> row = lead->Step();
    if (!row.ok()) return Sanitize(row.status());
    if (*row) out = LeadWords(lead->ColumnText(0), tokens, sql.ellipsis);
    lead->Reset();
  }
  return Status::Ok();
}

}  // namespace

Result<SearchOutput> ExecuteSearch(Db& db, const SearchSql& sql) {
  SearchOutput out;
  const bool ranked = sql.order == SearchSql::Order::kRank && !sql.match.empty();
  const int tokens = std::clamp(sql.snippet_tokens, 1, 64);

  if (sql.count) {
    std::vector<std::string> binds;
    std::string text = "SELECT count(*)" + HitSource(sql, &binds);
    Result<Statement> st = db.Prepare(text);
    if (!st.ok()) return Sanitize(st.status());
    BindAll(*st, binds);
    Result<bool> row = st->Step();
    if (!row.ok()) return Sanitize(row.status());
    out.total = *row ? st->ColumnInt(0) : 0;
  }

  if (sql.limit != 0) {
    std::string text = "SELECT c.id, c.reference_id";
    if (!sql.ids_only) {
      text +=
          ", c.created, COALESCE(c.origin, c.originator, c.post_key), c.classification_level,"
          " c.subject";
      // Snippets are made afterwards for the returned rows only: in this statement SQLite would
      // compute one for every hit before sorting.
      text += ", NULL";
      text += ranked ? ", -bm25(cables_fts, 4.0, 1.0)" : ", 0";
    }
    std::vector<std::string> binds;
    text += HitSource(sql, &binds);
    if (ranked) {
      text += " ORDER BY bm25(cables_fts, 4.0, 1.0), c.reference_id";
    } else if (sql.order == SearchSql::Order::kDateDesc) {
      text += " ORDER BY c.created IS NULL, c.created DESC, c.reference_id";
    } else {
      text += " ORDER BY c.created IS NULL, c.created, c.reference_id";
    }
    text += " LIMIT ? OFFSET ?";
    Result<Statement> st = db.Prepare(text);
    if (!st.ok()) return Sanitize(st.status());
    int index = 1;
    BindAll(*st, binds, index);
    index += static_cast<int>(binds.size());
    st->BindInt(index++, sql.limit < 0 ? -1 : sql.limit);
    st->BindInt(index++, std::max<int64_t>(sql.offset, 0));
    std::vector<int64_t> ids;
    while (true) {
      Result<bool> row = st->Step();
      if (!row.ok()) return Sanitize(row.status());
      if (!*row) break;
      SearchRow r;
      ids.push_back(st->ColumnInt(0));
      r.reference_id = st->ColumnText(1);
      if (!sql.ids_only) {
        r.created = st->ColumnText(2);
        r.origin = st->ColumnText(3);
        r.classification = st->ColumnText(4);
        r.subject = st->ColumnText(5);
        r.snippet = st->ColumnText(6);
        if (ranked) r.score = std::strtod(st->ColumnText(7).c_str(), nullptr);
      }
      out.rows.push_back(std::move(r));
    }
    if (sql.snippets && !sql.ids_only && !out.rows.empty()) {
      const std::string& expr = sql.match.empty() ? sql.highlight : sql.match;
      if (Status s = FillSnippets(db, sql, expr, ids, tokens, &out.rows); !s.ok()) return s;
    }
  }

  if (sql.facets) {
    std::vector<std::string> binds;
    std::string hits = "WITH hits(id) AS MATERIALIZED (SELECT c.id" + HitSource(sql, &binds) + ") ";
    std::string text =
        hits +
        "SELECT 'year', COALESCE(CAST(c.year AS TEXT), ''), count(*) "
        "FROM hits JOIN cables c ON c.id = hits.id GROUP BY 2 "
        "UNION ALL SELECT 'origin', COALESCE(c.post_key, ''), count(*) "
        "FROM hits JOIN cables c ON c.id = hits.id GROUP BY 2 "
        "UNION ALL SELECT 'classification', COALESCE(c.classification_level, ''), count(*) "
        "FROM hits JOIN cables c ON c.id = hits.id GROUP BY 2 "
        "UNION ALL SELECT 'caveat', upper(v.caveat), count(DISTINCT v.cable_id) "
        "FROM hits JOIN caveats v ON v.cable_id = hits.id GROUP BY 2 "
        "UNION ALL SELECT 'tag', upper(t.tag), count(DISTINCT t.cable_id) "
        "FROM hits JOIN tags t ON t.cable_id = hits.id GROUP BY 2";
    Result<Statement> st = db.Prepare(text);
    if (!st.ok()) return Sanitize(st.status());
    BindAll(*st, binds);
    while (true) {
      Result<bool> row = st->Step();
      if (!row.ok()) return Sanitize(row.status());
      if (!*row) break;
      out.facets.push_back({st->ColumnText(0), st->ColumnText(1), st->ColumnInt(2)});
    }
  }
  return out;
}

}  // namespace cablebase::store
