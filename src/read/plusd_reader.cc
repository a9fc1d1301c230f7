// PlusD pages → RawCable through libxml2 (plusd_reader.h).
#include "read/plusd_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <memory>
#include <string>
#include <vector>

#include "read/xml_nodes.h"
#include "model/dates.h"
#include "model/reference_id.h"
#include "model/text_util.h"
#include "read/aad_reader.h"
#include "read/charset.h"
#include "read/classification_line.h"

namespace cablebase::read {
namespace {

// Text content, <br> as newline, script/style skipped.
std::string TextOf(const xmlNode* root) {
  std::string out;
  if (root->children == nullptr) return out;
  for (const xmlNode* n = root->children; n != nullptr;) {
    bool skip = false;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) out.append(reinterpret_cast<const char*>(n->content));
    } else if (IsElement(n, "br")) {
      out.push_back('\n');
    } else if (IsElement(n, "script") || IsElement(n, "style")) {
      skip = true;
    }
    n = NextNode(n, root, skip);
  }
  return out;
}

bool IsBlank(std::string_view v) {
  std::string_view t = model::Trim(v);
  return t.empty() || t.find("N/A or Blank") != std::string_view::npos ||
         model::EqualsIgnoreCase(t, "n/a");
}

std::vector<std::string> SplitBars(std::string_view v) {
  std::vector<std::string> out;
  for (std::string_view part : model::Split(v, '|')) {
    std::string s = model::CollapseWhitespace(part);
    if (!IsBlank(s)) out.push_back(std::move(s));
  }
  return out;
}

// "1974 May 23, 15:15 (Thursday)" → "1974-05-23 15:15"; empty when not that form.
std::string PlusdDate(std::string_view v) {
  std::vector<std::string_view> w = model::SplitWhitespace(v);
  if (w.size() < 3 || w[0].size() != 4 || !model::IsAllDigits(w[0])) return {};
  const int month = model::MonthFromName(w[1]);
  std::string_view day = w[2];
  if (!day.empty() && day.back() == ',') day.remove_suffix(1);
  if (month == 0 || !model::IsAllDigits(day)) return {};
  char buf[40];
  std::string time = w.size() > 3 && w[3].size() == 5 && w[3][2] == ':' ? std::string(w[3]) : "00:00";
  std::snprintf(buf, sizeof buf, "%s-%02d-%02d %s", std::string(w[0]).c_str(), month,
                model::ParseSmallInt(day), time.c_str());
  return buf;
}

}  // namespace

bool LooksLikePlusd(std::string_view head) {
  return model::FindBytes(head, "id=\"synopsis\"") != std::string_view::npos ||
         (model::FindBytes(head, "/plusd/") != std::string_view::npos &&
          model::FindBytes(head, "Canonical ID") != std::string_view::npos);
}

Result<RawCable> ReadPlusdHtml(std::string_view bytes, std::string_view path) {
  const std::string file(path);
  if (model::Trim(bytes).empty()) return Status(StatusCode::kParseError, "empty input: no PlusD page", file, 1);
  if (bytes.size() > static_cast<size_t>(INT_MAX) || FindNul(bytes) != std::string_view::npos) {
    return Status(StatusCode::kParseError, "NUL byte or over 2 GiB: not a PlusD page", file);
  }
  // A saved page ends with </html> (both PlusD pages of shared/corpus-more do, after their inline
  // script). A page cut short (a failed download, a copy truncated) would give a record without its
  // text or metadata that, ingested, replaces the whole cable's current version: refused instead.
  {
    std::string tail(bytes.substr(bytes.size() > 4096 ? bytes.size() - 4096 : 0));
    for (char& ch : tail) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (tail.find("</html>") == std::string::npos) {
      return Status(StatusCode::kParseError,
                    "truncated PlusD page: it ends (" + std::to_string(bytes.size()) +
                        " bytes) before </html>; save the whole page again",
                    file, 1 + static_cast<int64_t>(std::count(bytes.begin(), bytes.end(), '\n')));
    }
  }
  std::string repaired;
  if (!IsValidUtf8(bytes)) {
    repaired = ToUtf8(bytes);
    bytes = repaired;
  }
  xmlInitParser();
  std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
      bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) return Status(StatusCode::kParseError, "not an HTML page", file, 1);

  RawCable raw;
  raw.source.path = file;
  raw.source.format = InputFormat::kPlusdHtml;
  raw.source.line = 1;
  raw.bytes = bytes.size();
  std::string telegram;
  bool synopsis = false;
  for (const xmlNode* n = root; n != nullptr;) {
    bool skip = false;
    if (IsElement(n, "table") && Attr(n, "id") == "synopsis") {
      synopsis = true;
    } else if (IsElement(n, "td") && Attr(n, "colspan") == "2" && raw.archive.title.empty() &&
               synopsis) {
      raw.archive.title = model::CollapseWhitespace(TextOf(n));
      skip = true;
    } else if (IsElement(n, "div") && HasClass(n, "s_key")) {
      // The value is the next element sibling div.s_val.
      std::string key = model::CollapseWhitespace(TextOf(n));
      if (!key.empty() && key.back() == ':') key.pop_back();
      const xmlNode* v = n->next;
      while (v != nullptr && !(IsElement(v, "div") && HasClass(v, "s_val"))) v = v->next;
      const std::string value = v ? model::CollapseWhitespace(TextOf(v)) : std::string();
      ArchiveFields& a = raw.archive;
      if (IsBlank(value)) {
      } else if (key == "Date") {
        raw.created = PlusdDate(value);
      } else if (key == "Canonical ID") {
        std::string id = value.substr(0, value.find('_'));
        a.document_number = id;
        // "1974ATHENS03099": year, post, serial.
        size_t i = 4, j = id.size();
        while (j > i && model::IsDigit(id[j - 1])) --j;
        if (id.size() > 5 && model::IsAllDigits(id.substr(0, 4)) && j < id.size() && j > i) {
          raw.reference_id = model::MakeReferenceId(model::ParseSmallInt(id.substr(0, 4)),
                                                    id.substr(i, j - i), id.substr(j));
        }
      } else if (key == "Original Classification") {
        raw.classification = value;
      } else if (key == "Handling Restrictions") {
        a.handling_restrictions = value;
      } else if (key == "Film Number") {
        a.film_number = value;
      } else if (key == "Concepts") {
        a.concepts = SplitBars(value);
      } else if (key == "From") {
        a.from = value;
        raw.origin = value;
      } else if (key == "To") {
        a.addressees = SplitBars(value);
      }
      skip = true;
    } else if (IsElement(n, "table") && HasClass(n, "references")) {
      // Second cell of each body row: references in this document.
      for (const xmlNode* m = n; m != nullptr;) {
        bool skip_m = false;
        if (IsElement(m, "tr")) {
          int cell = 0;
          for (const xmlNode* td = m->children; td != nullptr; td = td->next) {
            if (!IsElement(td, "td")) continue;
            if (++cell != 2) continue;
            for (const xmlNode* a = td; a != nullptr; a = NextNode(a, td, false)) {
              if (IsElement(a, "a")) {
                std::string id = model::CollapseWhitespace(TextOf(a));
                if (!id.empty()) raw.archive.resolved_references.push_back(id);
              }
            }
          }
          skip_m = true;
        }
        m = NextNode(m, n, skip_m);
      }
      skip = true;
    } else if (IsElement(n, "div") && HasClass(n, "text-content")) {
      std::string t = TextOf(n);
      // The Metadata pane holds the AAD attributes ("Document Number: ...", "Film Number: ...").
      if (t.find("\nDocument Number:") != std::string::npos) {
        ReadAadAttributes(NormalizeNewlines(t), &raw);
      } else if (t.size() > telegram.size()) {
        telegram = std::move(t);
      }
      skip = true;
    }
    n = NextNode(n, root, skip);
  }
  if (!synopsis && model::Trim(telegram).empty()) {
    return Status(StatusCode::kParseError,
                  "expected a PlusD page: no <table id=\"synopsis\"> and no text-content", file, 1);
  }
  raw.title = raw.archive.title;
  HeaderAndText split = SplitHeaderAndText(NormalizeNewlines(telegram));
  raw.header = std::move(split.header);
  raw.text = std::move(split.text);
  return raw;
}

}  // namespace cablebase::read
