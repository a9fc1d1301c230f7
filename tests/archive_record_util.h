// Test helper for the archive forms (issue 13): the first record a shared file gives, read through
// the public API exactly as `cablebase parse` reads it (format detected from the bytes).
#ifndef CABLEBASE_TESTS_ARCHIVE_RECORD_UTIL_H_
#define CABLEBASE_TESTS_ARCHIVE_RECORD_UTIL_H_

#include <string>
#include <vector>

#include "cablebase/parse.h"
#include "cablebase/read.h"

namespace cablebase::testing_archive {

// Every record `path` gives (skipped documents and failures left out), and how many were skipped.
inline std::vector<Cable> Records(const std::string& path, int* skipped = nullptr,
                                  std::vector<std::string>* errors = nullptr) {
  std::vector<Cable> out;
  ReadSource(SourceFile{path, 0, {}}, InputFormat::kAuto, [&](Result<RawCable> raw) {
    if (!raw.ok()) {
      if (errors) errors->push_back(raw.status().message());
      return true;
    }
    if (!raw->skipped.empty()) {
      if (skipped) ++*skipped;
      return true;
    }
    Result<Cable> c = ParseCable(*raw);
    if (c.ok()) {
      out.push_back(std::move(*c));
    } else if (errors) {
      errors->push_back(c.status().message());
    }
    return true;
  });
  return out;
}

}  // namespace cablebase::testing_archive

#endif  // CABLEBASE_TESTS_ARCHIVE_RECORD_UTIL_H_
