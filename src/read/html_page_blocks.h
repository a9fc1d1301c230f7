// The parts of a Cablegate page the HTML reader uses — the cable table's cells and the <pre>
// blocks' text — found two ways: a linear scanner of the markup the publishers' page templates
// use (the fast path), and libxml2's HTML parser with its recovery from any other markup.
//
// Issue 12: building libxml2's whole DOM of a 47-190 KB page to read two <pre> blocks and one
// table took two thirds of `parse --jsonl` over real pages. The scanner reads the same page in one
// pass without building anything but the few strings it returns, and gives up (returns false)
// wherever libxml2's recovery could make the DOM differ from the page's text as written; the
// reader then asks libxml2. Both give identical blocks wherever the scanner answers: checked on
// every page of the shared corpus, on cut and damaged copies of them, and on written fragments
// (html_page_blocks_test.cc).
#ifndef CABLEBASE_READ_HTML_PAGE_BLOCKS_H_
#define CABLEBASE_READ_HTML_PAGE_BLOCKS_H_

#include <string>
#include <string_view>
#include <vector>

namespace cablebase::read {

// What html_reader.cc reads from a page, before any cleaning.
struct PageBlocks {
  // Whether the page has a <table> whose class attribute holds the token "cable" (the first one
  // is read; a later one is ordinary markup).
  bool table_found = false;
  // The text of each <th> and each <td> of that table in document order (a cell inside a cell is
  // not read separately), as TextOf gives it: not collapsed.
  std::vector<std::string> names, cells;
  // The text of every <pre> element outside that table, in document order: those after the table
  // in `pres`, those before it in `pres_before_table` (when the table was found; else all in
  // `pres`).
  std::vector<std::string> pres, pres_before_table;

  bool operator==(const PageBlocks& o) const {
    return table_found == o.table_found && names == o.names && cells == o.cells &&
           pres == o.pres && pres_before_table == o.pres_before_table;
  }
};

// Text content of an element as the reader defines it (both paths): text and character references
// in document order, <br> as a newline unless a newline follows it, script/style skipped.

// The fast path. `page` must be valid UTF-8 without NUL bytes. Returns true and fills `out` when
// the page is made only of markup the scanner reproduces exactly:
//   - the whole page: no control bytes but tab and newline (no CR), no U+FFFE/U+FFFF, at most
//     8 MB; tags `<name attr='v' attr="v" attr=v attr>` (and `/>`), `</name>`, comments
//     `<!-- ... -->`, `<!DOCTYPE ...>`, `<?...>`, script and style content up to `</script>` /
//     `</style>`; a '<' not followed by a letter, '/', '!' or '?' is text;
//   - inside the cable table: tr, th, td, thead, tbody, tfoot and the inline elements below,
//     every element closed by its own end tag in order, no table, pre or comment inside;
//   - inside a <pre> or a cell: the inline elements a, b, i, em, strong, span, font, code, tt, u
//     (closed in order, none inside one of its own kind) and <br>; character references
//     `&#N;`, `&#xH;` (to a character XML allows) and `&name;` (decoded when libxml2's HTML 4
//     table knows the name; else, like every '&' that starts no reference, kept as written).
// Returns false otherwise (`out` is then unspecified). Linear in the page's size; never fails on
// any bytes. Thread-safe.
bool ScanPageBlocks(std::string_view page, PageBlocks* out);

// The libxml2 path: the page parsed by libxml2's HTML parser (recovering from any markup) and the
// same blocks read from its DOM. `page` must be valid UTF-8 without NUL bytes. Returns false when
// libxml2 finds no element at all. Thread-safe.
bool DomPageBlocks(std::string_view page, PageBlocks* out);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_HTML_PAGE_BLOCKS_H_
