// The `cablebase serve` HTTP server: options, limits, and the run loop (no HTTP types leak out).
#ifndef CABLEBASE_SERVER_SERVER_H_
#define CABLEBASE_SERVER_SERVER_H_

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "cablebase/status.h"

namespace cablebase::server {

// Bounds on what one request may ask for (docs/http_api.md, "Limits"). A request past a bound gets
// a 400 that names the bound, never a silently clipped answer.
struct Limits {
  size_t max_query_bytes = 1024;  // q= after URL decoding
  int max_page_size = 100;        // limit=
  int max_offset = 10000;         // offset=
  int max_graph_depth = 2;        // depth= of /refs
  int max_graph_nodes = 400;      // nodes returned by /refs (the answer says "truncated")
  std::chrono::milliseconds query_time_limit{3000};  // a search/facets/refs running longer: 503
  // Search, facet and graph answers kept per archive generation (archive_service.cc ResultCache);
  // 0 keeps none. Stats and the whole archive's facets are always kept.
  int result_cache_entries = 1024;
};

struct ServerOptions {
  std::string db_path = "cablebase.db";  // opened read-only
  std::string host = "127.0.0.1";        // loopback by default
  int port = 8080;                       // 0 picks a free port
  std::string web_root;  // serve the UI from this folder (development); empty = embedded copy
  int threads = 16;      // worker threads: requests answered at once (waiting connections hold
                         // none: they wait in one epoll loop, event_server.h)
  Limits limits;
  // Called once with "http://HOST:PORT/" when the socket is bound, before requests are served.
  std::function<void(const std::string& url)> on_listening;
  // When set, receives one access-log line per request ("GET /api/stats 200 1.2ms").
  std::function<void(std::string_view line)> access_log;
};

// Opens the archive read-only, binds, and serves until SIGINT or SIGTERM. Fails with kNotFound /
// kIoError / kCorrupt when the database cannot be opened, kIoError when the address cannot be bound,
// kInvalidArgument for bad options.
Status RunServer(const ServerOptions& options);

// The entry point of the server module (cablebase_server.so, loaded by `cablebase serve`):
// RunServer(*options), its status stored in *status.
using RunServerFn = void (*)(const ServerOptions* options, Status* status);
inline constexpr const char* kRunServerSymbol = "cablebase_run_server";
inline constexpr const char* kServerModuleFile = "cablebase_server.so";

}  // namespace cablebase::server

#endif  // CABLEBASE_SERVER_SERVER_H_
