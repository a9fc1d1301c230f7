// Fuzz target: format detection and every reader (read.h ReadBuffer), then the telegram parser,
// the validator and the JSON writer on whatever the readers yield.
//
// Input: byte 0 picks the format (0 → detection, as for a file of unknown form; 1..9 → the reader
// forced, InputFormat's numbering: html, text, csv, pdf, plusd, frus, cfpf-gt, foia-text, aad);
// byte 1 picks the file name the detector sees; the rest is the file's bytes. Seeds: the shared
// corpora with that two-byte prefix (scripts/fuzz_seeds.sh). Nothing may crash, leak, hit UB or
// throw; every failure must be a Status naming the file.
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

namespace {

constexpr const char* kNames[] = {"fuzz",     "fuzz.html", "fuzz.txt", "fuzz.csv", "fuzz.pdf",
                                  "fuzz.xml", "fuzz.gt",   "fuzz.alx", "-"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  const int f = data[0] % kInputFormatCount;
  const InputFormat format = static_cast<InputFormat>(f);
  const std::string_view path = kNames[data[1] % (sizeof kNames / sizeof kNames[0])];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 2, size - 2);

  // Detection alone must look at any head.
  (void)DetectFormat(bytes, path);

  int cables = 0;
  Status s = ReadBuffer(bytes, format, path, [&](Result<RawCable> raw) {
    if (!raw.ok()) {
      if (raw.status().message().empty()) std::abort();  // a failure must say why
      return true;
    }
    Result<Cable> cable = ParseCable(*raw);
    if (cable.ok()) {
      (void)ValidateCable(*cable, *raw);
      (void)TelegramLinesInFile(*raw, bytes);
      const std::string json = CableToJson(*cable);
      // What the JSON writer writes, the JSON reader reads back.
      if (!CableFromJson(json).ok()) std::abort();
    } else if (cable.status().message().empty()) {
      std::abort();
    }
    return ++cables < 64;  // a dump of many rows: the first ones are enough per input
  });
  if (!s.ok() && s.message().empty()) std::abort();
  return 0;
}
