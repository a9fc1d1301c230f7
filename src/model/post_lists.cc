// The list of known post names (canonical spelling, as in reference IDs) and their aliases.
//
// Compiled from the reference IDs and addressee lines of shared/corpus, the golden cases, and the
// Cablegate list of originating posts (embassies, consulates, missions, Washington agencies).
#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "model/reference_id.h"

namespace cablebase::model {

namespace {

constexpr std::string_view kPosts[] = {
    "ABIDJAN", "ABUDHABI", "ABUJA", "ACCRA", "ADANA", "ADDIS", "ADDISABABA", "AITKAOHSIUNG",
    "AITTAIPEI", "ALEXANDRIA", "ALGIERS", "ALMATY", "AMMAN", "AMSTERDAM", "ANKARA",
    "ANTANANARIVO", "APIA", "ASHGABAT", "ASMARA", "ASTANA", "ASUNCION", "ATHENS", "AUCKLAND",
    "BAGHDAD", "BAKU", "BAMAKO", "BANDARSERIBEGAWAN", "BANGKOK", "BANGUI", "BANJUL", "BARCELONA",
    "BASRAH", "BEIJING", "BEIRUT", "BELFAST", "BELGRADE", "BELMOPAN", "BERLIN", "BERN", "BISHKEK",
    "BOGOTA", "BONN", "BRASILIA", "BRATISLAVA", "BRAZZAVILLE", "BRIDGETOWN", "BRUSSELS",
    "BUCHAREST", "BUDAPEST", "BUENOSAIRES", "BUJUMBURA", "CAIRO", "CALCUTTA", "CALGARY",
    "CANBERRA", "CAPETOWN", "CARACAS", "CASABLANCA", "CDGENEVA", "CHARLESTON", "CHENGDU",
    "CHENNAI", "CHIANGMAI", "CHISINAU", "CIUDADJUAREZ", "COLOMBO", "CONAKRY", "COPENHAGEN",
    "COTONOU", "CURACAO", "DAKAR", "DAMASCUS", "DARESSALAAM", "DHAHRAN", "DHAKA", "DILI",
    "DJIBOUTI", "DOHA", "DUBAI", "DUBLIN", "DURBAN", "DUSHANBE", "DUSSELDORF", "EDINBURGH",
    "FLORENCE", "FRANKFURT", "FREETOWN", "FUKUOKA", "GABORONE", "GENEVA", "GEORGETOWN",
    "GUADALAJARA", "GUANGZHOU", "GUATEMALA", "GUAYAQUIL", "HALIFAX", "HAMBURG", "HAMILTON",
    "HANOI", "HARARE", "HAVANA", "HELSINKI", "HERMOSILLO", "HILLAH", "HOCHIMINHCITY", "HONGKONG",
    "HYDERABAD", "ISLAMABAD", "ISTANBUL", "IZMIR", "JAKARTA", "JEDDAH", "JERUSALEM", "JIDDA",
    "JOHANNESBURG", "KABUL", "KADUNA", "KAMPALA", "KARACHI", "KATHMANDU", "KHARTOUM", "KIEV",
    "KIGALI", "KINGSTON", "KINSHASA", "KIRKUK", "KOLKATA", "KOLONIA", "KOROR", "KRAKOW",
    "KUALALUMPUR", "KUWAIT", "KYIV", "LAGOS", "LAHORE", "LAPAZ", "LEIPZIG", "LENINGRAD",
    "LIBREVILLE", "LILONGWE", "LIMA", "LISBON", "LJUBLJANA", "LOME", "LONDON", "LUANDA", "LUSAKA",
    "LUXEMBOURG", "MADRID", "MAJURO", "MALABO", "MANAGUA", "MANAMA", "MANILA", "MAPUTO",
    "MARSEILLE", "MASERU", "MATAMOROS", "MBABANE", "MELBOURNE", "MERIDA", "MEXICO", "MILAN",
    "MINSK", "MONROVIA", "MONTERREY", "MONTEVIDEO", "MONTREAL", "MOSCOW", "MOSUL", "MUMBAI",
    "MUNICH", "MUSCAT", "NAHA", "NAIROBI", "NAPLES", "NASSAU", "NDJAMENA", "NEWDELHI", "NIAMEY",
    "NICOSIA", "NOGALES", "NOUAKCHOTT", "NUEVOLAREDO", "OSAKAKOBE", "OSLO", "OTTAWA",
    "OUAGADOUGOU", "PANAMA", "PARAMARIBO", "PARIS", "PERTH", "PESHAWAR", "PHNOMPENH",
    "PODGORICA", "PONTADELGADA", "PORTAUPRINCE", "PORTLOUIS", "PORTMORESBY", "PORTOALEGRE",
    "PORTOFSPAIN", "PRAGUE", "PRAIA", "PRETORIA", "PRISTINA", "QUEBEC", "QUITO", "RABAT",
    "RANGOON", "RECIFE", "REYKJAVIK", "RIGA", "RIODEJANEIRO", "RIYADH", "ROME", "RPODUBAI",
    "SAIGON", "SANAA", "SANJOSE", "SANSALVADOR", "SANTIAGO", "SANTODOMINGO", "SAOPAULO", "SAPPORO",
    "SARAJEVO", "SECDEF", "SEOUL", "SHANGHAI", "SHENYANG", "SINGAPORE", "SKOPJE", "SOFIA", "STATE",
    "STOCKHOLM", "STPETERSBURG", "STRASBOURG", "SURABAYA", "SUVA", "SYDNEY", "TALLINN",
    "TASHKENT", "TBILISI", "TEGUCIGALPA", "TEHRAN", "TELAVIV", "THEHAGUE", "TIJUANA", "TIRANA",
    "TOKYO", "TORONTO", "TRIPOLI", "TUNIS", "ULAANBAATAR", "UNESCOPARISFR", "UNROME",
    "UNVIEVIENNA", "USAUADDISABABA", "USCBP", "USDAFAS", "USDOC", "USEUBRUSSELS", "USNATO",
    "USOSCE", "USTRGENEVA", "USUNNEWYORK", "USUNROME", "VALLETTA", "VANCOUVER", "VATICAN",
    "VIENNA", "VIENTIANE", "VILNIUS", "VLADIVOSTOK", "WARSAW", "WELLINGTON", "WINDHOEK",
    "YAOUNDE", "YEKATERINBURG", "YEREVAN", "ZAGREB",
};

}  // namespace

const std::vector<std::string_view>& KnownPostNames() {
  static const std::vector<std::string_view>* const kList = [] {
    auto* v = new std::vector<std::string_view>(std::begin(kPosts), std::end(kPosts));
    std::sort(v->begin(), v->end());
    return v;
  }();
  return *kList;
}

bool IsKnownPost(std::string_view canonical_post) {
  const auto& v = KnownPostNames();
  return std::binary_search(v.begin(), v.end(), canonical_post);
}

}  // namespace cablebase::model
