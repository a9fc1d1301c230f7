// HTML character reference decoding for plain text.
#include "read/html_entities.h"

#include <cstdint>
#include <utility>

#include "read/charset.h"

namespace cablebase::read {
namespace {

struct NamedEntity {
  std::string_view name;
  uint32_t code_point;
};

constexpr NamedEntity kNamed[] = {
    {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},     {"para", 0xB6},    {"sect", 0xA7},    {"middot", 0xB7},  {"ndash", 0x2013},
    {"mdash", 0x2014},  {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
    {"hellip", 0x2026}, {"bull", 0x2022},  {"deg", 0xB0},     {"copy", 0xA9},    {"reg", 0xAE},
    {"laquo", 0xAB},    {"raquo", 0xBB},   {"euro", 0x20AC},  {"pound", 0xA3},   {"acute", 0xB4},
    {"frac12", 0xBD},   {"frac14", 0xBC},  {"frac34", 0xBE},  {"aacute", 0xE1},  {"eacute", 0xE9},
    {"iacute", 0xED},   {"oacute", 0xF3},  {"uacute", 0xFA},  {"Aacute", 0xC1},  {"Eacute", 0xC9},
    {"Iacute", 0xCD},   {"Oacute", 0xD3},  {"Uacute", 0xDA},  {"agrave", 0xE0},  {"egrave", 0xE8},
    {"Agrave", 0xC0},   {"Egrave", 0xC8},  {"acirc", 0xE2},   {"ecirc", 0xEA},   {"ocirc", 0xF4},
    {"atilde", 0xE3},   {"otilde", 0xF5},  {"ntilde", 0xF1},  {"Ntilde", 0xD1},  {"auml", 0xE4},
    {"euml", 0xEB},     {"iuml", 0xEF},    {"ouml", 0xF6},    {"uuml", 0xFC},    {"Auml", 0xC4},
    {"Ouml", 0xD6},     {"Uuml", 0xDC},    {"ccedil", 0xE7},  {"Ccedil", 0xC7},  {"szlig", 0xDF},
};

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the reference starting at text[i] == '&'. Returns the number of bytes consumed (0 when
// it is not a well-formed, known reference) and appends the character to `out`.
size_t DecodeOne(std::string_view text, size_t i, std::string* out) {
  constexpr size_t kMaxReference = 12;  // "&#x0010FFFF;" / "&frac12;"
  const size_t semi = text.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > kMaxReference || semi == i + 1) return 0;
  const std::string_view body = text.substr(i + 1, semi - i - 1);
  if (body[0] == '#') {
    uint64_t cp = 0;
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (char c : digits) {
      const int v = hex ? HexValue(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
      if (v < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<uint64_t>(v);
      if (cp > 0x10FFFF) cp = 0x110000;  // saturate; becomes U+FFFD
    }
    AppendUtf8(static_cast<uint32_t>(cp), out);
    return semi - i + 1;
  }
  for (const NamedEntity& e : kNamed) {
    if (e.name == body) {
      AppendUtf8(e.code_point, out);
      return semi - i + 1;
    }
  }
  return 0;
}

}  // namespace

std::string DecodeHtmlEntities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out.append(text.substr(i, amp - i));
    const size_t used = DecodeOne(text, amp, &out);
    if (used == 0) {
      out.push_back('&');
      i = amp + 1;
    } else {
      i = amp + used;
    }
  }
  return out;
}

}  // namespace cablebase::read
