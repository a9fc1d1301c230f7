// NARA AAD records → RawCable (aad_reader.h).
#include "read/aad_reader.h"

#include <cstdio>
#include <string>
#include <vector>

#include "model/dates.h"
#include "model/text_util.h"
#include "read/cfpf_gt_reader.h"
#include "read/charset.h"
#include "read/classification_line.h"

namespace cablebase::read {
namespace {

// "Draft Date: 23 MAY 1974": a key at the line start (letters, spaces, digits), a colon, ≤ 48.
bool SplitKeyLine(std::string_view line, std::string_view* key, std::string_view* value) {
  if (line.empty() || !model::IsUpper(line[0])) return false;
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon > 48) return false;
  for (char c : line.substr(0, colon)) {
    if (!model::IsAlnum(c) && c != ' ' && c != '/' && c != '-') return false;
  }
  *key = line.substr(0, colon);
  *value = line.substr(colon + 1);
  return true;
}

std::string Unquote(std::string v) {
  v = model::CollapseWhitespace(v);
  if (v.size() >= 2 && v.front() == '\'' && v.back() == '\'') v = v.substr(1, v.size() - 2);
  if (model::EqualsIgnoreCase(v, "n/a")) v.clear();
  return v;
}

// "23 MAY 1974", "01 jan 1994", "01-Jan-1994 12:00:00 am" → "1974-05-23"; empty otherwise.
std::string AadDate(std::string_view v) {
  std::string s(v);
  for (char& c : s) {
    if (c == '-') c = ' ';
  }
  std::vector<std::string_view> w = model::SplitWhitespace(s);
  if (w.size() < 3 || !model::IsAllDigits(w[0]) || w[2].size() != 4 || !model::IsAllDigits(w[2])) {
    return {};
  }
  const int month = model::MonthFromName(w[1]);
  if (month == 0) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s-%02d-%02d", std::string(w[2]).c_str(), month,
                model::ParseSmallInt(w[0]));
  return buf;
}

std::vector<std::string> SplitComma(std::string_view v) {
  std::vector<std::string> out;
  for (std::string_view p : model::Split(v, ',')) {
    std::string s = model::CollapseWhitespace(p);
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

void Apply(std::string_view key, const std::string& value, RawCable* raw) {
  ArchiveFields& a = raw->archive;
  if (value.empty()) return;
  if (key == "Document Number") {
    if (a.document_number.empty()) a.document_number = value;
    if (raw->reference_id.empty()) raw->reference_id = ReferenceIdOfDocumentNumber(value);
  } else if (key == "Film Number") {
    a.film_number = value;
  } else if (key == "Concepts") {
    if (a.concepts.empty()) a.concepts = SplitComma(value);
  } else if (key == "Handling Restrictions") {
    if (a.handling_restrictions.empty()) a.handling_restrictions = value;
  } else if (key == "Drafter") {
    if (a.drafter.empty()) a.drafter = value;
  } else if (key == "From") {
    if (a.from.empty()) a.from = value;
  } else if (key == "To") {
    if (a.addressees.empty()) a.addressees = SplitComma(value);
  } else if (key == "Subject") {
    if (a.title.empty()) a.title = value;
  } else if (key == "Original Classification") {
    if (raw->classification.empty()) raw->classification = value;
  } else if (key == "Draft Date") {
    if (raw->created.empty()) raw->created = AadDate(value);
  }
}

}  // namespace

bool LooksLikeAad(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  head = model::TrimLeft(head);
  return head.substr(0, 12) == "Message Text" &&
         (head.size() == 12 || head[12] == '\n' || head[12] == '\r' || head[12] == ' ') &&
         head.find("Message Attributes") != std::string_view::npos;
}

int ReadAadAttributes(std::string_view text, RawCable* raw) {
  int count = 0;
  std::string key, value;
  bool open = false;
  for (std::string_view line : model::SplitLines(text)) {
    std::string_view k, v;
    if (SplitKeyLine(line, &k, &v)) {
      if (open) Apply(key, Unquote(value), raw);
      key = std::string(k);
      value = std::string(v);
      open = true;
      ++count;
    } else if (open) {
      value.push_back(' ');
      value.append(line);
    }
  }
  if (open) Apply(key, Unquote(value), raw);
  return count;
}

Result<RawCable> ReadAad(std::string_view bytes, std::string_view path) {
  const std::string file(path);
  if (FindNul(bytes) != std::string_view::npos) {
    return Status(StatusCode::kParseError, "binary data, not an AAD record: NUL byte", file);
  }
  std::string text = NormalizeNewlines(ToUtf8(bytes));
  size_t start = text.find("Message Text");
  if (start == std::string::npos) {
    return Status(StatusCode::kParseError, "no \"Message Text\" line: not an AAD record", file, 1);
  }
  start = text.find('\n', start);
  start = start == std::string::npos ? text.size() : start + 1;
  size_t attrs = text.find("\nMessage Attributes", start > 0 ? start - 1 : 0);
  RawCable raw;
  raw.source.path = file;
  raw.source.format = InputFormat::kAad;
  raw.source.line = 1;
  raw.bytes = bytes.size();
  std::string telegram = text.substr(start, attrs == std::string::npos ? std::string::npos : attrs - start);
  if (attrs != std::string::npos) {
    size_t after = text.find('\n', attrs + 1);
    if (after != std::string::npos) ReadAadAttributes(std::string_view(text).substr(after + 1), &raw);
  }
  if (model::Trim(telegram).empty()) {
    return Status(StatusCode::kParseError, "AAD record without message text", file, 1);
  }
  raw.title = raw.archive.title;
  HeaderAndText split = SplitHeaderAndText(telegram);
  raw.header = std::move(split.header);
  raw.text = std::move(split.text);
  return raw;
}

}  // namespace cablebase::read
