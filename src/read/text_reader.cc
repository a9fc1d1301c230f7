// Plain-text cables → RawCable: charset, line ends, the alx five-line layout, header/text split.
#include "read/text_reader.h"

#include <vector>

#include "model/text_util.h"
#include "read/charset.h"
#include "read/classification_line.h"
#include "read/html_entities.h"

namespace cablebase::read {
namespace {

using model::IsDigit;
constexpr size_t kAlxLines = 5;
constexpr size_t kMaxMetadataLine = 300;

// "08VLADIVOSTOK68", "7575LIBREVILLE1895", "08SCTION02OF02SAOPAULO335".
bool IsReferenceIdLike(std::string_view s) {
  if (s.size() < 5 || s.size() > 40 || !IsDigit(s[0]) || !IsDigit(s[1]) || !IsDigit(s.back())) {
    return false;
  }
  bool letter = false;
  for (char c : s) {
    if (model::IsUpper(c))
      letter = true;
    else if (!IsDigit(c))
      return false;
  }
  return letter;
}

bool IsDateLike(std::string_view s) {
  const std::vector<std::string_view> t = model::SplitWhitespace(s);
  // "Wed Jul 09 00:00:00 +0200 2008" (Ruby's Time#to_s, the alx files).
  if (t.size() == 6 && t[0].size() == 3 && model::IsAlpha(t[0][0]) && t[1].size() == 3 &&
      model::IsAlpha(t[1][0]) && model::IsAllDigits(t[2]) && t[3].size() == 8 && t[3][2] == ':' &&
      (t[4][0] == '+' || t[4][0] == '-') && t[5].size() == 4 && model::IsAllDigits(t[5])) {
    return true;
  }
  if (t.empty()) return false;
  // "2004-01-20 12:12" (Cablegate pages) and "12/28/1966 18:48" (the CSV dump).
  const std::vector<std::string_view> iso = model::Split(t[0], '-');
  if (iso.size() == 3 && iso[0].size() == 4 && model::IsAllDigits(iso[0]) &&
      model::IsAllDigits(iso[1]) && model::IsAllDigits(iso[2])) {
    return true;
  }
  const std::vector<std::string_view> us = model::Split(t[0], '/');
  return us.size() == 3 && model::IsAllDigits(us[0]) && model::IsAllDigits(us[1]) &&
         us[2].size() == 4 && model::IsAllDigits(us[2]);
}

bool IsClassificationLike(std::string_view s) {
  if (s.size() > kMaxMetadataLine) return false;
  for (std::string_view w :
       {"UNCLAS", "CONFIDENTIAL", "SECRET", "TOP SECRET", "LIMITED OFFICIAL USE"}) {
    if (model::StartsWithIgnoreCase(s, w)) return true;
  }
  return false;
}

}  // namespace

std::optional<AlxMetadata> ParseAlxMetadata(std::string_view text) {
  std::string_view lines[kAlxLines];
  size_t pos = 0;
  for (size_t i = 0; i < kAlxLines; ++i) {
    if (pos > text.size()) return std::nullopt;
    size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    if (e - pos > kMaxMetadataLine) return std::nullopt;
    lines[i] = text.substr(pos, e - pos);
    pos = e + 1;
  }
  const std::string_view id = model::Trim(lines[0]);
  if (!IsReferenceIdLike(id) || !IsDateLike(model::Trim(lines[2])) ||
      !IsClassificationLike(model::Trim(lines[3]))) {
    return std::nullopt;
  }
  AlxMetadata m;
  m.reference_id = std::string(id);
  m.title = std::string(model::Trim(lines[1]));
  m.created = std::string(model::Trim(lines[2]));
  m.classification = std::string(model::Trim(lines[3]));
  m.origin = std::string(model::Trim(lines[4]));
  m.body_offset = pos > text.size() ? text.size() : pos;
  return m;
}

Result<RawCable> ReadPlainText(std::string_view bytes, std::string_view path) {
  const std::string file(path);
  if (const size_t nul = FindNul(bytes); nul != std::string_view::npos) {
    int64_t line = 1;
    for (size_t i = 0; i < nul; ++i) line += bytes[i] == '\n';
    return Status(StatusCode::kParseError,
                  "binary data, not a text cable: NUL byte at offset " + std::to_string(nul), file,
                  line);
  }
  const std::string text = NormalizeNewlines(ToUtf8(bytes));
  if (model::Trim(text).empty()) {
    return Status(StatusCode::kParseError, "empty input: no cable text", file, 1);
  }
  RawCable raw;
  raw.source.path = file;
  raw.source.format = InputFormat::kText;
  raw.source.line = 1;
  raw.bytes = bytes.size();

  std::string_view body = text;
  if (std::optional<AlxMetadata> alx = ParseAlxMetadata(text)) {
    raw.reference_id = std::move(alx->reference_id);
    raw.title = std::move(alx->title);
    raw.created = std::move(alx->created);
    raw.classification = std::move(alx->classification);
    raw.origin = std::move(alx->origin);
    body = body.substr(alx->body_offset);
  }
  if (model::Trim(body).empty()) return raw;  // an alx file with its five lines only
  HeaderAndText split = SplitHeaderAndText(DecodeHtmlEntities(body));
  raw.header = std::move(split.header);
  raw.text = std::move(split.text);
  return raw;
}

}  // namespace cablebase::read
