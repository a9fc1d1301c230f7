// RunServer: opens the archive, installs the route table, security headers and limits, and serves.
#include "server/server.h"

#ifdef CABLEBASE_HAVE_HTTPLIB
#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <thread>

#include "server/api.h"
#include "server/archive_service.h"
#include "server/event_server.h"
#include "server/routes.h"
#include "server/web_ui.h"

namespace cablebase::server {

namespace {

using Clock = std::chrono::steady_clock;

bool IsLoopbackHost(std::string_view host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

// The host name of a Host header without its port ("127.0.0.1:8080" → "127.0.0.1",
// "[::1]:80" → "[::1]"), lower-cased.
std::string HostName(std::string host) {
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!host.empty() && host.front() == '[') {
    size_t close = host.find(']');
    return close == std::string::npos ? host : host.substr(0, close + 1);
  }
  size_t colon = host.find(':');
  return colon == std::string::npos ? host : host.substr(0, colon);
}

// Headers on every response. The CSP lets the page run only its own script and style and talk only
// to this server: even a cable string that reached the DOM as markup could not run or fetch.
httplib::Headers SecurityHeaders() {
  return {
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
  };
}

thread_local Clock::time_point t_request_start;

}  // namespace

Status RunServer(const ServerOptions& options) {
  if (options.port < 0 || options.port > 65535) {
    return Status(StatusCode::kInvalidArgument, "port must be from 0 to 65535");
  }
  // SIGINT/SIGTERM are blocked in every thread (so block them before any is created) and taken by
  // one thread that waits for them and stops the server: no work in a signal handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  const int threads = std::clamp(options.threads, 2, 256);
  // SQLite reads are CPU-bound: more connections than a few per core only queue. But a request
  // that runs to its time limit holds its connection: 4 per core (at least 4) keep the others
  // answered meanwhile.
  const int connections =
      std::clamp(static_cast<int>(std::thread::hardware_concurrency()) * 4, 4, threads);
  Result<std::unique_ptr<CableService>> service =
      OpenArchiveService(options.db_path, options.limits, connections);
  if (!service.ok()) return service.status().WithLocation(options.db_path);

  Api api(**service, options.limits);
  WebUi ui(options.web_root);
  // A waiting connection costs a descriptor, not a thread (event_server.h): allow many.
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
  EventServerOptions event_options;
  event_options.workers = threads;
  event_options.idle_timeout = std::chrono::seconds(5);
  event_options.header_timeout = std::chrono::seconds(10);
  event_options.write_timeout = std::chrono::seconds(30);
  event_options.max_connections =
      static_cast<int>(std::clamp<rlim_t>(files.rlim_cur > 64 ? files.rlim_cur - 64 : 16, 16, 100000));
  EventServer svr(event_options);
  if (!svr.started()) {
    return Status(StatusCode::kIoError,
                  std::string("cannot start the connection loop (epoll/eventfd): ") + std::strerror(errno));
  }
  svr.set_default_headers(SecurityHeaders());
  svr.set_payload_max_length(64 * 1024);  // only GET is served: no request needs a body
  svr.set_tcp_nodelay(true);

  // DNS rebinding: a page on another site that resolves its own name to 127.0.0.1 must not read the
  // archive. When bound to loopback, only loopback host names (or the one given) are answered.
  const bool loopback = IsLoopbackHost(options.host);
  const std::string bound_host = HostName(options.host);
  svr.set_pre_routing_handler([loopback, bound_host](const httplib::Request& req,
                                                     httplib::Response& res) {
    t_request_start = Clock::now();
    // Only GET (and HEAD) is served. Refused here, before httplib reads a body: a POST without
    // Content-Length (`curl -X POST`) would otherwise wait out the 10 s read timeout for one.
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      res.set_header("Connection", "close");  // an unread body must not be taken for a request
      WriteError(res, Status(StatusCode::kInvalidArgument, req.method + " is not allowed here"),
                 405, "method_not_allowed");
      return httplib::Server::HandlerResponse::Handled;
    }
    if (loopback) {
      const std::string host = HostName(req.get_header_value("Host"));
      if (!(IsLoopbackHost(host) || host == bound_host)) {
        WriteError(res, Status(StatusCode::kInvalidArgument, "unexpected Host header"), 403,
                   "forbidden_host");
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  if (options.access_log) {
    auto log = options.access_log;
    svr.set_logger([log](const httplib::Request& req, const httplib::Response& res) {
      const double ms =
          std::chrono::duration<double, std::milli>(Clock::now() - t_request_start).count();
      char line[64];
      std::snprintf(line, sizeof line, " %d %.1fms", res.status, ms);
      log(req.method + " " + req.target + line);
    });
  }

  const std::vector<Route> routes = RouteTable(api, ui);
  InstallRoutes(svr, routes);

  // cpp-httplib's default also sets SO_REUSEPORT, which lets a second `serve` share a port that is
  // in use; keep only SO_REUSEADDR so that case is the clear "cannot listen" error below.
  svr.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof(yes));
  });

  int port = options.port;
  if (port == 0) {
    port = svr.bind_to_any_port(options.host);
    if (port < 0) port = -1;
  } else if (!svr.bind_to_port(options.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    return Status(StatusCode::kIoError, "cannot listen on " + options.host + ":" +
                                            std::to_string(options.port) +
                                            " (in use, or not an address of this machine)");
  }

  svr.SetListenBacklog(4096);  // capped by net.core.somaxconn

  std::atomic<bool> signalled{false};
  std::thread signal_waiter([&svr, &signalled, stop_signals] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    signalled = true;
    svr.stop();
  });

  if (options.on_listening) {
    const bool v6 = options.host.find(':') != std::string::npos && options.host.front() != '[';
    const std::string shown = v6 ? "[" + options.host + "]" : options.host;
    options.on_listening("http://" + shown + ":" + std::to_string(port) + "/");
  }
  const bool served = svr.listen_after_bind();
  svr.Shutdown();  // the waiting connections and the workers
  // Wake the waiter if the server stopped on its own (the signal stays blocked: we are exiting).
  if (!signalled) pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  return served ? Status::Ok() : Status(StatusCode::kIoError, "the server stopped on an error");
}

}  // namespace cablebase::server

#else  // !CABLEBASE_HAVE_HTTPLIB

namespace cablebase::server {

// A build without cpp-httplib (CMake found no libcpp-httplib-dev) has no server.
Status RunServer(const ServerOptions&) {
  return Status(StatusCode::kInternal,
                "this cablebase was built without cpp-httplib: install libcpp-httplib-dev and "
                "rebuild to use `cablebase serve`");
}

}  // namespace cablebase::server

#endif  // CABLEBASE_HAVE_HTTPLIB

// The module's entry point (server.h); `cablebase serve` finds it with dlsym.
extern "C" __attribute__((visibility("default"))) void cablebase_run_server(
    const cablebase::server::ServerOptions* options, cablebase::Status* status) {
  *status = cablebase::server::RunServer(*options);
}
