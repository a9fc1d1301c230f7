// cablebase::ParseCable: a RawCable (metadata + header block + text block) → the Cable record.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "cablebase/parse.h"
#include "model/dates.h"
#include "model/reference_id.h"
#include "model/tag_kind.h"
#include "model/text_util.h"
#include "parse/body.h"
#include "parse/archive_lines.h"
#include "parse/body_lines.h"
#include "parse/message_header.h"
#include "parse/routing_header_only.h"
#include "parse/text_header.h"
#include "parse/transmission.h"

namespace cablebase {
namespace {

// No real routing header or text header is longer; the header functions never see more, so a
// pathological input (a 50 MB line) costs them nothing.
constexpr size_t kMaxHeaderBytes = 256 * 1024;
// Text searched for header fields when no header keyword marks where the body starts.
constexpr size_t kMaxUnmarkedHeaderBytes = 16 * 1024;

std::string_view Prefix(std::string_view s, size_t n) { return s.substr(0, std::min(n, s.size())); }

// The 4-digit year of an ISO date "2006-02-20T..."; 0 when absent.
int YearOfIso(std::string_view iso) {
  if (iso.size() < 4) return 0;
  int y = model::ParseSmallInt(iso.substr(0, 4));
  return y > 0 ? y : 0;
}

// The 4-digit year of a reference ID "06MOSCOW1637" (66-99 → 19xx, else 20xx); 0 when absent.
int YearOfReferenceId(std::string_view id) {
  if (id.size() < 2 || !model::IsDigit(id[0]) || !model::IsDigit(id[1])) return 0;
  int yy = (id[0] - '0') * 10 + (id[1] - '0');
  return yy >= 66 ? 1900 + yy : 2000 + yy;
}

// The lines of `region` with in-line debris removed (rendered links, pilcrows, page headers) but
// SIPDIS and classification lines kept, joined by '\n': what the header functions read. The seed
// (06MOSCOW1637) writes `TAGS: [PREL](#) [RS](#)` and `[1](#)B. MOSCOW`.
std::string HeaderText(std::string_view region) {
  std::string out;
  for (const parse::BodyLine& l : parse::CleanLines(region, /*drop_debris_lines=*/false)) {
    out.append(l.text);
    out.push_back('\n');
  }
  return out;
}

// "SECRET//NOFORN" → ["NOFORN"]; "UNCLASSIFIED//FOR OFFICIAL USE ONLY" → ["FOR OFFICIAL USE ONLY"].
std::vector<std::string> MetadataCaveats(std::string_view classification) {
  std::vector<std::string> out;
  size_t pos = classification.find("//");
  while (pos != std::string_view::npos) {
    size_t next = classification.find("//", pos + 2);
    std::string part = model::CollapseWhitespace(classification.substr(
        pos + 2, next == std::string_view::npos ? std::string_view::npos : next - pos - 2));
    if (!part.empty() && std::find(out.begin(), out.end(), part) == out.end()) {
      out.push_back(std::move(part));
    }
    pos = next;
  }
  return out;
}

// A DTG standing alone on a line of the header block: the partial extracts of Cablegate carry
// only "201247Z Jan 04" under WikiLeaks' note (04ANKARA348, 00HARARE6677, 05PARIS4760). Empty
// when no line of the first 40 is one.
std::string LoneDtg(std::string_view header) {
  size_t pos = 0;
  for (int n = 0; n < 40 && pos < header.size(); ++n) {
    size_t nl = header.find('\n', pos);
    std::string_view line = model::Trim(
        header.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    if (line.size() >= 13 && line.size() <= 20) {
      std::string dtg = model::NormalizeDtg(line);
      if (!dtg.empty() && !model::DtgToIso(dtg).empty()) return dtg;
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return {};
}

// True when a published ID carries the debris of a "SECTION nn OF nn" caption after its year: a
// run of 4+ letters at most two edits from SECTION followed by a digit ("09SECTION01OF03...",
// "08SCTION02OF02...", "08ECTION01OF02...", "09SQCTION02OF02...").
bool HasSectionDebris(std::string_view published) {
  std::string s;
  for (char ch : published) {
    if (model::IsAlnum(ch)) s.push_back(model::ToUpperChar(ch));
  }
  if (s.size() < 8 || !model::IsDigit(s[0]) || !model::IsDigit(s[1])) return false;
  size_t e = 2;
  while (e < s.size() && model::IsAlpha(s[e])) ++e;
  if (e - 2 < 4 || e >= s.size()) return false;
  return model::EditDistance(std::string_view(s).substr(2, e - 2), "SECTION", true, 2) <= 2;
}

bool IsEmpty(const parse::MessageHeader& m) {
  return m.dtg.empty() && m.originator.empty() && m.to.empty() && m.info.empty();
}

// The archive forms (cable.h: kPdf and after) carry 1970s printout lines (parse/archive_lines.h).
bool IsArchiveForm(InputFormat f) { return static_cast<int>(f) >= static_cast<int>(InputFormat::kPdf); }

void AppendUnique(std::vector<std::string>* to, const std::vector<std::string>& from) {
  for (const std::string& s : from) {
    if (std::find(to->begin(), to->end(), s) == to->end()) to->push_back(s);
  }
}

Result<Cable> ParseTelegram(const RawCable& raw, const parse::ArchiveLines* archive_lines);

// An archive form: its printout lines read and taken out of header and text, then the telegram
// parsed; the publisher's fields fill what the text lacks (FRUS gives originator, addressees and
// date from its markup; a FOIA release without a readable classification line is known by its
// Doc No.).
Result<Cable> ParseArchiveCable(const RawCable& raw) {
  if (!raw.skipped.empty()) {
    return Status(StatusCode::kParseError, "skipped, not a telegram: " + raw.skipped,
                  raw.source.path, raw.source.line);
  }
  RawCable copy = raw;
  parse::ArchiveLines header_lines = parse::ReadArchiveLines(raw.header);
  parse::ArchiveLines lines = parse::ReadArchiveLines(raw.text);
  copy.header = std::move(header_lines.text);
  copy.text = std::move(lines.text);
  // Header block first: the office lines of a PlusD page stand above the classification line.
  if (lines.page_post.empty()) {
    lines.page_post = header_lines.page_post;
    lines.page_serial = header_lines.page_serial;
  }
  if (lines.page_time.empty()) lines.page_time = header_lines.page_time;
  if (lines.distribution_dtg.empty()) lines.distribution_dtg = header_lines.distribution_dtg;
  auto first = [](std::string* a, const std::string& b) {
    if (a->empty()) *a = b;
  };
  first(&lines.drafter, header_lines.drafter);
  first(&lines.approver, header_lines.approver);
  first(&lines.message_reference, header_lines.message_reference);
  AppendUnique(&header_lines.clearers, lines.clearers);
  lines.clearers.swap(header_lines.clearers);
  AppendUnique(&header_lines.action_offices, lines.action_offices);
  lines.action_offices.swap(header_lines.action_offices);
  AppendUnique(&header_lines.info_offices, lines.info_offices);
  lines.info_offices.swap(header_lines.info_offices);

  // No DTG line (FOIA RAO/D COPY printouts, C06698243): the PAGE line's time "311734Z" with the
  // month and year of the distribution stamp "311829Z JUL 96", when the day is the stamp's. Known
  // before the telegram is parsed: its year dates the references (REF: STATE 150240 → 96STATE150240).
  std::string printout_dtg;
  if (lines.page_time.size() == 7 && lines.distribution_dtg.size() == 14 &&
      lines.page_time.substr(0, 2) == lines.distribution_dtg.substr(0, 2)) {
    std::string dtg = lines.page_time + lines.distribution_dtg.substr(7);
    if (std::string iso = model::DtgToIso(dtg); !iso.empty()) {
      printout_dtg = dtg;
      if (copy.created.empty()) copy.created = iso;
    }
  }
  Result<Cable> parsed = ParseTelegram(copy, &lines);
  if (!parsed.ok()) return parsed;
  Cable& c = *parsed;
  c.header_raw = raw.header;
  c.text_raw = raw.text;
  c.archive = raw.archive;
  ArchiveFields& a = c.archive;
  first(&a.drafter, lines.drafter);
  first(&a.approver, lines.approver);
  first(&a.message_reference, lines.message_reference);
  AppendUnique(&a.clearers, lines.clearers);
  AppendUnique(&a.action_offices, lines.action_offices);
  AppendUnique(&a.info_offices, lines.info_offices);
  if (c.originator.empty()) c.originator = a.from;
  if (c.to.empty()) {
    for (const std::string& name : a.addressees) c.to.push_back(Addressee{"", name});
  }
  if (c.created.empty() && !raw.date_time.empty()) c.created = model::PublishedDateToIso(raw.date_time);
  // Only a year is known (cfpf-gt: the document number's, 1974TELAV06773): the record says the year.
  // A stored version gives it back as `created` (store/version_record.h).
  const std::string& year = raw.date_time.empty() ? raw.created : raw.date_time;
  if (c.created.empty() && year.size() == 4 && model::IsAllDigits(year)) c.created = year;
  if (c.subject.empty()) c.subject = a.title;
  if (!raw.signer.empty() && c.signers.empty()) c.signers.push_back(raw.signer);
  if (c.dtg.empty()) c.dtg = printout_dtg;
  if (c.post.empty()) c.post = lines.page_post;
  if (c.serial.empty()) c.serial = lines.page_serial;
  return parsed;
}

Result<Cable> ParseTelegram(const RawCable& raw, const parse::ArchiveLines* archive_lines) {
  Cable c;
  c.source = raw.source;
  c.header_raw = raw.header;
  c.text_raw = raw.text;
  std::string_view text = raw.text;

  // Where the text header ends and the body starts.
  std::vector<parse::BodyLine> lines = parse::CleanLines(text);
  size_t body_line = parse::FindBodyStartLine(lines);
  std::string_view region;
  if (body_line == 0) {
    region = Prefix(text, kMaxUnmarkedHeaderBytes);
  } else {
    size_t offset = body_line < lines.size() ? lines[body_line].offset : text.size();
    region = Prefix(text.substr(0, offset), kMaxHeaderBytes);
  }
  std::string header_text = HeaderText(region);

  // Routing and message header: from the header block, else from the top of the text (rendered
  // text such as the seed has `O 201007Z FEB 06 / FM / TO / INFO` above the classification line).
  std::string_view header_block = Prefix(raw.header, kMaxHeaderBytes);
  if (!header_block.empty()) c.transmission = parse::ParseTransmissionHeader(header_block);
  if (!c.transmission) c.transmission = parse::ParseTransmissionHeader(header_text);
  parse::MessageHeader mh;
  if (!header_block.empty()) mh = parse::ParseMessageHeader(header_block);
  if (IsEmpty(mh)) mh = parse::ParseMessageHeader(header_text);
  c.precedence = std::move(mh.precedence);
  c.dtg = std::move(mh.dtg);
  if (c.dtg.empty()) c.dtg = LoneDtg(header_block);
  c.originator = std::move(mh.originator);
  c.to = std::move(mh.to);
  c.info = std::move(mh.info);

  // Classification line.
  auto cl = parse::ParseClassificationLine(header_text);
  if (cl) {
    c.classification = cl->classification;
    c.section_number = cl->section_number;
    c.section_count = cl->section_count;
    c.post = cl->post;
    c.serial = cl->serial;
  }

  // Dates.
  std::string dtg_iso = c.dtg.empty() ? std::string() : model::DtgToIso(c.dtg);
  // `created` is the DTG's instant when the text has one: it is the telegram's own time, while the
  // publishers' dates are a calendar day (alx: local midnight, 10MADRID49) or a time whose minutes
  // are the hour again on a 12-hour clock (2010 Cablegate pages: 04ANKARA348 "2004-01-20 12:12" for
  // DTG 201247Z JAN 04; 66BUENOSAIRES2481 "18:06" where the 2011 page and CSV row say 18:48).
  // Without a DTG the publisher's date stands (docs/cable_format.md §9).
  c.created = dtg_iso;
  if (c.created.empty() && !raw.created.empty()) c.created = model::PublishedDateToIso(raw.created);
  if (!raw.released.empty()) c.released = model::PublishedDateToIso(raw.released);

  // Identity: the published ID (canonicalised), else made from the classification line.
  std::string published(model::Trim(raw.reference_id));
  if (!published.empty()) {
    c.reference_id = model::CanonicalizeReferenceId(published);
    if (c.reference_id != published) c.reference_id_published = published;
  }
  // A published ID repaired of section debris is checked against the cable's own classification
  // line: when that names the same year and serial and a known post other than
  // the repaired one, the text's post is the cable's ("09SECTION01OF03BRUSSELS1234" whose line says
  // USEU BRUSSELS 001234 is 09USEUBRUSSELS1234; the debris cannot show which Brussels it was).
  if (HasSectionDebris(c.reference_id_published) && cl && !cl->post.empty() &&
      !cl->serial.empty()) {
    std::string from_text =
        model::MakeReferenceId(YearOfReferenceId(c.reference_id), cl->post, cl->serial);
    std::string post = model::CanonicalPostName(cl->post);
    std::string serial = model::StripLeadingZeros(cl->serial);
    const std::string& id = c.reference_id;
    bool same_serial = id.size() > serial.size() + 2 &&
                       id.compare(id.size() - serial.size(), serial.size(), serial) == 0 &&
                       !model::IsDigit(id[id.size() - serial.size() - 1]);
    if (!from_text.empty() && from_text != id && same_serial && model::IsKnownPost(post)) {
      c.reference_id = from_text;
    }
  }
  if (c.reference_id.empty() && cl && !cl->post.empty() && !cl->serial.empty()) {
    int year = YearOfIso(dtg_iso);
    if (year == 0) year = YearOfIso(c.created);
    if (year > 0) c.reference_id = model::MakeReferenceId(year, cl->post, cl->serial);
  }
  // Archive forms: the PAGE line's post and serial ("PAGE 01 ATHENS 03099 231541Z"), else the
  // publisher's document number (FOIA "C06698243", FRUS "frus1961-63v04/d237").
  if (c.reference_id.empty() && archive_lines != nullptr && !archive_lines->page_post.empty()) {
    int year = YearOfIso(dtg_iso);
    if (year == 0) year = YearOfIso(c.created);
    if (year == 0 && !raw.date_time.empty()) year = YearOfIso(model::PublishedDateToIso(raw.date_time));
    if (year > 0) {
      c.reference_id =
          model::MakeReferenceId(year, archive_lines->page_post, archive_lines->page_serial);
    }
  }
  if (c.reference_id.empty() && archive_lines != nullptr) {
    // Known by its document number (FOIA "C06698243", FRUS "FRUS1961-63V04/D256"), upper case
    // as reference IDs are (show and ref: look IDs up upper-cased).
    c.reference_id = model::ToUpperAscii(raw.archive.document_number);
  }
  if (c.reference_id.empty()) {
    return Status(StatusCode::kParseError,
                  "no reference ID: the cable has no published ID and no classification line "
                  "with post, serial and a date to make one",
                  raw.source.path, raw.source.line);
  }

  // Metadata.
  c.origin = raw.origin;
  c.metadata_classification = model::CollapseWhitespace(raw.classification);
  c.metadata_caveats = MetadataCaveats(c.metadata_classification);
  c.metadata_references = raw.references;
  c.metadata_title = model::CollapseWhitespace(raw.title);

  // Text header.
  c.caveats = parse::ParseCaveats(header_text);
  if (auto eo = parse::ParseExecutiveOrder(header_text)) {
    c.executive_order = std::move(eo->executive_order);
    c.declassify_on = std::move(eo->declassify_on);
    c.eo_line = std::move(eo->line);
  }
  c.tags = parse::ParseTags(header_text);
  for (const std::string& t : c.tags) c.tag_details.push_back(Tag{t, model::TagKindOf(t)});
  c.subject = parse::ParseSubject(header_text);
  // No SUBJECT line in the text: the publisher's title is the subject (alx line 2 of a
  // metadata-only file, 01STATE176819; the record appended to an 08TRIPOLI220 page).
  if (c.subject.empty()) c.subject = c.metadata_title;
  int year = YearOfIso(c.created);
  if (year == 0) year = YearOfReferenceId(c.reference_id);
  c.references = parse::ParseReferences(header_text, year, c.reference_id);
  // "REF: NONE" (06PARIS2242) says that there are none.
  if (c.references.size() == 1 && (c.references[0].text == "NONE" || c.references[0].text == "N/A")) {
    c.references.clear();
  }
  c.classified_by = parse::ParseClassifiedBy(header_text);
  if (!c.classified_by) {
    // From the top of the text through the first lines of the body (header lines are at most
    // 120, FindBodyStartLine).
    c.classified_by = parse::ParseLeadingClassifiedBy(
        Prefix(text, region.size() + 6000), body_line, body_line + 60);
  }

  // Body.
  // The lines are cleaned once and every body function reads them (before issue 6 each cleaned the
  // text again: 5 passes instead of 1, ~60% of parse time).
  size_t end = lines.size(), end_column = 0, block_end = lines.size();
  if (auto s = parse::FindSigner(lines, body_line)) {
    end = s->line;
    end_column = s->column;
    block_end = s->column > 0 ? s->line + 1 : s->line;
    c.signers.push_back(std::move(s->name));
  }
  c.paragraphs = parse::ParseParagraphLines(lines, body_line, end, end_column);
  c.summary = parse::ParseSummaryLines(lines, body_line, block_end);
  c.comment = parse::ParseCommentLines(lines, body_line, block_end);
  c.partial =
      parse::IsPartialExtract(Prefix(raw.header, kMaxHeaderBytes)) || parse::IsPartialExtract(text);
  c.body = parse::CleanBodyLines(lines, body_line);
  // Header-only: nothing follows the routing header, so it is header and the cable has no text
  // (parse/routing_header_only.h; 09KHARTOUM881's routing block without the text block). Before
  // issue 11 the header lines became the body.
  if (parse::IsRoutingHeaderOnly(text)) {
    if (model::Trim(raw.header).empty()) c.header_raw = raw.text;
    c.text_raw.clear();
    c.body.clear();
    c.paragraphs.clear();
    c.signers.clear();
    c.summary.clear();
    c.comment.clear();
  }
  return c;
}

}  // namespace

Result<Cable> ParseCable(const RawCable& raw) {
  if (IsArchiveForm(raw.source.format)) return ParseArchiveCable(raw);
  return ParseTelegram(raw, nullptr);
}

}  // namespace cablebase
