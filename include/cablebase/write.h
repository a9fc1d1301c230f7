// The drafting side: a Cable record → telegram text (FormatCable), and the format rules a telegram
// is checked against (ValidateCable). docs/validate_rules.md lists every rule; docs/cable_format.md
// documents the layout written and the fields that cannot survive a format → parse round trip.
#ifndef CABLEBASE_WRITE_H_
#define CABLEBASE_WRITE_H_

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "cablebase/cable.h"
#include "cablebase/read.h"
#include "cablebase/status.h"

namespace cablebase {

// Values a draft may lack and the caller supplies; none is ever made up by the formatter.
struct FormatOptions {
  bool transmission = false;  // write the ACP-127 lines FL1-FL4 when the record has a transmission
  std::string now_dtg;        // DTG "DDHHMMZ MON YY" used when the record has none (see FormatDtg)
  std::string serial;         // serial used when the record has none ("1637" is written "001637")
};

// The telegram text of `cable` in the standard layout (docs/cable_format.md): the routing header
// (optional FL1-FL4, precedence + DTG, FM, TO, INFO), a blank line, then the text (classification
// line with section, post and serial; caveats; E.O. line; TAGS; SUBJECT; REF; Classified By;
// numbered paragraphs with portion marks; signers). Ends with a newline.
// Fails with kInvalidArgument naming every missing must-have value (DTG, originator, an action
// addressee, a precedence, classification, post, serial) at once; nothing is invented to fill them.
// Thread-safe.
Result<std::string> FormatCable(const Cable& cable, const FormatOptions& options = {});

// `t` (seconds since the epoch) as a UTC date-time group "201007Z FEB 06" (5 FAH-2 H-322).
std::string FormatDtg(std::time_t t);

// How bad a broken rule is: an error breaks the format (exit status 1 of `cablebase validate`);
// a warning is unusual but seen in real cables.
enum class Severity { kError, kWarning };
// "error" or "warning".
const char* SeverityName(Severity s);

// One format rule: its stable code ("DTG001"), severity, family (the file under src/write/ that
// holds it: "dtg", "precedence", ...) and a one-line description.
struct ValidationRule {
  const char* code;
  Severity severity;
  const char* family;
  const char* description;
};

// Every rule, in the order `cablebase validate --list-rules` prints them. Static storage.
const std::vector<ValidationRule>& ValidationRules();

// One broken rule in one cable. `line`/`column` are 1-based positions in the telegram as read:
// the lines of RawCable::header followed by the lines of RawCable::text (see TelegramLineOffset to
// map them to a text file); 0 when the rule concerns something absent and no line can be named.
struct Diagnostic {
  std::string code;
  Severity severity = Severity::kError;
  std::string message;
  int64_t line = 0;
  int64_t column = 0;
};

// Checks `cable` (ParseCable of `raw`) against every rule of ValidationRules(); `raw` is re-scanned
// only to locate fields and to see what the record normalises away (a malformed DTG, section
// headers of later sections). Diagnostics are sorted by line, then column. Never fails; never
// crashes on any bytes. Thread-safe.
std::vector<Diagnostic> ValidateCable(const Cable& cable, const RawCable& raw);

// For each line of the telegram (header lines, then text lines, as Diagnostic counts them) the
// 1-based line of the text file `file_bytes` it was read from, or 0 when it cannot be found there.
// Lines are matched in order, ignoring surrounding whitespace, starting at raw.source.line; so in a
// plain-text file every line maps, while in an HTML page or CSV dump (one physical line holds many
// telegram lines) few or none do. Element i is telegram line i+1.
std::vector<int64_t> TelegramLinesInFile(const RawCable& raw, std::string_view file_bytes);

}  // namespace cablebase

#endif  // CABLEBASE_WRITE_H_
