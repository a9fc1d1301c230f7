// The read-and-parse loop the file commands share (parsed_cables.h).
#include "cli/parsed_cables.h"

#include <cstdio>

#include "cablebase/parse.h"
#include "cli/exit_codes.h"

namespace cablebase::cli {

bool ForEachParsedCable(
    const std::vector<std::string>& inputs, InputFormat format, int64_t* skipped,
    const ParsedCableFn& fn,
    const std::function<void(size_t index, size_t count, const SourceFile&)>& on_file) {
  auto sources = ListSources(inputs);
  if (!sources.ok()) {
    PrintError(sources.status());
    return false;
  }
  bool any_failed = false, stop = false;
  auto sink = [&](Result<RawCable> raw) {
    if (!raw.ok()) {
      PrintError(raw.status());
      any_failed = true;
      return true;
    }
    if (!raw->skipped.empty()) {  // not a telegram (a FRUS memorandum): counted, not an error
      if (skipped) ++*skipped;
      return true;
    }
    Result<Cable> cable = ParseCable(*raw);
    if (!cable.ok()) {
      PrintError(cable.status());
      any_failed = true;
      return true;
    }
    stop = !fn(*raw, *cable);
    return !stop;
  };
  for (size_t i = 0; i < sources->size() && !stop; ++i) {
    const SourceFile& file = (*sources)[i];
    if (on_file) on_file(i, sources->size(), file);
    if (Status s = ReadSource(file, format, sink); !s.ok()) {
      PrintError(s);
      any_failed = true;
    }
  }
  return !any_failed;
}

void ReportNoCables(const std::vector<std::string>& inputs) {
  std::string names;
  for (size_t i = 0; i < inputs.size() && i < 3; ++i) names += (i ? ", " : "") + inputs[i];
  if (inputs.size() > 3) names += ", ...";
  if (inputs.empty()) names = "-";
  std::fprintf(stderr, "cablebase: no cables in %s (exit status 1)\n", names.c_str());
}

}  // namespace cablebase::cli
