// An httplib::Server whose connections wait in one epoll loop, not in worker threads.
//
// Why (issue 12): cpp-httplib gives every accepted connection a worker thread for its whole life,
// and that thread waits in poll() for the next request of a kept-alive connection. 50 keep-alive
// clients on a 32-thread pool starve each other (139 timeouts in the load test), and 1,000
// clients that connect and send nothing take every worker: no one else is answered.
//
// Here a connection costs a file descriptor and an epoll entry while it waits. A worker is given a
// connection only when the kernel already holds the whole request head (the bytes up to the first
// empty line, read with MSG_PEEK): httplib then parses it from memory (BufferedStream) and the
// worker never blocks on a read. After the answer the connection goes back to the loop. Only GET
// and HEAD are served (server.cc), so a request is its head; a body sent anyway is not read and the
// request is refused by httplib (400) on the next parse.
//
// Bounds (EventServerOptions): a connection idle for `idle_timeout` is closed; one whose head is
// not complete `header_timeout` after its first byte is closed (slow headers); a head larger than
// `max_header_bytes` gets 431 and is closed; beyond `max_connections` new ones are closed at once.
// Requests are answered by `workers` threads in arrival order (one slow request holds one worker).
//
// The routing, the handlers, the error handler and every header are httplib's: this class replaces
// only how sockets wait (it overrides httplib's per-socket entry point and calls its
// process_request for one request at a time). Thread-safety: as httplib::Server; Shutdown() once,
// after listen_after_bind() returned.
#ifndef CABLEBASE_SERVER_EVENT_SERVER_H_
#define CABLEBASE_SERVER_EVENT_SERVER_H_

#include <httplib.h>

#include <chrono>
#include <memory>

namespace cablebase::server {

struct EventServerOptions {
  int workers = 16;                                   // threads that run requests
  std::chrono::milliseconds idle_timeout{5000};       // no byte of a next request for this long
  std::chrono::milliseconds header_timeout{10000};    // first byte to complete head
  std::chrono::milliseconds write_timeout{30000};     // a client that does not read its answer
  size_t max_header_bytes = 16 * 1024;                // request line + headers
  int max_connections = 10000;                        // open at once (more are closed on accept)
  int keep_alive_max_count = 1000;                    // requests per connection
};

class EventServer : public httplib::Server {
 public:
  explicit EventServer(const EventServerOptions& options);
  ~EventServer() override;
  EventServer(const EventServer&) = delete;
  EventServer& operator=(const EventServer&) = delete;

  // Closes every waiting connection and joins the loop and the workers (the request each worker
  // runs is finished first). Call after listen_after_bind() returned; the destructor calls it.
  void Shutdown();

  // False when the loop could not be made (epoll/eventfd failed: out of file descriptors); then no
  // thread runs and the server must not listen.
  bool started() const;

  // Open connections (waiting or being answered); for tests and logs.
  int connections() const;

  // Lets `backlog` connections wait for accept() (httplib listens with 5: 1,000 clients arriving
  // at once then wait for SYN retries, seconds). Call after bind_to_port / bind_to_any_port.
  void SetListenBacklog(int backlog);

  struct Loop;  // the epoll loop and the worker pool (event_server.cc)

 private:
  // httplib calls this on its task queue for every accepted socket: the socket is handed to the
  // loop and the call returns at once.
  bool process_and_close_socket(socket_t sock) override;
  // Runs the one request whose head the loop read for `sock`; true when the connection stays open.
  bool ServeOne(int sock, std::string head, int served);

  std::unique_ptr<Loop> loop_;
};

}  // namespace cablebase::server

#endif  // CABLEBASE_SERVER_EVENT_SERVER_H_
