// PDFs → pages of text (poppler-cpp through the module cablebase_pdf.so) → RawCable.
#include "read/pdf_reader.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "model/text_util.h"
#include "read/foia_text_reader.h"
#include "read/charset.h"
#include "read/pdf_text_module.h"
#include "read/text_reader.h"

namespace cablebase::read {
namespace {

// The module's entry point, loaded once (pdf_text_module.h): $CABLEBASE_PDF_MODULE, else
// cablebase_pdf.so next to the running executable. Null with `*why` set when it cannot be loaded.
PdfPagesFn LoadPdfModule(std::string* why) {
  static std::once_flag once;
  static PdfPagesFn fn = nullptr;
  static std::string error;
  std::call_once(once, [] {
    std::filesystem::path module;
    if (const char* env = std::getenv("CABLEBASE_PDF_MODULE"); env && *env) {
      module = env;
    } else {
      std::error_code ec;
      std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
      module = (ec ? std::filesystem::path(".") : exe.parent_path()) / kPdfModuleFile;
    }
    void* handle = ::dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* e = ::dlerror();
      error = "cannot load the PDF module " + module.string() +
              " (build the cablebase_pdf target, or set CABLEBASE_PDF_MODULE): " + (e ? e : "");
      return;
    }
    fn = reinterpret_cast<PdfPagesFn>(::dlsym(handle, kPdfPagesSymbol));
    if (fn == nullptr) error = module.string() + " is not the cablebase PDF module";
  });
  *why = error;
  return fn;
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
  std::string why;
  PdfPagesFn pdf_pages = LoadPdfModule(&why);
  if (pdf_pages == nullptr) return Status(StatusCode::kInternal, why, file);
  std::vector<std::string> pages;
  const int rc = pdf_pages(
      bytes.data(), bytes.size(),
      [](void* context, const char* text, size_t size) {
        static_cast<std::vector<std::string>*>(context)->emplace_back(text, size);
      },
      &pages);
  if (rc == kPdfUnreadable) {
    return Status(StatusCode::kParseError, "not a readable PDF (damaged or encrypted)", file);
  }
  if (rc == kPdfLocked) {
    return Status(StatusCode::kParseError, "encrypted PDF: cannot read its text", file);
  }
  if (rc != kPdfOk) return Status(StatusCode::kInternal, "the PDF module answered an unknown code", file);
  bool any_text = false;
  for (const std::string& text : pages) {
    if (!model::Trim(text).empty()) any_text = true;
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
