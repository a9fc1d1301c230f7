// FRUS TEI → RawCables (frus_reader.h).
#include "read/frus_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <memory>
#include <string>
#include <vector>

#include "read/xml_nodes.h"
#include "model/reference_id.h"
#include "model/text_util.h"
#include "read/charset.h"

namespace cablebase::read {
namespace {

bool Is(const xmlNode* n, const char* name) {
  return n != nullptr && n->type == XML_ELEMENT_NODE && n->name != nullptr &&
         xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

// Text of `root` with <note> (footnotes, source notes) left out unless keep_notes.
std::string TextOf(const xmlNode* root, bool keep_notes = false) {
  std::string out;
  if (root->children == nullptr) return out;
  for (const xmlNode* n = root->children; n != nullptr;) {
    bool skip = false;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) out.append(reinterpret_cast<const char*>(n->content));
    } else if (Is(n, "note") && !keep_notes) {
      skip = true;
    }
    n = NextNode(n, root, skip);
  }
  return model::CollapseWhitespace(out);
}

// First descendant of `root` with this name (and attribute value when given).
const xmlNode* Find(const xmlNode* root, const char* name, const char* attr = nullptr,
                    const char* value = nullptr) {
  for (const xmlNode* n = root->children; n != nullptr;) {
    bool skip = false;
    if (Is(n, name) && (attr == nullptr || Attr(n, attr) == value)) return n;
    if (Is(n, "div") && n != root && Attr(n, "type") == "document") skip = true;
    n = NextNode(n, root, skip);
  }
  return nullptr;
}

// "Secret; Priority; Nodis." in the source note → "SECRET//NODIS".
std::string ClassificationOfNote(std::string_view note) {
  for (std::string_view sentence : model::Split(note, '.')) {
    std::vector<std::string_view> parts = model::Split(sentence, ';');
    if (parts.empty()) continue;
    std::string first = model::ToUpperAscii(model::CollapseWhitespace(parts[0]));
    if (first != "SECRET" && first != "TOP SECRET" && first != "CONFIDENTIAL" &&
        first != "UNCLASSIFIED" && first != "LIMITED OFFICIAL USE") {
      continue;
    }
    std::string out = first;
    for (size_t i = 1; i < parts.size(); ++i) {
      std::string p = model::ToUpperAscii(model::CollapseWhitespace(parts[i]));
      if (p.empty() || p == "PRIORITY" || p == "IMMEDIATE" || p == "FLASH" || p == "ROUTINE" ||
          p == "NIACT" || p == "OPERATIONAL IMMEDIATE" || p == "CRITIC" || p == "NIACT IMMEDIATE") {
        continue;
      }
      out += "//" + p;
    }
    return out;
  }
  return {};
}

// "816. Herewith ..." → "816"; "Secto 93. ..." → "SECTO 93"; "1. ..." → "" (paragraph 1).
std::string TelegramNumber(std::string_view p, bool* plain) {
  std::vector<std::string_view> w = model::SplitWhitespace(p.substr(0, 40));
  *plain = false;
  if (w.empty()) return {};
  std::string_view first = w[0];
  if (first.size() >= 2 && first.back() == '.' && model::IsAllDigits(first.substr(0, first.size() - 1))) {
    std::string n(first.substr(0, first.size() - 1));
    if (model::ParseSmallInt(n) <= 1 && n.size() < 3) return {};
    *plain = true;
    return n;
  }
  if (w.size() >= 2 && model::IsAlpha(first[0]) && first.size() <= 6 && w[1].size() >= 2 &&
      w[1].back() == '.' && model::IsAllDigits(w[1].substr(0, w[1].size() - 1))) {
    return model::ToUpperAscii(first) + " " + std::string(w[1].substr(0, w[1].size() - 1));
  }
  return {};
}

// A party as the head names it, without the head's own words: "From the Embassy in Thailand"
// (frus1969-76v20_d167) and "the Embassy in the Soviet Union" (frus1969-76v12_d72) → "Embassy in
// Thailand", "Embassy in the Soviet Union".
std::string PartyName(std::string_view name) {
  name = model::Trim(name);
  if (model::StartsWithIgnoreCase(name, "from ")) name = model::Trim(name.substr(5));
  if (model::StartsWithIgnoreCase(name, "the ")) name = model::Trim(name.substr(4));
  return std::string(name);
}

bool IsStatePost(std::string_view from) {
  for (std::string_view w : {"Embassy", "Consulate", "Department of State", "Mission", "Legation"}) {
    if (from.find(w) != std::string_view::npos) return true;
  }
  return false;
}

RawCable ReadDocument(const xmlNode* div, const std::string& volume, std::string_view path,
                      uint64_t bytes) {
  RawCable raw;
  raw.source.path = std::string(path);
  raw.source.format = InputFormat::kFrusTei;
  raw.source.line = div->line > 0 ? div->line : 1;
  raw.bytes = bytes;
  ArchiveFields& a = raw.archive;
  a.collection = volume;
  const std::string id = Attr(div, "id");
  a.document_number = volume.empty() ? id : volume + "/" + id;
  const xmlNode* head = Find(div, "head");
  a.title = head ? TextOf(head) : std::string();
  if (model::FindIgnoreCase(a.title, "telegram") == std::string::npos) {
    raw.skipped = "FRUS " + a.document_number + " is not a telegram: " + a.title.substr(0, 80);
    return raw;
  }
  if (head) {
    for (const xmlNode* n = head; n != nullptr; n = NextNode(n, head, Is(n, "note"))) {
      if (n->type != XML_ELEMENT_NODE || Is(n, "note")) continue;
      const std::string type = Attr(n, "type");
      // A person (persName type="from", "Ambassador in Vietnam (<persName>Lodge</persName>)",
      // frus1961-63v04_d238) is named with the office the head gives: the head's phrase below.
      if (Is(n, "persName")) continue;
      if (type == "from" && a.from.empty()) a.from = PartyName(TextOf(n));
      if (type == "to" && a.addressees.empty()) a.addressees.push_back(PartyName(TextOf(n)));
    }
    if (const xmlNode* note = Find(head, "note", "type", "source")) {
      a.source_note = TextOf(note, true);
      raw.classification = ClassificationOfNote(a.source_note);
    }
  }
  // "Telegram From the X to the Y" when the head has no typed names (or only persons).
  if (a.from.empty() || a.addressees.empty()) {
    size_t f = model::FindIgnoreCase(a.title, "From ");
    size_t t = model::FindIgnoreCase(a.title, " to ", f == std::string::npos ? 0 : f);
    if (f != std::string::npos && t != std::string::npos && t > f) {
      std::string from = PartyName(std::string_view(a.title).substr(f + 5, t - f - 5));
      if (a.from.empty()) a.from = from;
      if (a.addressees.empty()) a.addressees.push_back(PartyName(a.title.substr(t + 4)));
    }
  }
  std::string place;
  if (const xmlNode* dateline = Find(div, "dateline")) {
    if (const xmlNode* pn = Find(dateline, "placeName")) place = TextOf(pn);
    if (const xmlNode* d = Find(dateline, "date")) raw.date_time = Attr(d, "when");
  }
  if (raw.date_time.empty()) raw.date_time = Attr(div, "doc-dateTime-min");
  raw.created = raw.date_time;
  raw.origin = place;
  if (const xmlNode* signed_el = Find(div, "signed")) raw.signer = TextOf(signed_el);
  // Body: <p> and list items in document order, outside head, notes and closer.
  std::string text;
  for (const xmlNode* n = div->children; n != nullptr;) {
    bool skip = false;
    if (Is(n, "head") || Is(n, "note") || Is(n, "closer") || Is(n, "dateline") ||
        (Is(n, "div") && Attr(n, "type") == "document")) {
      skip = true;
    } else if (Is(n, "p") || Is(n, "item")) {
      std::string p = TextOf(n);
      if (Is(n, "item") && n->prev != nullptr) {
        const xmlNode* label = n->prev;
        while (label != nullptr && label->type != XML_ELEMENT_NODE) label = label->prev;
        if (Is(label, "label")) p = TextOf(label) + " " + p;
      }
      if (!p.empty()) {
        text += p;
        text += "\n\n";
      }
      skip = true;
    }
    n = NextNode(n, div, skip);
  }
  if (!raw.signer.empty()) text += model::ToUpperAscii(raw.signer) + "\n";
  bool plain = false;
  const std::string number = TelegramNumber(text, &plain);
  a.message_reference = number;
  if (plain && IsStatePost(a.from) && raw.date_time.size() >= 4) {
    std::string post = a.from.find("Department of State") != std::string::npos ? "STATE" : place;
    raw.reference_id = model::MakeReferenceId(model::ParseSmallInt(raw.date_time.substr(0, 4)),
                                              model::ToUpperAscii(post), number);
  }
  raw.title = a.title;
  raw.text = std::move(text);
  return raw;
}

}  // namespace

bool LooksLikeFrus(std::string_view head) {
  return model::FindBytes(head, "type=\"document\"") != std::string_view::npos &&
         (model::FindBytes(head, "tei-c.org") != std::string_view::npos ||
          model::FindBytes(head, "history.state.gov/frus") != std::string_view::npos);
}

Status ReadFrus(std::string_view bytes, std::string_view path, const RawCableSink& sink) {
  const std::string file(path);
  if (bytes.size() > static_cast<size_t>(INT_MAX) || FindNul(bytes) != std::string_view::npos) {
    sink(Status(StatusCode::kParseError, "NUL byte or over 2 GiB: not FRUS TEI", file));
    return Status::Ok();
  }
  xmlInitParser();
  // FRUS volumes and the documents cut from them are well-formed XML: a file that is not (cut short,
  // damaged) is refused with libxml2's line and reason, never read in recovery mode, which would
  // give a telegram missing its end that, ingested, replaces the whole one.
  xmlResetLastError();
  std::unique_ptr<xmlDoc, DocFree> doc(xmlReadMemory(
      bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
      XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET | XML_PARSE_HUGE));
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) {
    const xmlError* e = xmlGetLastError();
    std::string why = e && e->message ? std::string(model::Trim(e->message)) : "no element";
    sink(Status(StatusCode::kParseError,
                "not well-formed XML (truncated or damaged?): " + why + " (FRUS TEI expected)", file,
                e && e->line > 0 ? e->line : 1));
    return Status::Ok();
  }
  // The volume id: the TEI root's xml:id, else the file name before "_".
  std::string volume;
  if (Is(root, "TEI")) volume = Attr(root, "id");
  if (volume.empty()) {
    std::string_view name = path.substr(path.find_last_of('/') + 1);
    size_t us = name.find('_');
    if (us != std::string_view::npos && model::StartsWithIgnoreCase(name, "frus")) {
      volume = std::string(name.substr(0, us));
    }
  }
  int documents = 0;
  for (const xmlNode* n = root; n != nullptr;) {
    bool skip = false;
    if (Is(n, "div") && Attr(n, "type") == "document") {
      ++documents;
      if (!sink(ReadDocument(n, volume, path, bytes.size()))) return Status::Ok();
      skip = true;
    }
    n = NextNode(n, root, skip);
  }
  if (documents == 0) {
    sink(Status(StatusCode::kParseError, "FRUS TEI without a <div type=\"document\">", file, 1));
  }
  return Status::Ok();
}

}  // namespace cablebase::read
