// The one route table of the HTTP server: every path, its method and its handler.
#ifndef CABLEBASE_SERVER_ROUTES_H_
#define CABLEBASE_SERVER_ROUTES_H_

#include <httplib.h>

#include <vector>

#include "server/api.h"
#include "server/web_ui.h"

namespace cablebase::server {

struct Route {
  const char* method;   // "GET" (the only method the server answers; others get 405)
  const char* pattern;  // an ECMAScript regex over the whole path; groups are the parameters
  httplib::Server::Handler handler;
};

// The routes of docs/http_api.md (API) and of the UI, in matching order. `api` and `ui` must
// outlive the returned handlers.
std::vector<Route> RouteTable(Api& api, const WebUi& ui);

// Installs `routes` on `server` (GET; HEAD follows GET; every other method is refused with 405 by
// the pre-routing handler of server.cc, before any body is read), and turns any error response without a body (unknown path, httplib's own 400/414) into the
// JSON error body of error_mapping.h.
void InstallRoutes(httplib::Server& server, const std::vector<Route>& routes);

}  // namespace cablebase::server

#endif  // CABLEBASE_SERVER_ROUTES_H_
