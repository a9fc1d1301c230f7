// Small ASCII string helpers shared by every part of cablebase.
#include "model/text_util.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace cablebase::model {

std::string_view TrimLeft(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  return s.substr(i);
}

std::string_view TrimRight(std::string_view s) {
  size_t n = s.size();
  while (n > 0 && IsSpace(s[n - 1])) --n;
  return s.substr(0, n);
}

std::string_view Trim(std::string_view s) { return TrimRight(TrimLeft(s)); }

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

std::string CollapseSpaces(std::string_view s) { return CollapseWhitespace(s); }

std::string ToUpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToUpperChar(c);
  return out;
}

std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ToLowerChar(c);
  return out;
}

std::string ToUpper(std::string_view s) { return ToUpperAscii(s); }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (ToUpperChar(a[i]) != ToUpperChar(b[i])) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         EqualsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

size_t FindBytes(std::string_view haystack, std::string_view needle) {
  const size_t m = needle.size(), n = haystack.size();
  if (m == 0) return 0;
  if (m > n) return std::string_view::npos;
  if (m < 4) {
    const void* p = memmem(haystack.data(), n, needle.data(), m);
    return p == nullptr ? std::string_view::npos
                        : static_cast<size_t>(static_cast<const char*>(p) - haystack.data());
  }
  // Boyer-Moore-Horspool: the window moves by up to the needle's length per step, so the
  // sniffers' absent needles cost n/m steps, not n (worst case n*m for needles of one repeated
  // byte; the callers search short fixed needles).
  size_t shift[256];
  for (size_t& s : shift) s = m;
  for (size_t i = 0; i + 1 < m; ++i) shift[static_cast<unsigned char>(needle[i])] = m - 1 - i;
  const char last = needle[m - 1];
  for (size_t at = 0; at + m <= n;) {
    const char c = haystack[at + m - 1];
    if (c == last && std::memcmp(haystack.data() + at, needle.data(), m - 1) == 0) return at;
    at += shift[static_cast<unsigned char>(c)];
  }
  return std::string_view::npos;
}

size_t FindIgnoreCase(std::string_view haystack, std::string_view needle, size_t from) {
  if (needle.empty()) return from <= haystack.size() ? from : std::string_view::npos;
  if (haystack.size() < needle.size() || from > haystack.size() - needle.size()) {
    return std::string_view::npos;
  }
  const char first = needle[0];
  const std::string_view rest = needle.substr(1);
  const size_t last = haystack.size() - needle.size();
  // Candidates are frequent for a first letter like 'e' ("END"): test the second byte inline
  // before comparing the rest.
  const char second_up = rest.empty() ? 0 : ToUpperChar(rest[0]);
  auto matches_at = [&](size_t i) {
    if (!rest.empty() && ToUpperChar(haystack[i + 1]) != second_up) return false;
    return EqualsIgnoreCase(haystack.substr(i + 1, rest.size()), rest);
  };
  if (!IsAlpha(first)) {
    for (size_t i = from; i <= last;) {
      const void* p = std::memchr(haystack.data() + i, first, last + 1 - i);
      if (!p) break;
      i = static_cast<size_t>(static_cast<const char*>(p) - haystack.data());
      if (matches_at(i)) return i;
      ++i;
    }
    return std::string_view::npos;
  }
  // A letter: 8 bytes at a time, OR-ing 0x20 into every byte (which lower-cases ASCII letters)
  // and testing each for the lower-case first byte with the classic has-zero-byte trick; only
  // candidate words are checked byte by byte. Body scanners search whole cables for "END",
  // "partial", "COMMENT:" (issue 6 profile: 10% of parse time with a byte loop; ~4x less now).
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  const uint64_t pattern = kOnes * static_cast<unsigned char>(ToLowerChar(first));
  const char up = ToUpperChar(first), low = ToLowerChar(first);
  size_t i = from;
  for (; i + 8 <= last + 1; i += 8) {
    uint64_t word;
    std::memcpy(&word, haystack.data() + i, 8);
    const uint64_t x = (word | (kOnes * 0x20)) ^ pattern;
    if (((x - kOnes) & ~x & kHighs) == 0) continue;  // no byte equals the first letter
    for (size_t k = i; k < i + 8; ++k) {
      if ((haystack[k] == up || haystack[k] == low) && matches_at(k)) return k;
    }
  }
  for (; i <= last; ++i) {
    if ((haystack[i] == up || haystack[i] == low) && matches_at(i)) return i;
  }
  return std::string_view::npos;
}

std::vector<std::string_view> SplitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    size_t end = nl == std::string_view::npos ? s.size() : nl;
    std::string_view line = s.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      break;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
  return out;
}

std::vector<std::string_view> SplitWhitespace(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && !IsSpace(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::string Join(const std::vector<std::string>& pieces, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) out.append(sep);
    out.append(pieces[i]);
  }
  return out;
}

bool IsAllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

std::string StripLeadingZeros(std::string_view digits) {
  size_t i = 0;
  while (i + 1 < digits.size() && digits[i] == '0') ++i;
  return std::string(digits.substr(i));
}

int ParseSmallInt(std::string_view s) {
  if (s.empty() || s.size() > 9 || !IsAllDigits(s)) return -1;
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string ReplaceAll(std::string_view s, std::string_view from, std::string_view to) {
  if (from.empty()) return std::string(s);
  std::string out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(from, start);
    if (pos == std::string_view::npos) break;
    out.append(s.substr(start, pos - start));
    out.append(to);
    start = pos + from.size();
  }
  out.append(s.substr(start));
  return out;
}

std::string NormalizeSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      out.push_back(' ');
      ++i;
    } else if (c == '\t') {
      out.push_back(' ');
    } else if (c == '\n' || (c >= 0x20 && c != 0x7F)) {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

int EditDistance(std::string_view a, std::string_view b, bool transpositions, int cap) {
  const size_t n = a.size(), m = b.size();
  const size_t length_gap = n > m ? n - m : m - n;
  if (cap >= 0 && length_gap > static_cast<size_t>(cap)) return cap + 1;
  // One flat (n+1) x (m+1) table, row-major; on the stack for words (the title-word checks call
  // this for every token of a signature block: issue 12 profile).
  constexpr size_t kStackCells = 1024;
  int stack_cells[kStackCells];
  std::vector<int> heap_cells;
  int* d = stack_cells;
  if ((n + 1) * (m + 1) > kStackCells) {
    heap_cells.resize((n + 1) * (m + 1));
    d = heap_cells.data();
  }
  auto at = [&](size_t i, size_t j) -> int& { return d[i * (m + 1) + j]; };
  for (size_t i = 0; i <= n; ++i) at(i, 0) = static_cast<int>(i);
  for (size_t j = 0; j <= m; ++j) at(0, j) = static_cast<int>(j);
  int previous_row_min = 0;
  for (size_t i = 1; i <= n; ++i) {
    int row_min = at(i, 0);
    for (size_t j = 1; j <= m; ++j) {
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1,
                           at(i - 1, j - 1) + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
      }
      row_min = std::min(row_min, at(i, j));
    }
    // Every later cell adds to a cell of the last two rows: when both exceed the cap, so does
    // the distance.
    if (cap >= 0 && row_min > cap && previous_row_min > cap) return cap + 1;
    previous_row_min = row_min;
  }
  int result = at(n, m);
  return cap >= 0 && result > cap ? cap + 1 : result;
}

}  // namespace cablebase::model
