// The interface of the PDF text module (cablebase_pdf.so, src/read/pdf_text_module.cc).
//
// Why a module (issue 12): poppler and the ~25 libraries it pulls in (NSS, freetype, lcms, tiff,
// openjpeg…) cost every cablebase process ~16 ms of CPU to load and relocate — `cablebase search`
// of a rare word paid it for nothing (perf: _dl_relocate_object, page faults; `--version` 30 ms of
// task-clock, poppler alone 16 ms by dlopen). Only reading a PDF needs them: pdf_reader.cc loads
// the module on first use, from the folder of the running executable (where the build puts it) or
// from $CABLEBASE_PDF_MODULE.
#ifndef CABLEBASE_READ_PDF_TEXT_MODULE_H_
#define CABLEBASE_READ_PDF_TEXT_MODULE_H_

#include <cstddef>

namespace cablebase::read {

// Receives one page's text (UTF-8, poppler's raw order) per call, pages in order; an unreadable
// page is "".
using PdfPageSink = void (*)(void* context, const char* text, size_t size);

// Results of cablebase_pdf_pages.
inline constexpr int kPdfOk = 0;
inline constexpr int kPdfUnreadable = 1;  // poppler cannot open it (damaged, not a PDF)
inline constexpr int kPdfLocked = 2;      // encrypted

// int cablebase_pdf_pages(const char* data, size_t size, PdfPageSink sink, void* context):
// the module's entry point. Thread-safe.
using PdfPagesFn = int (*)(const char* data, size_t size, PdfPageSink sink, void* context);
inline constexpr const char* kPdfPagesSymbol = "cablebase_pdf_pages";
inline constexpr const char* kPdfModuleFile = "cablebase_pdf.so";

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_PDF_TEXT_MODULE_H_
