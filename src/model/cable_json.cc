// The cable record ↔ JSON (nlohmann::ordered_json keeps the field order of cable.h).
#include <nlohmann/json.hpp>
#include <type_traits>

#include "cablebase/json.h"
#include "model/cable_json.h"
#include "model/json_dump.h"

namespace cablebase {

namespace {

using Json = nlohmann::ordered_json;

// Empty strings are printed as null: "a field a cable lacks is null".
Json Str(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json StrList(const std::vector<std::string>& v) {
  Json a = Json::array();
  for (const auto& s : v) a.push_back(s);
  return a;
}

Json AddresseeJson(const Addressee& a) {
  return Json{{"route", Str(a.route)},           {"name", Str(a.name)},
              {"precedence", Str(a.precedence)}, {"sequence", Str(a.sequence)},
              {"collective", a.collective},      {"excluded", StrList(a.excluded)}};
}

Json AddresseeList(const std::vector<Addressee>& v) {
  Json a = Json::array();
  for (const auto& x : v) a.push_back(AddresseeJson(x));
  return a;
}

bool IsEmpty(const ArchiveFields& a) {
  return a.document_number.empty() && a.drafter.empty() && a.clearers.empty() &&
         a.approver.empty() && a.action_offices.empty() && a.info_offices.empty() &&
         a.film_number.empty() && a.concepts.empty() && a.handling_restrictions.empty() &&
         a.message_reference.empty() && a.resolved_references.empty() && a.entities.empty() &&
         a.source_note.empty() && a.collection.empty() && a.title.empty() &&
         a.addressees.empty() && a.from.empty() && a.pages == 0;
}

Json ArchiveJson(const ArchiveFields& a) {
  if (IsEmpty(a)) return nullptr;
  Json entities = Json::array();
  for (const Entity& e : a.entities) {
    entities.push_back(Json{{"number", e.number},
                            {"name", Str(e.name)},
                            {"type", Str(e.type)},
                            {"mentions", StrList(e.mentions)}});
  }
  return Json{{"document_number", Str(a.document_number)},
              {"collection", Str(a.collection)},
              {"title", Str(a.title)},
              {"from", Str(a.from)},
              {"addressees", StrList(a.addressees)},
              {"drafter", Str(a.drafter)},
              {"clearers", StrList(a.clearers)},
              {"approver", Str(a.approver)},
              {"action_offices", StrList(a.action_offices)},
              {"info_offices", StrList(a.info_offices)},
              {"film_number", Str(a.film_number)},
              {"concepts", StrList(a.concepts)},
              {"handling_restrictions", Str(a.handling_restrictions)},
              {"message_reference", Str(a.message_reference)},
              {"resolved_references", StrList(a.resolved_references)},
              {"source_note", Str(a.source_note)},
              {"pages", a.pages ? Json(a.pages) : Json(nullptr)},
              {"entities", entities}};
}

template <typename E>
bool EnumFromName(const std::string& name, E* out, const char* (*namer)(E), int count) {
  for (int i = 0; i < count; ++i) {
    if (name == namer(static_cast<E>(i))) {
      *out = static_cast<E>(i);
      return true;
    }
  }
  return false;
}

// A field of the wrong type, named for the user ("field 'serial': expected a string, got number").
// Thrown only inside this file and caught in CableFromJson: no exception leaves the library.
struct FieldError {
  std::string message;
};

[[noreturn]] void WrongType(const char* key, const char* expected, const Json& got) {
  throw FieldError{std::string("field '") + key + "': expected " + expected + ", got " +
                   got.type_name()};
}

// Reading helpers: absent or null → empty; a value of the wrong type → FieldError.
std::string GetStr(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (!it->is_string()) WrongType(key, "a string", *it);
  return it->get<std::string>();
}

std::vector<std::string> GetStrList(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (!it->is_array()) WrongType(key, "a list of strings", *it);
  std::vector<std::string> out;
  for (const Json& v : *it) {
    if (!v.is_string()) WrongType(key, "a list of strings", v);
    out.push_back(v.get<std::string>());
  }
  return out;
}

template <typename T>
T GetOr(const Json& j, const char* key, T fallback) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return fallback;
  if constexpr (std::is_same_v<T, bool>) {
    if (!it->is_boolean()) WrongType(key, "true or false", *it);
  } else {
    if (!it->is_number_integer()) WrongType(key, "a whole number", *it);
  }
  return it->get<T>();
}

// The list under `key` (empty when absent or null); each element must be an object.
const Json& GetObjectList(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return kEmpty;
  if (!it->is_array()) WrongType(key, "a list of objects", *it);
  for (const Json& v : *it) {
    if (!v.is_object()) WrongType(key, "a list of objects", v);
  }
  return *it;
}

std::vector<Addressee> GetAddressees(const Json& j, const char* key) {
  std::vector<Addressee> out;
  for (const Json& a : GetObjectList(j, key)) {
    Addressee x;
    x.route = GetStr(a, "route");
    x.name = GetStr(a, "name");
    x.precedence = GetStr(a, "precedence");
    x.sequence = GetStr(a, "sequence");
    x.collective = GetOr<bool>(a, "collective", false);
    x.excluded = GetStrList(a, "excluded");
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace

namespace model {

Json SourceJsonValue(const SourceInfo& source) {
  return Json{{"path", Str(source.path)},
              {"format", InputFormatName(source.format)},
              {"line", source.line},
              {"csv_id", Str(source.csv_id)}};
}

Json CableJsonValue(const Cable& c) {
  Json j;
  j["reference_id"] = Str(c.reference_id);
  j["reference_id_published"] = Str(c.reference_id_published);
  j["source"] = SourceJsonValue(c.source);
  j["created"] = Str(c.created);
  j["released"] = Str(c.released);
  j["origin"] = Str(c.origin);
  j["metadata_classification"] = Str(c.metadata_classification);
  j["metadata_references"] = StrList(c.metadata_references);
  j["metadata_title"] = Str(c.metadata_title);
  if (c.transmission) {
    const TransmissionHeader& t = *c.transmission;
    j["transmission"] = Json{{"transmission_id", Str(t.transmission_id)},
                             {"precedence_prosigns", StrList(t.precedence_prosigns)},
                             {"routing_indicators", StrList(t.routing_indicators)},
                             {"originating_station", Str(t.originating_station)},
                             {"station_serial", Str(t.station_serial)},
                             {"section", Str(t.section)},
                             {"julian_time", Str(t.julian_time)},
                             {"security", Str(t.security)}};
  } else {
    j["transmission"] = nullptr;
  }
  j["precedence"] = Str(c.precedence);
  j["dtg"] = Str(c.dtg);
  j["originator"] = Str(c.originator);
  j["to"] = AddresseeList(c.to);
  j["info"] = AddresseeList(c.info);
  j["classification"] = Str(c.classification);
  j["caveats"] = StrList(c.caveats);
  j["metadata_caveats"] = StrList(c.metadata_caveats);
  j["section_number"] = c.section_number ? Json(c.section_number) : Json(nullptr);
  j["section_count"] = c.section_count ? Json(c.section_count) : Json(nullptr);
  j["post"] = Str(c.post);
  j["serial"] = Str(c.serial);
  j["executive_order"] = Str(c.executive_order);
  j["declassify_on"] = Str(c.declassify_on);
  j["eo_line"] = Str(c.eo_line);
  j["tags"] = StrList(c.tags);
  Json td = Json::array();
  for (const Tag& t : c.tag_details) td.push_back(Json{{"value", t.value}, {"kind", TagKindName(t.kind)}});
  j["tag_details"] = td;
  j["subject"] = Str(c.subject);
  Json refs = Json::array();
  for (const Reference& r : c.references) {
    refs.push_back(Json{{"label", Str(r.label)},
                        {"text", Str(r.text)},
                        {"kind", ReferenceKindName(r.kind)},
                        {"reference_id", r.reference_id ? Json(*r.reference_id) : Json(nullptr)}});
  }
  j["references"] = refs;
  if (c.classified_by) {
    j["classified_by"] = Json{{"name", Str(c.classified_by->name)},
                              {"title", Str(c.classified_by->title)},
                              {"reasons", StrList(c.classified_by->reasons)},
                              {"text", Str(c.classified_by->text)}};
  } else {
    j["classified_by"] = nullptr;
  }
  Json paras = Json::array();
  for (const Paragraph& p : c.paragraphs) {
    paras.push_back(
        Json{{"number", p.number}, {"portion_marking", Str(p.portion_marking)}, {"text", p.text}});
  }
  j["paragraphs"] = paras;
  j["summary"] = Str(c.summary);
  j["comment"] = Str(c.comment);
  j["signers"] = StrList(c.signers);
  j["partial"] = c.partial;
  j["body"] = Str(c.body);
  j["header_raw"] = Str(c.header_raw);
  j["text_raw"] = Str(c.text_raw);
  // Archive forms only; null for the Cablegate forms (nothing of it is set).
  j["archive"] = ArchiveJson(c.archive);
  return j;
}

}  // namespace model

std::string CableToJson(const Cable& c, int indent) {
  return model::DumpJson(model::CableJsonValue(c), indent);
}

Result<Cable> CableFromJson(std::string_view text, std::string_view path) {
  Json j;
  try {
    j = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    // nlohmann reports a byte offset; turn it into line and column for the user.
    int64_t line = 1, col = 1;
    for (size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
      if (text[i] == '\n') { ++line; col = 1; } else { ++col; }
    }
    std::string why = e.what();
    if (size_t c = why.find("column"); c != std::string::npos) {
      if (size_t colon = why.find(": ", c); colon != std::string::npos) why = why.substr(colon + 2);
    }
    return Status(StatusCode::kInvalidArgument, "malformed JSON: " + why, std::string(path), line,
                  col);
  } catch (const Json::exception& e) {
    // Not a syntax error but still thrown by the parser: a number out of range ("1e999",
    // out_of_range.406). draft_fuzz found it ended `cablebase format` with std::terminate;
    // regression test ModelJson.NumberOutOfRangeIsAnInvalidArgumentNotAThrow.
    std::string why = e.what();
    if (size_t b = why.find("] "); b != std::string::npos) why = why.substr(b + 2);
    return Status(StatusCode::kInvalidArgument, "malformed JSON: " + why, std::string(path));
  }
  if (!j.is_object()) {
    return Status(StatusCode::kInvalidArgument, "expected a JSON object (one cable record)",
                  std::string(path), 1, 1);
  }
  Cable c;
  try {
    c.reference_id = GetStr(j, "reference_id");
    c.reference_id_published = GetStr(j, "reference_id_published");
    if (auto it = j.find("source"); it != j.end() && it->is_object()) {
      c.source.path = GetStr(*it, "path");
      EnumFromName(GetStr(*it, "format"), &c.source.format, InputFormatName, kInputFormatCount);
      c.source.line = GetOr<int64_t>(*it, "line", 0);
      c.source.csv_id = GetStr(*it, "csv_id");
    }
    c.created = GetStr(j, "created");
    c.released = GetStr(j, "released");
    c.origin = GetStr(j, "origin");
    c.metadata_classification = GetStr(j, "metadata_classification");
    c.metadata_references = GetStrList(j, "metadata_references");
    c.metadata_title = GetStr(j, "metadata_title");
    if (auto it = j.find("transmission"); it != j.end() && it->is_object()) {
      TransmissionHeader t;
      t.transmission_id = GetStr(*it, "transmission_id");
      t.precedence_prosigns = GetStrList(*it, "precedence_prosigns");
      t.routing_indicators = GetStrList(*it, "routing_indicators");
      t.originating_station = GetStr(*it, "originating_station");
      t.station_serial = GetStr(*it, "station_serial");
      t.section = GetStr(*it, "section");
      t.julian_time = GetStr(*it, "julian_time");
      t.security = GetStr(*it, "security");
      c.transmission = std::move(t);
    }
    c.precedence = GetStr(j, "precedence");
    c.dtg = GetStr(j, "dtg");
    c.originator = GetStr(j, "originator");
    c.to = GetAddressees(j, "to");
    c.info = GetAddressees(j, "info");
    c.classification = GetStr(j, "classification");
    c.caveats = GetStrList(j, "caveats");
    c.metadata_caveats = GetStrList(j, "metadata_caveats");
    c.section_number = GetOr<int>(j, "section_number", 0);
    c.section_count = GetOr<int>(j, "section_count", 0);
    c.post = GetStr(j, "post");
    c.serial = GetStr(j, "serial");
    c.executive_order = GetStr(j, "executive_order");
    c.declassify_on = GetStr(j, "declassify_on");
    c.eo_line = GetStr(j, "eo_line");
    c.tags = GetStrList(j, "tags");
    {
      for (const Json& t : GetObjectList(j, "tag_details")) {
        Tag tag;
        tag.value = GetStr(t, "value");
        EnumFromName(GetStr(t, "kind"), &tag.kind, TagKindName, 6);
        c.tag_details.push_back(std::move(tag));
      }
    }
    c.subject = GetStr(j, "subject");
    {
      for (const Json& r : GetObjectList(j, "references")) {
        Reference ref;
        ref.label = GetStr(r, "label");
        ref.text = GetStr(r, "text");
        EnumFromName(GetStr(r, "kind"), &ref.kind, ReferenceKindName, 10);
        std::string id = GetStr(r, "reference_id");
        if (!id.empty()) ref.reference_id = id;
        c.references.push_back(std::move(ref));
      }
    }
    if (auto it = j.find("classified_by"); it != j.end() && it->is_object()) {
      ClassifiedBy cb;
      cb.name = GetStr(*it, "name");
      cb.title = GetStr(*it, "title");
      cb.reasons = GetStrList(*it, "reasons");
      cb.text = GetStr(*it, "text");
      c.classified_by = std::move(cb);
    }
    {
      for (const Json& p : GetObjectList(j, "paragraphs")) {
        Paragraph para;
        para.number = GetOr<int>(p, "number", 0);
        para.portion_marking = GetStr(p, "portion_marking");
        para.text = GetStr(p, "text");
        c.paragraphs.push_back(std::move(para));
      }
    }
    c.summary = GetStr(j, "summary");
    c.comment = GetStr(j, "comment");
    c.signers = GetStrList(j, "signers");
    c.partial = GetOr<bool>(j, "partial", false);
    c.body = GetStr(j, "body");
    c.header_raw = GetStr(j, "header_raw");
    c.text_raw = GetStr(j, "text_raw");
    if (auto it = j.find("archive"); it != j.end() && it->is_object()) {
      ArchiveFields& a = c.archive;
      a.document_number = GetStr(*it, "document_number");
      a.collection = GetStr(*it, "collection");
      a.title = GetStr(*it, "title");
      a.from = GetStr(*it, "from");
      a.addressees = GetStrList(*it, "addressees");
      a.drafter = GetStr(*it, "drafter");
      a.clearers = GetStrList(*it, "clearers");
      a.approver = GetStr(*it, "approver");
      a.action_offices = GetStrList(*it, "action_offices");
      a.info_offices = GetStrList(*it, "info_offices");
      a.film_number = GetStr(*it, "film_number");
      a.concepts = GetStrList(*it, "concepts");
      a.handling_restrictions = GetStr(*it, "handling_restrictions");
      a.message_reference = GetStr(*it, "message_reference");
      a.resolved_references = GetStrList(*it, "resolved_references");
      a.source_note = GetStr(*it, "source_note");
      a.pages = GetOr<int>(*it, "pages", 0);
      for (const Json& e : GetObjectList(*it, "entities")) {
        Entity en;
        en.number = GetOr<int>(e, "number", 0);
        en.name = GetStr(e, "name");
        en.type = GetStr(e, "type");
        en.mentions = GetStrList(e, "mentions");
        a.entities.push_back(std::move(en));
      }
    }
  } catch (const FieldError& e) {
    return Status(StatusCode::kInvalidArgument, e.message, std::string(path));
  } catch (const Json::exception& e) {
    return Status(StatusCode::kInvalidArgument, std::string("a field has the wrong type: ") + e.what(),
                  std::string(path));
  }
  return c;
}

}  // namespace cablebase
