// The glossary's tables and lookups (cablebase/glossary.h gives the sources of each table).
#include "cablebase/glossary.h"

#include <string>

#include "model/text_util.h"

namespace cablebase {

namespace {

using Entry = GlossaryEntry;

// 5 FAH-2: the precedence decides the order of handling and, for NIACT, waking the addressee.
constexpr Entry kPrecedence[] = {
    {"FLASH",
     "highest precedence: handled at once, ahead of all other traffic; reserved for initial "
     "enemy contact or threats to life"},
    {"NIACT IMMEDIATE",
     "immediate, and night action: the addressee must act on it at any hour, "
     "even at night"},
    {"IMMEDIATE", "handled at once, before all priority and routine traffic"},
    {"PRIORITY", "handled before routine traffic (dropped from State's current list)"},
    {"ROUTINE", "normal handling, in order of receipt"},
};

constexpr Entry kClassification[] = {
    {"UNCLASSIFIED", "not classified"},
    {"UNCLASSIFIED//FOR OFFICIAL USE ONLY", "unclassified, for official use only"},
    {"LIMITED OFFICIAL USE",
     "unclassified but administratively controlled (State's own marking, "
     "LOU)"},
    {"CONFIDENTIAL", "disclosure could damage national security"},
    {"SECRET", "disclosure could seriously damage national security"},
    {"TOP SECRET", "disclosure could gravely damage national security"},
};

// Handling caveats and distribution captions (5 FAH-2); the whole caveat as written.
constexpr Entry kCaveats[] = {
    {"SIPDIS",
     "SIPRNet distribution: posted to the government's secret network (SIPRNet), the "
     "source of Cablegate"},
    {"NOFORN", "not releasable to foreign nationals"},
    {"NOFORN//SIPDIS", "not releasable to foreign nationals; SIPRNet distribution"},
    {"NODIS", "no distribution beyond the addressees without the originator's approval"},
    {"EXDIS", "exclusive distribution: only to officers with an essential need to know"},
    {"LIMDIS", "limited distribution"},
    {"STADIS", "State distribution only: not to other agencies"},
    {"SENSITIVE", "sensitive but unclassified content"},
    {"SBU", "sensitive but unclassified"},
    {"ORCON", "dissemination controlled by the originator"},
    {"PROPIN", "caution: proprietary information"},
    {"REL TO", "releasable to the countries named"},
    {"REL", "releasable to the countries named"},
    {"SPECAT", "special category: handled only by cleared communicators, in a restricted channel"},
    {"SPECAT EXCLUSIVE", "special category, exclusive: a restricted handling channel"},
    {"OFFICIAL INFORMAL", "an informal letter between officers, sent as a telegram"},
    {"CODEL", "about a congressional delegation"},
    {"EFTO", "encrypt for transmission only: unclassified, but sent encrypted"},
    {"FOR OFFICIAL USE ONLY", "unclassified, for official use only"},
    {"WEBGRAM EXCLUDED ONLY", "not for web-based telegram distribution"},
    {"NOTAL", "not sent to all addressees of a referenced message"},
};

// E.O. 12958 §1.4 (1.5 in its original 1995 text) and E.O. 13526 §1.4; (h) since 2003.
constexpr Entry kReasons[] = {
    {"A", "military plans, weapons systems, or operations"},
    {"B", "foreign government information"},
    {"C", "intelligence activities, sources or methods, or cryptology"},
    {"D",
     "foreign relations or foreign activities of the United States, including confidential "
     "sources"},
    {"E", "scientific, technological or economic matters relating to national security"},
    {"F", "U.S. Government programs for safeguarding nuclear materials or facilities"},
    {"G", "vulnerabilities or capabilities of systems, installations, projects or plans"},
    {"H", "weapons of mass destruction"},
};

// Subject and program TAGS (5 FAH-3 H-011.1: the titles, in lower case).
constexpr Entry kSubjectTags[] = {
    // A: administrative affairs.
    {"ABLD", "buildings and grounds"},
    {"ABUD", "budget services and financial systems"},
    {"ACOA", "communication operations and administration"},
    {"ADCO", "diplomatic courier operations"},
    {"ADPM", "diplomatic pouch and mail"},
    {"AEMR", "emergency planning and evacuation"},
    {"AFIN", "financial management"},
    {"AFSI", "Foreign Service Institute"},
    {"AFSN", "Foreign Service National personnel"},
    {"AGAO", "General Accounting Office"},
    {"AINF", "information management services"},
    {"AINR", "INR program administration"},
    {"AINT", "internet administration"},
    {"ALOW", "allowances"},
    {"AMED", "medical services"},
    {"AMGT", "management operations of the post"},
    {"ANET", "communications, circuits and networks"},
    {"AODE", "employees abroad"},
    {"AORC", "international organizations and conferences"},
    {"APCS", "personal computers"},
    {"APER", "personnel"},
    {"ASCH", "U.S.-sponsored schools"},
    {"ASEC", "security of posts and staff"},
    {"ASIG", "Inspector General activities"},
    {"ASUP", "supplies and equipment"},
    {"ATRN", "transportation service"},
    // B: business services.
    {"BBSR", "business services reporting"},
    {"BEXP", "trade expansion and promotion"},
    {"BMGT", "Foreign Commercial Service management operations"},
    {"BTIO", "trade and investment opportunities"},
    // C: consular affairs.
    {"CASC", "assistance to U.S. citizens"},
    {"CFED", "federal agency services"},
    {"CJAN", "judicial assistance and notarial services"},
    {"CMGT", "consular administration and management"},
    {"CPAS", "passports and citizenship"},
    {"CVIS", "visas"},
    // E: economic affairs.
    {"EAGR", "agriculture and forestry"},
    {"EAID", "foreign economic assistance"},
    {"EAIR", "civil aviation"},
    {"ECIN", "economic integration and cooperation"},
    {"ECON", "economic conditions"},
    {"ECPS", "communications and postal systems"},
    {"EFIN", "financial and monetary affairs"},
    {"EFIS", "commercial fishing and fish processing"},
    {"EIND", "industry and manufacturing"},
    {"EINT", "economic and commercial internet"},
    {"EINV", "foreign investments"},
    {"ELAB", "labor sector affairs"},
    {"ELTN", "land transportation"},
    {"EMIN", "minerals and metals"},
    {"ENRG", "energy and power"},
    {"EPET", "petroleum and natural gas"},
    {"ETRD", "foreign trade"},
    {"ETTC", "trade and technology controls"},
    {"EWWT", "waterborne transportation"},
    // K: program TAGS.
    {"KCOR", "corruption"},
    {"KCRM", "criminal activity"},
    {"KDEM", "democratization"},
    {"KFLU", "avian and pandemic influenza"},
    {"KFRD", "fraud"},
    {"KHIV", "HIV/AIDS"},
    {"KIPR", "intellectual property rights"},
    {"KIRF", "international religious freedom"},
    {"KISL", "Islamic affairs"},
    {"KJUS", "administration of justice"},
    {"KMDR", "media reaction reporting"},
    {"KNNP", "nuclear non-proliferation"},
    {"KPAO", "public affairs office"},
    {"KPKO", "peacekeeping operations"},
    {"KSUM", "summit meetings"},
    {"KTFN", "terrorism financing"},
    {"KTIP", "trafficking in persons"},
    {"KWMN", "women's issues"},
    // M: military and defense affairs.
    {"MARR", "military and defense arrangements"},
    {"MASS", "military assistance and sales"},
    {"MCAP", "military capabilities"},
    {"MNUC", "military nuclear applications"},
    {"MOPS", "military operations"},
    // O: outreach and operations.
    {"OEXC", "educational and cultural exchange"},
    {"OIIP", "international information programs"},
    {"OPDC", "public diplomacy"},
    {"OREP", "congressional travel"},
    {"OTRA", "travel"},
    {"OVIP", "visits of prominent individuals"},
    // P: political affairs.
    {"PARM", "arms controls and disarmament"},
    {"PBTS", "national boundaries, territories and sovereignty"},
    {"PGOV", "internal governmental affairs"},
    {"PHUM", "human rights"},
    {"PINR", "intelligence"},
    {"PINS", "national security"},
    {"PNAT", "national defense"},
    {"POL", "political (a free-text keyword, not a 5 FAH-3 TAG)"},
    {"PREF", "refugees"},
    {"PREL", "external political relations"},
    {"PTER", "terrorists and terrorism"},
    // S: social affairs.
    {"SCUL", "cultural affairs"},
    {"SENV", "environmental affairs"},
    {"SMIG", "migration"},
    {"SNAR", "narcotics"},
    {"SOCI", "social conditions"},
    // T: technology and science.
    {"TBIO", "biotechnology"},
    {"TNGD", "science and technology development"},
    {"TPHY", "physical sciences"},
    {"TRGY", "energy technology"},
    {"TSPA", "space activities"},
    {"TSPL", "science and technology policy"},
};

// The first letter of a subject TAG is its category (5 FAH-3 H-110).
constexpr Entry kSubjectTagAreas[] = {
    {"A", "administrative affairs"},
    {"B", "business services"},
    {"C", "consular affairs"},
    {"E", "economic affairs"},
    {"K", "program TAGS"},
    {"L", "legal affairs"},
    {"M", "military and defense affairs"},
    {"O", "outreach and operations"},
    {"P", "political affairs"},
    {"S", "social affairs"},
    {"T", "technology and science"},
};

// State's two-letter geographic TAGS are FIPS 10-4 country codes (not ISO 3166: RS Russia, SZ
// Switzerland, PA Paraguay, PM Panama). Every key is in model::IsGeographicCode's list
// (tag_lists.cc); codes of that list not named here are listed, with the reason, in
// docs/cable_format.md ("Geographic TAGS").
constexpr Entry kGeographic[] = {
    {"AA", "Aruba"},
    {"AC", "Antigua and Barbuda"},
    {"AE", "United Arab Emirates"},
    {"AF", "Afghanistan"},
    {"AG", "Algeria"},
    {"AJ", "Azerbaijan"},
    {"AL", "Albania"},
    {"AM", "Armenia"},
    {"AN", "Andorra"},
    {"AO", "Angola"},
    {"AR", "Argentina"},
    {"AS", "Australia"},
    {"AU", "Austria"},
    {"AV", "Anguilla"},
    {"BA", "Bahrain"},
    {"BB", "Barbados"},
    {"BC", "Botswana"},
    {"BD", "Bermuda"},
    {"BE", "Belgium"},
    {"BF", "Bahamas"},
    {"BG", "Bangladesh"},
    {"BH", "Belize"},
    {"BK", "Bosnia and Herzegovina"},
    {"BL", "Bolivia"},
    {"BM", "Burma"},
    {"BN", "Benin"},
    {"BO", "Belarus"},
    {"BP", "Solomon Islands"},
    {"BR", "Brazil"},
    {"BT", "Bhutan"},
    {"BU", "Bulgaria"},
    {"BX", "Brunei"},
    {"BY", "Burundi"},
    {"CA", "Canada"},
    {"CB", "Cambodia"},
    {"CD", "Chad"},
    {"CE", "Sri Lanka"},
    {"CF", "Congo (Brazzaville)"},
    {"CG", "Congo (Kinshasa)"},
    {"CH", "China"},
    {"CI", "Chile"},
    {"CJ", "Cayman Islands"},
    {"CM", "Cameroon"},
    {"CN", "Comoros"},
    {"CO", "Colombia"},
    {"CS", "Costa Rica"},
    {"CT", "Central African Republic"},
    {"CU", "Cuba"},
    {"CV", "Cape Verde"},
    {"CW", "Cook Islands"},
    {"CY", "Cyprus"},
    {"DA", "Denmark"},
    {"DJ", "Djibouti"},
    {"DO", "Dominica"},
    {"DR", "Dominican Republic"},
    {"EC", "Ecuador"},
    {"EG", "Egypt"},
    {"EI", "Ireland"},
    {"EK", "Equatorial Guinea"},
    {"EN", "Estonia"},
    {"ER", "Eritrea"},
    {"ES", "El Salvador"},
    {"ET", "Ethiopia"},
    {"EZ", "Czech Republic"},
    {"FI", "Finland"},
    {"FJ", "Fiji"},
    {"FM", "Micronesia (Federated States of)"},
    {"FO", "Faroe Islands"},
    {"FR", "France"},
    {"GA", "The Gambia"},
    {"GB", "Gabon"},
    {"GG", "Georgia"},
    {"GH", "Ghana"},
    {"GJ", "Grenada"},
    {"GM", "Germany"},
    {"GR", "Greece"},
    {"GT", "Guatemala"},
    {"GV", "Guinea"},
    {"GY", "Guyana"},
    {"GZ", "Gaza Strip"},
    {"HA", "Haiti"},
    {"HK", "Hong Kong"},
    {"HO", "Honduras"},
    {"HR", "Croatia"},
    {"HU", "Hungary"},
    {"IC", "Iceland"},
    {"ID", "Indonesia"},
    {"IN", "India"},
    {"IR", "Iran"},
    {"IS", "Israel"},
    {"IT", "Italy"},
    {"IV", "Cote d'Ivoire"},
    {"IZ", "Iraq"},
    {"JA", "Japan"},
    {"JM", "Jamaica"},
    {"JO", "Jordan"},
    {"KE", "Kenya"},
    {"KG", "Kyrgyzstan"},
    {"KN", "North Korea"},
    // 05LONDON4981 (a trip to the Korean peninsula) writes KR for Korea; FIPS KR is Kiribati.
    {"KR", "Kiribati (Korea is KS, North Korea KN)"},
    {"KS", "South Korea"},
    {"KT", "Christmas Island"},
    {"KU", "Kuwait"},
    {"KV", "Kosovo"},
    {"KZ", "Kazakhstan"},
    {"LA", "Laos"},
    {"LE", "Lebanon"},
    {"LG", "Latvia"},
    {"LH", "Lithuania"},
    {"LI", "Liberia"},
    {"LO", "Slovakia"},
    {"LS", "Liechtenstein"},
    {"LT", "Lesotho"},
    {"LU", "Luxembourg"},
    {"LY", "Libya"},
    {"MA", "Madagascar"},
    {"MC", "Macau"},
    {"MD", "Moldova"},
    {"MG", "Mongolia"},
    {"MI", "Malawi"},
    {"MJ", "Montenegro"},
    {"MK", "Macedonia"},
    {"ML", "Mali"},
    {"MN", "Monaco"},
    {"MO", "Morocco"},
    {"MP", "Mauritius"},
    {"MR", "Mauritania"},
    {"MT", "Malta"},
    {"MU", "Oman"},
    {"MV", "Maldives"},
    {"MX", "Mexico"},
    {"MY", "Malaysia"},
    {"MZ", "Mozambique"},
    {"NG", "Niger"},
    {"NH", "Vanuatu"},
    {"NI", "Nigeria"},
    {"NL", "Netherlands"},
    {"NO", "Norway"},
    {"NP", "Nepal"},
    {"NR", "Nauru"},
    {"NS", "Suriname"},
    {"NU", "Nicaragua"},
    {"NZ", "New Zealand"},
    {"PA", "Paraguay"},
    {"PE", "Peru"},
    {"PK", "Pakistan"},
    {"PL", "Poland"},
    {"PM", "Panama"},
    {"PO", "Portugal"},
    {"PP", "Papua New Guinea"},
    {"PS", "Palau"},
    {"PU", "Guinea-Bissau"},
    {"QA", "Qatar"},
    {"RI", "Serbia"},
    {"RM", "Marshall Islands"},
    {"RO", "Romania"},
    {"RP", "Philippines"},
    {"RQ", "Puerto Rico"},
    {"RS", "Russia"},
    {"RW", "Rwanda"},
    {"SA", "Saudi Arabia"},
    {"SC", "Saint Kitts and Nevis"},
    {"SE", "Seychelles"},
    {"SF", "South Africa"},
    {"SG", "Senegal"},
    {"SI", "Slovenia"},
    {"SL", "Sierra Leone"},
    {"SM", "San Marino"},
    {"SN", "Singapore"},
    {"SO", "Somalia"},
    {"SP", "Spain"},
    {"ST", "Saint Lucia"},
    {"SU", "Sudan"},
    {"SW", "Sweden"},
    {"SY", "Syria"},
    {"SZ", "Switzerland"},
    {"TD", "Trinidad and Tobago"},
    {"TH", "Thailand"},
    {"TI", "Tajikistan"},
    {"TN", "Tonga"},
    {"TO", "Togo"},
    {"TP", "Sao Tome and Principe"},
    {"TS", "Tunisia"},
    {"TT", "Timor-Leste"},
    {"TU", "Turkey"},
    {"TV", "Tuvalu"},
    {"TW", "Taiwan"},
    {"TX", "Turkmenistan"},
    {"TZ", "Tanzania"},
    {"UG", "Uganda"},
    {"UK", "United Kingdom"},
    {"UP", "Ukraine"},
    {"US", "United States"},
    {"UV", "Burkina Faso"},
    {"UY", "Uruguay"},
    {"UZ", "Uzbekistan"},
    {"VC", "Saint Vincent and the Grenadines"},
    {"VE", "Venezuela"},
    {"VM", "Vietnam"},
    {"VT", "Holy See (Vatican City)"},
    {"WA", "Namibia"},
    {"WE", "West Bank"},
    {"WI", "Western Sahara"},
    {"WS", "Samoa"},
    {"WZ", "Swaziland"},
    // Regional codes (State's, not FIPS 10-4), named only where every cable of shared/corpus that
    // carries one agrees: XA (08PARIS1501 "France's changing Africa policy", 09DJIBOUTI113,
    // 10BEIJING367), XF (08STATE116392 Palestinian issues, 73TEHRAN2077, 05ABUDHABI2178), XM
    // (10MEXICO141 Latin American unity summit, 09STATE83014, 10BRASILIA61).
    {"XA", "Africa (regional code)"},
    {"XF", "Middle East (regional code)"},
    {"XM", "Latin America (regional code)"},
    {"YI", "Serbia and Montenegro (earlier Yugoslavia)"},
    {"YM", "Yemen"},
    {"ZA", "Zambia"},
    {"ZI", "Zimbabwe"},
};

// Organisations written as TAGS (model::IsOrganizationTag); the name each acronym stands for.
constexpr Entry kOrganizations[] = {
    {"APEC", "Asia-Pacific Economic Cooperation"},
    {"ASEAN", "Association of Southeast Asian Nations"},
    {"EU", "European Union"},
    {"EUN", "European Union"},
    {"FARC", "Revolutionary Armed Forces of Colombia"},
    {"FMLN", "Farabundo Marti National Liberation Front (El Salvador)"},
    {"GCC", "Gulf Cooperation Council"},
    {"IAEA", "International Atomic Energy Agency"},
    {"ICJ", "International Court of Justice"},
    {"ICRC", "International Committee of the Red Cross"},
    {"ICTY", "International Criminal Tribunal for the former Yugoslavia"},
    {"IMF", "International Monetary Fund"},
    {"IMO", "International Maritime Organization"},
    {"ISAF", "International Security Assistance Force (Afghanistan)"},
    {"KFOR", "Kosovo Force (NATO)"},
    {"NATO", "North Atlantic Treaty Organization"},
    {"OAS", "Organization of American States"},
    {"OECD", "Organisation for Economic Co-operation and Development"},
    {"OPEC", "Organization of the Petroleum Exporting Countries"},
    {"OSCE", "Organization for Security and Co-operation in Europe"},
    {"UN", "United Nations"},
    {"UNDP", "UN Development Programme"},
    {"UNEP", "UN Environment Programme"},
    {"UNESCO", "UN Educational, Scientific and Cultural Organization"},
    {"UNGA", "UN General Assembly"},
    {"UNHCR", "UN High Commissioner for Refugees"},
    {"UNICEF", "UN Children's Fund"},
    {"UNMIK", "UN Interim Administration Mission in Kosovo"},
    {"UNSC", "UN Security Council"},
    {"WHO", "World Health Organization"},
    {"WMO", "World Meteorological Organization"},
    {"WTO", "World Trade Organization"},
};

// The mark at the head of a paragraph: "(C)", "(S/NF)", "(SBU)".
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

constexpr GlossaryTable kTables[] = {
    {"precedence", "5 FAH-2 (Telegram Handbook)", kPrecedence},
    {"classification", "E.O. 12958/13526 §1.2; 5 FAH-2 (Telegram Handbook)", kClassification},
    {"caveats", "5 FAH-2 (Telegram Handbook); shared/spec/FORMAT.md", kCaveats},
    {"reasons", "E.O. 12958 §1.4 (§1.5 in 1995), E.O. 13526 §1.4", kReasons},
    {"subject_tags", "5 FAH-3 (TAGS/Terms Handbook) H-011.1", kSubjectTags},
    {"subject_tag_areas", "5 FAH-3 (TAGS/Terms Handbook) H-110", kSubjectTagAreas},
    {"geographic_codes", "FIPS 10-4 country codes, as State's TAGS use them (5 FAH-3)",
     kGeographic},
    {"organizations", "5 FAH-3 (TAGS/Terms Handbook): organisations as TAGS", kOrganizations},
    {"portion_marks", "5 FAH-2 (Telegram Handbook); shared/spec/FORMAT.md", kPortionMarks},
};

const char* Lookup(std::span<const Entry> table, std::string_view key) {
  const std::string up = model::ToUpperAscii(model::Trim(key));
  for (const Entry& e : table) {
    if (e.key == up) return e.meaning;
  }
  return nullptr;
}

}  // namespace

std::span<const GlossaryTable> GlossaryTables() { return kTables; }

const GlossaryTable* FindGlossaryTable(std::string_view name) {
  for (const GlossaryTable& t : kTables) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const char* PrecedenceMeaning(std::string_view p) { return Lookup(kPrecedence, p); }
const char* ClassificationMeaning(std::string_view c) { return Lookup(kClassification, c); }
const char* CaveatMeaning(std::string_view c) { return Lookup(kCaveats, c); }
const char* SubjectTagMeaning(std::string_view t) { return Lookup(kSubjectTags, t); }
const char* GeographicTagMeaning(std::string_view c) { return Lookup(kGeographic, c); }
const char* OrganizationTagMeaning(std::string_view t) { return Lookup(kOrganizations, t); }
const char* PortionMarkMeaning(std::string_view m) { return Lookup(kPortionMarks, m); }

const char* ReasonMeaning(std::string_view reason) {
  // "1.4(b)", "1.5 (d)", "B": the letter in parentheses (or alone) decides.
  std::string_view r = model::Trim(reason);
  size_t open = r.find('(');
  if (open != std::string_view::npos) {
    std::string_view inner = model::Trim(r.substr(open + 1));
    return inner.empty() ? nullptr : Lookup(kReasons, inner.substr(0, 1));
  }
  if (r.size() == 1) return Lookup(kReasons, r);
  return nullptr;
}

const char* TagMeaning(std::string_view tag, TagKind kind) {
  switch (kind) {
    case TagKind::kSubject:
    case TagKind::kProgram:
      return SubjectTagMeaning(tag);
    case TagKind::kGeographic:
      if (const char* m = GeographicTagMeaning(tag)) return m;
      return OrganizationTagMeaning(tag);
    case TagKind::kOrganization:
      return OrganizationTagMeaning(tag);
    case TagKind::kPerson:
      return nullptr;
    case TagKind::kUnknown:
      break;
  }
  if (const char* m = SubjectTagMeaning(tag)) return m;
  if (const char* m = OrganizationTagMeaning(tag)) return m;
  return GeographicTagMeaning(tag);
}

}  // namespace cablebase
