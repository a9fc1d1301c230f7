// Plain-language meanings of telegram header words, for `cablebase show` (precedence, caveats, TAGS...).
#ifndef CABLEBASE_CLI_GLOSSARY_H_
#define CABLEBASE_CLI_GLOSSARY_H_

#include <string_view>

namespace cablebase::cli {

// Each returns a short explanation, or nullptr when the word is not in the table. Arguments are
// matched case-insensitively. Sources: 5 FAH-2 (precedence, captions), E.O. 12958 §1.4 (reasons),
// 5 FAH-3 TAGS handbook (subject TAGS and State's two-letter geographic codes, which are FIPS 10-4
// codes, not ISO: RS is Russia, SZ Switzerland, KN North Korea).
const char* PrecedenceMeaning(std::string_view precedence);    // "IMMEDIATE"
const char* ClassificationMeaning(std::string_view level);     // "CONFIDENTIAL"
const char* CaveatMeaning(std::string_view caveat);            // "NOFORN"
const char* ReasonMeaning(std::string_view reason);            // "1.4(b)" or "1.5(d)"
const char* SubjectTagMeaning(std::string_view tag);           // "PREL"
const char* GeographicTagMeaning(std::string_view code);       // "RS"
const char* PortionMarkMeaning(std::string_view mark);         // "C", "S/NF", "SBU"

}  // namespace cablebase::cli

#endif  // CABLEBASE_CLI_GLOSSARY_H_
