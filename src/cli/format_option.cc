// --format values for the commands that read cables.
#include "cli/format_option.h"

namespace cablebase::cli {

Status ParseFormatOption(const std::string& value, InputFormat* out) {
  if (value == "auto") *out = InputFormat::kAuto;
  else if (value == "html") *out = InputFormat::kCablegateHtml;
  else if (value == "text") *out = InputFormat::kText;
  else if (value == "csv") *out = InputFormat::kCsv;
  else
    return Status(StatusCode::kInvalidArgument,
                  "--format '" + value + "' is not one of auto, html, text, csv");
  return Status::Ok();
}

const char* FormatOptionHelp() {
  return "Input form: auto (detect per file, the default), html (Cablegate pages, 2010 and 2011\n"
         "layouts), text (plain text, alx five-line files, rendered text), csv (the full-release\n"
         "cables.csv dump: 8 columns, no header, \\\" escapes)";
}

}  // namespace cablebase::cli
