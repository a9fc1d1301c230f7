// The read-and-parse loop the file commands share (parse, validate, audit): every cable of every
// input, parsed, with read and parse failures printed as FILE:LINE: reason.
#ifndef CABLEBASE_CLI_PARSED_CABLES_H_
#define CABLEBASE_CLI_PARSED_CABLES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cablebase/cable.h"
#include "cablebase/read.h"
#include "cablebase/status.h"

namespace cablebase::cli {

// Called for each cable that was read and parsed; return false to stop.
using ParsedCableFn = std::function<bool(const RawCable& raw, const Cable& cable)>;

// Lists `inputs` (files, directories, "-"), reads each in `format` and calls `fn` for every cable
// that parses. A document a reader marks as no telegram (RawCable::skipped: a FRUS memorandum) is
// counted in `*skipped` (when not null), not passed to `fn` and not an error. Read and parse
// failures are printed (PrintError) and the run goes on. Returns
// false when any input or cable failed (including a path that does not exist: nothing is read).
// `on_file`, when set, is called before each file with its index, the file count and its size.
bool ForEachParsedCable(
    const std::vector<std::string>& inputs, InputFormat format, int64_t* skipped,
    const ParsedCableFn& fn,
    const std::function<void(size_t index, size_t count, const SourceFile&)>& on_file = {});

// Prints "cablebase: no cables in INPUTS" to stderr: parse, validate and audit say it (and exit 1)
// when their inputs are readable but hold no cable (an empty folder, an empty file).
void ReportNoCables(const std::vector<std::string>& inputs);

}  // namespace cablebase::cli

#endif  // CABLEBASE_CLI_PARSED_CABLES_H_
