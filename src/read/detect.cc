// DetectFormat: which reader a file needs, from its first bytes and its name.
#include <string>

#include "cablebase/read.h"
#include "model/text_util.h"
#include "read/aad_reader.h"
#include "read/cfpf_gt_reader.h"
#include "read/foia_text_reader.h"
#include "read/frus_reader.h"
#include "read/plusd_reader.h"

namespace cablebase {
namespace {

// True when `s` starts with '"', digits, '","': the first row of the CSV dump ("1","12/28/1966
// ...).
bool StartsLikeCsvRow(std::string_view s) {
  if (s.empty() || s[0] != '"') return false;
  size_t i = 1;
  while (i < s.size() && model::IsDigit(s[i])) ++i;
  return i > 1 && s.substr(i, 3) == "\",\"";
}

bool StartsLikeHtml(std::string_view s) {
  if (s.empty() || s[0] != '<') return false;
  for (std::string_view tag : {"<html", "<table", "<pre", "<body", "<!doctype html", "<head"}) {
    if (model::FindIgnoreCase(s, tag) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

// Content decides first (a Cablegate page starts with "<?xml" or "<!DOCTYPE" and holds "<html";
// a dump row starts with "<digits>","); the file name only when the content is not decisive
// (".html"/".htm" → HTML, ".csv" → CSV). Everything else is text.
InputFormat DetectFormat(std::string_view head, std::string_view path) {
  // A PDF starts with "%PDF-" (ISO 32000-1 §7.5.2), possibly after a few bytes of junk.
  if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return InputFormat::kPdf;
  if (head.size() >= 3 && head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  const std::string_view s = model::TrimLeft(head);
  if (read::LooksLikeFoiaText(s)) return InputFormat::kFoiaText;
  if (read::LooksLikeCfpfGt(s)) return InputFormat::kCfpfGt;
  if (read::LooksLikeAad(s)) return InputFormat::kAad;
  if (s.substr(0, 1) == "<" && read::LooksLikeFrus(s)) return InputFormat::kFrusTei;
  if (s.substr(0, 1) == "<" && read::LooksLikePlusd(head)) return InputFormat::kPlusdHtml;
  if (StartsLikeHtml(s)) return InputFormat::kCablegateHtml;
  if (StartsLikeCsvRow(s)) return InputFormat::kCsv;
  if (model::EndsWithIgnoreCase(path, ".html") || model::EndsWithIgnoreCase(path, ".htm")) {
    return InputFormat::kCablegateHtml;
  }
  if (model::EndsWithIgnoreCase(path, ".csv")) return InputFormat::kCsv;
  return InputFormat::kText;
}

}  // namespace cablebase
