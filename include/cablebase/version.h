// The version of cablebase: printed by `cablebase --version` and recorded in every archive it
// writes (meta `writer`, and `cables.parsed_by` of every row it derives: docs/schema.md).
#ifndef CABLEBASE_VERSION_H_
#define CABLEBASE_VERSION_H_

#include <string_view>

namespace cablebase {

// "MAJOR.MINOR.PATCH". Bump it with every release whose parser output differs: an archive whose
// row's `parsed_by` differs is derived again when its cable is ingested again.
inline constexpr std::string_view kVersion = "0.3.0";

}  // namespace cablebase

#endif  // CABLEBASE_VERSION_H_
