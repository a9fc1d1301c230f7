// `cablebase serve`: the JSON API and the browser UI over an archive (src/server/).
#include <dlfcn.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "server/server.h"

namespace cablebase::cli {

namespace {

struct ServeOptions {
  server::ServerOptions server;
  int time_limit_ms = 3000;
  bool access_log = false;
};

// RunServer from the server module next to this executable (CMakeLists.txt says why it is a
// module). kNotFound when the module is missing, kInternal when it is not ours.
Status RunServerModule(const server::ServerOptions& options) {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  std::filesystem::path module = (ec ? std::filesystem::path(".") : exe.parent_path()) /
                                 server::kServerModuleFile;
  void* handle = ::dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = ::dlerror();
    return Status(StatusCode::kNotFound,
                  std::string("cannot load the server module (build the cablebase_server target): ") +
                      (why ? why : ""),
                  module.string());
  }
  auto run = reinterpret_cast<server::RunServerFn>(::dlsym(handle, server::kRunServerSymbol));
  if (run == nullptr) {
    return Status(StatusCode::kInternal, "not a cablebase server module", module.string());
  }
  Status s;
  run(&options, &s);
  // The module stays loaded: the status's text and the callbacks' code may live in it.
  return s;
}

void RunServe(ServeOptions& opt) {
  opt.server.limits.query_time_limit = std::chrono::milliseconds(opt.time_limit_ms);
  opt.server.on_listening = [](const std::string& url) {
    std::printf("cablebase: serving on %s  (Ctrl-C stops)\n", url.c_str());
    std::fflush(stdout);
  };
  if (opt.access_log) {
    opt.server.access_log = [](std::string_view line) {
      std::fprintf(stderr, "%.*s\n", static_cast<int>(line.size()), line.data());
    };
  }
  Status s = RunServerModule(opt.server);
  if (!s.ok()) {
    PrintError(s);
    SetExitCode(ExitCodeFor(s));
    return;
  }
  SetExitCode(kExitOk);
}

}  // namespace

void RegisterServeCommand(CLI::App& app) {
  auto opt = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "serve",
      "Serve a JSON API and a browser UI (search, read, browse, follow references) over an archive\n"
      "built by `cablebase ingest`. The archive is opened read-only. Binds to 127.0.0.1 by default:\n"
      "only this machine can connect. The API is documented at /api/openapi.json and in\n"
      "docs/http_api.md. Prints the URL once listening; stops on Ctrl-C (SIGINT) or SIGTERM.\n\n"
      "Examples:\n"
      "  cablebase serve --db cables.db                 # http://127.0.0.1:8080/\n"
      "  cablebase serve --db cables.db --port 0        # any free port (the URL is printed)\n"
      "  curl 'http://127.0.0.1:8080/api/search?q=hamas+tag:PREL&facets=1'");
  cmd->add_option("--db", opt->server.db_path, "Archive file to serve (read-only)")
      ->capture_default_str();
  cmd->add_option("--port,-p", opt->server.port, "TCP port; 0 picks a free one")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--host", opt->server.host,
                  "Address to bind; 127.0.0.1 (default) keeps the server private to this machine, "
                  "0.0.0.0 exposes it to the network")
      ->capture_default_str();
  cmd->add_option("--threads", opt->server.threads,
                  "Worker threads: requests answered at once (a waiting connection holds none)")
      ->check(CLI::Range(2, 256))
      ->capture_default_str();
  cmd->add_option("--time-limit", opt->time_limit_ms,
                  "Milliseconds a search, facet count or graph may run before it is stopped (503)")
      ->check(CLI::Range(10, 600000))
      ->capture_default_str();
  cmd->add_option("--cache-entries", opt->server.limits.result_cache_entries,
                  "Search, facet and graph answers kept while the archive is unchanged (0: none)")
      ->check(CLI::Range(0, 1000000))
      ->capture_default_str();
  cmd->add_option("--web-root", opt->server.web_root,
                  "Serve the UI from this folder (e.g. web/) instead of the copy built into the "
                  "binary, to edit it without rebuilding");
  cmd->add_flag("--access-log", opt->access_log, "Print one line per request to stderr");
  cmd->callback([opt] { RunServe(*opt); });
}

}  // namespace cablebase::cli
