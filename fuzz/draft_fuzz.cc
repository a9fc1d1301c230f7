// Fuzz target: the draft JSON → telegram formatter (json.h CableFromJson, write.h FormatCable), as
// `cablebase format` runs it, then the telegram it writes read back by the parser and validated.
//
// Input: one JSON value (a draft or a parsed record). Seeds: docs/draft_example.json and the
// records `cablebase parse --json` gives for shared cables (scripts/fuzz_seeds.sh); fuzz/json.dict
// holds the record's keys. Nothing may crash, leak, hit UB or throw; a draft that cannot be read or
// formatted must say why.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cablebase/json.h"
#include "cablebase/parse.h"
#include "cablebase/read.h"
#include "cablebase/write.h"

using namespace cablebase;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  Result<Cable> cable = CableFromJson(json, "fuzz.json");
  if (!cable.ok()) {
    if (cable.status().message().empty()) std::abort();
    return 0;
  }
  for (bool transmission : {false, true}) {
    FormatOptions options;
    options.transmission = transmission;
    options.now_dtg = "201007Z FEB 06";
    options.serial = "1637";
    Result<std::string> text = FormatCable(*cable, options);
    if (!text.ok()) {
      if (text.status().message().empty()) std::abort();
      continue;
    }
    // The formatter's output is a telegram: the text reader and the parser take it back.
    Status s = ReadBuffer(*text, InputFormat::kText, "formatted.txt", [](Result<RawCable> raw) {
      if (raw.ok()) {
        Result<Cable> back = ParseCable(*raw);
        if (back.ok()) (void)ValidateCable(*back, *raw);
      }
      return true;
    });
    if (!s.ok() && s.message().empty()) std::abort();
  }
  return 0;
}
