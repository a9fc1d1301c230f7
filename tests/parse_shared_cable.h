// Reads one real cable from the shared folder and parses it, for the tests of one field's rules.
//
// Usage, inside a TEST body (CABLEBASE_SHARED_PATH returns from the test when the file is missing):
//   CABLEBASE_SHARED_PATH(page, "corpus/html/chillicoder__cablegate/07SANAA473.html");
//   Cable c = testing_shared::ReadAndParseOne(page);
// Thread-safety: reads the file system only.
#ifndef CABLEBASE_TESTS_PARSE_SHARED_CABLE_H_
#define CABLEBASE_TESTS_PARSE_SHARED_CABLE_H_

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "shared_files.h"

namespace cablebase::testing_shared {

// The one cable of the file at `path` (format detected), parsed; a default Cable and a test
// failure when the file holds no cable, several, or one that does not parse.
inline Cable ReadAndParseOne(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  std::vector<Result<Cable>> cables;
  Status st = ReadBuffer(bytes, InputFormat::kAuto, path, [&](Result<RawCable> raw) {
    cables.push_back(raw.ok() ? ParseCable(*raw) : Result<Cable>(raw.status()));
    return true;
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  if (cables.size() != 1 || !cables[0].ok()) {
    ADD_FAILURE() << path << ": " << cables.size() << " cables"
                  << (cables.empty() || cables[0].ok() ? "" : ", " + cables[0].status().ToString());
    return Cable{};
  }
  return cables[0].value();
}

// The corpus path of a Cablegate page: "corpus/html/chillicoder__cablegate/<id>.html".
inline std::string CablegatePage(const std::string& id) {
  return "corpus/html/chillicoder__cablegate/" + id + ".html";
}

}  // namespace cablebase::testing_shared

#endif  // CABLEBASE_TESTS_PARSE_SHARED_CABLE_H_
