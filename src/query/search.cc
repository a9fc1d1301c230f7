// The public search API (include/cablebase/query.h): parse → compile → execute → results.
#include <algorithm>
#include <chrono>
#include <utility>

#include "cablebase/query.h"
#include "model/text_util.h"
#include "query/compiler.h"
#include "query/parser.h"
#include "store/search_executor.h"

namespace cablebase {

namespace {

Result<query::CompiledQuery> ParseAndCompile(std::string_view text) {
  Result<query::Node> tree = query::ParseQuery(text);
  if (!tree.ok()) return tree.status();
  return query::Compile(*tree);
}

store::SearchSql::Order OrderFor(SearchSort sort, const query::CompiledQuery& q) {
  switch (sort) {
    case SearchSort::kDate:
      return store::SearchSql::Order::kDateAsc;
    case SearchSort::kDateDesc:
      return store::SearchSql::Order::kDateDesc;
    case SearchSort::kAuto:
    case SearchSort::kRelevance:
    default:
      return q.match.empty() ? store::SearchSql::Order::kDateAsc : store::SearchSql::Order::kRank;
  }
}

store::SearchSql ToSql(query::CompiledQuery q, SearchSort sort) {
  store::SearchSql sql;
  sql.order = OrderFor(sort, q);
  sql.match = std::move(q.match);
  sql.where = std::move(q.where);
  sql.params = std::move(q.params);
  sql.highlight = std::move(q.highlight);
  sql.filter = std::move(q.filter);
  return sql;
}

// Largest first, ties by value; year ascending with "" (no date) last.
std::vector<FacetValue> SortFacet(std::vector<FacetValue> v, bool by_value, int64_t limit) {
  if (by_value) {
    std::sort(v.begin(), v.end(), [](const FacetValue& a, const FacetValue& b) {
      if (a.value.empty() != b.value.empty()) return b.value.empty();
      return a.value < b.value;
    });
    return v;
  }
  std::sort(v.begin(), v.end(), [](const FacetValue& a, const FacetValue& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  if (limit > 0 && static_cast<int64_t>(v.size()) > limit) v.resize(static_cast<size_t>(limit));
  return v;
}

}  // namespace

Result<SearchSort> ParseSearchSort(std::string_view s) {
  if (s == "relevance") return SearchSort::kRelevance;
  if (s == "date") return SearchSort::kDate;
  if (s == "-date") return SearchSort::kDateDesc;
  if (s == "auto" || s.empty()) return SearchSort::kAuto;
  return Status(StatusCode::kInvalidArgument,
                "unknown sort order '" + std::string(s) + "': expected relevance, date or -date");
}

Status ValidateQuery(std::string_view query) {
  Result<query::Node> tree = query::ParseQuery(query);
  return tree.status();
}

Result<std::string> ExplainQuery(std::string_view query) {
  Result<query::Node> tree = query::ParseQuery(query);
  if (!tree.ok()) return tree.status();
  return query::ToString(*tree);
}

Result<SearchResults> Search(Archive& archive, const SearchRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  Result<query::CompiledQuery> compiled = ParseAndCompile(request.query);
  if (!compiled.ok()) return compiled.status();
  store::SearchSql sql = ToSql(std::move(*compiled), request.sort);
  sql.limit = request.limit;
  sql.offset = std::max<int64_t>(request.offset, 0);
  sql.snippets = request.snippets;
  sql.mark_begin = request.mark_begin;
  sql.mark_end = request.mark_end;
  sql.ellipsis = request.ellipsis;
  sql.snippet_tokens = std::clamp(request.snippet_words, 1, 64);
  sql.facets = request.facets;

  Result<store::SearchOutput> out = store::ExecuteSearch(archive.db(), sql);
  if (!out.ok()) return out.status();

  SearchResults results;
  results.total = out->total;
  results.ranked = sql.order == store::SearchSql::Order::kRank;
  results.hits.reserve(out->rows.size());
  for (store::SearchRow& r : out->rows) {
    SearchHit h;
    h.reference_id = std::move(r.reference_id);
    h.created = std::move(r.created);
    h.origin = std::move(r.origin);
    h.classification = std::move(r.classification);
    h.subject = std::move(r.subject);
    // Telegram line breaks are layout (lines of ~69 columns); a snippet is read as one line.
    h.snippet = model::CollapseWhitespace(r.snippet);
    h.score = r.score;
    results.hits.push_back(std::move(h));
  }
  if (request.facets) {
    results.has_facets = true;
    SearchFacets& f = results.facets;
    for (store::FacetRow& row : out->facets) {
      FacetValue v{std::move(row.value), row.count};
      if (row.facet == "year")
        f.year.push_back(std::move(v));
      else if (row.facet == "origin")
        f.origin.push_back(std::move(v));
      else if (row.facet == "classification")
        f.classification.push_back(std::move(v));
      else if (row.facet == "caveat")
        f.caveat.push_back(std::move(v));
      else if (row.facet == "tag")
        f.tag.push_back(std::move(v));
    }
    f.year = SortFacet(std::move(f.year), true, 0);
    f.origin = SortFacet(std::move(f.origin), false, request.facet_limit);
    f.classification = SortFacet(std::move(f.classification), false, request.facet_limit);
    f.caveat = SortFacet(std::move(f.caveat), false, request.facet_limit);
    f.tag = SortFacet(std::move(f.tag), false, request.facet_limit);
  }
  results.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return results;
}

Result<std::vector<std::string>> SearchReferenceIds(Archive& archive, std::string_view query,
                                                    SearchSort sort) {
  Result<query::CompiledQuery> compiled = ParseAndCompile(query);
  if (!compiled.ok()) return compiled.status();
  store::SearchSql sql = ToSql(std::move(*compiled), sort);
  sql.limit = -1;
  sql.count = false;
  sql.ids_only = true;
  sql.snippets = false;
  Result<store::SearchOutput> out = store::ExecuteSearch(archive.db(), sql);
  if (!out.ok()) return out.status();
  std::vector<std::string> ids;
  ids.reserve(out->rows.size());
  for (store::SearchRow& r : out->rows) ids.push_back(std::move(r.reference_id));
  return ids;
}

}  // namespace cablebase
