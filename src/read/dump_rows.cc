// Dump rows inside a Cablegate page's <pre> block (see dump_rows.h).
#include "read/dump_rows.h"

#include "model/text_util.h"

namespace cablebase::read {
namespace {

size_t DigitRun(std::string_view s, size_t p) {
  size_t q = p;
  while (q < s.size() && model::IsDigit(s[q])) ++q;
  return q - p;
}

// Length of a dump date "M/D/YYYY H:MM" at `p`, 0 when there is none.
size_t DateLength(std::string_view s, size_t p) {
  size_t q = p, n;
  if ((n = DigitRun(s, q)) < 1 || n > 2) return 0;
  q += n;
  if (q >= s.size() || s[q++] != '/') return 0;
  if ((n = DigitRun(s, q)) < 1 || n > 2) return 0;
  q += n;
  if (q >= s.size() || s[q++] != '/') return 0;
  if (DigitRun(s, q) != 4) return 0;
  q += 4;
  if (q >= s.size() || s[q++] != ' ') return 0;
  if ((n = DigitRun(s, q)) < 1 || n > 2) return 0;
  q += n;
  if (q >= s.size() || s[q++] != ':') return 0;
  if (DigitRun(s, q) != 2) return 0;
  return q + 2 - p;
}

// "09KHARTOUM881", "06ASTANA": two digits, a letter, letters and digits only.
bool IsIdShaped(std::string_view w) {
  if (w.size() < 4 || !model::IsDigit(w[0]) || !model::IsDigit(w[1]) || !model::IsAlpha(w[2])) {
    return false;
  }
  for (char c : w) {
    if (!model::IsAlnum(c)) return false;
  }
  return true;
}

struct RowStart {
  bool ok = false;
  std::string id;
  char sep = 0;
  size_t date = 0;  // offset of the date column
};

// A row starting at `p` (a line start): [id sep] date sep reference-ID sep.
RowStart MatchRowStart(std::string_view s, size_t p, bool id_required) {
  RowStart r;
  size_t q = p;
  if (s.substr(q, 2) == "<<") {
    size_t n = DigitRun(s, q + 2);
    if (n == 0 || s.substr(q + 2 + n, 2) != ">>") return r;
    r.id = std::string(s.substr(q + 2, n));
    q += 4 + n;
  } else if (size_t n = DigitRun(s, q); n > 0 && q + n < s.size() &&
                                        (s[q + n] == '\t' || s[q + n] == '\n')) {
    r.id = std::string(s.substr(q, n));
    q += n;
  }
  if (!r.id.empty()) {
    if (q >= s.size() || (s[q] != '\t' && s[q] != '\n')) return r;
    r.sep = s[q++];
  } else if (id_required) {
    return r;
  }
  size_t dl = DateLength(s, q);
  if (dl == 0 || q + dl >= s.size()) return r;
  char after = s[q + dl];
  if (after != '\t' && after != '\n') return r;
  if (r.sep != 0 && after != r.sep) return r;
  r.sep = after;
  r.date = q;
  size_t id_begin = q + dl + 1;
  // An ID is short: the separator is looked for in the next 64 bytes only (linear over a block).
  std::string_view window = s.substr(id_begin, 64);
  size_t id_end = window.find(r.sep);
  if (id_end == std::string_view::npos) {
    if (id_begin + window.size() < s.size()) return r;
    id_end = window.size();
  }
  id_end += id_begin;
  if (!IsIdShaped(model::Trim(s.substr(id_begin, id_end - id_begin)))) return r;
  r.ok = true;
  return r;
}

std::vector<std::string> SplitReferences(std::string_view refs) {
  std::vector<std::string> out;
  size_t b = 0;
  for (size_t i = 0; i <= refs.size(); ++i) {
    if (i == refs.size() || refs[i] == ',' || refs[i] == '|') {
      std::string_view ref = model::Trim(refs.substr(b, i - b));
      if (!ref.empty()) out.emplace_back(ref);
      b = i + 1;
    }
  }
  return out;
}

// Empty, or reference IDs joined by '|' or ','.
bool IsReferenceList(std::string_view line) {
  for (const std::string& r : SplitReferences(line)) {
    if (!IsIdShaped(r)) return false;
  }
  return true;
}

std::string Str(std::string_view v) { return std::string(model::Trim(v)); }

// Tab-separated rows with backslash escapes.
std::vector<DumpRow> SplitTabRows(std::string_view s, RowStart start) {
  std::vector<DumpRow> rows;
  // Only blanks after this offset: found once, so the line-end test below is O(1) (linear scan).
  size_t last_text = s.size();
  while (last_text > 0 && model::IsSpace(s[last_text - 1])) --last_text;
  for (;;) {
    std::vector<std::string> fields(1);
    size_t i = start.date;
    size_t next = s.size();
    RowStart next_start;
    while (i < s.size()) {
      char c = s[i];
      if (c == '\\' && i + 1 < s.size()) {
        char e = s[i + 1];
        if (e == '\n' || e == 'n') fields.back().push_back('\n');
        else if (e == 't') fields.back().push_back('\t');
        else if (e == '\\' || e == '"' || e == '\'') fields.back().push_back(e);
        else if (e == '0') {
        } else {
          fields.back().push_back(c);
          fields.back().push_back(e);
        }
        i += 2;
        continue;
      }
      if (c == '\t' && fields.size() < 7) {
        fields.emplace_back();
        ++i;
        continue;
      }
      if (c == '\n') {
        // A bare line end ends the row when another row starts after it (or nothing follows).
        if (i + 1 >= last_text) {
          i = s.size();
          break;
        }
        next_start = MatchRowStart(s, i + 1, /*id_required=*/true);
        if (next_start.ok && next_start.sep == '\t') {
          next = i + 1;
          break;
        }
      }
      fields.back().push_back(c);
      ++i;
    }
    fields.resize(7);
    DumpRow row;
    row.id = start.id;
    row.created = Str(fields[0]);
    row.reference_id = Str(fields[1]);
    row.origin = Str(fields[2]);
    row.classification = Str(fields[3]);
    row.references = SplitReferences(fields[4]);
    row.header = std::move(fields[5]);
    row.text = std::move(fields[6]);
    rows.push_back(std::move(row));
    if (next >= s.size()) break;
    start = next_start;
  }
  return rows;
}

// One column per line.
std::vector<DumpRow> SplitLineRows(std::string_view s, RowStart start) {
  std::vector<DumpRow> rows;
  for (;;) {
    size_t pos = start.date;
    auto next_line = [&]() {
      size_t nl = s.find('\n', pos);
      if (nl == std::string_view::npos) nl = s.size();
      std::string_view line = s.substr(pos, nl - pos);
      pos = nl < s.size() ? nl + 1 : s.size();
      return line;
    };
    DumpRow row;
    row.id = start.id;
    row.created = Str(next_line());
    row.reference_id = Str(next_line());
    row.origin = Str(next_line());
    row.classification = Str(next_line());
    if (pos < s.size()) {
      size_t save = pos;
      std::string_view refs = next_line();
      if (IsReferenceList(refs)) {
        row.references = SplitReferences(refs);
      } else {
        pos = save;
      }
    }
    // The rest, up to the next line that starts a row with an id.
    size_t text_begin = pos, text_end = s.size();
    RowStart next_start;
    for (size_t p = pos; p < s.size();) {
      RowStart r = MatchRowStart(s, p, /*id_required=*/true);
      if (r.ok && r.sep == '\n') {
        text_end = p;
        next_start = r;
        break;
      }
      size_t nl = s.find('\n', p);
      if (nl == std::string_view::npos) break;
      p = nl + 1;
    }
    row.text = std::string(s.substr(text_begin, text_end - text_begin));
    rows.push_back(std::move(row));
    if (!next_start.ok) break;
    start = next_start;
  }
  return rows;
}

}  // namespace

std::vector<DumpRow> SplitDumpRows(std::string_view block) {
  // Leading blank lines and spaces before the row are not part of it.
  size_t p = 0;
  while (p < block.size() && model::IsSpace(block[p])) ++p;
  RowStart start = MatchRowStart(block, p, /*id_required=*/false);
  if (!start.ok) return {};
  return start.sep == '\t' ? SplitTabRows(block, start) : SplitLineRows(block, start);
}

}  // namespace cablebase::read
