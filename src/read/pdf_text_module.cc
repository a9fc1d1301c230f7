// The PDF text module (cablebase_pdf.so): the only code that links poppler. pdf_reader.cc loads
// it with dlopen the first time a PDF is read (pdf_text_module.h says why). Plain C interface:
// no C++ type crosses the module boundary.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>
#include <string>

#include "read/pdf_text_module.h"

namespace {

// poppler reports syntax errors of damaged PDFs through a global hook; library code never prints.
void IgnorePopplerMessage(const std::string&, void*) {}

}  // namespace

extern "C" __attribute__((visibility("default"))) int cablebase_pdf_pages(
    const char* data, size_t size, cablebase::read::PdfPageSink sink, void* context) noexcept {
  // No exception crosses this C boundary (poppler's, or bad_alloc): the PDF is then unreadable.
  if (size > static_cast<size_t>(INT_MAX)) return cablebase::read::kPdfUnreadable;
  try {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(IgnorePopplerMessage, nullptr); });
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(data, static_cast<int>(size)));
  if (!doc) return cablebase::read::kPdfUnreadable;
  if (doc->is_locked()) return cablebase::read::kPdfLocked;
  // Large enough for any page: text placed beyond the media box is read too.
  const poppler::rectf everything(-100000, -100000, 200000, 200000);
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) {
      sink(context, "", 0);
      continue;
    }
    poppler::byte_array utf8 = page->text(everything, poppler::page::raw_order_layout).to_utf8();
    sink(context, utf8.data(), utf8.size());
  }
  return cablebase::read::kPdfOk;
  } catch (...) {
    return cablebase::read::kPdfUnreadable;
  }
}
