// Decoding of HTML character references (&amp; &#182; &#x000A; ...) in plain text that was cut out
// of web pages without being decoded.
#ifndef CABLEBASE_READ_HTML_ENTITIES_H_
#define CABLEBASE_READ_HTML_ENTITIES_H_

#include <string>
#include <string_view>

namespace cablebase::read {

// `text` (UTF-8) with every well-formed character reference decoded: numeric (&#182; &#x000A;) and
// the named ones in common use on the Cablegate pages and in English text (amp, lt, gt, quot, apos,
// nbsp, para, sect, middot, the dashes and curly quotes, hellip, and the Latin-1 letters with
// accents). A reference must end in ';'; anything else ("R&D", "&middle power8", an unknown name
// such as "&D;" in 09MOSCOW2723) is left as written, because cables use bare '&' freely. Numeric
// references to NUL, surrogates or beyond U+10FFFF become U+FFFD. Never fails.
std::string DecodeHtmlEntities(std::string_view text);

}  // namespace cablebase::read

#endif  // CABLEBASE_READ_HTML_ENTITIES_H_
