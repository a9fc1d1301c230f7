// The web UI's static files: the copy embedded in the binary, and safe reads from a folder.
#ifndef CABLEBASE_SERVER_STATIC_ASSETS_H_
#define CABLEBASE_SERVER_STATIC_ASSETS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "cablebase/status.h"

namespace cablebase::server {

// One file of web/ (or docs/openapi.json), embedded by src/server/embed_assets.py into
// web_assets_data.cc (generated in the build folder by CMake) so that the binary serves its UI
// from any working directory.
struct Asset {
  std::string_view path;          // relative to web/: "index.html", "app.js"; "openapi.json"
  std::string_view content_type;  // "text/html; charset=utf-8"
  std::string_view data;
};

// The embedded file at `path` (relative, no leading '/'), or nullptr. A lookup in a fixed table:
// no request path can reach anything else.
const Asset* FindEmbeddedAsset(std::string_view path);

// The content type for a file name by its extension; "application/octet-stream" when unknown.
std::string_view ContentTypeFor(std::string_view path);

// True when `path` is a relative path of plain names: no empty, "." or ".." component, no leading
// '/', no '\\', no NUL or control byte, at most 255 bytes. Everything else may escape a folder.
bool IsSafeRelativePath(std::string_view path);

// The bytes of `root`/`path` (development mode, `serve --web-root`). kNotFound when `path` is not
// safe (IsSafeRelativePath), does not exist, is not a regular file, or resolves (through symlinks)
// outside `root`; kIoError when it cannot be read.
Result<std::string> ReadAssetFile(const std::string& root, std::string_view path);

}  // namespace cablebase::server

#endif  // CABLEBASE_SERVER_STATIC_ASSETS_H_
