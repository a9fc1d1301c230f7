// Reference IDs of cables ("06MOSCOW1637"): canonical post names, building and repairing IDs.
//
// A reference ID is the 2-digit year, the post name without spaces and the serial without leading
// zeros (shared/spec/FORMAT.md §3). All functions are pure and thread-safe.
#ifndef CABLEBASE_MODEL_REFERENCE_ID_H_
#define CABLEBASE_MODEL_REFERENCE_ID_H_

#include <string>
#include <string_view>
#include <vector>

namespace cablebase::model {

// The canonical spelling of a post as used in reference IDs: upper case, spaces, hyphens and
// apostrophes removed, known aliases and misspellings mapped ("RIO DE JANEIRO"/"RIO" →
// "RIODEJANEIRO", "SECSTATE"/"WASHDC"/"SECSTATE WASHDC" → "STATE", "USUN" → "USUNNEWYORK", "HAGUE" →
// "THEHAGUE", "N'DJAMENA" → "NDJAMENA", "HCMC" → "HOCHIMINHCITY"). Prefixes that are not part of the
// post ("AMEMBASSY", "AMCONSUL", "EMBASSY", "EFTO") are dropped. An unknown name of 4+ letters one
// edit (insert, delete, substitute, swap neighbours) away from exactly one known post is corrected to it ("BRASILA" → "BRASILIA", as in the REF of
// golden case 09BRASILIA931); other unknown names are returned cleaned but unchanged. Empty for an
// empty or letterless input.
std::string CanonicalPostName(std::string_view post);

// As above, but a name is corrected as a misspelling only when it has at least
// `min_misspelled_letters` letters. Published IDs are known to be IDs, so a short misspelled post
// is corrected there ("07SOIA828" → SOFIA); in running text (a REF entry) a short word one letter
// from a post is more likely a word ("PARAS 3" is not PARIS, "HOME 2" not LOME), and the REF
// reader asks for 6.
std::string CanonicalPostName(std::string_view post, size_t min_misspelled_letters);

// "06" + canonical post + serial without leading zeros. `year` may be 4-digit (2006) or 2-digit (6);
// `serial` may have leading zeros ("001637" → "1637"). Empty when the post is empty, the serial is
// not all digits or the year is negative.
std::string MakeReferenceId(int year, std::string_view post, std::string_view serial);

// Repairs a reference ID as published (Cablegate published some malformed IDs): strips section
// debris ("08SCTION02OF02SAOPAULO335" → "08SAOPAULO335"), caption prefixes ("09EFTOLONDON2468",
// "09AMEMBASSYHANOI1284"), a doubled year ("7575LIBREVILLE1895" → "75LIBREVILLE1895"), trailing junk
// after the serial ("06MADRID002583ZFR2585", "90STATE255723TOSEC140328"), leading zeros, a
// four-digit year (NARA/AAD and PlusD "1974ATHENS03099" → "74ATHENS3099"), and
// canonicalises the post (CanonicalPostName). Returns the input upper-cased and trimmed when it does
// not look like a reference ID at all.
std::string CanonicalizeReferenceId(std::string_view id);

// The section a published ID's debris names, when Cablegate published one section of a
// multi-section cable as a record of its own: "08SCTION02OF02SAOPAULO335" → {2, 2},
// "09SECTION01OF03BRUSSELS1234" → {1, 3}, "09SECTION02F02BRUSSELS1639" → {2, 2} (the O lost too).
// The shape: two year digits, a run of 4+ letters at most two edits from SECTION, the section
// number, a run of 1-3 letters (OF and its debris), the count, then the post. {0, 0} when the ID
// has no such debris or the numbers are not 1 <= number <= count <= 99. Linear; any bytes.
struct PublishedSection {
  int number = 0;
  int count = 0;
};
PublishedSection SectionOfPublishedId(std::string_view id);

// The canonical post names known to cablebase (embassies, consulates, missions, State and other
// agencies that send cables), sorted. Compiled from the corpus and the Cablegate origins list.
const std::vector<std::string_view>& KnownPostNames();

// True when `canonical_post` (as returned by CanonicalPostName) is in KnownPostNames().
bool IsKnownPost(std::string_view canonical_post);

}  // namespace cablebase::model

#endif  // CABLEBASE_MODEL_REFERENCE_ID_H_
