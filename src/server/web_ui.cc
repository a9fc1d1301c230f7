// The UI's page and static files, from the embedded copy of web/ or a folder.
#ifdef CABLEBASE_HAVE_HTTPLIB
#include "server/web_ui.h"

#include "server/api.h"
#include "server/glossary_document.h"
#include "server/static_assets.h"

namespace cablebase::server {

void WebUi::Index(const httplib::Request&, httplib::Response& res) const {
  Serve("index.html", res);
  // The page is tiny and changes with the binary: never serve a stale one.
  res.set_header("Cache-Control", "no-cache");
}

void WebUi::Static(const httplib::Request& req, httplib::Response& res) const {
  Serve(req.matches.size() > 1 ? std::string(req.matches[1]) : std::string(), res);
  res.set_header("Cache-Control", "no-cache");
}

void WebUi::GlossaryData(const httplib::Request&, httplib::Response& res) const {
  res.set_content(GlossaryModule(), std::string(ContentTypeFor("glossary_data.js")));
  res.set_header("Cache-Control", "no-cache");
}

void WebUi::Serve(const std::string& path, httplib::Response& res) const {
  const Status not_found(StatusCode::kNotFound, "no such file");
  // openapi.json is embedded beside the UI but served only at /api/openapi.json.
  if (!IsSafeRelativePath(path) || path == "openapi.json") return WriteError(res, not_found);
  if (web_root_.empty()) {
    const Asset* asset = FindEmbeddedAsset(path);
    if (!asset) return WriteError(res, not_found);
    res.set_content(asset->data.data(), asset->data.size(), std::string(asset->content_type));
    return;
  }
  Result<std::string> data = ReadAssetFile(web_root_, path);
  if (!data.ok()) return WriteError(res, data.status());
  res.set_content(*data, std::string(ContentTypeFor(path)));
}

}  // namespace cablebase::server

#endif  // CABLEBASE_HAVE_HTTPLIB
