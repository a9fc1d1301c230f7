// `cablebase show`: one cable from the archive, its header laid out and explained, or its versions.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cablebase/archive.h"
#include "cablebase/audit.h"
#include "cablebase/glossary.h"
#include "cablebase/json.h"
#include "cablebase/results_json.h"
#include "cli/archive_option.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/line_diff.h"
#include "model/tag_kind.h"
#include "model/text_util.h"

namespace cablebase::cli {

namespace {

// What follows "DECL:" on the E.O. line ("E.O. 12958: DECL: TEN YEARS AFTER KOREAN UNIFICATION" →
// "TEN YEARS AFTER KOREAN UNIFICATION"); empty when the line has no DECL part.
std::string DeclassifyText(std::string_view eo_line) {
  std::string upper = model::ToUpperAscii(eo_line);
  size_t at = upper.find("DECL");
  if (at == std::string::npos) return {};
  size_t colon = upper.find(':', at);
  size_t from = colon == std::string::npos ? at + 4 : colon + 1;
  if (colon == std::string::npos && upper.compare(at, 8, "DECLASSI") == 0) return {};
  return std::string(model::Trim(eo_line.substr(std::min(from, eo_line.size()))));
}

struct ShowFlags {
  std::string id;
  std::string db;
  bool json = false;
  bool text = false;
  bool versions = false;
};

constexpr int kLabelWidth = 16;
constexpr size_t kWrapWidth = 100;

void Out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

// "Label           value\n"; later lines of a multi-line value are indented under the value.
void Field(const std::string& label, const std::string& value) {
  if (value.empty()) return;
  std::string pad(kLabelWidth, ' ');
  std::string out = label + std::string(label.size() < kLabelWidth ? kLabelWidth - label.size() : 1,
                                        ' ');
  for (char c : value) {
    out.push_back(c);
    if (c == '\n') out += pad;
  }
  Out(out + "\n");
}

// Word-wraps `text` to kWrapWidth columns, each line prefixed with `indent`; keeps blank lines.
std::string Wrap(std::string_view text, const std::string& indent) {
  std::string out;
  for (std::string_view line : model::SplitLines(text)) {
    if (model::Trim(line).empty()) {
      out += "\n";
      continue;
    }
    std::string cur = indent;
    for (std::string_view w : model::SplitWhitespace(line)) {
      if (cur.size() > indent.size() && cur.size() + 1 + w.size() > kWrapWidth) {
        out += cur + "\n";
        cur = indent;
      }
      if (cur.size() > indent.size()) cur.push_back(' ');
      cur.append(w.data(), w.size());
    }
    out += cur + "\n";
  }
  return out;
}

std::string Explained(const std::string& word, const char* meaning) {
  return meaning ? word + " — " + meaning : word;
}

std::string AddresseeLine(const Addressee& a) {
  std::string s = a.name;
  if (!a.precedence.empty()) s += "  " + a.precedence;
  if (!a.sequence.empty()) s += "  #" + a.sequence;
  if (!a.route.empty()) s += "  via " + a.route;
  if (a.collective) s += "  (collective: every post in the group)";
  if (!a.excluded.empty()) s += "  except " + model::Join(a.excluded, ", ");
  return s;
}

std::string TagLine(const Tag& t) {
  TagKind kind = t.kind != TagKind::kUnknown ? t.kind : model::TagKindOf(t.value);
  std::string s = t.value;
  s += std::string(s.size() < 8 ? 8 - s.size() : 1, ' ');
  s += TagKindName(kind);
  const char* meaning = kind == TagKind::kPerson ? "a person" : TagMeaning(t.value, kind);
  if (meaning) s += std::string(": ") + meaning;
  return s;
}

// The archive forms' own fields (cable.h ArchiveFields: PlusD, AAD, FOIA, FRUS, cfpf-gt, PDFs).
void PrintArchiveFields(const Cable& c) {
  const ArchiveFields& a = c.archive;
  if (c.source.format != InputFormat::kAuto && static_cast<int>(c.source.format) >=
                                                   static_cast<int>(InputFormat::kPdf)) {
    Field("Form", InputFormatName(c.source.format));
  }
  std::string doc = a.document_number;
  if (!a.collection.empty() && doc.find(a.collection) == std::string::npos) {
    doc += (doc.empty() ? "" : "  ") + ("(" + a.collection + ")");
  }
  Field("Document", doc);
  if (!a.title.empty() && a.title != c.subject) Field("Title", a.title);
  if (!a.addressees.empty()) Field("Publisher's To", model::Join(a.addressees, "\n"));
  Field("Drafted by", a.drafter);
  Field("Cleared by", model::Join(a.clearers, "\n"));
  Field("Approved by", a.approver);
  Field("Action office", model::Join(a.action_offices, " "));
  Field("Info offices", model::Join(a.info_offices, " "));
  Field("Film number", a.film_number);
  Field("Concepts", model::Join(a.concepts, ", "));
  Field("Handling", a.handling_restrictions);
  Field("Message ref.", a.message_reference);
  Field("Publisher refs", model::Join(a.resolved_references, "\n"));
  Field("Source note", a.source_note);
  if (a.pages > 0) Field("Pages", std::to_string(a.pages));
  std::vector<std::string> entities;
  for (const Entity& e : a.entities) {
    if (e.name.empty()) continue;
    entities.push_back(e.name + (e.type.empty() ? "" : "  " + e.type));
  }
  Field("Entities", model::Join(entities, "\n"));
}

// The parts the versions hold (archive.h CableVersion), in part order, without repeats: one entry
// for a cable stored whole.
std::vector<const CableVersion*> CurrentPartsOf(const std::vector<CableVersion>& versions) {
  std::vector<const CableVersion*> parts;
  for (const CableVersion& v : versions) {
    if (v.current && (parts.empty() || parts.back()->part != v.part)) parts.push_back(&v);
  }
  return parts;
}

// "part 2 of 2".
std::string PartName(const CableVersion& v) {
  return "part " + std::to_string(v.part) + " of " + std::to_string(v.part_count);
}

void PrintLaidOut(const Cable& c, Archive& archive, const std::vector<CableVersion>& versions) {
  const int version_count = static_cast<int>(versions.size());
  const std::vector<const CableVersion*> parts = CurrentPartsOf(versions);
  std::string title = c.reference_id + (c.subject.empty() ? "" : "  " + c.subject);
  Out(title + "\n" + std::string(std::min(title.size(), kWrapWidth), '=') + "\n");
  if (!c.reference_id_published.empty()) Field("Published as", c.reference_id_published);
  std::string created = c.created;
  if (!c.dtg.empty()) created += (created.empty() ? "" : "  ") + ("(date-time group " + c.dtg + ")");
  Field("Created", created);
  Field("Released", c.released.empty() ? "" : c.released + "  (WikiLeaks release)");
  std::string from = c.originator;
  if (!c.origin.empty()) from += from.empty() ? c.origin : "  (" + c.origin + ")";
  Field("From", from);
  if (!c.precedence.empty()) {
    Field("Precedence", Explained(c.precedence, PrecedenceMeaning(c.precedence)));
  }
  std::vector<std::string> lines;
  for (const Addressee& a : c.to) lines.push_back(AddresseeLine(a));
  Field("To (action)", model::Join(lines, "\n"));
  lines.clear();
  for (const Addressee& a : c.info) lines.push_back(AddresseeLine(a));
  Field("Info", model::Join(lines, "\n"));

  std::string cls = c.classification.empty() ? c.metadata_classification : c.classification;
  if (!cls.empty()) {
    std::string v = Explained(cls, ClassificationMeaning(cls));
    if (!c.metadata_classification.empty() && c.metadata_classification != cls) {
      v += "\n(published as " + c.metadata_classification + ")";
    }
    Field("Classification", v);
  }
  lines.clear();
  std::vector<std::string> caveats = c.caveats;
  for (const std::string& m : c.metadata_caveats) {
    if (std::find(caveats.begin(), caveats.end(), m) == caveats.end()) caveats.push_back(m);
  }
  for (const std::string& cv : caveats) lines.push_back(Explained(cv, CaveatMeaning(cv)));
  Field("Caveats", model::Join(lines, "\n"));
  if (c.classified_by) {
    std::string by = c.classified_by->name;
    if (!c.classified_by->title.empty()) by += (by.empty() ? "" : ", ") + c.classified_by->title;
    if (by.empty()) by = c.classified_by->text;
    Field("Classified by", by);
    lines.clear();
    for (const std::string& r : c.classified_by->reasons) {
      lines.push_back(Explained(r, ReasonMeaning(r)));
    }
    Field("Reasons", model::Join(lines, "\n"));
  }
  std::string decl;
  if (!c.declassify_on.empty()) decl = c.declassify_on;
  // A declassification event or code written as text has no date ("DECL: TEN YEARS AFTER KOREAN
  // UNIFICATION", 09MOSCOW1108; "DECL: OADR"): show the text as written.
  if (decl.empty()) decl = DeclassifyText(c.eo_line);
  if (!c.executive_order.empty()) {
    decl += (decl.empty() ? "" : "  ") + ("(under E.O. " + c.executive_order + ")");
  }
  if (decl.empty() && !c.eo_line.empty()) decl = c.eo_line;
  // A line that reports a release that happened is not a date set for one: 72TEHRAN1164 "E.O.
  // 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006", 66BUENOSAIRES2481 "DECL: DECLASSIFIED BY NARA
  // 09/02/2009". Shown as written, under its own label.
  const size_t released = model::ToUpperAscii(c.eo_line).find("DECLASSIFIED");
  if (released != std::string::npos) {
    std::string when(model::Trim(std::string_view(c.eo_line).substr(released + 12)));
    if (!c.executive_order.empty()) {
      when += (when.empty() ? "" : "  ") + ("(E.O. " + c.executive_order + ")");
    }
    Field("Declassified", when.empty() ? "yes" : when);
  } else {
    Field("Declassify on", decl);
  }
  if (c.section_count > 0) {
    Field("Section", std::to_string(c.section_number) + " of " + std::to_string(c.section_count));
  }
  lines.clear();
  std::vector<Tag> tags = c.tag_details;
  if (tags.empty()) {
    for (const std::string& t : c.tags) tags.push_back(Tag{t, TagKind::kUnknown});
  }
  for (const Tag& t : tags) lines.push_back(TagLine(t));
  Field("TAGS", model::Join(lines, "\n"));

  if (!c.references.empty()) {
    std::map<std::string, bool> present;
    if (Result<RefGraph> g = archive.Refs(c.reference_id, RefDirection::kCites, 1); g.ok()) {
      for (const RefNode& n : g->nodes) present[n.reference_id] = n.in_archive;
    }
    lines.clear();
    for (const Reference& r : c.references) {
      std::string s = r.label.empty() ? "" : r.label + ". ";
      s += r.text;
      if (r.reference_id) {
        s += "  → " + *r.reference_id;
        s += present[*r.reference_id] ? "  (in the archive)" : "  (not in the archive)";
      } else if (r.kind == ReferenceKind::kCable) {
        s += "  (a cable; no reference ID could be made from the entry)";
      } else if (r.kind != ReferenceKind::kUnknown) {
        s += std::string("  (") + ReferenceKindName(r.kind) + ")";
      }
      lines.push_back(s);
    }
    Field("References", model::Join(lines, "\n"));
  }
  if (parts.size() > 1) {
    // Sections published as separate records: parts of this cable, shown joined in order.
    std::vector<std::string> lines;
    for (const CableVersion* p : parts) {
      const Cable& pc = p->cable;
      lines.push_back(PartName(*p) + "  published as " +
                      (pc.reference_id_published.empty() ? pc.reference_id
                                                         : pc.reference_id_published) +
                      "  " + pc.source.path +
                      (pc.source.line ? ":" + std::to_string(pc.source.line) : ""));
    }
    Field("Parts", std::to_string(parts.size()) +
                       " sections published as separate records, shown joined in order:\n" +
                       model::Join(lines, "\n"));
  }
  if (version_count > static_cast<int>(std::max<size_t>(parts.size(), 1))) {
    Field("Versions", std::to_string(version_count) + " stored; " +
                          (parts.size() > 1 ? "the current one of each part is shown"
                                            : "this is the current one") +
                          " (see --versions)");
  }
  if (!c.source.path.empty()) {
    Field("Source", c.source.path + (c.source.line ? ":" + std::to_string(c.source.line) : ""));
  }
  if (c.partial) Field("Note", "a partial extract of the original cable");
  PrintArchiveFields(c);
  // Where the record disagrees with its own text (cablebase/audit.h): the same detectors that
  // filled audit_findings at ingest, run on the record as this cablebase reads it.
  lines.clear();
  for (const Finding& f : AuditCable(c)) lines.push_back(f.message);
  if (!lines.empty()) {
    lines.push_back("(the record may be wrong here: `cablebase audit --help` explains each check)");
    Field("Audit", model::Join(lines, "\n"));
  }

  if (!c.summary.empty()) Out("\nSUMMARY\n" + Wrap(c.summary, "  "));
  Out("\n");
  std::vector<std::string> marks;
  if (!c.paragraphs.empty()) {
    for (const Paragraph& p : c.paragraphs) {
      std::string head = std::to_string(p.number) + ".";
      if (!p.portion_marking.empty()) {
        head += " (" + p.portion_marking + ")";
        if (std::find(marks.begin(), marks.end(), p.portion_marking) == marks.end()) {
          marks.push_back(p.portion_marking);
        }
      }
      // The number and mark open the first line when they fit; the text hangs under itself.
      std::string text = Wrap(p.text, std::string(10, ' '));
      if (head.size() < 10 && text.compare(0, 10, std::string(10, ' ')) == 0) {
        text.replace(0, head.size(), head);
      } else {
        text = head + "\n" + text;
      }
      Out(text + "\n");
    }
  } else if (!c.body.empty()) {
    Out(Wrap(c.body, "") + "\n");
  }
  if (!c.signers.empty()) Field("Signed", model::Join(c.signers, ", "));
  lines.clear();
  for (const std::string& m : marks) lines.push_back(Explained(m, PortionMarkMeaning(m)));
  Field("Portion marks", model::Join(lines, "\n"));
}

// The record fields a reader compares first between versions.
void PrintMetadataChanges(const Cable& a, const Cable& b) {
  auto cmp = [](const char* name, const std::string& x, const std::string& y) {
    if (x != y) {
      Out(std::string("  ") + name + ": " + (x.empty() ? "(none)" : x) + " → " +
          (y.empty() ? "(none)" : y) + "\n");
    }
  };
  cmp("created", a.created, b.created);
  cmp("released", a.released, b.released);
  cmp("classification", a.classification, b.classification);
  cmp("published classification", a.metadata_classification, b.metadata_classification);
  cmp("subject", a.subject, b.subject);
  cmp("TAGS", model::Join(a.tags, ", "), model::Join(b.tags, ", "));
}

std::string RawText(const Cable& c) {
  std::string s = c.header_raw;
  if (!s.empty() && !c.text_raw.empty()) s += "\n\n";
  return s + c.text_raw;
}

// `show --versions`: the versions of each part, oldest first, and a line diff between consecutive
// versions of the same part. Parts are listed as parts (sections published as separate records):
// never as one replacing another.
void PrintVersions(const std::vector<CableVersion>& versions) {
  const std::vector<const CableVersion*> parts = CurrentPartsOf(versions);
  const bool in_parts = parts.size() > 1;
  Out("Versions of " + versions.front().cable.reference_id + " (" +
      std::to_string(versions.size()) +
      (in_parts ? ", in " + std::to_string(parts.size()) +
                      " parts: sections published as separate records, each current"
                : std::string()) +
      "):\n");
  const std::string indent = in_parts ? "    " : "  ";
  for (size_t i = 0; i < versions.size(); ++i) {
    const CableVersion& v = versions[i];
    if (in_parts && (i == 0 || versions[i - 1].part != v.part)) {
      Out("  " + PartName(v) + " (published as " +
          (v.cable.reference_id_published.empty() ? v.cable.reference_id
                                                  : v.cable.reference_id_published) +
          ")\n");
    }
    const SourceInfo& src = v.cable.source;
    Out(indent + "v" + std::to_string(v.version) + (v.current ? " (current)" : "") +
        "  released " + (v.released.empty() ? "unknown" : v.released) + "  ingested " +
        v.ingested_at + "  sha256 " + v.content_hash.substr(0, 12) + "  " + src.path +
        (src.line ? ":" + std::to_string(src.line) : "") + "\n");
  }
  for (size_t i = 1; i < versions.size(); ++i) {
    const CableVersion& va = versions[i - 1];
    const CableVersion& vb = versions[i];
    if (va.part != vb.part) continue;  // parts are not versions of each other
    Out("\n--- " + (in_parts ? PartName(vb) + ": " : std::string()) + "v" +
        std::to_string(va.version) + " → v" + std::to_string(vb.version) + "\n");
    PrintMetadataChanges(va.cable, vb.cable);
    std::string diff = LineDiff(RawText(va.cable), RawText(vb.cable));
    Out(diff.empty() ? "  (same text, line by line)\n" : diff);
  }
}

void RunShow(const ShowFlags& flags) {
  if (flags.json && flags.text) {
    return Fail(Status(StatusCode::kInvalidArgument, "--json and --text exclude each other"));
  }
  // An empty or blank ID names no cable: a usage error (exit 2), not "not found" (issue 14).
  if (flags.id.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Fail(Status(StatusCode::kInvalidArgument,
                       "empty reference ID: name a cable, e.g. 06MOSCOW1637"));
  }
  std::unique_ptr<Archive> archive = OpenArchiveOrReport(flags.db, Archive::Mode::kReadOnly);
  if (!archive) return;
  Result<std::vector<CableVersion>> versions = archive->Versions(flags.id);
  if (!versions.ok()) {
    PrintError(versions.status());
    SetExitCode(versions.status().code() == StatusCode::kNotFound ? kExitNoneFound
                                                                  : ExitCodeFor(versions.status()));
    return;
  }
  if (flags.versions) {
    if (flags.json) {
      // The document of GET /api/cables/ID/versions?records=true.
      Out(VersionsToJson(*versions, /*with_records=*/true)
              .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) +
          "\n");
    } else {
      PrintVersions(*versions);
    }
    std::fflush(stdout);
    SetExitCode(kExitOk);
    return;
  }
  // The record: the current version, or the current version of every part joined (Archive::Get).
  Result<Cable> record = archive->Get(flags.id);
  if (!record.ok()) {
    PrintError(record.status());
    SetExitCode(ExitCodeFor(record.status()));
    return;
  }
  if (flags.json) {
    Out(CableToJson(*record, 2) + "\n");
  } else if (flags.text) {
    Out(RawText(*record) + "\n");
  } else {
    PrintLaidOut(*record, *archive, *versions);
  }
  std::fflush(stdout);
  SetExitCode(kExitOk);
}

}  // namespace

void RegisterShowCommand(CLI::App& app) {
  auto flags = std::make_shared<ShowFlags>();
  CLI::App* cmd = app.add_subcommand(
      "show",
      "Show one cable from the archive: its header laid out and explained (precedence, addressees,\n"
      "classification and caveats, declassification, TAGS with their meaning, references and\n"
      "whether the archive holds them), where the record disagrees with its own text (Audit), then\n"
      "the paragraphs with their portion marks.\n"
      "Exit status: 0 found, 1 not in the archive, 2 error.\n\n"
      "Examples:\n"
      "  cablebase show 06MOSCOW1637\n"
      "  cablebase show 06moscow1637 --json | jq .references\n"
      "  cablebase show 06MOSCOW1637 --text          (the telegram as read)\n"
      "  cablebase show 06MOSCOW1637 --versions      (every stored version and a line diff)");
  cmd->add_option("id", flags->id, "Reference ID, e.g. 06MOSCOW1637 (case and spaces ignored)")
      ->required();
  AddDbOption(cmd, &flags->db);
  cmd->add_flag("--json", flags->json,
                "The stored record as JSON (as `cablebase parse` and GET /api/cables/ID give it);\n"
                "with --versions, GET /api/cables/ID/versions?records=true: {reference_id,\n"
                "current,versions:[{version,current,content_hash,released,ingested_at,created,\n"
                "subject,source,record}]}");
  cmd->add_flag("--text", flags->text, "The telegram text as read (header and text blocks)");
  cmd->add_flag("--versions", flags->versions,
                "List the stored versions and show a line diff between consecutive ones");
  cmd->callback([flags] { RunShow(*flags); });
}

}  // namespace cablebase::cli
