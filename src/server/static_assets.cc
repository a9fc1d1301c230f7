// Embedded web assets lookup, content types, and path checks for serving files from a folder.
#include "server/static_assets.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cablebase::server {

namespace detail {
// Defined in web_assets_data.cc (generated).
extern const Asset kEmbeddedAssets[];
extern const size_t kEmbeddedAssetCount;
}  // namespace detail

const Asset* FindEmbeddedAsset(std::string_view path) {
  for (size_t i = 0; i < detail::kEmbeddedAssetCount; ++i) {
    if (detail::kEmbeddedAssets[i].path == path) return &detail::kEmbeddedAssets[i];
  }
  return nullptr;
}

std::string_view ContentTypeFor(std::string_view path) {
  struct Type {
    std::string_view ext, type;
  };
  static constexpr Type kTypes[] = {
      {".html", "text/html; charset=utf-8"},  {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},    {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},              {".png", "image/png"},
      {".ico", "image/x-icon"},               {".txt", "text/plain; charset=utf-8"},
  };
  for (const Type& t : kTypes) {
    if (path.size() >= t.ext.size() && path.substr(path.size() - t.ext.size()) == t.ext) {
      return t.type;
    }
  }
  return "application/octet-stream";
}

bool IsSafeRelativePath(std::string_view path) {
  if (path.empty() || path.size() > 255 || path.front() == '/') return false;
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') return false;
  }
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view part = path.substr(start, slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = slash + 1;
  }
  return true;
}

Result<std::string> ReadAssetFile(const std::string& root, std::string_view path) {
  namespace fs = std::filesystem;
  const Status not_found(StatusCode::kNotFound, "no such file");
  if (!IsSafeRelativePath(path)) return not_found;
  std::error_code ec;
  const fs::path base = fs::canonical(root, ec);
  if (ec) return Status(StatusCode::kIoError, "web root not readable");
  const fs::path full = fs::canonical(base / fs::path(std::string(path)), ec);
  if (ec) return not_found;
  // A symlink inside the folder may still point out of it: compare resolved paths.
  auto [b, f] = std::mismatch(base.begin(), base.end(), full.begin(), full.end());
  if (b != base.end() || !fs::is_regular_file(full, ec)) return not_found;
  std::ifstream in(full, std::ios::binary);
  if (!in) return Status(StatusCode::kIoError, "cannot read file");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace cablebase::server
