// The route table (docs/http_api.md lists the same routes) and its installation on httplib.
#ifdef CABLEBASE_HAVE_HTTPLIB
#include "server/routes.h"

#include <string>

namespace cablebase::server {

namespace {
// A reference ID or any other single path segment (the handler checks it).
#define SEG "([^/]+)"
}  // namespace

std::vector<Route> RouteTable(Api& api, const WebUi& ui) {
  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  auto A = [&api](void (Api::*m)(Req, Res)) {
    return [&api, m](Req req, Res res) { (api.*m)(req, res); };
  };
  auto U = [&ui](void (WebUi::*m)(Req, Res) const) {
    return [&ui, m](Req req, Res res) { (ui.*m)(req, res); };
  };
  return {
      {"GET", "/api/search", A(&Api::Search)},
      {"GET", "/api/facets", A(&Api::Facets)},
      {"GET", "/api/stats", A(&Api::Stats)},
      {"GET", "/api/export", A(&Api::Export)},
      {"GET", "/api/openapi.json", A(&Api::OpenApi)},
      {"GET", "/api/health", A(&Api::Health)},
      {"GET", "/api/glossary", A(&Api::Glossary)},
      {"GET", "/api/cables/" SEG, A(&Api::Cable)},
      {"GET", "/api/cables/" SEG "/versions", A(&Api::Versions)},
      {"GET", "/api/cables/" SEG "/audit", A(&Api::Audit)},
      {"GET", "/api/cables/" SEG "/versions/" SEG "/diff/" SEG, A(&Api::Diff)},
      {"GET", "/api/cables/" SEG "/refs", A(&Api::Refs)},
      // The UI: one page for every view, static files under /static/.
      {"GET", "/", U(&WebUi::Index)},
      {"GET", "/search", U(&WebUi::Index)},
      {"GET", "/browse(/[^/]*)?", U(&WebUi::Index)},
      {"GET", "/cable/" SEG "(/diff)?", U(&WebUi::Index)},
      {"GET", "/graph/" SEG, U(&WebUi::Index)},
      // Generated from the library's glossary, not a file of web/ (before the catch-all).
      {"GET", "/static/glossary_data.js", U(&WebUi::GlossaryData)},
      {"GET", "/static/(.+)", U(&WebUi::Static)},
  };
}

void InstallRoutes(httplib::Server& server, const std::vector<Route>& routes) {
  // Only GET is served; httplib answers HEAD from the GET handlers. Other methods are refused with
  // 405 before routing (server.cc's pre-routing handler).
  for (const Route& r : routes) server.Get(r.pattern, r.handler);
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const int http = res.status;
    // After an error httplib raised itself (unparsable request, URI too long) the stream is in an
    // unknown state: ask the client to close it (httplib itself waits for the keep-alive timeout).
    if (http != 404) res.set_header("Connection", "close");
    switch (http) {
      case 404:
        WriteError(res, Status(StatusCode::kNotFound, "no such path: " + req.path));
        break;
      case 413:
        WriteError(res, Status(StatusCode::kInvalidArgument, "request body too large"), 413,
                   "payload_too_large");
        break;
      case 414:
        WriteError(res, Status(StatusCode::kInvalidArgument, "request URI too long"), 414,
                   "uri_too_long");
        break;
      default:
        WriteError(res,
                   Status(http >= 500 ? StatusCode::kInternal : StatusCode::kInvalidArgument,
                          http >= 500 ? "server error" : "bad request"),
                   http);
    }
    return httplib::Server::HandlerResponse::Handled;
  }));
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        WriteError(res, Status(StatusCode::kInternal, "internal error"));
      });
}

}  // namespace cablebase::server

#endif  // CABLEBASE_HAVE_HTTPLIB
