// JSON text of a value, in nlohmann's layout (json_dump.h).
#include "model/json_dump.h"

#include <cstdint>
#include <cstring>

namespace cablebase::model {
namespace {

using Json = nlohmann::ordered_json;

// Whether `s` is valid UTF-8 as nlohmann's decoder accepts it (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF).
bool IsValidUtf8ForJson(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // ASCII runs, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) return false;
      i += 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      if (i + 2 >= n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) return false;
      if (c == 0xE0 && p[i + 1] < 0xA0) return false;   // overlong
      if (c == 0xED && p[i + 1] > 0x9F) return false;   // surrogate
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      if (i + 3 >= n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80 ||
          (p[i + 3] & 0xC0) != 0x80) {
        return false;
      }
      if (c == 0xF0 && p[i + 1] < 0x90) return false;   // overlong
      if (c == 0xF4 && p[i + 1] > 0x8F) return false;   // above U+10FFFF
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

// Whether any of the 8 bytes of `w` is below 0x20, '"' or '\\' (the has-zero-byte trick).
bool NeedsEscape8(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  const uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  const uint64_t below = (w - kOnes * 0x20) & ~w;  // high bit set where a byte < 0x20
  const uint64_t q = (quote - kOnes) & ~quote, bs = (backslash - kOnes) & ~backslash;
  return ((below | q | bs) & kHighs) != 0;
}

void AppendEscaped(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size(); ++i) {
    // Runs of bytes that need no escape, 8 at a time.
    while (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (NeedsEscape8(w)) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default: {
        const char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out->append(u, 6);
      }
    }
  }
  out->append(s.data() + run, s.size() - run);
}

void AppendIndent(int indent, int level, std::string* out) {
  out->append(static_cast<size_t>(indent) * static_cast<size_t>(level), ' ');
}

void Dump(const Json& j, int indent, int level, std::string* out) {
  switch (j.type()) {
    case Json::value_t::object: {
      const auto& obj = j.get_ref<const Json::object_t&>();
      if (obj.empty()) {
        out->append("{}");
        return;
      }
      out->push_back('{');
      bool first = true;
      for (const auto& [key, value] : obj) {
        if (!first) out->push_back(',');
        first = false;
        if (indent >= 0) {
          out->push_back('\n');
          AppendIndent(indent, level + 1, out);
        }
        AppendJsonString(key, out);
        out->append(indent >= 0 ? ": " : ":");
        Dump(value, indent, level + 1, out);
      }
      if (indent >= 0) {
        out->push_back('\n');
        AppendIndent(indent, level, out);
      }
      out->push_back('}');
      return;
    }
    case Json::value_t::array: {
      const auto& arr = j.get_ref<const Json::array_t&>();
      if (arr.empty()) {
        out->append("[]");
        return;
      }
      out->push_back('[');
      bool first = true;
      for (const Json& value : arr) {
        if (!first) out->push_back(',');
        first = false;
        if (indent >= 0) {
          out->push_back('\n');
          AppendIndent(indent, level + 1, out);
        }
        Dump(value, indent, level + 1, out);
      }
      if (indent >= 0) {
        out->push_back('\n');
        AppendIndent(indent, level, out);
      }
      out->push_back(']');
      return;
    }
    case Json::value_t::string:
      AppendJsonString(j.get_ref<const std::string&>(), out);
      return;
    case Json::value_t::null:
      out->append("null");
      return;
    case Json::value_t::boolean:
      out->append(j.get<bool>() ? "true" : "false");
      return;
    case Json::value_t::number_integer:
      out->append(std::to_string(j.get<int64_t>()));
      return;
    case Json::value_t::number_unsigned:
      out->append(std::to_string(j.get<uint64_t>()));
      return;
    default:  // floating point, binary, discarded: nlohmann's own text
      out->append(j.dump(-1, ' ', false, Json::error_handler_t::replace));
      return;
  }
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  if (!IsValidUtf8ForJson(s)) {
    out->append(Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace));
    return;
  }
  out->push_back('"');
  AppendEscaped(s, out);
  out->push_back('"');
}

std::string DumpJson(const Json& value, int indent) {
  std::string out;
  out.reserve(4096);
  Dump(value, indent, 0, &out);
  return out;
}

}  // namespace cablebase::model
