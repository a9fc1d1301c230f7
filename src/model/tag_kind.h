// TAGS (5 FAH-3 "TAGS/Terms Handbook"): the kind of a tag and the vocabularies that decide it.
//
// All functions are pure and thread-safe (the lists are immutable statics).
#ifndef CABLEBASE_MODEL_TAG_KIND_H_
#define CABLEBASE_MODEL_TAG_KIND_H_

#include <span>
#include <string>
#include <string_view>

#include "cablebase/cable.h"

namespace cablebase::model {

// The kind of one tag as written (any case), by these rules (golden/README.md, 5 FAH-3):
// contains a comma → kPerson ("OBAMA, BARACK"); two letters → kGeographic ("RS"); four letters
// starting with K → kProgram ("KIPR", "kwww"); a known subject TAG → kSubject ("PREL", "phum"); a
// known organisation → kOrganization ("NATO", "BA'ATH"); otherwise kUnknown.
TagKind TagKindOf(std::string_view tag);

// Membership in the compiled vocabularies (argument upper case, as canonical tags are).
bool IsSubjectTag(std::string_view tag);        // PREL, PGOV, ECON... (4 letters, 5 FAH-3)
bool IsOrganizationTag(std::string_view tag);   // NATO, UN, EUN, IAEA, ZANU-PF...
bool IsGeographicCode(std::string_view tag);    // RS, SZ, KN... (State's 2-letter codes)
// Every code IsGeographicCode accepts, sorted (the glossary's tests check it names them).
std::span<const std::string_view> GeographicCodes();
bool IsKeywordTag(std::string_view tag);        // single free-text keywords written as tags: POL, MIL
bool IsGivenName(std::string_view word);        // JOHN, HILLARY... (person tags "SURNAME GIVEN")
// The longest known multi-word free-text tag ("HUMAN RIGHTS", "NEW ZEALAND") that starts at word
// `words[0]` of the upper-case words given; returns the number of words it spans (0 if none).
size_t MatchKnownPhrase(const std::string_view* words, size_t count);
// The canonical form of a free-text tag phrase ("COUNTER TERRORISM" → "COUNTERTERRORISM"); the
// phrase itself when no rewrite is known.
std::string CanonicalPhraseTag(std::string_view phrase);
// The full form of a person tag under which the TAGS handbook files it ("BUSH, GEORGE" →
// "BUSH, GEORGE W."); the argument when none is known.
std::string CanonicalPersonTag(std::string_view person);

}  // namespace cablebase::model

#endif  // CABLEBASE_MODEL_TAG_KIND_H_
