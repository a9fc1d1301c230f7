// Fuzz target: the query language (lexer, parser, compiler; query.h) and the SQL it compiles to,
// run on a small archive (fuzz_archive.h).
//
// Input: byte 0 picks the sort order, facets and snippets; the rest is the query text. Seeds: the
// queries of docs/query_language.md and tests (scripts/fuzz_seeds.sh); fuzz/query.dict holds the
// operators and field names. The property (issue 14): any query either runs or fails with a query
// error the user can read (kInvalidArgument with a message); never an SQLite error, an internal
// error, a crash, a leak or UB. A query the parser accepts has a non-empty explanation.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "cablebase/archive.h"
#include "cablebase/query.h"
#include "fuzz_archive.h"

using namespace cablebase;

namespace {

Archive& FuzzArchive() {
  static std::unique_ptr<Archive> archive = [] {
    auto a = Archive::Open(fuzz::FuzzArchivePath(), Archive::Mode::kReadOnly);
    if (!a.ok()) std::abort();
    return std::move(*a);
  }();
  return *archive;
}

void Fail(const char* what, std::string_view query, const Status& s) {
  std::fprintf(stderr, "%s for query [%.*s]: %s\n", what, static_cast<int>(query.size()),
               query.data(), s.ToString().c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)FuzzArchive();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 4096) return 0;
  const uint8_t flags = data[0];
  const std::string_view query(reinterpret_cast<const char*>(data) + 1, size - 1);

  const Status valid = ValidateQuery(query);
  if (!valid.ok() && (valid.code() != StatusCode::kInvalidArgument || valid.message().empty())) {
    Fail("validation failed with a non-query error", query, valid);
  }
  Result<std::string> explained = ExplainQuery(query);
  if (explained.ok() != valid.ok()) Fail("ExplainQuery disagrees with ValidateQuery", query, valid);
  // The explanation is the tree as an S-expression ("(AND (NOT \"a\") \"b\")"), not query text:
  // it need not parse again (an early version of this target asserted it; wrong, not a bug).
  if (explained.ok() && explained->empty()) Fail("empty explanation", query, valid);

  SearchRequest request;
  request.query = std::string(query);
  request.sort = static_cast<SearchSort>(flags & 3);
  request.facets = flags & 4;
  request.snippets = flags & 8;
  request.limit = (flags & 16) ? -1 : 5;
  request.offset = (flags & 32) ? 1 : 0;
  Result<SearchResults> results = Search(FuzzArchive(), request);
  if (!results.ok()) {
    const Status& s = results.status();
    if (s.code() != StatusCode::kInvalidArgument || s.message().empty()) {
      Fail("search failed with a non-query error", query, s);
    }
    if (valid.ok()) Fail("a query that validates fails to search", query, s);
  }
  return 0;
}
