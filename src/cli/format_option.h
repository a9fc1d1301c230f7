// The --format option shared by the subcommands that read cables (parse, ingest).
#ifndef CABLEBASE_CLI_FORMAT_OPTION_H_
#define CABLEBASE_CLI_FORMAT_OPTION_H_

#include <string>

#include "cablebase/cable.h"
#include "cablebase/status.h"

namespace cablebase::cli {

// "auto", "html", "text" or "csv" → the InputFormat; kInvalidArgument naming the accepted values.
Status ParseFormatOption(const std::string& value, InputFormat* out);

// The help text of --format, listing each value and what it reads.
const char* FormatOptionHelp();

}  // namespace cablebase::cli

#endif  // CABLEBASE_CLI_FORMAT_OPTION_H_
