// The full-release CSV dump, streamed row by row with backslash escapes and resynchronisation.
#include "read/csv_reader.h"

#include <string>
#include <vector>

#include "model/text_util.h"
#include "read/charset.h"

namespace cablebase::read {
namespace {

constexpr size_t kColumns = 8;
constexpr size_t kMaxIdDigits = 18;

// Printable rendering of a byte for error messages.
std::string Describe(int c) {
  if (c < 0) return "end of file";
  if (c == '\n') return "end of line";
  if (c >= 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
  return "byte " + std::to_string(c);
}

std::string Decode(std::string_view field) { return NormalizeNewlines(ToUtf8(field)); }

class CsvDumpReader {
 public:
  CsvDumpReader(ByteStream* in, std::string_view path) : in_(in), path_(path) {}

  Status Run(const RawCableSink& sink) {
    std::vector<std::string> fields;
    bool resumed = false;  // Resync consumed '"<id>","' of the next row
    for (;;) {
      if (!resumed) {
        SkipBlankLines();
        if (in_->Peek() < 0) break;
        row_line_ = line_;
        row_offset_ = in_->offset();
        fields.clear();
      }
      std::string error;
      bool ok = ParseRow(&fields, resumed, &error);
      resumed = false;
      if (!in_->status().ok()) return in_->status().WithLocation(path_, line_);
      if (ok && fields.size() != kColumns) {
        error = "expected " + std::to_string(kColumns) + " columns, found " +
                std::to_string(fields.size());
        ok = false;
      }
      if (ok && (fields[0].empty() || fields[0].size() > kMaxIdDigits ||
                 !model::IsAllDigits(fields[0]))) {
        error =
            "expected the row id (digits) in column 1, found \"" + fields[0].substr(0, 40) + "\"";
        ok = false;
      }
      if (ok) {
        ++reported_;
        if (!sink(MakeCable(&fields))) return Status::Ok();
        continue;
      }
      ++reported_;
      if (!sink(Status(StatusCode::kParseError, "malformed CSV row: " + error, path_, row_line_))) {
        return Status::Ok();
      }
      resumed = Resync(&fields);
      if (!in_->status().ok()) return in_->status().WithLocation(path_, line_);
      if (gave_up_) {
        sink(Status(StatusCode::kParseError,
                    "no CSV row starts in the next " + std::to_string(kMaxCsvRowBytes >> 20) +
                        " MiB (not a CSV dump, or binary data): stopped reading",
                    path_, line_));
        return Status::Ok();
      }
      if (!resumed) break;
    }
    if (!in_->status().ok()) return in_->status().WithLocation(path_, line_);
    if (reported_ == 0) {
      sink(Status(StatusCode::kParseError, "empty input: no CSV rows", path_, 1));
    }
    return Status::Ok();
  }

 private:
  int Next() {
    const int c = in_->Get();
    if (c == '\n') ++line_;
    at_line_start_ = c == '\n';
    return c;
  }

  void SkipBlankLines() {
    for (;;) {
      const int c = in_->Peek();
      if (c != '\n' && c != '\r') return;
      Next();
    }
  }

  // Consumes a row end (LF, CRLF, CR or the end of file) if one is next.
  bool ConsumeRowEnd() {
    const int c = in_->Peek();
    if (c < 0) return true;
    if (c == '\n') {
      Next();
      return true;
    }
    if (c == '\r') {
      Next();
      if (in_->Peek() == '\n') Next();
      at_line_start_ = true;
      return true;
    }
    return false;
  }

  // Parses the fields of one row into `fields` (which holds the id when `resumed`). False with
  // `error` set when the row is malformed; the stream is then inside or at the end of the row.
  bool ParseRow(std::vector<std::string>* fields, bool resumed, std::string* error) {
    size_t row_bytes = 0;
    bool quote_consumed = resumed;
    for (;;) {
      const std::string column = "column " + std::to_string(fields->size() + 1);
      if (fields->size() == kColumns) {
        *error =
            "expected the end of the row after column " + std::to_string(kColumns) + ", found ','";
        return false;
      }
      std::string field;
      if (quote_consumed || in_->Peek() == '"') {
        if (!quote_consumed) Next();
        quote_consumed = false;
        for (;;) {
          int c = Next();
          if (c < 0) {
            *error = "end of file inside quoted " + column + " (expected a closing '\"')";
            return false;
          }
          if (c == '"') break;
          if (c == '\\') {
            const int d = Next();
            if (d < 0) {
              *error = "end of file after '\\' in " + column;
              return false;
            }
            // \" \\ \' are escapes; any other backslash is text.
            if (d != '"' && d != '\\' && d != '\'') field.push_back('\\');
            c = d;
          }
          field.push_back(static_cast<char>(c));
          if (++row_bytes > kMaxCsvRowBytes) {
            *error = "row longer than " + std::to_string(kMaxCsvRowBytes >> 20) + " MiB";
            return false;
          }
        }
        const int after = in_->Peek();
        if (after == ',') {
          Next();
          fields->push_back(std::move(field));
          continue;
        }
        if (ConsumeRowEnd()) {
          fields->push_back(std::move(field));
          return true;
        }
        *error = "expected ',' or the end of the line after the closing quote of " + column +
                 ", found " + Describe(after);
        return false;
      }
      // An unquoted field runs to the next ',' or line end.
      for (;;) {
        const int c = in_->Peek();
        if (c == ',') {
          Next();
          break;
        }
        if (c < 0 || c == '\n' || c == '\r') {
          ConsumeRowEnd();
          fields->push_back(std::move(field));
          return true;
        }
        if (c == '"') {
          *error = "unexpected '\"' inside unquoted " + column;
          return false;
        }
        field.push_back(static_cast<char>(Next()));
        if (++row_bytes > kMaxCsvRowBytes) {
          *error = "row longer than " + std::to_string(kMaxCsvRowBytes >> 20) + " MiB";
          return false;
        }
      }
      fields->push_back(std::move(field));
    }
  }

  // Skips to the next line that starts like a row ("<digits>","), consumes that prefix and leaves
  // the id in `fields`. False at the end of the input.
  // Gives up (gave_up_) when no row starts within kMaxCsvRowBytes: an endless or binary input
  // (`--format csv /dev/zero`) is refused, never read to its end.
  bool Resync(std::vector<std::string>* fields) {
    const uint64_t entry = in_->offset();
    for (;;) {
      if (!at_line_start_) {
        int c;
        do {
          c = Next();
          if ((in_->offset() - entry) > kMaxCsvRowBytes) {
            gave_up_ = true;
            return false;
          }
        } while (c >= 0 && c != '\n');
        if (c < 0) return false;
      }
      if ((in_->offset() - entry) > kMaxCsvRowBytes) {
        gave_up_ = true;
        return false;
      }
      const int64_t start_line = line_;
      const uint64_t start_offset = in_->offset();
      if (in_->Peek() < 0) return false;
      at_line_start_ = false;
      if (in_->Peek() != '"') continue;
      Next();
      std::string id;
      while (id.size() <= kMaxIdDigits && in_->Peek() >= 0 && model::IsDigit(in_->Peek())) {
        id.push_back(static_cast<char>(Next()));
      }
      if (id.empty() || in_->Peek() != '"') continue;
      Next();
      if (in_->Peek() != ',') continue;
      Next();
      if (in_->Peek() != '"') continue;
      Next();
      fields->clear();
      fields->push_back(std::move(id));
      row_line_ = start_line;
      row_offset_ = start_offset;
      return true;
    }
  }

  RawCable MakeCable(std::vector<std::string>* f) {
    RawCable raw;
    raw.source.path = path_;
    raw.source.format = InputFormat::kCsv;
    raw.source.line = row_line_;
    raw.source.csv_id = std::move((*f)[0]);
    raw.created = std::string(model::Trim(Decode((*f)[1])));
    raw.reference_id = std::string(model::Trim(Decode((*f)[2])));
    raw.origin = std::string(model::Trim(Decode((*f)[3])));
    raw.classification = std::string(model::Trim(Decode((*f)[4])));
    const std::string refs = Decode((*f)[5]);
    size_t b = 0;
    for (size_t i = 0; i <= refs.size(); ++i) {
      if (i == refs.size() || refs[i] == ',' || refs[i] == '|') {
        const std::string_view ref = model::Trim(std::string_view(refs).substr(b, i - b));
        if (!ref.empty()) raw.references.emplace_back(ref);
        b = i + 1;
      }
    }
    raw.header = Decode((*f)[6]);
    raw.text = Decode((*f)[7]);
    raw.bytes = in_->offset() - row_offset_;
    return raw;
  }

  ByteStream* in_;
  std::string path_;
  int64_t line_ = 1;
  bool at_line_start_ = true;
  bool gave_up_ = false;  // Resync found no row start within kMaxCsvRowBytes
  int64_t row_line_ = 1;
  uint64_t reported_ = 0;  // rows and errors passed to the sink
  uint64_t row_offset_ = 0;
};

}  // namespace

Status ReadCsvDump(ByteStream* in, std::string_view path, const RawCableSink& sink) {
  return CsvDumpReader(in, path).Run(sink);
}

}  // namespace cablebase::read
