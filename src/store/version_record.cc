// A stored version of a cable ↔ its record (see version_record.h).
#include "store/version_record.h"

#include <nlohmann/json.hpp>

#include "cablebase/json.h"
#include "cablebase/parse.h"

namespace cablebase::store {

const char* const kVersionSourceColumns =
    "v.published_id, v.created, v.released, v.published_classification, v.origin, "
    "v.published_references, v.header_raw, v.text_raw, v.source_path, v.source_format, "
    "v.source_line, v.source_csv_id, v.published_title, v.archive_json";

RawCable SourceOfRecord(const Cable& c) {
  RawCable raw;
  raw.source = c.source;
  raw.reference_id = c.reference_id_published.empty() ? c.reference_id : c.reference_id_published;
  raw.created = c.created;
  raw.released = c.released;
  raw.classification = c.metadata_classification;
  raw.origin = c.origin;
  raw.references = c.metadata_references;
  raw.header = c.header_raw;
  raw.text = c.text_raw;
  raw.title = c.metadata_title;
  raw.archive = c.archive;
  return raw;
}

std::string ArchiveJsonOf(const Cable& c) {
  Cable only;
  only.archive = c.archive;
  nlohmann::json j = nlohmann::json::parse(CableToJson(only), nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return {};
  auto it = j.find("archive");
  if (it == j.end() || !it->is_object()) return {};
  return it->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void BindVersionSource(Statement& st, int first, const Cable& c) {
  int i = first;
  st.BindText(i++, c.reference_id_published.empty() ? c.reference_id : c.reference_id_published);
  st.BindText(i++, c.created);
  st.BindText(i++, c.metadata_classification);
  st.BindText(i++, c.origin);
  if (c.metadata_references.empty()) {
    st.BindNull(i++);
  } else {
    st.BindText(i++, nlohmann::json(c.metadata_references)
                         .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  st.BindText(i++, c.header_raw);
  st.BindText(i++, c.text_raw, /*empty_as_null=*/false);
  st.BindText(i++, c.metadata_title);
  st.BindText(i++, ArchiveJsonOf(c));
}

Result<Cable> VersionRecord(const Statement& st, int first, const std::string& what,
                            const std::string& db_path) {
  RawCable raw;
  int i = first;
  raw.reference_id = st.ColumnText(i++);
  raw.created = st.ColumnText(i++);
  raw.released = st.ColumnText(i++);
  raw.classification = st.ColumnText(i++);
  raw.origin = st.ColumnText(i++);
  std::string refs = st.ColumnText(i++);
  if (!refs.empty()) {
    nlohmann::json j = nlohmann::json::parse(refs, nullptr, /*allow_exceptions=*/false);
    if (!j.is_array()) {
      return Status(StatusCode::kCorrupt, "stored " + what + " has unreadable references",
                    db_path);
    }
    for (const auto& r : j) {
      if (r.is_string()) raw.references.push_back(r.get<std::string>());
    }
  }
  raw.header = st.ColumnText(i++);
  raw.text = st.ColumnText(i++);
  raw.source.path = st.ColumnText(i++);
  std::string format = st.ColumnText(i++);
  for (int f = 1; f < kInputFormatCount; ++f) {
    if (format == InputFormatName(static_cast<InputFormat>(f))) raw.source.format = static_cast<InputFormat>(f);
  }
  raw.source.line = st.ColumnInt(i++);
  raw.source.csv_id = st.ColumnText(i++);
  raw.title = st.ColumnText(i++);
  if (std::string archive = st.ColumnText(i++); !archive.empty()) {
    Result<Cable> fields = CableFromJson("{\"archive\": " + archive + "}");
    if (!fields.ok()) {
      return Status(StatusCode::kCorrupt, "stored " + what + " has unreadable archive fields",
                    db_path);
    }
    raw.archive = std::move(fields->archive);
  }
  Result<Cable> cable = ParseCable(raw);
  if (!cable.ok()) {
    return Status(StatusCode::kCorrupt,
                  "stored " + what + " does not parse back: " + cable.status().message(), db_path);
  }
  return cable;
}

}  // namespace cablebase::store
