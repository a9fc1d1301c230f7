// A text that holds nothing but the routing header (issue 11, "header-only cables").
#ifndef CABLEBASE_PARSE_ROUTING_HEADER_ONLY_H_
#define CABLEBASE_PARSE_ROUTING_HEADER_ONLY_H_

#include <string_view>

namespace cablebase::parse {

// True when every non-blank line of `text` belongs to the routing header (shared/spec/FORMAT.md §2)
// and at least one line names a part of it (VZCZC, the DE or ZNY line, a precedence + DTG line, or
// FM/TO/INFO): nothing follows the header, so the cable has no text and no body. Header lines are
//  - the transmission lines: `VZCZC…`, precedence prosigns with routing indicators (`PP RUEHBC
//    RUEHBZ`), a line of routing indicators only (`RUEHROV RUEHTRO`), `DE RUEH…`, `ZNY/ZNR …`;
//  - the DTG line: 1-2 precedence letters (`O`, `O R`, `PP`) and `DDHHMMZ MON YY`;
//  - `FM`, `TO`, `INFO`, `XMT` and `BT` lines;
//  - after FM/TO/INFO, an addressee line: no lower-case letter, not starting with a digit, a
//    classification word (UNCLAS, CONFIDENTIAL, SECRET, LIMITED OFFICIAL USE, spaced `S E C R E T`)
//    or a text-header keyword (TAGS, SUBJECT, SUBJ, E.O., REF, CLASSIFIED BY, SIPDIS, PASS), and
//    shaped like an addressee (at most 8 words; ROUTE/NAME, a precedence word or sequence number
//    at the end, a collective, AMEMBASSY/SECSTATE/... first, or WASHDC last) — prose in capitals
//    is text.
// Any other line (a classification line, TAGS, a paragraph, text in mixed case) is text. Taught by
// 09KHARTOUM881, whose 2010 page has the routing header as its first block and a second block that
// repeats it before the text: a page (or file) stopping after the header has only that header.
// Linear in the input; never throws. Thread-safe.
bool IsRoutingHeaderOnly(std::string_view text);

}  // namespace cablebase::parse

#endif  // CABLEBASE_PARSE_ROUTING_HEADER_ONLY_H_
