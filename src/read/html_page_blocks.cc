// The cable table's cells and the <pre> blocks of a Cablegate page: a linear scanner of the
// templates' markup, and libxml2's DOM for everything else (html_page_blocks.h).
#include "read/html_page_blocks.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>

#include "model/text_util.h"
#include "read/charset.h"
#include "read/xml_nodes.h"

namespace cablebase::read {
namespace {

// ---------------------------------------------------------------------------------------------
// The scanner.

constexpr size_t kMaxScannedPage = 8u << 20;  // libxml2 limits text nodes to 10 MB without HUGE

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsNameChar(char c) {
  return IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ':' ||
         c == '.';
}
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// The element names the scanner knows, lowercased.
enum class Tag { kOther, kPre, kTable, kTr, kTh, kTd, kThead, kTbody, kTfoot, kBr, kScript,
                 kStyle, kInline };

Tag Classify(std::string_view lower) {
  switch (lower.size()) {
    case 1:
      if (lower == "a" || lower == "b" || lower == "i" || lower == "u") return Tag::kInline;
      break;
    case 2:
      if (lower == "tr") return Tag::kTr;
      if (lower == "th") return Tag::kTh;
      if (lower == "td") return Tag::kTd;
      if (lower == "br") return Tag::kBr;
      if (lower == "em" || lower == "tt") return Tag::kInline;
      break;
    case 3:
      if (lower == "pre") return Tag::kPre;
      break;
    case 4:
      if (lower == "span" || lower == "font" || lower == "code") return Tag::kInline;
      break;
    case 5:
      if (lower == "table") return Tag::kTable;
      if (lower == "thead") return Tag::kThead;
      if (lower == "tbody") return Tag::kTbody;
      if (lower == "tfoot") return Tag::kTfoot;
      if (lower == "style") return Tag::kStyle;
      break;
    case 6:
      if (lower == "script") return Tag::kScript;
      if (lower == "strong") return Tag::kInline;
      break;
    default:
      break;
  }
  return Tag::kOther;
}

// Whether the page holds a byte sequence the scanner does not reproduce: control bytes other than
// tab and newline (libxml2 drops or rewrites them: CR, the C0 controls), U+FFFE and U+FFFF.
bool HasUnscannableBytes(std::string_view page) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  for (size_t i = 0; i < page.size(); ++i) {
    // 8 bytes at a time while none is below 0x20 or 0xEF (the lead byte of U+FFFE/U+FFFF).
    while (i + 8 <= page.size()) {
      uint64_t w;
      std::memcpy(&w, page.data() + i, 8);
      const uint64_t ef = w ^ (kOnes * 0xEF);
      if ((((w - kOnes * 0x20) & ~w) | ((ef - kOnes) & ~ef)) & kHighs) break;
      i += 8;
    }
    if (i >= page.size()) break;
    const unsigned char c = static_cast<unsigned char>(page[i]);
    if (c < 0x20) {
      if (c != '\t' && c != '\n') return true;
    } else if (c == 0xEF && i + 2 < page.size() &&
               static_cast<unsigned char>(page[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(page[i + 2]) & 0xFE) == 0xBE) {
      return true;
    }
  }
  return false;
}

bool IsXmlChar(uint32_t v) {
  return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) ||
         (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF);
}

// The text of one element as TextOf builds it from the DOM: pieces appended, <br> pending.
class TextBuilder {
 public:
  void Append(std::string_view s) {
    if (s.empty()) return;
    if (pending_break_ && s[0] != '\n') out_.push_back('\n');
    pending_break_ = false;
    out_.append(s.data(), s.size());
  }
  void Break() {
    if (pending_break_) out_.push_back('\n');
    pending_break_ = true;
  }
  std::string Finish() {
    if (pending_break_) out_.push_back('\n');
    pending_break_ = false;
    return std::move(out_);
  }
  void Reserve(size_t n) { out_.reserve(n); }

 private:
  std::string out_;
  bool pending_break_ = false;
};

struct TagToken {
  bool end = false;          // </name>
  bool self_closing = false;  // <name ... />
  std::string name;          // lowercased
  bool class_cable = false;  // a class attribute holding the token "cable"
  bool class_unsure = false;  // a class attribute the scanner cannot read (entities)
};

class Scanner {
 public:
  explicit Scanner(std::string_view page) : p_(page) {}

  bool Run(PageBlocks* out);

 private:
  // Parses the tag at p_[i] == '<' followed by a letter or '/'. Returns the position after it, or
  // npos when its syntax is outside what the scanner reads.
  size_t ParseTag(size_t i, TagToken* t) const;
  // Decodes the character data p_[begin, end) (no '<' inside) into `tb`. False on a reference
  // the scanner does not reproduce.
  bool AppendText(size_t begin, size_t end, TextBuilder* tb) const;
  // Reads an element's content from `i` (just after its start tag) to its end tag `name`, into
  // `tb` when given; `in_table` allows table structure. Returns the position after the end tag, or
  // npos.
  size_t ReadInline(size_t i, std::string_view name, TextBuilder* tb) const;
  size_t ReadTable(size_t i, PageBlocks* out) const;
  // The position after the raw text of a script/style element starting at i, or npos.
  size_t SkipRawText(size_t i, std::string_view name) const;

  std::string_view p_;
};

size_t Scanner::ParseTag(size_t i, TagToken* t) const {
  const size_t n = p_.size();
  size_t k = i + 1;
  t->end = false;
  t->self_closing = false;
  t->class_cable = false;
  t->class_unsure = false;
  t->name.clear();
  if (k < n && p_[k] == '/') {
    t->end = true;
    ++k;
  }
  if (k >= n || !IsAsciiLetter(p_[k])) return std::string_view::npos;
  while (k < n && IsNameChar(p_[k])) t->name.push_back(Lower(p_[k++]));
  if (t->end) {
    while (k < n && IsBlank(p_[k])) ++k;
    if (k < n && p_[k] == '>') return k + 1;
    return std::string_view::npos;
  }
  // Attributes: name, name=value, value quoted with ' or " or unquoted; separated by blanks.
  bool seen_class = false;
  while (true) {
    const size_t before = k;
    while (k < n && IsBlank(p_[k])) ++k;
    if (k >= n) return std::string_view::npos;
    if (p_[k] == '>') return k + 1;
    if (p_[k] == '/' && k + 1 < n && p_[k + 1] == '>') {
      t->self_closing = true;
      return k + 2;
    }
    if (k == before) return std::string_view::npos;  // no blank before an attribute
    if (!IsAsciiLetter(p_[k]) && p_[k] != '_' && p_[k] != ':') return std::string_view::npos;
    const size_t name_begin = k;
    while (k < n && IsNameChar(p_[k])) ++k;
    const std::string_view attr = p_.substr(name_begin, k - name_begin);
    size_t v = k;
    while (v < n && IsBlank(p_[v])) ++v;
    if (v >= n) return std::string_view::npos;
    if (p_[v] != '=') continue;  // an attribute without a value
    ++v;
    while (v < n && IsBlank(p_[v])) ++v;
    if (v >= n) return std::string_view::npos;
    std::string_view value;
    if (p_[v] == '"' || p_[v] == '\'') {
      const size_t close = p_.find(p_[v], v + 1);
      if (close == std::string_view::npos) return std::string_view::npos;
      value = p_.substr(v + 1, close - v - 1);
      k = close + 1;
    } else {
      const size_t vb = v;
      while (v < n && !IsBlank(p_[v]) && p_[v] != '>') {
        if (p_[v] == '"' || p_[v] == '\'' || p_[v] == '<' || p_[v] == '=' || p_[v] == '`') {
          return std::string_view::npos;
        }
        ++v;
      }
      value = p_.substr(vb, v - vb);
      if (!value.empty() && value.back() == '/') return std::string_view::npos;
      k = v;
    }
    if (attr.size() == 5 && model::EqualsIgnoreCase(attr, "class")) {
      // libxml2 decodes references in values and keeps the first of repeated attributes.
      if (value.find('&') != std::string_view::npos || seen_class) {
        t->class_unsure = true;
      } else {
        for (std::string_view token : model::SplitWhitespace(value)) {
          if (token == "cable") t->class_cable = true;
        }
      }
      seen_class = true;
    }
    if (k < n && !IsBlank(p_[k]) && p_[k] != '>' && p_[k] != '/') return std::string_view::npos;
  }
}

bool Scanner::AppendText(size_t begin, size_t end, TextBuilder* tb) const {
  size_t i = begin;
  std::string decoded;
  while (i < end) {
    const void* amp = std::memchr(p_.data() + i, '&', end - i);
    const size_t a = amp == nullptr ? end : static_cast<const char*>(amp) - p_.data();
    if (a > i) tb->Append(p_.substr(i, a - i));
    if (a >= end) break;
    // A reference. Numeric: &#N; or &#xH; to a character XML allows.
    size_t k = a + 1;
    if (k < end && p_[k] == '#') {
      ++k;
      uint32_t v = 0;
      bool hex = false;
      if (k < end && (p_[k] == 'x' || p_[k] == 'X')) {
        hex = true;
        ++k;
      }
      const size_t digits = k;
      while (k < end && v < 0x110000) {
        const char c = p_[k];
        if (c >= '0' && c <= '9') {
          v = v * (hex ? 16 : 10) + static_cast<uint32_t>(c - '0');
        } else if (hex && c >= 'a' && c <= 'f') {
          v = v * 16 + static_cast<uint32_t>(c - 'a' + 10);
        } else if (hex && c >= 'A' && c <= 'F') {
          v = v * 16 + static_cast<uint32_t>(c - 'A' + 10);
        } else {
          break;
        }
        ++k;
      }
      if (k == digits || k >= end || p_[k] != ';' || !IsXmlChar(v)) return false;
      decoded.clear();
      AppendUtf8(v, &decoded);
      tb->Append(decoded);
      i = k + 1;
      continue;
    }
    // Named: &name; decoded when libxml2's table knows the name; anything else is text as written.
    if (k < end && IsAsciiLetter(p_[k])) {
      while (k < end && (IsAsciiLetter(p_[k]) || (p_[k] >= '0' && p_[k] <= '9'))) ++k;
      if (k < end && p_[k] == ';') {
        const std::string name(p_.substr(a + 1, k - a - 1));
        const htmlEntityDesc* ent = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
        if (ent != nullptr && ent->value > 0) {
          decoded.clear();
          AppendUtf8(ent->value, &decoded);
          tb->Append(decoded);
          i = k + 1;
          continue;
        }
      }
      // libxml2 gives "&" and the name as text; the rest follows as text.
      tb->Append(p_.substr(a, k - a));
      i = k;
      continue;
    }
    if (k < end && (p_[k] == '_' || p_[k] == ':' || static_cast<unsigned char>(p_[k]) >= 0x80)) {
      return false;  // a name libxml2 reads by rules the scanner does not repeat
    }
    tb->Append(p_.substr(a, 1));
    i = a + 1;
  }
  return true;
}

size_t Scanner::SkipRawText(size_t i, std::string_view name) const {
  const size_t n = p_.size();
  while (true) {
    const size_t lt = p_.find("</", i);
    if (lt == std::string_view::npos) return std::string_view::npos;
    if (lt + 2 + name.size() <= n &&
        model::EqualsIgnoreCase(p_.substr(lt + 2, name.size()), name)) {
      size_t k = lt + 2 + name.size();
      while (k < n && IsBlank(p_[k])) ++k;
      if (k < n && p_[k] == '>') return k + 1;
      return std::string_view::npos;
    }
    i = lt + 2;
  }
}

size_t Scanner::ReadInline(size_t i, std::string_view name, TextBuilder* tb) const {
  const size_t n = p_.size();
  std::vector<std::string> open;  // inline elements open inside, innermost last
  TagToken t;
  while (i < n) {
    const void* lt_ptr = std::memchr(p_.data() + i, '<', n - i);
    if (lt_ptr == nullptr) return std::string_view::npos;  // never closed
    const size_t lt = static_cast<const char*>(lt_ptr) - p_.data();
    if (tb != nullptr && !AppendText(i, lt, tb)) return std::string_view::npos;
    const char next = lt + 1 < n ? p_[lt + 1] : '\0';
    if (next != '/' && !IsAsciiLetter(next)) {
      if (next == '!' || next == '?' || next == '\0') return std::string_view::npos;
      // A '<' that starts no tag is text.
      if (tb != nullptr) tb->Append("<");
      i = lt + 1;
      continue;
    }
    const size_t after = ParseTag(lt, &t);
    if (after == std::string_view::npos) return std::string_view::npos;
    const Tag kind = Classify(t.name);
    if (t.end) {
      if (!open.empty()) {
        if (t.name != open.back()) return std::string_view::npos;
        open.pop_back();
      } else {
        if (t.name != name) return std::string_view::npos;
        return after;
      }
    } else if (kind == Tag::kBr) {
      if (tb != nullptr) tb->Break();
    } else if (kind == Tag::kInline) {
      if (!t.self_closing) {
        for (const std::string& o : open) {
          if (o == t.name) return std::string_view::npos;
        }
        if (t.name == name) return std::string_view::npos;
        open.push_back(t.name);
      }
    } else {
      return std::string_view::npos;
    }
    i = after;
  }
  return std::string_view::npos;
}

size_t Scanner::ReadTable(size_t i, PageBlocks* out) const {
  const size_t n = p_.size();
  std::vector<Tag> open;  // table structure open inside the table
  TagToken t;
  while (i < n) {
    const void* lt_ptr = std::memchr(p_.data() + i, '<', n - i);
    if (lt_ptr == nullptr) return std::string_view::npos;
    const size_t lt = static_cast<const char*>(lt_ptr) - p_.data();
    const char next = lt + 1 < n ? p_[lt + 1] : '\0';
    if (next != '/' && !IsAsciiLetter(next)) {
      if (next == '!' || next == '?' || next == '\0') return std::string_view::npos;
      i = lt + 1;  // text between cells is not read
      continue;
    }
    const size_t after = ParseTag(lt, &t);
    if (after == std::string_view::npos) return std::string_view::npos;
    const Tag kind = Classify(t.name);
    if (t.end) {
      if (kind == Tag::kTable && open.empty()) return after;
      if (open.empty() || kind == Tag::kOther || kind == Tag::kInline || kind != open.back()) {
        return std::string_view::npos;
      }
      open.pop_back();
      i = after;
      continue;
    }
    if (t.self_closing) return std::string_view::npos;
    if (kind == Tag::kTh || kind == Tag::kTd) {
      TextBuilder tb;
      const size_t end = ReadInline(after, t.name, &tb);
      if (end == std::string_view::npos) return std::string_view::npos;
      (kind == Tag::kTh ? out->names : out->cells).push_back(tb.Finish());
      i = end;
      continue;
    }
    if (kind == Tag::kTr || kind == Tag::kThead || kind == Tag::kTbody || kind == Tag::kTfoot) {
      for (Tag o : open) {
        if (o == kind || o == Tag::kTr) return std::string_view::npos;
      }
      open.push_back(kind);
      i = after;
      continue;
    }
    return std::string_view::npos;
  }
  return std::string_view::npos;
}

bool Scanner::Run(PageBlocks* out) {
  *out = PageBlocks();
  const size_t n = p_.size();
  size_t i = 0;
  TagToken t;
  while (i < n) {
    const void* lt_ptr = std::memchr(p_.data() + i, '<', n - i);
    if (lt_ptr == nullptr) break;
    const size_t lt = static_cast<const char*>(lt_ptr) - p_.data();
    const char next = lt + 1 < n ? p_[lt + 1] : '\0';
    if (next == '!') {
      if (p_.compare(lt, 4, "<!--") == 0) {
        const size_t close = p_.find("-->", lt + 4);
        if (close == std::string_view::npos) return false;
        i = close + 3;
        continue;
      }
      if (lt + 9 <= n && model::EqualsIgnoreCase(p_.substr(lt + 2, 7), "DOCTYPE")) {
        const size_t close = p_.find('>', lt);
        if (close == std::string_view::npos) return false;
        if (p_.substr(lt + 1, close - lt - 1).find('<') != std::string_view::npos) return false;
        i = close + 1;
        continue;
      }
      return false;
    }
    if (next == '?') {
      const size_t close = p_.find('>', lt);
      if (close == std::string_view::npos) return false;
      if (p_.substr(lt + 1, close - lt - 1).find('<') != std::string_view::npos) return false;
      i = close + 1;
      continue;
    }
    if (next != '/' && !IsAsciiLetter(next)) {
      i = lt + 1;  // text
      continue;
    }
    const size_t after = ParseTag(lt, &t);
    if (after == std::string_view::npos) return false;
    i = after;
    if (t.end) continue;
    const Tag kind = Classify(t.name);
    if (kind == Tag::kScript || kind == Tag::kStyle) {
      if (t.self_closing) continue;
      i = SkipRawText(after, t.name);
      if (i == std::string_view::npos) return false;
      continue;
    }
    if (kind == Tag::kPre) {
      if (t.self_closing) {
        out->pres.emplace_back();
        continue;
      }
      TextBuilder tb;
      i = ReadInline(after, "pre", &tb);
      if (i == std::string_view::npos) return false;
      out->pres.push_back(tb.Finish());
      continue;
    }
    if (kind == Tag::kTable && !out->table_found) {
      if (t.class_unsure) return false;
      if (!t.class_cable) continue;
      if (t.self_closing) return false;
      i = ReadTable(after, out);
      if (i == std::string_view::npos) return false;
      out->table_found = true;
      out->pres_before_table.swap(out->pres);
      continue;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// The libxml2 path.

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

std::string TextOf(const xmlNode* root) {
  TextBuilder tb;
  if (root->children == nullptr) return {};
  for (const xmlNode* n = root->children; n != nullptr;) {
    bool skip = false;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) tb.Append(reinterpret_cast<const char*>(n->content));
    } else if (IsElement(n, "br")) {
      tb.Break();
    } else if (IsElement(n, "script") || IsElement(n, "style")) {
      skip = true;
    }
    n = NextNode(n, root, skip);
  }
  return tb.Finish();
}

void ReadTableCells(const xmlNode* table, PageBlocks* out) {
  for (const xmlNode* n = table->children; n != nullptr;) {
    bool skip = false;
    if (IsElement(n, "th")) {
      out->names.push_back(TextOf(n));
      skip = true;
    } else if (IsElement(n, "td")) {
      out->cells.push_back(TextOf(n));
      skip = true;
    }
    n = NextNode(n, table, skip);
  }
}

}  // namespace

bool ScanPageBlocks(std::string_view page, PageBlocks* out) {
  if (page.size() > kMaxScannedPage || HasUnscannableBytes(page)) return false;
  return Scanner(page).Run(out);
}

bool DomPageBlocks(std::string_view page, PageBlocks* out) {
  *out = PageBlocks();
  if (page.size() > static_cast<size_t>(INT_MAX)) return false;
  PrepareLibxml();
  std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
      page.data(), static_cast<int>(page.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) return false;
  for (const xmlNode* n = root; n != nullptr;) {
    bool skip = false;
    if (!out->table_found && IsElement(n, "table") && HasClass(n, "cable")) {
      ReadTableCells(n, out);
      out->table_found = true;
      out->pres_before_table.swap(out->pres);  // used only when no <pre> follows the table
      skip = true;
    } else if (IsElement(n, "pre")) {
      out->pres.push_back(TextOf(n));
      skip = true;
    }
    n = NextNode(n, root, skip);
  }
  return true;
}

}  // namespace cablebase::read
