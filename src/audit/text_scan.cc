// The audit's own small scans of the raw text (text_scan.h).
#include "audit/text_scan.h"

#include "model/text_util.h"

namespace cablebase::audit {

namespace {

// A text without a numbered paragraph 1 has its header in its first lines; 80 is more than any
// text header in ../shared/corpus (the longest REF blocks run ~30 lines).
constexpr size_t kHeaderCapLines = 80;

}  // namespace

std::string_view StripLead(std::string_view line) {
  line = model::TrimLeft(line);
  if (line.size() >= 2 && static_cast<unsigned char>(line[0]) == 0xC2 &&
      static_cast<unsigned char>(line[1]) == 0xB6) {
    line = model::TrimLeft(line.substr(2));
  }
  return line;
}

int ParagraphNumberOf(std::string_view line) {
  line = StripLead(line);
  size_t i = 0;
  while (i < line.size() && i < 4 && model::IsDigit(line[i])) ++i;
  if (i == 0 || i > 3 || i >= line.size() || line[i] != '.') return -1;
  if (i + 1 < line.size() && !model::IsSpace(line[i + 1]) && line[i + 1] != '(') return -1;
  return model::ParseSmallInt(line.substr(0, i));
}

bool IsPageDebris(std::string_view line) {
  std::string_view t = model::Trim(line);
  // Page debris is a short line; a longer one is text (and is not split into words here).
  if (t.empty() || t.size() > 120) return false;
  std::string sq = Squeeze(t);
  if (sq == "SIPDIS" || sq == "CONFIDENTIAL" || sq == "SECRET" || sq == "UNCLASSIFIED" ||
      sq == "UNCLAS" || sq == "TOPSECRET" || sq == "LIMITEDOFFICIALUSE" || sq == "SENSITIVE" ||
      sq == "NOFORN" || sq == "SECRETNOFORN" || sq == "CONFIDENTIALNOFORN") {
    return true;
  }
  // "MADRID 00000961 002 OF 002", "BAKU 00000478 001.2 OF 003", "KABUL 00001239 001.6 of 005":
  // a serial of 6+ digits, then "NNN[.N] OF NNN" (either case) at the end.
  std::vector<std::string_view> tok = model::SplitWhitespace(t);
  auto page_number = [](std::string_view w) {
    size_t dot = w.find('.');
    if (dot == std::string_view::npos) return model::IsAllDigits(w);
    return dot > 0 && model::IsAllDigits(w.substr(0, dot)) &&
           (dot + 1 == w.size() || model::IsAllDigits(w.substr(dot + 1)));
  };
  if (tok.size() >= 4 && model::EqualsIgnoreCase(tok[tok.size() - 2], "OF") &&
      model::IsAllDigits(tok.back()) && page_number(tok[tok.size() - 3])) {
    for (size_t k = 0; k + 3 < tok.size(); ++k) {
      if (model::IsAllDigits(tok[k]) && tok[k].size() >= 6) return true;
    }
  }
  return false;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (model::IsAlnum(c)) {
      cur.push_back(model::ToUpperChar(c));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string Squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (model::IsAlnum(c)) out.push_back(model::ToUpperChar(c));
  }
  return out;
}

bool StartsWithKeyword(std::string_view s, std::string_view keyword) {
  if (s.substr(0, keyword.size()) != keyword) return false;
  if (s.size() == keyword.size()) return true;
  char c = s[keyword.size()];
  return c == ':' || model::IsSpace(c);
}

std::string JoinLines(const std::vector<std::string_view>& lines, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    if (!out.empty()) out.push_back(' ');
    out.append(model::Trim(lines[i]));
  }
  return out;
}

AuditInput MakeAuditInput(std::string_view header, std::string_view text, const Cable& cable) {
  AuditInput in;
  in.header = header;
  in.text = text;
  in.cable = &cable;
  in.lines = model::SplitLines(text);
  in.header_end = std::min(in.lines.size(), kHeaderCapLines);
  for (size_t i = 0; i < in.lines.size(); ++i) {
    if (ParagraphNumberOf(in.lines[i]) == 1) {
      in.header_end = i;
      break;
    }
  }
  return in;
}

}  // namespace cablebase::audit
