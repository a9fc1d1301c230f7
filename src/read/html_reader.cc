// Cablegate HTML pages → RawCable: the page's blocks (html_page_blocks.h), then the fields.
#include "read/html_reader.h"

#include <algorithm>
#include <climits>
#include <string>
#include <vector>

#include "read/html_page_blocks.h"
#include "model/text_util.h"
#include "read/charset.h"
#include "read/classification_line.h"
#include "read/dump_rows.h"

namespace cablebase::read {
namespace {

// Fills the metadata of `raw` from the cable table: <th> names matched to <td> cells by position.
void ReadMetadataTable(const PageBlocks& blocks, RawCable* raw) {
  std::vector<std::string> names, cells;
  names.reserve(blocks.names.size());
  cells.reserve(blocks.cells.size());
  for (const std::string& s : blocks.names) names.push_back(model::CollapseWhitespace(s));
  for (const std::string& s : blocks.cells) cells.push_back(model::CollapseWhitespace(s));
  // Both layouts print the columns in this order; used when a page has no <th> row.
  static const char* const kDefaultNames[] = {"Reference ID", "Created", "Released",
                                              "Classification", "Origin"};
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string name = i < names.size() ? names[i] : (i < 5 ? kDefaultNames[i] : "");
    if (model::EqualsIgnoreCase(name, "Reference ID")) {
      raw->reference_id = cells[i];
    } else if (model::EqualsIgnoreCase(name, "Created")) {
      raw->created = cells[i];
    } else if (model::EqualsIgnoreCase(name, "Released")) {
      raw->released = cells[i];
    } else if (model::EqualsIgnoreCase(name, "Classification")) {
      raw->classification = cells[i];
    } else if (model::EqualsIgnoreCase(name, "Origin")) {
      raw->origin = cells[i];
    }
  }
}

// The publisher's record that some pages append to the text inside the same <pre> (the early-2011
// "Cable Viewer" pages; heuer/cablemap 08TRIPOLI220):
//   "... End comment. STEVENS 0 03/13/2008 9871 PGOV,PREL,PHUM,PINR,LY DETAINED HUMAN RIGHTS
//    ACTIVIST FATHI EL-JAHMI "RELEASED" Reports by the Qadhafi Development Foundation ..."
// i.e. a number, the creation date M/D/YYYY, a number, the TAGS joined by commas, the subject in
// capitals, then the publisher's copy of the summary. It is recognised only with the page's own
// creation date (`created` "2008-03-13 15:03"), on the text's last line, with a TAGS list joined
// by commas and a subject after it, so that text that merely mentions a date is never cut (a
// record of another shape stays in the text). Removes it from `text` (the signer before it
// stays) and returns the subject; empty when there is none.
std::string TakeTrailingPublisherRecord(const std::string& created, std::string* text) {
  if (created.size() < 10 || created[4] != '-' || created[7] != '-') return {};
  const std::string y = created.substr(0, 4), m = created.substr(5, 2), d = created.substr(8, 2);
  auto unpad = [](const std::string& v) { return v[0] == '0' ? v.substr(1) : v; };
  for (const std::string& date : {m + "/" + d + "/" + y, unpad(m) + "/" + unpad(d) + "/" + y}) {
    const std::string needle = " " + date + " ";
    // The record ends the page: it is on the text's last line (a date in the body is not cut), so
    // only that line is searched.
    const size_t last_newline = text->rfind('\n');
    const size_t line_begin = last_newline == std::string::npos ? 0 : last_newline + 1;
    size_t at = std::string_view(*text).substr(line_begin).rfind(needle);
    if (at == std::string::npos) continue;
    at += line_begin;
    // " <number>" before the date.
    size_t num_end = at, num_begin = at;
    while (num_begin > 0 && model::IsDigit((*text)[num_begin - 1])) --num_begin;
    if (num_begin == num_end || num_begin == 0 || (*text)[num_begin - 1] != ' ') continue;
    // "<number> <TAGS,TAGS> " after it.
    std::vector<std::string_view> words =
        model::SplitWhitespace(std::string_view(*text).substr(at + needle.size()));
    if (words.size() < 3 || !model::IsAllDigits(words[0]) || words[1].find(',') == std::string_view::npos) {
      continue;
    }
    bool tags = words[1].front() != ',' && words[1].back() != ',';
    for (char c : words[1]) tags &= model::IsUpper(c) || model::IsDigit(c) || c == ',' || c == '-';
    if (!tags) continue;
    std::string subject;
    for (size_t i = 2; i < words.size(); ++i) {
      bool lower = false;
      for (char c : words[i]) lower |= model::IsLower(c);
      if (lower) break;
      if (!subject.empty()) subject.push_back(' ');
      subject.append(words[i]);
    }
    if (subject.empty()) continue;  // not the record's shape: leave the text whole
    text->resize(num_begin - 1);
    while (!text->empty() && model::IsSpace(text->back())) text->pop_back();
    return subject;
  }
  return {};
}

}  // namespace

namespace {

// Every cable of the page: one, or one per dump row its text block holds.
Result<std::vector<RawCable>> ReadPageCables(std::string_view bytes, std::string_view path) {
  const std::string file(path);
  if (model::Trim(bytes).empty()) {
    return Status(StatusCode::kParseError, "empty input: no Cablegate page", file, 1);
  }
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status(StatusCode::kParseError, "HTML page larger than 2 GiB", file);
  }
  // libxml2 ends the document at a NUL byte: the rest of the cable would be lost without a word.
  // Rejected like the text reader's binary data, naming the line.
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    const int64_t line = 1 + std::count(bytes.begin(), bytes.begin() + nul, '\n');
    return Status(StatusCode::kParseError,
                  "NUL byte in the page: damaged or binary data, not a Cablegate page", file, line);
  }
  std::string repaired;
  if (!IsValidUtf8(bytes)) {
    repaired = ToUtf8(bytes);
    bytes = repaired;
  }
  // The templates' markup is scanned in one pass; anything else (and a page the scanner finds
  // nothing in, for libxml2's verdict on it) goes through libxml2's DOM (html_page_blocks.h).
  PageBlocks blocks;
  if (!ScanPageBlocks(bytes, &blocks) || (!blocks.table_found && blocks.pres.empty())) {
    if (!DomPageBlocks(bytes, &blocks)) {
      return Status(StatusCode::kParseError, "not an HTML page (libxml2 found no element)", file,
                    1);
    }
  }

  RawCable raw;
  raw.source.path = file;
  raw.source.format = InputFormat::kCablegateHtml;
  raw.source.line = 1;
  raw.bytes = bytes.size();

  const bool table_found = blocks.table_found;
  if (table_found) ReadMetadataTable(blocks, &raw);
  std::vector<std::string>& pres = blocks.pres;
  if (pres.empty()) pres.swap(blocks.pres_before_table);
  if (!table_found && pres.empty()) {
    return Status(StatusCode::kParseError,
                  "expected a Cablegate page: no <table class='cable'> and no <pre> block", file,
                  1);
  }
  // Raw dump rows in the text block (FORMAT.md §1.6; 09KHARTOUM881, 09NAIROBI2497): each row is
  // a cable read like a CSV-dump row; the page's table fills what the first row does not say.
  if (!pres.empty()) {
    std::vector<DumpRow> rows =
        SplitDumpRows(NormalizeNewlines(pres.size() == 1 ? pres[0] : pres[1]));
    if (!rows.empty()) {
      const std::string page_header = pres.size() >= 2 ? NormalizeNewlines(pres[0]) : "";
      std::vector<RawCable> out;
      for (size_t i = 0; i < rows.size(); ++i) {
        DumpRow& row = rows[i];
        RawCable r;
        if (i == 0) {
          r = raw;  // the page's metadata is the first row's cable
        } else {
          r.source = raw.source;
          r.bytes = 0;
        }
        r.source.csv_id = row.id;
        if (r.reference_id.empty()) r.reference_id = row.reference_id;
        if (r.created.empty()) r.created = row.created;
        if (r.origin.empty()) r.origin = row.origin;
        if (r.classification.empty()) r.classification = row.classification;
        r.references = std::move(row.references);
        if (!row.header.empty()) {
          r.header = std::move(row.header);
          r.text = std::move(row.text);
        } else {
          // One column per line: header and text are not separated; the text is cut at its
          // classification line like a single <pre> (09KHARTOUM881: the routing header again, the
          // TAGS, SUBJECT and REF lines, then "C o n f i d e n t i a l section 01 of 02 ...").
          HeaderAndText split = SplitHeaderAndText(row.text);
          r.header = std::move(split.header);
          r.text = std::move(split.text);
          if (r.header.empty()) r.header = page_header;
        }
        r.header = NormalizeNewlines(r.header);
        r.text = NormalizeNewlines(r.text);
        out.push_back(std::move(r));
      }
      for (size_t i = 2; i < pres.size(); ++i) {
        out.back().text += "\n";
        out.back().text += NormalizeNewlines(pres[i]);
      }
      return out;
    }
  }
  if (pres.size() == 1) {
    HeaderAndText split = SplitHeaderAndText(pres[0]);
    raw.header = std::move(split.header);
    raw.text = std::move(split.text);
  } else if (pres.size() >= 2) {
    raw.header = std::move(pres[0]);
    raw.text = std::move(pres[1]);
    for (size_t i = 2; i < pres.size(); ++i) {
      raw.text += "\n";
      raw.text += pres[i];
    }
  }
  // Texts are normalised like every other input (a page saved on Windows may hold CRLF).
  raw.header = NormalizeNewlines(raw.header);
  raw.text = NormalizeNewlines(raw.text);
  raw.title = TakeTrailingPublisherRecord(raw.created, &raw.text);
  std::vector<RawCable> out;
  out.push_back(std::move(raw));
  return out;
}

}  // namespace

Result<RawCable> ReadCablegateHtml(std::string_view bytes, std::string_view path) {
  Result<std::vector<RawCable>> all = ReadPageCables(bytes, path);
  if (!all.ok()) return all.status();
  return std::move(all->front());
}

void ReadCablegatePage(std::string_view bytes, std::string_view path, const RawCableSink& sink) {
  Result<std::vector<RawCable>> all = ReadPageCables(bytes, path);
  if (!all.ok()) {
    sink(all.status());
    return;
  }
  for (RawCable& r : *all) {
    if (!sink(std::move(r))) return;
  }
}

}  // namespace cablebase::read
