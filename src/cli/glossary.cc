// Tables of plain-language meanings for telegram header words (see glossary.h for the sources).
#include "cli/glossary.h"

#include <string>
#include <utility>

#include "model/text_util.h"

namespace cablebase::cli {

namespace {

using Entry = std::pair<std::string_view, const char*>;

template <size_t N>
const char* Lookup(const Entry (&table)[N], std::string_view key) {
  std::string up = model::ToUpperAscii(model::Trim(key));
  for (const Entry& e : table) {
    if (e.first == up) return e.second;
  }
  return nullptr;
}

constexpr Entry kPrecedence[] = {
    {"FLASH", "highest precedence: handle at once, ahead of all other traffic (minutes)"},
    {"NIACT IMMEDIATE", "immediate, and wake the addressee: night action, any hour"},
    {"IMMEDIATE", "act on it at once, within business hours, ahead of routine traffic"},
    {"PRIORITY", "ahead of routine traffic (dropped from State's current list)"},
    {"ROUTINE", "normal handling, in order of receipt"},
};

constexpr Entry kClassification[] = {
    {"UNCLASSIFIED", "not classified"},
    {"LIMITED OFFICIAL USE", "unclassified but administratively controlled (State's LOU)"},
    {"CONFIDENTIAL", "disclosure could damage national security"},
    {"SECRET", "disclosure could seriously damage national security"},
    {"TOP SECRET", "disclosure could gravely damage national security"},
};

constexpr Entry kCaveats[] = {
    {"SIPDIS", "SIPRNet distribution: posted to the State Department's classified intranet"},
    {"NOFORN", "not releasable to foreign nationals"},
    {"NOFORN//SIPDIS", "not releasable to foreign nationals; SIPRNet distribution"},
    {"SENSITIVE", "sensitive but unclassified handling"},
    {"SBU", "sensitive but unclassified"},
    {"EXDIS", "exclusive distribution: to named officers only"},
    {"NODIS", "no distribution beyond the addressee without the originator's approval"},
    {"LIMDIS", "limited distribution"},
    {"STADIS", "State distribution only (no other agencies)"},
    {"OFFICIAL INFORMAL", "informal official correspondence between officers"},
    {"SPECAT", "special category: restricted handling channel"},
    {"SPECAT EXCLUSIVE", "special category, exclusive: restricted handling channel"},
    {"WEBGRAM EXCLUDED ONLY", "not for web-based telegram distribution"},
    {"EFTO", "encrypt for transmission only: unclassified, but sent encrypted"},
    {"FOR OFFICIAL USE ONLY", "unclassified, for official use only"},
    {"ORCON", "dissemination controlled by the originator"},
    {"REL TO", "releasable to the countries named"},
    {"CODEL", "concerns a congressional delegation"},
    {"NOTAL", "not sent to all addressees of a referenced message"},
};

// E.O. 12958 §1.4 (1.5 in its original 1995 text) and E.O. 13526 §1.4.
constexpr Entry kReasons[] = {
    {"A", "military plans, weapons systems or operations"},
    {"B", "foreign government information"},
    {"C", "intelligence activities, sources or methods, or cryptology"},
    {"D", "foreign relations or foreign activities of the US, including confidential sources"},
    {"E", "scientific, technological or economic matters relating to national security"},
    {"F", "US programs for safeguarding nuclear materials or facilities"},
    {"G", "vulnerabilities or capabilities of systems, installations, projects or plans"},
    {"H", "weapons of mass destruction"},
};

// Common subject TAGS (5 FAH-3). The first letter is the area: A administration, B business,
// C consular, E economic, K programs, M military, O outreach, P political, S social, T technology.
constexpr Entry kSubjectTags[] = {
    {"ABUD", "administration: budget"},
    {"AEMR", "administration: emergency planning and evacuation"},
    {"AFIN", "administration: financial management"},
    {"AMGT", "administration: management of the post"},
    {"AODE", "administration: employees abroad"},
    {"APER", "administration: personnel"},
    {"ASEC", "administration: security"},
    {"ASIG", "administration: significant events at post"},
    {"BEXP", "business: export promotion"},
    {"BTIO", "business: trade and investment opportunities"},
    {"CASC", "consular: assistance to US citizens"},
    {"CMGT", "consular: management"},
    {"CVIS", "consular: visas"},
    {"EAGR", "economic: agriculture"},
    {"EAID", "economic: foreign aid"},
    {"EAIR", "economic: civil aviation"},
    {"ECIN", "economic: economic integration and cooperation"},
    {"ECON", "economic: economic conditions"},
    {"ECPS", "economic: communications and postal systems"},
    {"EFIN", "economic: financial and monetary affairs"},
    {"EIND", "economic: industry"},
    {"EINV", "economic: investment"},
    {"ELAB", "economic: labor"},
    {"ELTN", "economic: land transportation"},
    {"EMIN", "economic: minerals and metals"},
    {"ENRG", "economic: energy"},
    {"EPET", "economic: petroleum"},
    {"ETRD", "economic: foreign trade"},
    {"ETTC", "economic: trade and technology controls"},
    {"EWWT", "economic: waterborne transportation"},
    {"KCOR", "program: corruption"},
    {"KCRM", "program: crime"},
    {"KDEM", "program: democratization"},
    {"KFLU", "program: avian and pandemic influenza"},
    {"KHIV", "program: HIV/AIDS"},
    {"KIPR", "program: intellectual property rights"},
    {"KIRF", "program: international religious freedom"},
    {"KISL", "program: Islamic affairs"},
    {"KJUS", "program: administration of justice"},
    {"KNNP", "program: nuclear non-proliferation"},
    {"KPAO", "program: public affairs office"},
    {"KSUM", "program: summit meetings"},
    {"KTFN", "program: terrorism financing"},
    {"KTIP", "program: trafficking in persons"},
    {"KWMN", "program: women's issues"},
    {"MARR", "military: arrangements and cooperation"},
    {"MASS", "military: assistance and sales"},
    {"MCAP", "military: capabilities"},
    {"MNUC", "military: nuclear capabilities"},
    {"MOPS", "military: operations"},
    {"OEXC", "outreach: educational and cultural exchange"},
    {"OIIP", "outreach: international information programs"},
    {"OPDC", "outreach: public diplomacy"},
    {"OREP", "outreach: congressional travel"},
    {"OVIP", "outreach: visits of VIPs"},
    {"PARM", "political: arms control"},
    {"PBTS", "political: boundaries and territorial sovereignty"},
    {"PGOV", "political: internal governmental affairs"},
    {"PHUM", "political: human rights"},
    {"PINR", "political: intelligence (biographic, reporting)"},
    {"PINS", "political: national security"},
    {"PM", "political-military affairs"},
    {"PNAT", "political: national defense"},
    {"PREF", "political: refugees"},
    {"PREL", "political: external political relations"},
    {"PTER", "political: terrorism"},
    {"SCUL", "social: culture"},
    {"SENV", "social: environmental affairs"},
    {"SMIG", "social: migration"},
    {"SNAR", "social: narcotics"},
    {"SOCI", "social: social conditions"},
    {"TBIO", "technology: biotechnology"},
    {"TNGD", "technology: science and technology development"},
    {"TPHY", "technology: physical sciences"},
    {"TRGY", "technology: energy technology"},
    {"TSPA", "technology: space activities"},
    {"TSPL", "technology: science and technology policy"},
};

// State's two-letter geographic codes (FIPS 10-4 based; not ISO 3166).
constexpr Entry kGeographic[] = {
    {"AF", "Afghanistan"}, {"AG", "Algeria"}, {"AJ", "Azerbaijan"}, {"AM", "Armenia"},
    {"AR", "Argentina"}, {"AS", "Australia"}, {"AU", "Austria"}, {"BA", "Bahrain"},
    {"BE", "Belgium"}, {"BG", "Bangladesh"}, {"BL", "Bolivia"}, {"BM", "Burma"},
    {"BO", "Belarus"}, {"BR", "Brazil"}, {"BU", "Bulgaria"}, {"CA", "Canada"},
    {"CB", "Cambodia"}, {"CE", "Sri Lanka"}, {"CG", "Congo (Kinshasa)"}, {"CH", "China"},
    {"CI", "Chile"}, {"CO", "Colombia"}, {"CU", "Cuba"}, {"CY", "Cyprus"},
    {"DA", "Denmark"}, {"EC", "Ecuador"}, {"EG", "Egypt"}, {"EI", "Ireland"},
    {"EN", "Estonia"}, {"ET", "Ethiopia"}, {"EZ", "Czech Republic"}, {"FI", "Finland"},
    {"FR", "France"}, {"GG", "Georgia"}, {"GM", "Germany"}, {"GR", "Greece"},
    {"GT", "Guatemala"}, {"HK", "Hong Kong"}, {"HO", "Honduras"}, {"HR", "Croatia"},
    {"HU", "Hungary"}, {"IC", "Iceland"}, {"ID", "Indonesia"}, {"IN", "India"},
    {"IR", "Iran"}, {"IS", "Israel"}, {"IT", "Italy"}, {"IZ", "Iraq"},
    {"JA", "Japan"}, {"JO", "Jordan"}, {"KE", "Kenya"}, {"KG", "Kyrgyzstan"},
    {"KN", "North Korea"}, {"KS", "South Korea"}, {"KU", "Kuwait"}, {"KV", "Kosovo"},
    {"KZ", "Kazakhstan"}, {"LE", "Lebanon"}, {"LG", "Latvia"}, {"LH", "Lithuania"},
    {"LY", "Libya"}, {"MO", "Morocco"}, {"MX", "Mexico"}, {"MY", "Malaysia"},
    {"NI", "Nigeria"}, {"NL", "Netherlands"}, {"NO", "Norway"}, {"NP", "Nepal"},
    {"NZ", "New Zealand"}, {"PE", "Peru"}, {"PK", "Pakistan"}, {"PL", "Poland"},
    {"PM", "Panama"}, {"PO", "Portugal"}, {"QA", "Qatar"}, {"RO", "Romania"},
    {"RP", "Philippines"}, {"RS", "Russia"}, {"SA", "Saudi Arabia"}, {"SF", "South Africa"},
    {"SG", "Senegal"}, {"SN", "Singapore"}, {"SP", "Spain"}, {"SU", "Sudan"},
    {"SW", "Sweden"}, {"SY", "Syria"}, {"SZ", "Switzerland"}, {"TH", "Thailand"},
    {"TI", "Tajikistan"}, {"TS", "Tunisia"}, {"TU", "Turkey"}, {"TW", "Taiwan"},
    {"TX", "Turkmenistan"}, {"UK", "United Kingdom"}, {"UP", "Ukraine"}, {"US", "United States"},
    {"UZ", "Uzbekistan"}, {"VE", "Venezuela"}, {"VM", "Vietnam"}, {"VT", "Vatican"},
    {"YM", "Yemen"}, {"ZI", "Zimbabwe"}, {"XA", "Africa (region)"}, {"XD", "Indian Ocean (region)"},
    {"XF", "Middle East (region)"}, {"XG", "Europe (region)"}, {"XL", "Caribbean (region)"},
    {"XM", "Latin America (region)"}, {"XN", "Near East and South Asia (region)"},
    {"XP", "Pacific (region)"}, {"XR", "Soviet Union / Eastern Europe (region)"},
    {"XS", "South Asia (region)"}, {"XW", "West Africa (region)"}, {"XY", "Sub-Saharan Africa (region)"},
    {"EUN", "European Union"}, {"UNSC", "UN Security Council"},
};

constexpr Entry kPortionMarks[] = {
    {"U", "unclassified"},
    {"SBU", "sensitive but unclassified"},
    {"LOU", "limited official use"},
    {"C", "confidential"},
    {"C/NF", "confidential, not releasable to foreign nationals"},
    {"S", "secret"},
    {"S/NF", "secret, not releasable to foreign nationals"},
    {"TS", "top secret"},
};

}  // namespace

const char* PrecedenceMeaning(std::string_view p) { return Lookup(kPrecedence, p); }
const char* ClassificationMeaning(std::string_view c) { return Lookup(kClassification, c); }
const char* CaveatMeaning(std::string_view c) { return Lookup(kCaveats, c); }
const char* SubjectTagMeaning(std::string_view t) { return Lookup(kSubjectTags, t); }
const char* GeographicTagMeaning(std::string_view c) { return Lookup(kGeographic, c); }
const char* PortionMarkMeaning(std::string_view m) { return Lookup(kPortionMarks, m); }

const char* ReasonMeaning(std::string_view reason) {
  // "1.4(b)", "1.5 (d)", "B": the letter in parentheses (or alone) decides.
  std::string_view r = model::Trim(reason);
  size_t open = r.find('(');
  if (open != std::string_view::npos && open + 1 < r.size()) {
    return Lookup(kReasons, r.substr(open + 1, 1));
  }
  if (r.size() == 1) return Lookup(kReasons, r);
  return nullptr;
}

}  // namespace cablebase::cli
