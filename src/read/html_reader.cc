// Cablegate HTML pages → RawCable through libxml2's HTML parser (no regular expressions).
#include "read/html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "model/text_util.h"
#include "read/charset.h"
#include "read/classification_line.h"

namespace cablebase::read {
namespace {

// libxml2 reports some problems through its generic error hooks even with HTML_PARSE_NOERROR;
// library code never prints, so they go nowhere. The hooks are per thread in libxml2.
void IgnoreGenericError(void*, const char*, ...) {}
void IgnoreStructuredError(void*, xmlErrorPtr) {}

void PrepareLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  xmlSetGenericErrorFunc(nullptr, IgnoreGenericError);
  xmlSetStructuredErrorFunc(nullptr, IgnoreStructuredError);
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool IsElement(const xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && n->name != nullptr &&
         xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

// True when the class attribute of `n` has the token `cls`.
bool HasClass(const xmlNode* n, std::string_view cls) {
  xmlChar* value = xmlGetProp(n, reinterpret_cast<const xmlChar*>("class"));
  if (value == nullptr) return false;
  const std::string classes(reinterpret_cast<const char*>(value));
  xmlFree(value);
  for (std::string_view token : model::SplitWhitespace(classes)) {
    if (token == cls) return true;
  }
  return false;
}

// The next node in document order after `n` (its subtree included unless skip_children), or null
// past `root`. Iterative so that deeply nested garbage cannot exhaust the stack.
const xmlNode* NextNode(const xmlNode* n, const xmlNode* root, bool skip_children) {
  if (!skip_children && n->children != nullptr) return n->children;
  while (n != nullptr && n != root) {
    if (n->next != nullptr) return n->next;
    n = n->parent;
  }
  return nullptr;
}

// Text content of `root`: text and CDATA in document order, <br> as a newline unless a newline
// follows, script/style skipped.
std::string TextOf(const xmlNode* root) {
  std::string out;
  bool pending_break = false;
  auto append = [&](const char* s) {
    if (s == nullptr || *s == '\0') return;
    if (pending_break && s[0] != '\n') out.push_back('\n');
    pending_break = false;
    out.append(s);
  };
  if (root->children == nullptr) return out;
  for (const xmlNode* n = root->children; n != nullptr;) {
    bool skip = false;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      append(reinterpret_cast<const char*>(n->content));
    } else if (IsElement(n, "br")) {
      if (pending_break) out.push_back('\n');
      pending_break = true;
    } else if (IsElement(n, "script") || IsElement(n, "style")) {
      skip = true;
    }
    n = NextNode(n, root, skip);
  }
  if (pending_break) out.push_back('\n');
  return out;
}

// Fills the metadata of `raw` from the cable table: <th> names matched to <td> cells by position.
void ReadMetadataTable(const xmlNode* table, RawCable* raw) {
  std::vector<std::string> names, cells;
  for (const xmlNode* n = table->children; n != nullptr;) {
    bool skip = false;
    if (IsElement(n, "th")) {
      names.push_back(model::CollapseWhitespace(TextOf(n)));
      skip = true;
    } else if (IsElement(n, "td")) {
      cells.push_back(model::CollapseWhitespace(TextOf(n)));
      skip = true;
    }
    n = NextNode(n, table, skip);
  }
  // Both layouts print the columns in this order; used when a page has no <th> row.
  static const char* const kDefaultNames[] = {"Reference ID", "Created", "Released",
                                              "Classification", "Origin"};
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string name = i < names.size() ? names[i] : (i < 5 ? kDefaultNames[i] : "");
    if (model::EqualsIgnoreCase(name, "Reference ID")) {
      raw->reference_id = cells[i];
    } else if (model::EqualsIgnoreCase(name, "Created")) {
      raw->created = cells[i];
    } else if (model::EqualsIgnoreCase(name, "Released")) {
      raw->released = cells[i];
    } else if (model::EqualsIgnoreCase(name, "Classification")) {
      raw->classification = cells[i];
    } else if (model::EqualsIgnoreCase(name, "Origin")) {
      raw->origin = cells[i];
    }
  }
}

}  // namespace

Result<RawCable> ReadCablegateHtml(std::string_view bytes, std::string_view path) {
  const std::string file(path);
  if (model::Trim(bytes).empty()) {
    return Status(StatusCode::kParseError, "empty input: no Cablegate page", file, 1);
  }
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status(StatusCode::kParseError, "HTML page larger than 2 GiB", file);
  }
  std::string repaired;
  if (!IsValidUtf8(bytes)) {
    repaired = ToUtf8(bytes);
    bytes = repaired;
  }
  PrepareLibxml();
  std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
      bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) {
    return Status(StatusCode::kParseError, "not an HTML page (libxml2 found no element)", file, 1);
  }

  RawCable raw;
  raw.source.path = file;
  raw.source.format = InputFormat::kCablegateHtml;
  raw.source.line = 1;
  raw.bytes = bytes.size();

  bool table_found = false;
  std::vector<std::string> pres, pres_before_table;
  for (const xmlNode* n = root; n != nullptr;) {
    bool skip = false;
    if (!table_found && IsElement(n, "table") && HasClass(n, "cable")) {
      ReadMetadataTable(n, &raw);
      table_found = true;
      pres_before_table.swap(pres);  // used only when no <pre> follows the table
      skip = true;
    } else if (IsElement(n, "pre")) {
      pres.push_back(TextOf(n));
      skip = true;
    }
    n = NextNode(n, root, skip);
  }
  if (pres.empty()) pres.swap(pres_before_table);
  if (!table_found && pres.empty()) {
    return Status(StatusCode::kParseError,
                  "expected a Cablegate page: no <table class='cable'> and no <pre> block", file,
                  1);
  }
  if (pres.size() == 1) {
    HeaderAndText split = SplitHeaderAndText(pres[0]);
    raw.header = std::move(split.header);
    raw.text = std::move(split.text);
  } else if (pres.size() >= 2) {
    raw.header = std::move(pres[0]);
    raw.text = std::move(pres[1]);
    for (size_t i = 2; i < pres.size(); ++i) {
      raw.text += "\n";
      raw.text += pres[i];
    }
  }
  // Texts are normalised like every other input (a page saved on Windows may hold CRLF).
  raw.header = NormalizeNewlines(raw.header);
  raw.text = NormalizeNewlines(raw.text);
  return raw;
}

}  // namespace cablebase::read
