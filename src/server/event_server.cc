// EventServer (event_server.h): one epoll loop holds the waiting connections, a worker pool runs
// requests whose head has arrived whole.
#ifdef CABLEBASE_HAVE_HTTPLIB
#include "server/event_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "cablebase/status.h"
#include "server/error_mapping.h"

namespace cablebase::server {

namespace {

using Clock = std::chrono::steady_clock;

// The end of the request head in `bytes` (just past its empty line: CRLF CRLF, or LF LF as
// httplib's line reader also accepts), or npos while it is incomplete. `from`: bytes before it were
// scanned already (a head arriving a byte at a time is scanned once, not once per byte).
size_t HeadEnd(std::string_view bytes, size_t from = 0) {
  from = from > 3 ? from - 3 : 0;  // an empty line may straddle the previous scan's end
  for (size_t i = bytes.find('\n', from); i != std::string_view::npos; i = bytes.find('\n', i + 1)) {
    if (i + 1 < bytes.size() && bytes[i + 1] == '\n') return i + 2;
    if (i + 2 < bytes.size() && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') return i + 3;
  }
  return std::string_view::npos;
}

// The request head as httplib's Stream: reads come from memory (the loop consumed exactly the head
// from the socket), writes go to the socket with a timeout. Remembers whether the answer asked to
// close the connection (the error handler of routes.cc sets "Connection: close").
class HeadStream : public httplib::Stream {
 public:
  HeadStream(int sock, std::string head, std::chrono::milliseconds write_timeout)
      : sock_(sock), head_(std::move(head)), write_timeout_(write_timeout) {}

  bool is_readable() const override { return pos_ < head_.size(); }
  bool is_writable() const override {
    pollfd p{sock_, POLLOUT, 0};
    return ::poll(&p, 1, static_cast<int>(write_timeout_.count())) > 0 &&
           (p.revents & (POLLERR | POLLHUP)) == 0;
  }
  ssize_t read(char* ptr, size_t size) override {
    size_t n = std::min(size, head_.size() - pos_);
    std::copy_n(head_.data() + pos_, n, ptr);
    pos_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    NoteAnswerHead(std::string_view(ptr, size));
    size_t done = 0;
    const Clock::time_point deadline = Clock::now() + write_timeout_;
    while (done < size) {
      ssize_t n = ::send(sock_, ptr + done, size - done, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        done += static_cast<size_t>(n);
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        pollfd p{sock_, POLLOUT, 0};
        if (left.count() > 0 && ::poll(&p, 1, static_cast<int>(left.count())) > 0) continue;
      }
      return -1;  // the client does not read (write timeout) or is gone
    }
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&a), &len) == 0) Describe(a, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage a{};
    socklen_t len = sizeof a;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&a), &len) == 0) Describe(a, ip, port);
  }
  socket_t socket() const override { return sock_; }

  bool answer_closes() const { return answer_closes_; }

 private:
  static void Describe(const sockaddr_storage& a, std::string& ip, int& port) {
    char text[INET6_ADDRSTRLEN] = {0};
    if (a.ss_family == AF_INET) {
      const auto* v4 = reinterpret_cast<const sockaddr_in*>(&a);
      ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
      port = ntohs(v4->sin_port);
    } else if (a.ss_family == AF_INET6) {
      const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&a);
      ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
      port = ntohs(v6->sin6_port);
    }
    ip = text;
  }
  // httplib writes the status line and headers in one piece before the body.
  void NoteAnswerHead(std::string_view bytes) {
    if (head_seen_) return;
    head_seen_ = true;
    size_t end = bytes.find("\r\n\r\n");
    std::string lower(bytes.substr(0, end == std::string_view::npos ? bytes.size() : end));
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    answer_closes_ = lower.find("\r\nconnection: close") != std::string::npos;
  }

  const int sock_;
  const std::string head_;
  size_t pos_ = 0;
  const std::chrono::milliseconds write_timeout_;
  bool head_seen_ = false;
  bool answer_closes_ = false;
};

// httplib's accept loop hands each socket to its task queue; ours runs the hand-over inline (it
// only registers the socket with the loop).
class InlineQueue : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

}  // namespace

struct EventServer::Loop {
  enum class State { kWaiting, kBusy };
  struct Conn {
    State state = State::kWaiting;
    Clock::time_point since;       // when it began to wait
    Clock::time_point head_start;  // first byte of an incomplete head (epoch: none)
    int served = 0;
    size_t scanned = 0;            // bytes of the incomplete head already searched for its end
  };
  struct Task {
    int sock;
    std::string head;  // empty: the head was too large
    int served;
  };

  EventServerOptions options;
  EventServer* server = nullptr;
  int epfd = -1;
  int wake = -1;
  mutable std::mutex mu;
  std::condition_variable work_cv;
  std::unordered_map<int, Conn> conns;
  std::deque<Task> tasks;
  bool stopping = false;
  std::thread loop_thread;
  std::vector<std::thread> workers;

  // Under mu: forgets and closes `sock`.
  void CloseLocked(int sock) {
    ::epoll_ctl(epfd, EPOLL_CTL_DEL, sock, nullptr);
    conns.erase(sock);
    ::close(sock);
  }

  // `sock` waits in the loop for its next request.
  void Park(int sock, int served) {
    std::lock_guard<std::mutex> lock(mu);
    if (stopping) {
      ::close(sock);
      conns.erase(sock);
      return;
    }
    Conn& c = conns[sock];
    c.state = State::kWaiting;
    c.since = Clock::now();
    c.head_start = Clock::time_point();
    c.served = served;
    c.scanned = 0;
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
    ev.data.fd = sock;
    // ADD reports a socket that already holds bytes (a pipelined request) at once.
    if (::epoll_ctl(epfd, EPOLL_CTL_ADD, sock, &ev) != 0) CloseLocked(sock);
  }

  // A new socket from httplib's accept loop.
  void Accept(int sock) {
    {
      std::lock_guard<std::mutex> lock(mu);
      if (stopping || conns.size() >= static_cast<size_t>(options.max_connections)) {
        ::close(sock);
        return;
      }
    }
    Park(sock, 0);
  }

  // Under mu: what the bytes waiting on `sock` allow: hand a complete head to a worker, close,
  // or wait for more.
  void OnReadable(int sock, uint32_t events, std::string& buf) {
    auto it = conns.find(sock);
    if (it == conns.end() || it->second.state != State::kWaiting) return;
    buf.resize(options.max_header_bytes + 1);
    ssize_t n = ::recv(sock, buf.data(), buf.size(), MSG_PEEK | MSG_DONTWAIT);
    if (n == 0) return CloseLocked(sock);  // the client closed
    if (n < 0) {
      if ((errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) &&
          !(events & (EPOLLERR | EPOLLHUP))) {
        return;
      }
      return CloseLocked(sock);
    }
    const std::string_view bytes(buf.data(), static_cast<size_t>(n));
    size_t end = HeadEnd(bytes, it->second.scanned);
    if (end == std::string_view::npos && bytes.size() <= options.max_header_bytes) {
      if (it->second.head_start == Clock::time_point()) it->second.head_start = Clock::now();
      it->second.scanned = bytes.size();
      return;  // more bytes will come (EPOLLET reports each arrival)
    }
    Task t{sock, std::string(), it->second.served};
    if (end != std::string_view::npos) {
      // Consume exactly the head: what follows (a pipelined request) stays in the socket.
      t.head.resize(end);
      size_t got = 0;
      while (got < end) {
        ssize_t r = ::recv(sock, t.head.data() + got, end - got, MSG_DONTWAIT);
        if (r > 0) {
          got += static_cast<size_t>(r);
        } else if (r < 0 && errno == EINTR) {
          continue;
        } else {
          return CloseLocked(sock);  // peeked bytes are there: only an error gets here
        }
      }
    }
    ::epoll_ctl(epfd, EPOLL_CTL_DEL, sock, nullptr);
    it->second.state = State::kBusy;
    tasks.push_back(std::move(t));
    work_cv.notify_one();
  }

  // Under mu: closes connections idle too long, and heads not complete in time (slow headers).
  void SweepLocked(Clock::time_point now) {
    std::vector<int> expired;
    for (const auto& [sock, c] : conns) {
      if (c.state != State::kWaiting) continue;
      const bool slow_head = c.head_start != Clock::time_point() &&
                             now - c.head_start > options.header_timeout;
      const bool idle = c.head_start == Clock::time_point() && now - c.since > options.idle_timeout;
      if (slow_head || idle) expired.push_back(sock);
    }
    for (int sock : expired) CloseLocked(sock);
  }

  void RunLoop() {
    std::vector<epoll_event> events(256);
    std::string buf;
    Clock::time_point last_sweep = Clock::now();
    for (;;) {
      int n = ::epoll_wait(epfd, events.data(), static_cast<int>(events.size()), 200);
      std::lock_guard<std::mutex> lock(mu);
      if (stopping) return;
      for (int i = 0; i < n; ++i) {
        if (events[i].data.fd == wake) {
          uint64_t v;
          [[maybe_unused]] ssize_t r = ::read(wake, &v, sizeof v);
          continue;
        }
        OnReadable(events[i].data.fd, events[i].events, buf);
      }
      const Clock::time_point now = Clock::now();
      if (now - last_sweep >= std::chrono::milliseconds(200)) {
        SweepLocked(now);
        last_sweep = now;
      }
    }
  }

  void RunWorker() {
    for (;;) {
      Task t;
      {
        std::unique_lock<std::mutex> lock(mu);
        work_cv.wait(lock, [&] { return stopping || !tasks.empty(); });
        if (tasks.empty()) return;  // stopping, nothing left
        t = std::move(tasks.front());
        tasks.pop_front();
      }
      bool keep = false;
      if (t.head.empty()) {
        AnswerHeadTooLarge(t.sock);
      } else {
        keep = server->ServeOne(t.sock, std::move(t.head), t.served);
      }
      if (keep) {
        Park(t.sock, t.served + 1);
      } else {
        std::lock_guard<std::mutex> lock(mu);
        CloseLocked(t.sock);
      }
    }
  }

  // 431 with the JSON error body (error_mapping.h), then a lingering close: the unread rest of the
  // head must not turn the close into a reset that loses the answer.
  void AnswerHeadTooLarge(int sock) {
    const std::string body = ErrorBody(
        Status(StatusCode::kInvalidArgument,
               "request head larger than " + std::to_string(options.max_header_bytes) + " bytes"),
        "header_too_large");
    const std::string answer =
        "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: application/json; "
        "charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    HeadStream out(sock, std::string(), std::chrono::milliseconds(2000));
    out.write(answer.data(), answer.size());
    ::shutdown(sock, SHUT_WR);
    char sink[4096];
    const Clock::time_point until = Clock::now() + std::chrono::milliseconds(500);
    while (Clock::now() < until) {
      pollfd p{sock, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      if (::recv(sock, sink, sizeof sink, MSG_DONTWAIT) <= 0) break;
    }
  }
};

EventServer::EventServer(const EventServerOptions& options) : loop_(std::make_unique<Loop>()) {
  loop_->options = options;
  loop_->options.workers = std::clamp(options.workers, 1, 256);
  loop_->server = this;
  loop_->epfd = ::epoll_create1(EPOLL_CLOEXEC);
  loop_->wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = loop_->wake;
  if (loop_->epfd < 0 || loop_->wake < 0 ||
      ::epoll_ctl(loop_->epfd, EPOLL_CTL_ADD, loop_->wake, &ev) != 0) {
    // No loop (out of descriptors): no thread is started; started() says so and the caller refuses
    // to listen.
    if (loop_->wake >= 0) ::close(loop_->wake);
    if (loop_->epfd >= 0) ::close(loop_->epfd);
    loop_->wake = -1;
    loop_->epfd = -1;
    return;
  }
  new_task_queue = [] { return new InlineQueue(); };
  Loop* loop = loop_.get();
  loop_->loop_thread = std::thread([loop] { loop->RunLoop(); });
  for (int i = 0; i < loop_->options.workers; ++i) {
    loop_->workers.emplace_back([loop] { loop->RunWorker(); });
  }
}

EventServer::~EventServer() { Shutdown(); }

bool EventServer::started() const { return loop_ && loop_->epfd >= 0; }

void EventServer::Shutdown() {
  if (!loop_ || loop_->epfd < 0) return;
  {
    std::lock_guard<std::mutex> lock(loop_->mu);
    loop_->stopping = true;
  }
  uint64_t one = 1;
  [[maybe_unused]] ssize_t w = ::write(loop_->wake, &one, sizeof one);
  loop_->work_cv.notify_all();
  if (loop_->loop_thread.joinable()) loop_->loop_thread.join();
  for (std::thread& t : loop_->workers) t.join();
  loop_->workers.clear();
  {
    std::lock_guard<std::mutex> lock(loop_->mu);
    for (const auto& [sock, c] : loop_->conns) ::close(sock);
    loop_->conns.clear();
  }
  ::close(loop_->wake);
  ::close(loop_->epfd);
  loop_->epfd = -1;
}

int EventServer::connections() const {
  std::lock_guard<std::mutex> lock(loop_->mu);
  return static_cast<int>(loop_->conns.size());
}

void EventServer::SetListenBacklog(int backlog) {
  // listen() again on a listening socket changes its backlog (Linux).
  if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, backlog);
}

bool EventServer::process_and_close_socket(socket_t sock) {
  loop_->Accept(sock);
  return true;
}

bool EventServer::ServeOne(int sock, std::string head, int served) {
  HeadStream stream(sock, std::move(head), loop_->options.write_timeout);
  bool stopping;
  {
    std::lock_guard<std::mutex> lock(loop_->mu);
    stopping = loop_->stopping;
  }
  const bool close_connection = stopping || served + 1 >= loop_->options.keep_alive_max_count;
  bool connection_closed = false;
  const bool ok = process_request(stream, close_connection, connection_closed, nullptr);
  return ok && !close_connection && !connection_closed && !stream.answer_closes();
}

}  // namespace cablebase::server

#endif  // CABLEBASE_HAVE_HTTPLIB
