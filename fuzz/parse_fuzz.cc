// Fuzz target: the telegram parser (parse.h ParseCable) on arbitrary text blocks, then the
// validator and the formatter on the record it yields.
//
// Input: byte 0's low bits pick which published metadata is set; the rest is split at the first
// NUL byte into the header block and the text block (no NUL: all text). Seeds: the telegram text of
// shared cables (scripts/fuzz_seeds.sh). Nothing may crash, leak, hit UB or throw.
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
  if (size < 1) return 0;
  const uint8_t flags = data[0];
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  RawCable raw;
  raw.source.path = "fuzz.txt";
  raw.source.format = InputFormat::kText;
  if (const size_t nul = rest.find('\0'); nul != std::string_view::npos) {
    raw.header = std::string(rest.substr(0, nul));
    raw.text = std::string(rest.substr(nul + 1));
  } else {
    raw.text = std::string(rest);
  }
  if (flags & 1) raw.reference_id = "06MOSCOW1637";
  if (flags & 2) raw.created = "2006-02-20 10:07";
  if (flags & 4) raw.classification = "CONFIDENTIAL//NOFORN";
  if (flags & 8) raw.origin = "Embassy Moscow";
  if (flags & 16) raw.references = {"06MOSCOW1323", "", "06STATE12"};
  if (flags & 32) raw.title = "A TITLE WRITTEN FOR THE FUZZER";
  if (flags & 64) raw.date_time = "1975-03-04T12:00:00";

  Result<Cable> cable = ParseCable(raw);
  if (!cable.ok()) {
    if (cable.status().message().empty()) std::abort();
    return 0;
  }
  (void)ValidateCable(*cable, raw);
  FormatOptions options;
  options.transmission = flags & 128;
  options.now_dtg = "010000Z JAN 10";
  options.serial = "1";
  (void)FormatCable(*cable, options);
  if (!CableFromJson(CableToJson(*cable)).ok()) std::abort();
  return 0;
}
