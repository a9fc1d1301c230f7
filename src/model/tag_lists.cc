// The TAGS vocabularies: subject TAGS, organisations, geographic codes, keywords, given names.
//
// Compiled from 5 FAH-3 (the TAGS/Terms Handbook), the TAGS lines of shared/corpus (e.g. 10MOSCOW228
// "TAGS: EINV ETRD RS", 09STATE34688) and the golden cases. Kept sorted where binary-searched.
#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/tag_kind.h"
#include "model/text_util.h"

namespace cablebase::model {

namespace {

// Subject TAGS: first letter = area (A administration, B business, C consular, E economic,
// M military, O outreach, P political, S social, T technology); K program tags are matched by rule.
constexpr std::string_view kSubjectTags[] = {
    "ABLD", "ABUD", "ACOA", "ADCO", "ADPM", "AEMR", "AFIN", "AFSI", "AFSN", "AGAO", "AGMT", "AINF",
    "AINR", "AINT", "ALOW", "AMED", "AMGT", "ANET", "AODE", "AORC", "AORG", "APCS", "APER", "ASCH",
    "ASEC", "ASIG", "ASUP", "ATRN", "BBSR", "BEXP", "BMGT", "BTIO", "BTRA", "CASC",
    "CFED", "CJAN", "CMGT", "CPAS", "CVIS", "DEAX", "EAGR", "EAID", "EAIR", "ECIN", "ECIP", "ECON",
    "ECPS", "EFIN", "EFIS", "EIND", "EINT", "EINV", "ELAB", "ELTN", "EMIN", "ENRG", "ENVR", "EPET",
    "EREL", "ETRD", "ETTC", "EWWT", "IRAJ", "MARR", "MASC", "MASS", "MCAP", "MNUC", "MOPS", "MPOS",
    "MTCR", "NSSP", "OCII", "OEXC", "OFDP", "OIIP", "OPDC", "OPRC", "OREP", "OSCI", "OTRA", "OVIP",
    "PARM", "PBIO", "PBTS", "PCUL", "PDEM", "PGOV", "PHSA", "PHUM", "PINR", "PINS", "PINT", "PLAB",
    "PMIL", "PNAT", "PREF", "PREL", "PROP", "PSOE", "PTER", "SCUL", "SENV", "SHUM", "SMIG",
    "SNAR", "SOCI", "SPCE", "SWCI", "TBIO", "TINT", "TNAR", "TPHY", "TRGY", "TSPA", "TSPL",
};

// Organisations written as tags.
constexpr std::string_view kOrganizations[] = {
    "ACABQ", "ADB", "AEC", "AFDB", "AL-QAIDA", "ALBA", "ANC", "APEC", "ARF", "ASEAN", "AU",
    "BA'ATH", "BAATH", "CARICOM", "CD", "CIS", "COE", "CSCE", "CTBTO", "CWC", "EBRD", "ECOSOC",
    "ECOWAS", "EFTA", "ELN", "ETA", "EU", "EUN", "EUR", "FAO", "FARC", "FATAH", "FATF", "FMLN",
    "G-20", "G-7", "G-8", "G20", "G7", "G8", "GCC", "HAMAS", "HIZBALLAH", "IADB", "IAEA", "IBRD",
    "ICAO", "ICC", "ICJ", "ICRC", "ICTR", "ICTY", "IDB", "IEA", "IFAD", "ILO", "IMF", "IMO",
    "INTERPOL", "IOM", "ISAF", "ITU", "KFOR", "LTTE", "MDC", "MERCOSUR", "MINUSTAH", "MONUC",
    "MTCRE", "NAFTA", "NAM", "NATO", "NSG", "OAS", "OAU", "OECD", "OIC", "OPCW", "OPEC", "OSCE",
    "PKK", "PLO", "SADC", "SCO", "SFOR", "SICA", "TALIBAN", "UN", "UNAMA", "UNAMI", "UNAMID",
    "UNCHR", "UNCTAD", "UNDP", "UNEP", "UNESCO", "UNFPA", "UNGA", "UNHCR", "UNHRC", "UNICEF",
    "UNIDO", "UNIFIL", "UNMIK", "UNMIS", "UNO", "UNODC", "UNSC", "UPU", "WB", "WCO", "WFP", "WHO",
    "WHA", "WIPO", "WMO", "WTO", "WTRO", "ZANU-PF",
};

// Two-letter geographic codes used in TAGS (State's FIPS-based list, not ISO: RS Russia, SZ
// Switzerland, KN North Korea, KV Kosovo), plus regional codes seen in the corpus.
constexpr std::string_view kGeoCodes[] = {
    "AA", "AC", "AE", "AF", "AG", "AJ", "AL", "AM", "AN", "AO", "AR", "AS", "AU", "AV", "BA", "BB",
    "BC", "BD", "BE", "BF", "BG", "BH", "BK", "BL", "BM", "BN", "BO", "BP", "BR", "BT", "BU", "BX",
    "BY", "CA", "CB", "CD", "CE", "CF", "CG", "CH", "CI", "CJ", "CM", "CN", "CO", "CS", "CT", "CU",
    "CV", "CW", "CY", "DA", "DJ", "DO", "DR", "EC", "EG", "EI", "EK", "EN", "ER", "ES", "ET", "EZ",
    "FI", "FJ", "FM", "FO", "FR", "GA", "GB", "GG", "GH", "GJ", "GM", "GR", "GT", "GV", "GY", "GZ",
    "HA", "HK", "HO", "HR", "HU", "IC", "ID", "IN", "IR", "IS", "IT", "IV", "IZ", "JA", "JM", "JO",
    "KE", "KG", "KN", "KR", "KS", "KT", "KU", "KV", "KZ", "LA", "LE", "LG", "LH", "LI", "LO", "LS",
    "LT", "LU", "LY", "MA", "MC", "MD", "MG", "MI", "MJ", "MK", "ML", "MN", "MO", "MP", "MR", "MT",
    "MU", "MV", "MX", "MY", "MZ", "NG", "NH", "NI", "NL", "NO", "NP", "NR", "NS", "NU", "NZ", "PA",
    "PE", "PK", "PL", "PM", "PO", "PP", "PS", "PU", "QA", "RI", "RM", "RO", "RP", "RQ", "RS", "RW",
    "SA", "SC", "SE", "SF", "SG", "SI", "SL", "SM", "SN", "SO", "SP", "SR", "ST", "SU", "SW", "SY",
    "SZ", "TD", "TH", "TI", "TN", "TO", "TP", "TS", "TT", "TU", "TV", "TW", "TX", "TZ", "UG", "UK",
    "UP", "US", "UV", "UY", "UZ", "VC", "VE", "VM", "VT", "WA", "WE", "WI", "WS", "WZ", "XA", "XB",
    "XF", "XG", "XH", "XI", "XK", "XL", "XM", "XN", "XO", "XP", "XR", "XS", "XT", "XU", "XV", "XW",
    "XX", "XY", "XZ", "YI", "YM", "ZA", "ZI",
};

// Free-text single words that stand as tags of their own (golden: "... LABOR HUMAN RIGHTSPOLMIL"
// → "LABOR", "HUMAN RIGHTS", "POL", "MIL"; "PM POL FOREIGN POL").
constexpr std::string_view kKeywords[] = {"ECONOMIC", "LABOR", "MIL", "POL", "POLMIL"};

// Multi-word free-text tags seen in the corpus and golden cases; a longer phrase is preferred.
constexpr std::string_view kPhrases[] = {
    "COUNTER TERRORISM", "COUNTRY CLEARANCE", "DOMESTIC POLITICS", "ECONOMIC AFFAIRS",
    "FOREIGN POL", "GOI EXTERNAL", "GOI INTERNAL", "HUMAN RIGHTS", "IRAQI FREEDOM",
    "ITALIAN POLITICS", "ITALY NATIONAL ELECTIONS", "MEETINGS WITH AMBASSADOR", "NEW ZEALAND",
    "CONSULAR AFFAIRS", "ISRAELI PALESTINIAN AFFAIRS",
};

constexpr std::pair<std::string_view, std::string_view> kPhraseRewrites[] = {
    {"COUNTER TERRORISM", "COUNTERTERRORISM"},
};

// Person tags filed with a middle initial in the TAGS handbook.
constexpr std::pair<std::string_view, std::string_view> kPersonFullForms[] = {
    {"BUSH, GEORGE", "BUSH, GEORGE W."},
    {"STEINBERG, JAMES", "STEINBERG, JAMES B."},
};

// Given names that follow a surname in person tags ("OVIP BIDEN JOSEPH", "NOVO GUILLERMO").
constexpr std::string_view kGivenNames[] = {
    "ABDULLAH", "AHMED", "ALBERTO", "ALEJANDRO", "ALEXANDER", "ALI", "ALVARO", "ANDREW", "ANGELA",
    "ANTHONY", "ARIEL", "BAN", "BARACK", "BENJAMIN", "BERNARD", "BILL", "CARLOS", "CHARLES",
    "CHRISTOPHER", "CONDOLEEZZA", "DANIEL", "DAVID", "DICK", "DMITRY", "DONALD", "EDUARDO",
    "ELLEN", "EHUD", "EVO", "FELIPE", "FERNANDO", "FRANCISCO", "FRANK", "GASPAR", "GEORGE",
    "GERARD", "GORDON", "GUILLERMO", "HAMID", "HENRY", "HILLARY", "HUGO", "HUSSEIN", "JACQUES",
    "JAMES", "JAVIER", "JEAN", "JOE", "JOHN", "JORGE", "JOSE", "JOSEPH", "JUAN", "KOFI", "LUIS",
    "MAHMOUD", "MANUEL", "MARIA", "MARK", "MICHAEL", "MICHELLE", "MIGUEL", "MOHAMMED", "MUHAMMAD",
    "NANCY", "NICOLAS", "NURSULTAN", "PAUL", "PEDRO", "PERVEZ", "PETER", "RAUL", "RICHARD",
    "ROBERT", "SERGEY", "SILVIO", "STEPHEN", "SUSAN", "THOMAS", "TONY", "VLADIMIR", "WILLIAM",
    "XAVIER", "YULIA", "ZALMAY",
};

template <size_t N>
bool Contains(const std::string_view (&list)[N], std::string_view s) {
  static_assert(N > 0);
  // The lists are short; a linear scan keeps them free of ordering mistakes.
  for (std::string_view x : list) {
    if (x == s) return true;
  }
  return false;
}

}  // namespace

bool IsSubjectTag(std::string_view tag) { return Contains(kSubjectTags, tag); }
bool IsOrganizationTag(std::string_view tag) { return Contains(kOrganizations, tag); }
bool IsGeographicCode(std::string_view tag) { return Contains(kGeoCodes, tag); }
std::span<const std::string_view> GeographicCodes() { return kGeoCodes; }
bool IsKeywordTag(std::string_view tag) { return Contains(kKeywords, tag); }
bool IsGivenName(std::string_view word) { return Contains(kGivenNames, word); }

size_t MatchKnownPhrase(const std::string_view* words, size_t count) {
  size_t best = 0;
  for (std::string_view phrase : kPhrases) {
    std::vector<std::string_view> pw = SplitWhitespace(phrase);
    if (pw.size() > count || pw.size() <= best) continue;
    bool match = true;
    for (size_t i = 0; i < pw.size() && match; ++i) match = pw[i] == words[i];
    if (match) best = pw.size();
  }
  return best;
}

std::string CanonicalPhraseTag(std::string_view phrase) {
  for (const auto& [from, to] : kPhraseRewrites) {
    if (from == phrase) return std::string(to);
  }
  return std::string(phrase);
}

std::string CanonicalPersonTag(std::string_view person) {
  for (const auto& [from, to] : kPersonFullForms) {
    if (from == person) return std::string(to);
  }
  return std::string(person);
}

}  // namespace cablebase::model
