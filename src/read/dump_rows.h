// Rows of the publisher's database dump found inside a Cablegate page's <pre> block
// (shared/spec/FORMAT.md §1.6, issue 11 "pages whose <pre> holds raw dump rows").
#ifndef CABLEBASE_READ_DUMP_ROWS_H_
#define CABLEBASE_READ_DUMP_ROWS_H_

#include <string>
#include <string_view>
#include <vector>

namespace cablebase::read {

// One row, in the CSV dump's column order (read/csv_reader.h).
struct DumpRow {
  std::string id;              // the dump's row id ("218634"); empty when the block starts after it
  std::string created;         // "7/29/2009 14:42"
  std::string reference_id;    // as written ("09KHARTOUM881")
  std::string origin;          // "Embassy Khartoum"
  std::string classification;  // "CONFIDENTIAL"
  std::vector<std::string> references;  // split at ',' and '|' like the CSV column
  std::string header;          // routing header column (empty when the columns are not separated)
  std::string text;            // text column; with newline-separated columns, header and text
};

// The rows `block` holds when it begins with one; empty otherwise (an ordinary telegram text).
//
// A row starts at the start of a line: an optional id (`<<218634>>` or `218634`), the creation
// date `M/D/YYYY H:MM`, a reference ID (two digits, then letters and digits), the origin, the
// classification and the references, each column ended by a tab or by a line end, then the
// header and the text. Two shapes are read:
//  - tab-separated (FORMAT.md §1.6): columns split at tabs, a line ending in a backslash continues
//    the column on the next line (MySQL escaping: `\` + line end is a newline; `\t`, `\n`, `\\`,
//    `\"`, `\'` as in the CSV dump), a line end without a backslash ends the row;
//  - one column per line (09KHARTOUM881 and 09NAIROBI2497: `<<218634>>`, `7/29/2009 14:42`,
//    `09KHARTOUM881`, `Embassy Khartoum`, `CONFIDENTIAL`, `09KHARTOUM378`, then `VZCZC…`): the
//    references line is taken only when it is a list of reference IDs or empty; header and text
//    stay together in `text`.
// Another row (a second cable after the first) starts at the next line that starts like a row
// with an id; every row is returned, in order. Linear in the block; never throws. Thread-safe.
std::vector<DumpRow> SplitDumpRows(std::string_view block);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_DUMP_ROWS_H_
