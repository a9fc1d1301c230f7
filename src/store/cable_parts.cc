// Parts of one cable (see cable_parts.h).
#include "store/cable_parts.h"

#include "cablebase/parse.h"
#include "model/reference_id.h"
#include "store/version_record.h"

namespace cablebase::store {

CablePart PartOfRecord(const Cable& c) {
  // The classification line says which section the record opens with.
  if (c.section_count >= 1 && c.section_number >= 1 && c.section_number <= c.section_count) {
    return CablePart{c.section_number, c.section_count};
  }
  // A caption whose number exceeds its count (`SECTION 3 OF 2`, a typing slip) still names a later
  // section: it is that part, never part 1, so it cannot hide the real first section.
  if (c.section_count >= 1 && c.section_number > c.section_count) {
    return CablePart{c.section_number, c.section_number};
  }
  // Else the caption's debris in the published ID.
  model::PublishedSection s = model::SectionOfPublishedId(c.reference_id_published);
  if (s.number >= 1) return CablePart{s.number, s.count};
  return CablePart{};
}

const char* const kIsCurrentOfPartSql =
    "v.id = (SELECT w.id FROM cable_versions w WHERE w.reference_id = v.reference_id "
    "AND w.part = v.part ORDER BY w.released IS NOT NULL DESC, w.released DESC, w.version DESC "
    "LIMIT 1)";

Result<std::vector<StoredPart>> CurrentParts(Db& db, const std::string& reference_id) {
  Result<Statement> st =
      db.Prepare(std::string("SELECT v.id, v.part, v.part_count, ") + kVersionSourceColumns +
                 " FROM cable_versions v WHERE v.reference_id = ?1 AND " + kIsCurrentOfPartSql +
                 " ORDER BY v.part, v.id");
  if (!st.ok()) return st.status();
  st->BindText(1, reference_id);
  std::vector<StoredPart> out;
  for (;;) {
    Result<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    StoredPart p;
    p.version_id = st->ColumnInt(0);
    p.part.number = static_cast<int>(st->ColumnInt(1));
    p.part.count = static_cast<int>(st->ColumnInt(2));
    Result<Cable> cable = VersionRecord(
        *st, 3, "part " + std::to_string(p.part.number) + " of " + reference_id, db.path());
    if (!cable.ok()) return cable.status();
    p.cable = std::move(*cable);
    out.push_back(std::move(p));
  }
  return out;
}

namespace {

// The first line of `text` with at least 20 non-blank characters, trimmed; empty when none.
std::string_view FirstSubstantialLine(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (line.size() >= 20) return line.substr(0, 200);  // a bounded probe: the search stays linear
    pos = nl + 1;
  }
  return {};
}

}  // namespace

Result<Cable> JoinParts(const std::vector<StoredPart>& parts) {
  if (parts.empty()) return Status(StatusCode::kInvalidArgument, "no parts to join");
  if (parts.size() == 1) return parts[0].cable;
  const Cable& first = parts[0].cable;
  RawCable raw = SourceOfRecord(first);  // the first part's metadata, header and text
  for (size_t i = 1; i < parts.size(); ++i) {
    std::string_view text = parts[i].cable.text_raw;
    // A later part opens with its own classification line (`... SECTION 02 OF 02 ...`): the
    // joined cable has the first part's; Cablegate's joined records carry no later ones either.
    if (parts[i].cable.section_number > 0) {
      size_t nl = text.find('\n');
      text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    }
    // A part whose text the record already holds is not added again: Cablegate's page of a
    // sectioned cable says `SECTION 01 OF 02` and holds every section (09BERLIN978), so a section
    // 2 published on its own is already in it.
    if (std::string_view probe = FirstSubstantialLine(text);
        !probe.empty() && raw.text.find(probe) != std::string::npos) {
      continue;
    }
    if (!raw.text.empty() && raw.text.back() != '\n') raw.text.push_back('\n');
    raw.text.append(text.data(), text.size());
  }
  Result<Cable> joined = ParseCable(raw);
  if (!joined.ok()) return joined.status();
  joined->reference_id = first.reference_id;
  return joined;
}

Result<Cable> CurrentRecord(Db& db, const std::string& reference_id) {
  Result<Statement> st = db.Prepare(
      std::string("SELECT c.version_count, ") + kVersionSourceColumns +
      " FROM cables c JOIN cable_versions v ON v.id = c.version_id WHERE c.reference_id = ?1");
  if (!st.ok()) return st.status();
  st->BindText(1, reference_id);
  Result<bool> row = st->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status(StatusCode::kNotFound, "no cable " + reference_id + " in the archive");
  // One version is one part; more may be versions of one part or several parts.
  if (st->ColumnInt(0) > 1) {
    Result<std::vector<StoredPart>> parts = CurrentParts(db, reference_id);
    if (!parts.ok()) return parts.status();
    if (parts->size() > 1) return JoinParts(*parts);
  }
  return VersionRecord(*st, 1, "record of " + reference_id, db.path());
}

}  // namespace cablebase::store
