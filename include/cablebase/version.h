// The version of cablebase: printed by `cablebase --version` and recorded in every archive it
// writes (meta `writer`, and `parsed_by` after an ingest: docs/schema.md).
#ifndef CABLEBASE_VERSION_H_
#define CABLEBASE_VERSION_H_

#include <string_view>

namespace cablebase {

// "MAJOR.MINOR.PATCH". Bump it with every release whose parser output differs: an archive whose
// `parsed_by` differs re-derives its rows when its cables are ingested again.
inline constexpr std::string_view kVersion = "0.2.0";

}  // namespace cablebase

#endif  // CABLEBASE_VERSION_H_
