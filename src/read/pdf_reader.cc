// PDFs → pages of text (poppler-cpp, Debian libpoppler-cpp-dev) → RawCable.
#include "read/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "model/text_util.h"
#include "read/foia_text_reader.h"
#include "read/charset.h"
#include "read/text_reader.h"

namespace cablebase::read {
namespace {

// poppler reports syntax errors of damaged PDFs through a global hook; library code never prints.
void IgnorePopplerMessage(const std::string&, void*) {}

void PreparePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(IgnorePopplerMessage, nullptr); });
}

std::vector<std::string_view> LinesOf(std::string_view s) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string_view::npos) nl = s.size();
    out.push_back(s.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return out;
}

// The line with digits taken out and whitespace collapsed: running heads differ only by their
// page number.
std::string LineKey(std::string_view line) {
  std::string out;
  for (char c : model::CollapseWhitespace(line)) {
    if (!model::IsDigit(c)) out.push_back(c);
  }
  return out;
}

// "Page 2 of 3", "Page 2", "- 2 -", "2": a page-number stamp standing alone.
bool IsPageNumberLine(std::string_view line) {
  std::string_view t = model::Trim(line);
  if (t.empty()) return false;
  if (model::StartsWithIgnoreCase(t, "page ")) t = model::Trim(t.substr(5));
  std::vector<std::string_view> w = model::SplitWhitespace(t);
  if (w.size() == 3 && model::IsAllDigits(w[0]) && model::EqualsIgnoreCase(w[1], "of") &&
      model::IsAllDigits(w[2])) {
    return true;
  }
  if (w.size() == 3 && w[0] == "-" && model::IsAllDigits(w[1]) && w[2] == "-") return true;
  return w.size() == 1 && model::IsAllDigits(w[0]) && w[0].size() <= 3 && t.size() == line.size();
}

bool PageHasFoiaStamp(std::string_view page) {
  return page.find("Case No.") != std::string_view::npos &&
         page.find("Doc No.") != std::string_view::npos;
}

}  // namespace

void RemoveRunningLines(std::vector<std::string>* pages) {
  // Index of the first and last non-empty line of each page.
  struct Ends {
    std::vector<std::string_view> lines;
    int first = -1, last = -1;
  };
  std::vector<Ends> ends(pages->size());
  std::unordered_map<std::string, int> head_count, foot_count;
  for (size_t p = 0; p < pages->size(); ++p) {
    Ends& e = ends[p];
    e.lines = LinesOf((*pages)[p]);
    for (int i = 0; i < static_cast<int>(e.lines.size()); ++i) {
      if (model::Trim(e.lines[i]).empty()) continue;
      if (e.first < 0) e.first = i;
      e.last = i;
    }
    if (e.first >= 0) ++head_count[LineKey(e.lines[e.first])];
    if (e.last > e.first) ++foot_count[LineKey(e.lines[e.last])];
  }
  const int n = static_cast<int>(pages->size());
  std::vector<std::string> out(pages->size());
  for (size_t p = 0; p < pages->size(); ++p) {
    Ends& e = ends[p];
    for (int i = 0; i < static_cast<int>(e.lines.size()); ++i) {
      const std::string_view l = e.lines[i];
      const bool head = n >= 2 && i == e.first && head_count[LineKey(l)] == n;
      const bool foot = n >= 2 && i == e.last && i != e.first && foot_count[LineKey(l)] == n;
      if (head || foot || IsPageNumberLine(l)) continue;
      out[p].append(l);
      out[p].push_back('\n');
    }
  }
  pages->swap(out);
}

Result<std::vector<std::string>> ReadPdfPages(std::string_view bytes, std::string_view path) {
  const std::string file(path);
  PreparePoppler();
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    return Status(StatusCode::kParseError, "not a readable PDF (damaged or encrypted)", file);
  }
  if (doc->is_locked()) {
    return Status(StatusCode::kParseError, "encrypted PDF: cannot read its text", file);
  }
  std::vector<std::string> pages;
  bool any_text = false;
  // Large enough for any page: text placed beyond the media box is read too.
  const poppler::rectf everything(-100000, -100000, 200000, 200000);
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    std::string text;
    if (page) {
      poppler::byte_array utf8 = page->text(everything, poppler::page::raw_order_layout).to_utf8();
      text.assign(utf8.begin(), utf8.end());
    }
    if (!model::Trim(text).empty()) any_text = true;
    pages.push_back(std::move(text));
  }
  if (!any_text) {
    return Status(StatusCode::kParseError,
                  "PDF without a text layer (" + std::to_string(pages.size()) +
                      " scanned page(s)): cablebase reads the text layer and does no OCR",
                  file);
  }
  for (std::string& p : pages) p = NormalizeNewlines(p);
  return pages;
}

Result<RawCable> ReadPdf(std::string_view bytes, std::string_view path) {
  Result<std::vector<std::string>> pages = ReadPdfPages(bytes, path);
  if (!pages.ok()) return pages.status();
  const int count = static_cast<int>(pages->size());
  bool foia = false;
  for (const std::string& p : *pages) foia = foia || PageHasFoiaStamp(p);
  Result<RawCable> raw = Status(StatusCode::kInternal, "unreachable");
  if (foia) {
    raw = ReadFoiaPages(*pages, path);
  } else {
    RemoveRunningLines(&*pages);
    std::string joined;
    for (const std::string& p : *pages) joined += p;
    raw = ReadPlainText(joined, path);
  }
  if (!raw.ok()) return raw;
  raw->source.format = InputFormat::kPdf;
  raw->bytes = bytes.size();
  raw->archive.pages = count;
  return raw;
}

}  // namespace cablebase::read
