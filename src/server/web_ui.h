// The browser UI's handlers: the single page (index.html) for every UI path, and static files.
#ifndef CABLEBASE_SERVER_WEB_UI_H_
#define CABLEBASE_SERVER_WEB_UI_H_

#include <httplib.h>

#include <string>

namespace cablebase::server {

// Serves web/ from the embedded copy, or from `web_root` when non-empty (`serve --web-root`, for
// editing the UI without rebuilding). Stateless after construction; shared by all threads.
class WebUi {
 public:
  explicit WebUi(std::string web_root) : web_root_(std::move(web_root)) {}

  // index.html: the UI routes in the browser's address bar (/, /search, /cable/ID, /browse...,
  // /graph/ID) all load the one page, whose script renders the view named by the path.
  void Index(const httplib::Request& req, httplib::Response& res) const;
  // /static/PATH → web/PATH; 404 for anything not a file of web/ (see IsSafeRelativePath).
  void Static(const httplib::Request& req, httplib::Response& res) const;
  // /static/glossary_data.js: the library's glossary as an ES module (glossary_document.h), built
  // from the C++ tables whether the UI comes from the embedded copy or from `web_root`.
  void GlossaryData(const httplib::Request& req, httplib::Response& res) const;

 private:
  void Serve(const std::string& path, httplib::Response& res) const;
  std::string web_root_;
};

}  // namespace cablebase::server

#endif  // CABLEBASE_SERVER_WEB_UI_H_
