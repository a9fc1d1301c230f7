// Runs a compiled search on the archive's SQLite file (see search_executor.h).
#include "store/search_executor.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <map>
#include <optional>
#include <utility>

#include "model/text_util.h"
#include "store/fts_rank.h"
#include "store/fts_snippet.h"
#include "store/search_columns.h"

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

// Removes the SQL function DefineIdFilter made, however the scope is left.
class IdFilterScope {
 public:
  IdFilterScope(Db& db, std::string name) : db_(db), name_(std::move(name)) {}
  ~IdFilterScope() {
    if (defined_) db_.DefineIdFilter(name_, nullptr);
  }
  Status Define(const std::vector<uint8_t>* ids) {
    Status s = db_.DefineIdFilter(name_, ids);
    defined_ = s.ok();
    return s;
  }

 private:
  Db& db_;
  std::string name_;
  bool defined_ = false;
};

// Fills each row's snippet: FTS5 snippet() of `expr` for the rows shown only (so the cost is one
// row's text per hit shown, not per hit found) — or, for a row with more than
// kSnippetBestWindowMaxHits instances, the first-hit window, since snippet() is quadratic in them
// (store/fts_snippet.h) — else the lead words of its summary or body.
//
// One statement for the whole page, over the rowid range of its ids with an id filter: FTS5
// expands the query once. One statement per row (`rowid = ?`) expanded it once per row: a prefix
// query expands to every matching term (`minist*`: ~100 ms each), 57% of `minist* -economy`
// (perf, issue 12).
Status FillSnippets(Db& db, const SearchSql& sql, const std::string& expr,
                    const std::vector<int64_t>& ids, int tokens, std::vector<SearchRow>* rows) {
  if (Status s = RegisterFtsSnippet(db); !s.ok()) return s;
  if (!expr.empty() && !ids.empty()) {
    const auto [lo, hi] = std::minmax_element(ids.begin(), ids.end());
    if (*lo >= 0) {
      std::vector<uint8_t> wanted(static_cast<size_t>(*hi) + 1, 0);
      for (int64_t id : ids) wanted[static_cast<size_t>(id)] = 1;
      IdFilterScope scope(db, "cablebase_snippet_row");
      if (Status s = scope.Define(&wanted); !s.ok()) return s;
      Result<Statement> snip = db.Prepare(
          "SELECT rowid, CASE WHEN cablebase_hits(cables_fts) <= " +
          std::to_string(kSnippetBestWindowMaxHits) +
          " THEN snippet(cables_fts, -1, ?1, ?2, ?3, ?4)"
          " ELSE cablebase_first_snippet(cables_fts, ?1, ?2, ?3, ?4) END FROM cables_fts "
          "WHERE cables_fts MATCH ?5 AND rowid BETWEEN ?6 AND ?7 "
          "AND cablebase_snippet_row(rowid)");
      if (!snip.ok()) return Sanitize(snip.status());
      snip->BindText(1, sql.mark_begin, false);
      snip->BindText(2, sql.mark_end, false);
      snip->BindText(3, sql.ellipsis, false);
      snip->BindInt(4, tokens);
      snip->BindText(5, expr, false);
      snip->BindInt(6, *lo);
      snip->BindInt(7, *hi);
      std::map<int64_t, std::string> found;
      for (;;) {
        Result<bool> row = snip->Step();
        if (!row.ok()) return Sanitize(row.status());
        if (!*row) break;
        if (!snip->ColumnIsNull(1)) found[snip->ColumnInt(0)] = snip->ColumnText(1);
      }
      snip->Reset();
      for (size_t i = 0; i < ids.size(); ++i) {
        auto it = found.find(ids[i]);
        if (it != found.end()) (*rows)[i].snippet = it->second;
      }
    }
  }
  Result<Statement> lead =
      db.Prepare("SELECT COALESCE(summary, body, '') FROM cables WHERE id = ?");
  if (!lead.ok()) return Sanitize(lead.status());
  for (size_t i = 0; i < ids.size(); ++i) {
    std::string& out = (*rows)[i].snippet;
    if (!out.empty()) continue;
    lead->Reset();
    lead->BindInt(1, ids[i]);
    Result<bool> row = lead->Step();
    if (!row.ok()) return Sanitize(row.status());
    if (*row) out = LeadWords(lead->ColumnText(0), tokens, sql.ellipsis);
    lead->Reset();
  }
  return Status::Ok();
}

// The whole search as SQL over `cables` (the path for export, hand-built SearchSql and archives
// without a current search_columns cache).
Result<SearchOutput> SqlSearch(Db& db, const SearchSql& sql) {
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

// ---- The in-memory path: id sets, the FTS5 index and the cached columns. ----

using IdList = std::vector<int64_t>;  // sorted, distinct cable ids

// The ids `text` selects, sorted and distinct; `*rows` (when given) receives the number of rows
// before duplicates were removed.
Result<IdList> RunIdSql(Db& db, const std::string& text, const std::vector<std::string>& params,
                        size_t* rows = nullptr) {
  Result<Statement> st = db.Prepare(text);
  if (!st.ok()) return Sanitize(st.status());
  BindAll(*st, params);
  IdList ids;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return Sanitize(row.status());
    if (!*row) break;
    ids.push_back(st->ColumnInt(0));
  }
  if (rows) *rows = ids.size();
  if (!std::is_sorted(ids.begin(), ids.end())) std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

IdList Intersect(const IdList& a, const IdList& b) {
  IdList out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

IdList Unite(const IdList& a, const IdList& b) {
  IdList out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

IdList Minus(const IdList& a, const IdList& b) {
  IdList out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

char FoldAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether " value " contains " words " with ASCII case folded: SQL `(' ' || value || ' ') LIKE
// '% words %'` with the LIKE characters of `words` escaped (LIKE folds ASCII case only).
bool HasWordSequence(std::string_view value, std::string_view words) {
  std::string hay = " ", needle = " ";
  for (char c : value) hay.push_back(FoldAscii(c));
  for (char c : words) needle.push_back(FoldAscii(c));
  hay.push_back(' ');
  needle.push_back(' ');
  return hay.find(needle) != std::string::npos;
}

bool EqualsFolded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (FoldAscii(a[i]) != FoldAscii(b[i])) return false;
  }
  return true;
}

// origin: on the cached columns: the test runs once per distinct value, then one pass over the
// ids (origin:moscow: 410 ms as SQL over `cables` rows, ~3 ms here at 251,287 cables).
IdList OriginIds(const SearchColumns& cols, const IdSetExpr& e) {
  auto matching = [&](const CodeColumn& c, bool post_key) {
    std::vector<uint8_t> hit(c.values.size(), 0);
    for (size_t i = 1; i < c.values.size(); ++i) {  // code 0 is NULL
      hit[i] = post_key ? (!e.post_key.empty() && EqualsFolded(c.values[i], e.post_key))
                        : HasWordSequence(c.values[i], e.words);
    }
    return hit;
  };
  std::vector<uint8_t> key = matching(cols.post_key, true), origin = matching(cols.origin, false),
                       originator = matching(cols.originator, false),
                       post = matching(cols.post, false);
  auto test = [](const std::vector<uint8_t>& hit, uint32_t code) {
    return code < hit.size() && hit[code] != 0;
  };
  IdList ids;
  for (size_t id = 0; id <= static_cast<size_t>(cols.max_id); ++id) {
    if (test(key, cols.post_key.codes[id]) || test(origin, cols.origin.codes[id]) ||
        test(originator, cols.originator.codes[id]) || test(post, cols.post.codes[id])) {
      ids.push_back(static_cast<int64_t>(id));
    }
  }
  return ids;
}

bool HasOrigin(const IdSetExpr& e) {
  if (e.kind == IdSetExpr::Kind::kOrigin) return true;
  for (const IdSetExpr& c : e.children) {
    if (HasOrigin(c)) return true;
  }
  return false;
}

// The position in date order (SearchColumns::date_asc: created, NULL last, then reference_id) of
// the first cable whose created is >= `bound`; with an empty bound or none that late, of the first
// cable without a date, i.e. the number of dated cables.
Result<uint32_t> FirstInDateOrder(Db& db, const PackedArray& rank, const std::string& bound) {
  for (const std::string& b : {bound, std::string()}) {
    Result<Statement> st = db.Prepare(
        b.empty() ? "SELECT id FROM cables WHERE created IS NULL ORDER BY reference_id LIMIT 1"
                  : "SELECT id FROM cables WHERE created >= ?1 ORDER BY created, reference_id "
                    "LIMIT 1");
    if (!st.ok()) return Sanitize(st.status());
    if (!b.empty()) st->BindText(1, b, false);
    Result<bool> row = st->Step();
    if (!row.ok()) return Sanitize(row.status());
    if (*row) {
      int64_t id = st->ColumnInt(0);
      if (id >= 0 && static_cast<size_t>(id) < rank.size()) return rank[static_cast<size_t>(id)];
    }
  }
  uint32_t cables = 0;  // every cable has a date
  for (size_t id = 0; id < rank.size(); ++id) {
    if (rank[id] != SearchColumns::kNoCable) ++cables;
  }
  return cables;
}

// from:/to: as a range of positions in date order: the cables with created >= X start at the
// position of the first of them, so the range costs two indexed lookups and one pass over the
// ranks instead of reading every id from the index (from:2009 to:2009, 101,525 ids). Falls back to
// `sql` when the cache is stale.
Result<IdList> DateRangeIds(Db& db, const IdSetExpr& e) {
  ColumnNeeds needs;
  needs.date_asc = true;
  Result<std::optional<SearchColumns>> cols = LoadSearchColumns(db, needs);
  if (!cols.ok()) return cols.status();
  if (!*cols) return RunIdSql(db, e.sql, e.params);
  const PackedArray& rank = (*cols)->date_asc;
  uint32_t lo = 0;
  if (!e.created_min.empty()) {
    Result<uint32_t> r = FirstInDateOrder(db, rank, e.created_min);
    if (!r.ok()) return r.status();
    lo = *r;
  }
  Result<uint32_t> hi = FirstInDateOrder(db, rank, e.created_below);
  if (!hi.ok()) return hi.status();
  IdList out;
  for (size_t id = 0; id < rank.size(); ++id) {
    uint32_t r = rank[id];
    if (r != SearchColumns::kNoCable && r >= lo && r < *hi) out.push_back(static_cast<int64_t>(id));
  }
  return out;
}

// The ids of a tag:/caveat:/class: leaf: from the index, or from the cached column when the index
// gives more than `index_at_most` ids (SearchSql::index_set_at_most) and the cache is current.
Result<IdList> SetColumnIds(Db& db, const IdSetExpr& e, size_t index_at_most) {
  // The LIMIT counts rows, not cables (a caveat can be stored twice for one cable: text and
  // metadata), so the row count decides whether the set was complete.
  size_t rows = 0;
  Result<IdList> ids =
      RunIdSql(db, e.sql + " LIMIT " + std::to_string(index_at_most + 1), e.params, &rows);
  if (!ids.ok() || rows <= index_at_most) return ids;
  if (e.set_column == "date") return DateRangeIds(db, e);
  ColumnNeeds needs;
  const bool level = e.set_column == "level";
  (level ? needs.level : e.set_column == "tag" ? needs.tag : needs.caveat) = true;
  Result<std::optional<SearchColumns>> cols = LoadSearchColumns(db, needs);
  if (!cols.ok()) return cols.status();
  if (!*cols) return RunIdSql(db, e.sql, e.params);
  if (level) {
    const CodeColumn& c = (*cols)->level;
    uint32_t code = 1;  // code 0 is NULL, which `classification_level = ?` never matches
    while (code < c.values.size() && c.values[code] != e.value) ++code;
    IdList out;
    for (size_t id = 0; id < c.codes.size(); ++id) {
      if (c.codes[id] == code) out.push_back(static_cast<int64_t>(id));
    }
    return out;
  }
  const SetColumn& c = e.set_column == "tag" ? (*cols)->tag : (*cols)->caveat;
  // The column holds upper(value) (ASCII only, like NOCASE's folding), distinct per cable.
  std::string wanted;
  for (char ch : e.value)
    wanted.push_back(ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 32) : ch);
  uint32_t code = 0;
  while (code < c.values.size() && c.values[code] != wanted) ++code;
  IdList out;
  for (size_t id = 0; id + 1 < c.offsets.size(); ++id) {
    for (uint32_t k = c.offsets[id]; k < c.offsets[id + 1]; ++k) {
      if (c.codes[k] == code) {
        out.push_back(static_cast<int64_t>(id));
        break;
      }
    }
  }
  return out;
}

// Up to this many ids, an AND tests its other leaves per id (a few us each) instead of reading
// their whole sets (up to 191,316 ids, ~15 ms).
constexpr size_t kProbeAtMost = 256;

// The ids of `ids` in leaf `e` (`keep`) or not in it (!keep), tested one by one with e.probe.
Result<IdList> Probe(Db& db, const IdSetExpr& e, const IdList& ids, bool keep) {
  Result<Statement> st = db.Prepare(e.probe);
  if (!st.ok()) return Sanitize(st.status());
  IdList out;
  for (int64_t id : ids) {
    st->Reset();
    BindAll(*st, e.params);
    st->BindInt(static_cast<int>(e.params.size()) + 1, id);
    Result<bool> row = st->Step();
    if (!row.ok()) return Sanitize(row.status());
    if (*row == keep) out.push_back(id);
    st->Reset();
  }
  return out;
}

// The ids of `e`. An AND subtracts its NOT operands from the others instead of complementing
// them, so the set of every cable is read only for a NOT without a positive sibling.
// How Evaluate may use the cached columns.
struct EvalContext {
  const SearchColumns* origin = nullptr;  // origin: columns, when loaded
  size_t index_set_at_most = 30000;       // SearchSql::index_set_at_most
};

Result<IdList> Evaluate(Db& db, const IdSetExpr& e, const EvalContext& cols) {
  if (db.interrupted()) return db.InterruptedStatus();  // the C++ set work between statements
  switch (e.kind) {
    case IdSetExpr::Kind::kSql:
      if (!e.set_column.empty()) return SetColumnIds(db, e, cols.index_set_at_most);
      return RunIdSql(db, e.sql, e.params);
    case IdSetExpr::Kind::kOrigin:
      if (cols.origin && !cols.origin->origin.codes.empty()) return OriginIds(*cols.origin, e);
      return RunIdSql(db, e.sql, e.params);
    case IdSetExpr::Kind::kOr: {
      IdList acc;
      for (const IdSetExpr& c : e.children) {
        Result<IdList> ids = Evaluate(db, c, cols);
        if (!ids.ok()) return ids;
        acc = Unite(acc, *ids);
      }
      return acc;
    }
    case IdSetExpr::Kind::kNot: {
      if (e.children.size() != 1) return Status(StatusCode::kInternal, "NOT without an operand");
      Result<IdList> all = RunIdSql(db, "SELECT id FROM cables", {});
      if (!all.ok()) return all;
      Result<IdList> ids = Evaluate(db, e.children[0], cols);
      if (!ids.ok()) return ids;
      return Minus(*all, *ids);
    }
    case IdSetExpr::Kind::kAnd: {
      // Known-small operands first; once the intersection is small, the other leaves are tested
      // id by id (`ref:07TBILISI23 tag:PREL`: 20 probes instead of reading 191,316 PREL ids,
      // 27 -> 7 ms).
      std::vector<const IdSetExpr*> positive, negated;
      for (const IdSetExpr& c : e.children) {
        if (c.kind == IdSetExpr::Kind::kNot && c.children.size() == 1) {
          negated.push_back(&c.children[0]);
        } else {
          positive.push_back(&c);
        }
      }
      std::stable_partition(positive.begin(), positive.end(),
                            [](const IdSetExpr* c) { return c->selective; });
      std::optional<IdList> acc;
      for (const IdSetExpr* c : positive) {
        if (acc && acc->empty()) return IdList();
        if (acc && acc->size() <= kProbeAtMost && !c->probe.empty()) {
          Result<IdList> kept = Probe(db, *c, *acc, true);
          if (!kept.ok()) return kept;
          acc = std::move(*kept);
          continue;
        }
        Result<IdList> ids = Evaluate(db, *c, cols);
        if (!ids.ok()) return ids;
        acc = acc ? Intersect(*acc, *ids) : std::move(*ids);
      }
      if (!acc) {
        Result<IdList> all = RunIdSql(db, "SELECT id FROM cables", {});
        if (!all.ok()) return all;
        acc = std::move(*all);
      }
      for (const IdSetExpr* n : negated) {
        if (acc->empty()) break;
        if (acc->size() <= kProbeAtMost && !n->probe.empty()) {
          Result<IdList> kept = Probe(db, *n, *acc, false);
          if (!kept.ok()) return kept;
          acc = std::move(*kept);
          continue;
        }
        Result<IdList> ids = Evaluate(db, *n, cols);
        if (!ids.ok()) return ids;
        acc = Minus(*acc, *ids);
      }
      return std::move(*acc);
    }
  }
  return Status(StatusCode::kInternal, "unexpected id-set node");
}

// Facet counts of `hits` from the cached columns: the same rows as SqlSearch's facet statement.
void CountFacets(const SearchColumns& cols, const IdList& hits, std::vector<FacetRow>* out) {
  auto codes = [&](const char* name, const CodeColumn& c) {
    std::vector<int64_t> n(c.values.size(), 0);
    for (int64_t id : hits) {
      if (id < 0 || id > cols.max_id) continue;
      uint32_t code = c.codes[static_cast<size_t>(id)];
      if (code < n.size()) ++n[code];
    }
    for (size_t i = 0; i < n.size(); ++i) {
      if (n[i] > 0) out->push_back({name, c.values[i], n[i]});
    }
  };
  auto sets = [&](const char* name, const SetColumn& c) {
    std::vector<int64_t> n(c.values.size(), 0);
    for (int64_t id : hits) {
      if (id < 0 || id > cols.max_id) continue;
      for (uint32_t k = c.offsets[static_cast<size_t>(id)];
           k < c.offsets[static_cast<size_t>(id) + 1]; ++k) {
        uint32_t code = c.codes[k];
        if (code < n.size()) ++n[code];
      }
    }
    for (size_t i = 0; i < n.size(); ++i) {
      if (n[i] > 0) out->push_back({name, c.values[i], n[i]});
    }
  };
  codes("year", cols.year);
  codes("origin", cols.post_key);
  codes("classification", cols.level);
  sets("caveat", cols.caveat);
  sets("tag", cols.tag);
}


using Scored = PhraseScore;  // (bm25, id); lower bm25 is better

// The phrases of `match` (false = positive, true = negated) when it has a shape RankPhrases
// takes, as the compiler writes them (compiler.cc: QuoteFts, JoinFts, AndNot): P, (P OR P ...),
// (P NOT P), (P NOT (P OR P ...)), where P is "text" or "text" * (no column filter); else nullopt.
std::optional<std::vector<bool>> ParseRankable(std::string_view m) {
  size_t i = 0;
  auto phrase = [&]() -> bool {
    if (i >= m.size() || m[i] != '"') return false;
    for (++i; i < m.size(); ++i) {
      if (m[i] != '"') continue;
      if (i + 1 < m.size() && m[i + 1] == '"') {
        ++i;  // a doubled quote inside the string
        continue;
      }
      break;
    }
    if (i >= m.size()) return false;
    ++i;
    if (m.substr(i, 2) == " *") i += 2;
    return true;
  };
  auto word = [&](std::string_view w) {
    if (m.substr(i, w.size()) != w) return false;
    i += w.size();
    return true;
  };
  // An OR list "(P OR P ...)" or a single P; appends one flag per phrase.
  auto or_list = [&](bool negated, std::vector<bool>* out) -> bool {
    if (i < m.size() && m[i] == '(') {
      ++i;
      do {
        if (!phrase()) return false;
        out->push_back(negated);
      } while (word(" OR "));
      return word(")");
    }
    if (!phrase()) return false;
    out->push_back(negated);
    return true;
  };
  std::vector<bool> flags;
  if (phrase()) {
    flags.push_back(false);
  } else if (i == 0 && word("(")) {
    if (!phrase()) return std::nullopt;
    flags.push_back(false);
    if (word(" NOT ")) {
      if (!or_list(true, &flags) || !word(")")) return std::nullopt;
    } else {
      while (word(" OR ")) {
        if (!phrase()) return std::nullopt;
        flags.push_back(false);
      }
      if (!word(")")) return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  if (i != m.size()) return std::nullopt;
  return flags;
}

// Every FTS5 hit of `match` (restricted to `filter` when set) with its bm25(), in one pass over
// the index: no `cables` row is read (SqlSearch's ORDER BY joined one per hit: 690 ms for
// `government` at 251,287 cables). The score is cablebase_bm25() (store/fts_rank.h), which after
// its first rows switches to the row sizes of the cached columns: FTS5 reads one %_docsize row per
// hit, 200 -> 65 ms for `government`.
Result<std::vector<Scored>> RankAll(Db& db, const std::string& match, const IdList* filter,
                                    int64_t rows_before_sizes) {
  if (Status s = RegisterFtsRank(db); !s.ok()) return s;
  std::optional<SearchColumns> sizes;
  struct RowTokensScope {
    Db& db;
    ~RowTokensScope() {
      db.fts_row_tokens = nullptr;
      db.fts_row_tokens_loader = nullptr;
    }
  } tokens_scope{db};
  db.fts_row_tokens_after = rows_before_sizes;
  db.fts_row_tokens_loader = [&db, &sizes]() -> const std::vector<uint32_t>* {
    ColumnNeeds needs;
    needs.row_tokens = true;
    Result<std::optional<SearchColumns>> loaded = LoadSearchColumns(db, needs);
    if (!loaded.ok() || !*loaded) return nullptr;  // FTS5's own sizes: same scores, slower
    sizes = std::move(**loaded);
    return &sizes->row_tokens;
  };
  std::vector<uint8_t> keep;
  if (filter) {
    keep.assign(filter->empty() ? 0 : static_cast<size_t>(filter->back()) + 1, 0);
    for (int64_t id : *filter) {
      if (id >= 0) keep[static_cast<size_t>(id)] = 1;
    }
  }
  if (std::optional<std::vector<bool>> phrases = ParseRankable(match)) {
    Result<std::vector<PhraseScore>> scored =
        RankPhrases(db, match, *phrases, {4.0, 1.0}, filter ? &keep : nullptr);
    // A shape this parser misread (FTS5 counts other phrases) is ranked row by row below.
    if (scored.ok() || scored.status().code() != StatusCode::kInternal) return scored;
  }
  std::string text =
      "SELECT rowid, cablebase_bm25(cables_fts, 4.0, 1.0) FROM cables_fts WHERE cables_fts "
      "MATCH ?1";
  IdFilterScope scope(db, "cablebase_hit");
  if (filter) {
    // Skips rows outside the filter before bm25() is computed for them.
    if (Status s = scope.Define(&keep); !s.ok()) return s;
    text += " AND cablebase_hit(rowid)";
  }
  Result<Statement> st = db.Prepare(text);
  if (!st.ok()) return Sanitize(st.status());
  st->BindText(1, match, false);
  std::vector<Scored> out;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return Sanitize(row.status());
    if (!*row) break;
    out.push_back({st->ColumnDouble(1), st->ColumnInt(0)});
  }
  return out;
}

// The columns of a hit row shown in results, by id.
class RowReader {
 public:
  static Result<RowReader> Make(Db& db) {
    RowReader r;
    Result<Statement> st = db.Prepare(
        "SELECT c.reference_id, c.created, COALESCE(c.origin, c.originator, c.post_key), "
        "c.classification_level, c.subject FROM cables c WHERE c.id = ?1");
    if (!st.ok()) return Sanitize(st.status());
    r.st_ = std::move(*st);
    return r;
  }
  Result<SearchRow> Read(int64_t id) {
    st_.Reset();
    st_.BindInt(1, id);
    Result<bool> row = st_.Step();
    if (!row.ok()) return Sanitize(row.status());
    SearchRow r;
    if (*row) {
      r.reference_id = st_.ColumnText(0);
      r.created = st_.ColumnText(1);
      r.origin = st_.ColumnText(2);
      r.classification = st_.ColumnText(3);
      r.subject = st_.ColumnText(4);
    }
    st_.Reset();
    return r;
  }

 private:
  Statement st_;
};

// The page of a ranked search: (bm25, reference_id) order like SqlSearch, found without sorting
// every hit: only the hits scored at most the need-th best score (ties included) are read.
Result<std::vector<std::pair<int64_t, double>>> RankedPage(Db& db, std::vector<Scored> scored,
                                                           int64_t offset, int64_t limit) {
  std::vector<std::pair<int64_t, double>> page;  // (id, bm25)
  const size_t need = static_cast<size_t>(offset + limit);
  if (limit == 0 || scored.empty() || static_cast<size_t>(offset) >= scored.size()) return page;
  auto by_score = [](const Scored& a, const Scored& b) { return a.bm25 < b.bm25; };
  if (need < scored.size()) {
    std::nth_element(scored.begin(), scored.begin() + (need - 1), scored.end(), by_score);
    const double bound = scored[need - 1].bm25;
    scored.erase(std::remove_if(scored.begin(), scored.end(),
                                [&](const Scored& s) { return s.bm25 > bound; }),
                 scored.end());
  }
  Result<Statement> ref = db.Prepare("SELECT reference_id FROM cables WHERE id = ?1");
  if (!ref.ok()) return Sanitize(ref.status());
  struct Candidate {
    double bm25;
    std::string reference_id;
    int64_t id;
  };
  std::vector<Candidate> candidates;
  candidates.reserve(scored.size());
  for (const Scored& s : scored) {
    ref->Reset();
    ref->BindInt(1, s.rowid);
    Result<bool> row = ref->Step();
    if (!row.ok()) return Sanitize(row.status());
    candidates.push_back({s.bm25, *row ? ref->ColumnText(0) : std::string(), s.rowid});
    ref->Reset();
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.bm25 != b.bm25 ? a.bm25 < b.bm25 : a.reference_id < b.reference_id;
  });
  for (size_t i = static_cast<size_t>(offset); i < candidates.size() && i < need; ++i) {
    page.emplace_back(candidates[i].id, candidates[i].bm25);
  }
  return page;
}

// SqlSearch's score: -bm25 read back as SQLite writes a REAL as text (15 significant digits), so
// both paths print the same figure.
Result<double> ScoreOf(Statement& as_text, double bm25) {
  as_text.Reset();
  as_text.BindDouble(1, -bm25);
  Result<bool> row = as_text.Step();
  if (!row.ok()) return row.status();
  double score = std::strtod(as_text.ColumnText(0).c_str(), nullptr);
  as_text.Reset();
  return score;
}

// Facet counts of a few hits by SQL: the same rows as CountFacets.
Status CountFacetsBySql(Db& db, const IdList& hits, std::vector<FacetRow>* out) {
  Result<Statement> row = db.Prepare(
      "SELECT COALESCE(CAST(year AS TEXT), ''), COALESCE(post_key, ''), "
      "COALESCE(classification_level, '') FROM cables WHERE id = ?1");
  Result<Statement> caveats =
      db.Prepare("SELECT DISTINCT upper(caveat) FROM caveats WHERE cable_id = ?1");
  Result<Statement> tags = db.Prepare("SELECT DISTINCT upper(tag) FROM tags WHERE cable_id = ?1");
  for (auto* st : {&row, &caveats, &tags}) {
    if (!st->ok()) return Sanitize(st->status());
  }
  std::map<std::pair<std::string, std::string>, int64_t> counts;
  auto each = [&](Statement& st, int64_t id, const std::vector<const char*>& facets) -> Status {
    st.Reset();
    st.BindInt(1, id);
    for (;;) {
      Result<bool> r = st.Step();
      if (!r.ok()) return Sanitize(r.status());
      if (!*r) break;
      for (size_t i = 0; i < facets.size(); ++i) {
        ++counts[{facets[i], st.ColumnText(static_cast<int>(i))}];
      }
    }
    st.Reset();
    return Status::Ok();
  };
  for (int64_t id : hits) {
    if (Status s = each(*row, id, {"year", "origin", "classification"}); !s.ok()) return s;
    if (Status s = each(*caveats, id, {"caveat"}); !s.ok()) return s;
    if (Status s = each(*tags, id, {"tag"}); !s.ok()) return s;
  }
  for (auto& [key, n] : counts) out->push_back({key.first, key.second, n});
  return Status::Ok();
}

// The date page of a few hits by SQL, in SqlSearch's order (created, NULL last, then
// reference_id; `desc`: created descending).
Result<std::vector<int64_t>> DatePageBySql(Db& db, const IdList& hits, bool desc, size_t offset,
                                           size_t need) {
  Result<Statement> st = db.Prepare("SELECT created, reference_id FROM cables WHERE id = ?1");
  if (!st.ok()) return Sanitize(st.status());
  struct Key {
    bool no_date;
    std::string created, reference_id;
    int64_t id;
  };
  std::vector<Key> keys;
  for (int64_t id : hits) {
    st->Reset();
    st->BindInt(1, id);
    Result<bool> r = st->Step();
    if (!r.ok()) return Sanitize(r.status());
    if (*r) keys.push_back({st->ColumnIsNull(0), st->ColumnText(0), st->ColumnText(1), id});
    st->Reset();
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.no_date != b.no_date) return b.no_date;
    if (a.created != b.created) return desc ? a.created > b.created : a.created < b.created;
    return a.reference_id < b.reference_id;
  });
  std::vector<int64_t> page;
  for (size_t i = offset; i < keys.size() && i < need; ++i) page.push_back(keys[i].id);
  return page;
}

// ExecuteSearch without reading `cables` per hit; nullopt when it needs the search_columns cache
// and that is absent or stale (the caller then runs SqlSearch).
Result<std::optional<SearchOutput>> FastSearch(Db& db, const SearchSql& sql) {
  const bool ranked = sql.order == SearchSql::Order::kRank && !sql.match.empty();
  const bool desc = sql.order == SearchSql::Order::kDateDesc;
  const int64_t offset = std::max<int64_t>(sql.offset, 0);

  // origin: needs its columns to find the hits.
  std::optional<SearchColumns> origin_cols;
  if (HasOrigin(*sql.filter)) {
    ColumnNeeds needs;
    needs.origin = true;
    Result<std::optional<SearchColumns>> loaded = LoadSearchColumns(db, needs);
    if (!loaded.ok()) return loaded.status();
    if (!*loaded) return std::optional<SearchOutput>();
    origin_cols = std::move(**loaded);
  }

  // The filter part; nullopt when there is none (every cable passes).
  std::optional<IdList> filter;
  const bool no_filter = sql.filter->kind == IdSetExpr::Kind::kAnd && sql.filter->children.empty();
  if (!no_filter) {
    EvalContext context;
    context.origin = origin_cols ? &*origin_cols : nullptr;
    context.index_set_at_most = sql.index_set_at_most;
    Result<IdList> ids = Evaluate(db, *sql.filter, context);
    if (!ids.ok()) return ids.status();
    filter = std::move(*ids);
  }

  SearchOutput out;
  IdList hits;  // the hit set; in rowid order except when ranked (then only facets read it)
  std::vector<std::pair<int64_t, double>> page;  // (id, bm25 or 0) in result order
  if (ranked) {
    Result<std::vector<Scored>> scored =
        RankAll(db, sql.match, filter ? &*filter : nullptr, sql.rank_rows_before_sizes);
    if (!scored.ok()) return scored.status();
    out.total = static_cast<int64_t>(scored->size());
    if (sql.facets) {
      // Facet counting does not need the ids in order (sorting 195,445 cost ~4 ms).
      hits.reserve(scored->size());
      for (const Scored& s : *scored) hits.push_back(s.rowid);
    }
    Result<std::vector<std::pair<int64_t, double>>> p =
        RankedPage(db, std::move(*scored), offset, sql.limit);
    if (!p.ok()) return p.status();
    page = std::move(*p);
  } else {
    if (!sql.match.empty()) {
      Result<IdList> fts =
          RunIdSql(db, "SELECT rowid FROM cables_fts WHERE cables_fts MATCH ?", {sql.match});
      if (!fts.ok()) return fts.status();
      hits = filter ? Intersect(*fts, *filter) : std::move(*fts);
    } else if (filter) {
      hits = std::move(*filter);
    } else {
      Result<IdList> all = RunIdSql(db, "SELECT id FROM cables", {});
      if (!all.ok()) return all.status();
      hits = std::move(*all);
    }
    out.total = static_cast<int64_t>(hits.size());
  }

  ColumnNeeds needs;
  const bool date_page = !ranked && sql.limit != 0 && static_cast<size_t>(offset) < hits.size();
  // Up to sql.small_hit_set hits, facets and the date page are read per hit with SQL (~30 us a
  // hit: a `cables` row and its tags) rather than from the cached columns (~5 ms to read the
  // 4.5 MB a facet count needs at 251,287 cables): `ref:07TBILISI23 --facets` (20 hits)
  // 11.2 -> 7.9 ms.
  const bool small = hits.size() <= sql.small_hit_set;
  needs.facets = sql.facets && !small;
  needs.date_asc = date_page && !small && !desc;
  needs.date_desc = date_page && !small && desc;
  std::optional<SearchColumns> cols;
  if (needs.facets || needs.date_asc || needs.date_desc) {
    Result<std::optional<SearchColumns>> loaded = LoadSearchColumns(db, needs);
    if (!loaded.ok()) return loaded.status();
    if (!*loaded) return std::optional<SearchOutput>();
    cols = std::move(**loaded);
  }

  if (date_page) {
    const size_t need = std::min(hits.size(), static_cast<size_t>(offset + sql.limit));
    if (small) {
      Result<std::vector<int64_t>> ids =
          DatePageBySql(db, hits, desc, static_cast<size_t>(offset), need);
      if (!ids.ok()) return ids.status();
      for (int64_t id : *ids) page.emplace_back(id, 0);
    } else {
      const PackedArray& rank = desc ? cols->date_desc : cols->date_asc;
      auto rank_of = [&](int64_t id) {
        return id >= 0 && id <= cols->max_id ? rank[static_cast<size_t>(id)]
                                             : SearchColumns::kNoCable;
      };
      std::vector<int64_t> order(hits);
      std::partial_sort(order.begin(), order.begin() + need, order.end(),
                        [&](int64_t a, int64_t b) { return rank_of(a) < rank_of(b); });
      for (size_t i = static_cast<size_t>(offset); i < need; ++i) page.emplace_back(order[i], 0);
    }
  }

  if (!page.empty()) {
    Result<RowReader> reader = RowReader::Make(db);
    if (!reader.ok()) return reader.status();
    Result<Statement> as_text = db.Prepare("SELECT ?1");
    if (!as_text.ok()) return as_text.status();
    std::vector<int64_t> ids;
    for (const auto& [id, bm25] : page) {
      Result<SearchRow> r = reader->Read(id);
      if (!r.ok()) return r.status();
      if (ranked) {
        Result<double> score = ScoreOf(*as_text, bm25);
        if (!score.ok()) return score.status();
        r->score = *score;
      }
      ids.push_back(id);
      out.rows.push_back(std::move(*r));
    }
    if (sql.snippets) {
      const std::string& expr = sql.match.empty() ? sql.highlight : sql.match;
      const int tokens = std::clamp(sql.snippet_tokens, 1, 64);
      if (Status s = FillSnippets(db, sql, expr, ids, tokens, &out.rows); !s.ok()) return s;
    }
  }
  if (sql.facets) {
    if (db.interrupted()) return db.InterruptedStatus();
    if (small) {
      if (Status s = CountFacetsBySql(db, hits, &out.facets); !s.ok()) return s;
    } else {
      CountFacets(*cols, hits, &out.facets);
    }
  }
  return std::optional<SearchOutput>(std::move(out));
}

}  // namespace

Result<SearchOutput> ExecuteSearch(Db& db, const SearchSql& sql) {
  if (!sql.filter || !sql.in_memory || sql.limit < 0 || sql.ids_only) return SqlSearch(db, sql);
  Result<std::optional<SearchOutput>> fast = FastSearch(db, sql);
  if (!fast.ok()) return fast.status();
  if (*fast) return std::move(**fast);
  return SqlSearch(db, sql);
}

}  // namespace cablebase::store
