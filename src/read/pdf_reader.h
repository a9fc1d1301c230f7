// Reading a PDF's text layer (poppler-cpp) into pages of text, and a PDF into a RawCable.
#ifndef CABLEBASE_READ_PDF_READER_H_
#define CABLEBASE_READ_PDF_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "cablebase/read.h"
#include "cablebase/status.h"

namespace cablebase::read {

// The text of each page of the PDF in `bytes`, in reading order (poppler's raw order, which keeps
// the lines of wkhtmltopdf's per-glyph Cablegate PDFs whole), with the running heads and page stamps
// removed (RemoveRunningLines). The whole page area is read, not only the media box: the Cablegate
// PDFs overflow it with long lines (00ANKARA8112's paragraphs run past the right edge).
// Fails with kParseError when poppler cannot open the file (damaged, encrypted) or when no page
// has a text layer ("scanned pages without a text layer; cablebase does no OCR").
Result<std::vector<std::string>> ReadPdfPages(std::string_view bytes, std::string_view path);

// Removes from every page the lines that repeat as running heads or feet: a first or last
// non-empty line equal (digits ignored) on every page of a document of two or more pages, and
// page-number stamps ("Page 2 of 3", "- 2 -"). Source: the page stamps of the FOIA releases
// (foia-text: "UNCLASSIFIED U.S. Department of State Case No. ... Doc No. ... Date: ...").
void RemoveRunningLines(std::vector<std::string>* pages);

// Reads a PDF: its pages (ReadPdfPages); FOIA releases (their Case No./Doc No. stamps) go to the
// FOIA reader (foia_text_reader.h), every other PDF is read as a plain-text cable
// (text_reader.h) joined from its pages. source.format is kPdf either way, and archive.pages the
// page count. Thread-safe.
Result<RawCable> ReadPdf(std::string_view bytes, std::string_view path);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_PDF_READER_H_
