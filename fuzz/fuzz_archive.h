// A small archive for the fuzz targets that need one (query_fuzz, http_fuzz): a temporary file
// holding two telegrams written for the fuzzers, plus the cables of $CABLEBASE_FUZZ_CABLES (a
// folder scripts/fuzz_seeds.sh fills from the shared folder) when that is set.
#ifndef CABLEBASE_FUZZ_FUZZ_ARCHIVE_H_
#define CABLEBASE_FUZZ_FUZZ_ARCHIVE_H_

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "cablebase/archive.h"
#include "cablebase/parse.h"
#include "cablebase/read.h"

namespace cablebase::fuzz {

// Two telegrams written for the fuzzers (not real cables): a REF, TAGS, caveats, sections.
inline constexpr const char* kFuzzTelegrams[] = {
    "R 011200Z JAN 06\nFM AMEMBASSY ATLANTIS\nTO SECSTATE WASHDC 0001\nINFO AMEMBASSY UTOPIA\n"
    "C O N F I D E N T I A L ATLANTIS 000042\n\nSIPDIS\nNOFORN\n\nE.O. 12958: DECL: 01/01/2016\n"
    "TAGS: PREL, PGOV, XX\nSUBJECT: WRITTEN FOR THE FUZZER: A TEST SUBJECT\n\nREF: A. STATE 1234\n"
    "B. UTOPIA 99\n\nClassified By: Ambassador A. Nobody for reasons 1.4 (b) and (d)\n\n"
    "1. (C) Summary: the first paragraph of a test telegram. End summary.\n\n"
    "2. (U) A second paragraph with words to search: harbour, ministry, election.\n\nNOBODY\n",
    "O 021530Z FEB 07\nFM AMEMBASSY UTOPIA\nTO SECSTATE WASHDC IMMEDIATE 0002\n"
    "S E C R E T SECTION 01 OF 02 UTOPIA 000099\n\nE.O. 12958: DECL: 02/02/2017\n"
    "TAGS: ECON, ETRD, YY\nSUBJECT: SECOND TEST TELEGRAM (WRITTEN FOR THE FUZZER)\n\n"
    "REF: ATLANTIS 42\n\n1. (S) Trade and harbour talks; see reftel.\n\nSOMEBODY\n",
};

// Creates (once per process) the archive and returns its path.
inline const std::string& FuzzArchivePath() {
  static const std::string path = [] {
    std::string dir = (std::filesystem::temp_directory_path() / "cablebase-fuzz-XXXXXX").string();
    if (::mkdtemp(dir.data()) == nullptr) std::abort();
    std::string db = dir + "/fuzz.db";
    auto archive = Archive::Open(db, Archive::Mode::kReadWrite);
    if (!archive.ok()) std::abort();
    const char* ids[] = {"06ATLANTIS42", "07UTOPIA99"};
    int n = 0;
    for (const char* text : kFuzzTelegrams) {
      RawCable raw;
      raw.text = text;
      raw.reference_id = ids[n];
      raw.source.path = "fuzz-written-" + std::to_string(++n);
      Result<Cable> cable = ParseCable(raw);
      if (!cable.ok() || cable->reference_id.empty()) std::abort();
      if (!(*archive)->Put(*cable).ok()) std::abort();
    }
    if (const char* more = std::getenv("CABLEBASE_FUZZ_CABLES"); more && *more) {
      IngestOptions options;
      options.jobs = 1;
      if (!(*archive)->Ingest({more}, options).ok()) std::abort();
    }
    return db;
  }();
  return path;
}

}  // namespace cablebase::fuzz

#endif  // CABLEBASE_FUZZ_FUZZ_ARCHIVE_H_
