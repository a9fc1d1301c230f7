// Fuzz target: the HTTP request handling of `cablebase serve` in process (no socket): the request
// target is split into path and query string, percent-decoded by cpp-httplib as the server does,
// matched against the route table (src/server/routes.h) and the handler is called, on a small
// archive (fuzz_archive.h).
//
// Input: line 1 is the request target ("/api/search?q=hamas&limit=3"); each further line
// "Name: value" is a header. Seeds: the requests of docs/http_api.md and the server tests
// (scripts/fuzz_seeds.sh); fuzz/http.dict holds paths and parameter names. The property: every
// request gets a status in 200-599 and, for /api/ paths, a JSON body; never a crash, a leak, UB or
// an exception out of a handler.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_archive.h"
#include "server/api.h"
#include "server/archive_service.h"
#include "server/routes.h"
#include "server/server.h"
#include "server/web_ui.h"

using namespace cablebase;
using namespace cablebase::server;

namespace {

struct Server {
  Limits limits;
  std::unique_ptr<CableService> service;
  std::unique_ptr<Api> api;
  std::unique_ptr<WebUi> ui;
  std::vector<Route> routes;
  std::vector<std::regex> patterns;
};

Server& TheServer() {
  static Server* s = [] {
    auto* srv = new Server;
    srv->limits.query_time_limit = std::chrono::milliseconds(2000);
    auto service = OpenArchiveService(fuzz::FuzzArchivePath(), srv->limits, 4);
    if (!service.ok()) std::abort();
    srv->service = std::move(*service);
    srv->api = std::make_unique<Api>(*srv->service, srv->limits);
    srv->ui = std::make_unique<WebUi>("");  // the embedded copy
    srv->routes = RouteTable(*srv->api, *srv->ui);
    for (const Route& r : srv->routes) srv->patterns.emplace_back(r.pattern);
    return srv;
  }();
  return *s;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)TheServer();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  Server& srv = TheServer();

  httplib::Request req;
  req.method = "GET";
  size_t eol = in.find('\n');
  std::string target(in.substr(0, eol));
  for (size_t pos = eol; pos != std::string_view::npos && pos < in.size();) {
    const size_t next = in.find('\n', pos + 1);
    const std::string_view line = in.substr(pos + 1, next == std::string_view::npos
                                                         ? std::string_view::npos
                                                         : next - pos - 1);
    if (const size_t colon = line.find(':'); colon != std::string_view::npos) {
      req.headers.emplace(std::string(line.substr(0, colon)), std::string(line.substr(colon + 1)));
    }
    pos = next;
  }
  // As httplib's Server::parse_request_line: path decoded without '+', the query string parsed
  // into params (each key and value decoded with '+' as space).
  req.target = target;
  const size_t q = target.find('?');
  req.path = httplib::detail::decode_url(target.substr(0, q), false);
  if (q != std::string::npos) httplib::detail::parse_query_text(target.substr(q + 1), req.params);

  httplib::Response res;
  bool routed = false;
  for (size_t i = 0; i < srv.routes.size() && !routed; ++i) {
    if (std::regex_match(req.path, req.matches, srv.patterns[i])) {
      routed = true;
      srv.routes[i].handler(req, res);
    }
  }
  if (!routed) return 0;  // httplib answers 404 itself (routes.cc's error handler)
  if (res.status == -1) res.status = 200;  // what httplib's routing does after a handler
  if (res.status < 200 || res.status > 599) {
    std::fprintf(stderr, "status %d for %s\n", res.status, target.c_str());
    std::abort();
  }
  if (req.path.rfind("/api/", 0) == 0 && req.path != "/api/export" && res.body.empty() &&
      !res.is_chunked_content_provider_) {
    std::fprintf(stderr, "empty body (status %d) for %s\n", res.status, target.c_str());
    std::abort();
  }
  if (res.content_provider_) {
    // Export streams: pull the whole answer as the server would.
    httplib::DataSink sink;
    std::string out;
    bool done = false;
    sink.write = [&](const char* d, size_t n) {
      out.append(d, n);
      return out.size() < (1u << 22);
    };
    sink.is_writable = [] { return true; };
    sink.done = [&] { done = true; };
    for (size_t offset = 0; !done && offset < (1u << 22);) {
      const size_t before = out.size();
      if (!res.content_provider_(offset, 0, sink)) break;
      offset += out.size() - before;
      if (out.size() == before && !done) break;
    }
  }
  return 0;
}
