// --format values for the commands that read cables.
#include "cli/format_option.h"

namespace cablebase::cli {

Status ParseFormatOption(const std::string& value, InputFormat* out) {
  for (int i = 0; i < kInputFormatCount; ++i) {
    const auto f = static_cast<InputFormat>(i);
    if (value == InputFormatName(f)) {
      *out = f;
      return Status::Ok();
    }
  }
  return Status(StatusCode::kInvalidArgument,
                "--format '" + value +
                    "' is not one of auto, html, text, csv, pdf, plusd, frus, cfpf-gt, foia-text, aad");
}

const char* FormatOptionHelp() {
  return "Input form: auto (detect per file, the default), html (Cablegate pages, 2010 and 2011\n"
         "layouts), text (plain text, alx five-line files, rendered text), csv (the full-release\n"
         "cables.csv dump: 8 columns, no header, \\\" escapes), pdf (a PDF's text layer),\n"
         "plusd (WikiLeaks PlusD pages), frus (FRUS TEI XML), cfpf-gt (1970s bodies with entity\n"
         "markup), foia-text (FOIA reading-room OCR text), aad (NARA AAD Message Text/Attributes)";
}

}  // namespace cablebase::cli
