// cfpf-gt files → RawCable (cfpf_gt_reader.h).
#include "read/cfpf_gt_reader.h"

#include <algorithm>
#include <vector>

#include "model/reference_id.h"
#include "model/text_util.h"
#include "read/charset.h"
#include "read/classification_line.h"

namespace cablebase::read {
namespace {

// "1. UNITED STATES         GPE.SPECIAL ", "1\tWEST GERMANY\tGPE.NATION": number, name, type.
bool ParseEntityLine(std::string_view line, Entity* e) {
  std::string_view t = model::Trim(line);
  size_t i = 0;
  while (i < t.size() && model::IsDigit(t[i])) ++i;
  if (i == 0 || i >= t.size() || (t[i] != '.' && t[i] != '\t' && t[i] != ' ')) return false;
  e->number = model::ParseSmallInt(t.substr(0, i));
  std::string_view rest = model::Trim(t.substr(t[i] == '.' ? i + 1 : i));
  size_t cut = rest.find_last_of(" \t");
  if (cut == std::string_view::npos) return false;
  std::string_view type = rest.substr(cut + 1);
  for (char c : type) {
    if (!model::IsUpper(c) && c != '.' && c != '_') return false;
  }
  e->type = std::string(type);
  e->name = model::CollapseWhitespace(rest.substr(0, cut));
  return !e->name.empty() && !e->type.empty();
}

Entity* FindEntity(std::vector<Entity>* entities, int number) {
  for (Entity& e : *entities) {
    if (e.number == number) return &e;
  }
  entities->push_back(Entity{number, "", "", {}});
  return &entities->back();
}

}  // namespace

std::string ReferenceIdOfDocumentNumber(std::string_view id) {
  if (id.size() < 6 || !model::IsAllDigits(id.substr(0, 4))) return {};
  size_t j = id.size();
  while (j > 4 && model::IsDigit(id[j - 1])) --j;
  if (j == id.size() || j == 4) return {};
  for (char c : id.substr(4, j - 4)) {
    if (!model::IsUpper(c)) return {};
  }
  return model::MakeReferenceId(model::ParseSmallInt(id.substr(0, 4)), id.substr(4, j - 4),
                                id.substr(j));
}

bool LooksLikeCfpfGt(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t sep = model::FindBytes(head, "\n@@@");
  if (sep == std::string_view::npos) return false;
  size_t entries = 0, pos = 0;
  for (std::string_view line : model::SplitLines(head.substr(0, sep))) {
    (void)pos;
    if (model::Trim(line).empty()) continue;
    // "8. " with no name or type occurs (1977KINSHA11101): a numbered line is enough.
    std::string_view t = model::Trim(line);
    // Annotator comments between entries: "//POSSIBLE ENTITIES: UNITED STATES|GPE.NATION, ..."
    // (1978NAIROB16042).
    if (t.substr(0, 2) == "//") continue;
    size_t i = 0;
    while (i < t.size() && model::IsDigit(t[i])) ++i;
    if (i == 0 || (i < t.size() && t[i] != '.' && t[i] != '\t' && t[i] != ' ')) return false;
    ++entries;
  }
  return entries > 0 || sep < 16;
}

std::string StripEntityMarkup(std::string_view body, std::vector<Entity>* entities) {
  struct Open {
    size_t start;
    size_t bar = std::string::npos;
  };
  std::vector<Open> stack;
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    if (body.compare(i, 2, "[[") == 0) {
      stack.push_back(Open{out.size()});
      ++i;
      continue;
    }
    if (!stack.empty() && stack.back().bar == std::string::npos && body.compare(i, 2, "||") == 0) {
      stack.back().bar = out.size();
      ++i;
      continue;
    }
    if (!stack.empty() && body.compare(i, 2, "]]") == 0) {
      Open o = stack.back();
      stack.pop_back();
      ++i;
      if (o.bar == std::string::npos) continue;
      const std::string number(model::Trim(std::string_view(out).substr(o.bar)));
      out.resize(o.bar);
      while (out.size() > o.start && out.back() == ' ') out.pop_back();
      std::string text = model::CollapseWhitespace(std::string_view(out).substr(o.start));
      if (model::IsAllDigits(number) && !text.empty()) {
        Entity* e = FindEntity(entities, model::ParseSmallInt(number));
        if (std::find(e->mentions.begin(), e->mentions.end(), text) == e->mentions.end()) {
          e->mentions.push_back(std::move(text));
        }
      }
      continue;
    }
    out.push_back(body[i]);
  }
  return out;
}

Result<RawCable> ReadCfpfGt(std::string_view bytes, std::string_view path) {
  const std::string file(path);
  if (FindNul(bytes) != std::string_view::npos) {
    return Status(StatusCode::kParseError, "binary data, not a cfpf-gt text: NUL byte", file);
  }
  std::string text = NormalizeNewlines(ToUtf8(bytes));
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  size_t sep = text.find("\n@@@");
  if (sep == std::string::npos) {
    return Status(StatusCode::kParseError, "no \"@@@\" line: not a cfpf-gt file", file, 1);
  }
  RawCable raw;
  raw.source.path = file;
  raw.source.format = InputFormat::kCfpfGt;
  raw.source.line = 1;
  raw.bytes = bytes.size();
  for (std::string_view line : model::SplitLines(std::string_view(text).substr(0, sep))) {
    Entity e;
    if (ParseEntityLine(line, &e)) raw.archive.entities.push_back(std::move(e));
  }
  size_t body_start = text.find('\n', sep + 1);
  std::string_view body = body_start == std::string::npos ? std::string_view()
                                                            : std::string_view(text).substr(body_start + 1);
  std::string clean = StripEntityMarkup(body, &raw.archive.entities);
  // Trailing "*** Current Classification *** CONFIDENTIAL" lines: metadata.
  std::string kept;
  for (std::string_view line : model::SplitLines(clean)) {
    std::string_view t = model::Trim(line);
    if (t.rfind("*** ", 0) == 0) {
      size_t end = t.find(" ***", 4);
      if (end != std::string_view::npos) {
        std::string_view key = t.substr(4, end - 4);
        std::string value = model::CollapseWhitespace(t.substr(end + 4));
        if (model::EqualsIgnoreCase(value, "n/a")) value.clear();
        if (key == "Current Handling Restrictions") raw.archive.handling_restrictions = value;
        if (key == "Current Classification") raw.classification = value;
        continue;
      }
    }
    kept.append(line);
    kept.push_back('\n');
  }
  if (model::Trim(kept).empty()) {
    return Status(StatusCode::kParseError, "cfpf-gt file with no text after \"@@@\"", file, 1);
  }
  // The document number from the file name.
  std::string_view name = path.substr(path.find_last_of('/') + 1);
  name = name.substr(0, name.find('.'));
  if (std::string id = ReferenceIdOfDocumentNumber(name); !id.empty()) {
    raw.archive.document_number = std::string(name);
    raw.reference_id = id;
    // The form has no routing header: the originating post is the document number's letters
    // (CFPF post codes, "TELAV", "KINSHA", "STATE") and the date its year (1974TELAV06773).
    size_t b = 4, e = 4;
    while (e < name.size() && model::IsAlpha(name[e])) ++e;
    raw.archive.from = std::string(name.substr(b, e - b));
    raw.date_time = std::string(name.substr(0, 4));
  }
  HeaderAndText split = SplitHeaderAndText(kept);
  raw.header = std::move(split.header);
  raw.text = std::move(split.text);
  return raw;
}

}  // namespace cablebase::read
