// Reading one Cablegate HTML page (2010 and 2011 layouts) into a RawCable, through libxml2's HTML
// parser.
#ifndef CABLEBASE_READ_HTML_READER_H_
#define CABLEBASE_READ_HTML_READER_H_

#include <string_view>

#include "cablebase/read.h"
#include "cablebase/status.h"

namespace cablebase::read {

// Reads a Cablegate page held in `bytes`; `path` labels the result and errors.
//
// Metadata comes from the first <table class='cable'>: the <th> names (Reference ID, Created,
// Released, Classification, Origin) are matched to the <td> cells by position, and each cell gives
// its text (the link text, never an attribute: the classification link's title attribute is wrong
// on every page, e.g. title='unclassified' on CONFIDENTIAL 04ANKARA348). The <pre> blocks after
// the table are the header (first) and the text (second; more are appended to it, one newline
// apart); with a single <pre> its content is split at the classification line. Text is the
// elements' text content: entities decoded (&#x000A; → newline), links replaced by their text
// (TAGS links of the 2011 layout, 10STATE284), the paragraph anchors' "¶" kept, <br> → newline
// unless a newline follows it anyway (09LAPAZ96 writes "<br>&#x000A;").
// A publisher's record appended to the text (early-2011 pages, 08TRIPOLI220: "STEVENS 0 03/13/2008
// 9871 PGOV,PREL,... SUBJECT IN CAPITALS Summary...", matched with the page's creation date) is cut
// from the text; its subject becomes `title`.
// Bytes that are not UTF-8 are taken as Latin-1/Windows-1252 first (read/charset.h).
// Fails with kParseError when the input is empty, larger than 2 GiB, holds a NUL byte (libxml2
// would end the page there; the error names its line), or has neither the cable table nor a <pre>
// block. Thread-safe.
Result<RawCable> ReadCablegateHtml(std::string_view bytes, std::string_view path);

// Every cable of a Cablegate page, passed to `sink` in order: the page's cable, or, when the text
// block holds raw rows of the publisher's database dump (read/dump_rows.h; 09KHARTOUM881), one
// cable per row — the first with the page's table metadata (filled from its row where the table
// is silent) and the row's references; a later row (a second cable in the block) with its own
// columns only. A page that cannot be read is one failed Result. Thread-safe.
void ReadCablegatePage(std::string_view bytes, std::string_view path, const RawCableSink& sink);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_HTML_READER_H_
