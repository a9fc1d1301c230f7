// Clients that hold the server without asking it anything (issue 12, issue 14): idle connections,
// heads sent a byte at a time and never finished, oversized heads, many kept-alive connections.
// The server runs with 2 worker threads, so that any of these taking a worker would starve the
// probe requests; every probe must be answered within a bound far below the server's timeouts.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "server/http_test_client.h"
#include "server/server_process.h"
#include "shared_files.h"

namespace cablebase {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using testing::Get;
using testing::HttpResponse;
using testing::RawRequest;
using testing::RunCommand;
using testing::ServerProcess;
using testing::StartServer;

// A loopback TCP connection to `port` (-1 when it failed); the caller closes it.
int Connect(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

bool SendAll(int fd, const std::string& s) {
  size_t sent = 0;
  while (sent < s.size()) {
    ssize_t n = ::send(fd, s.data() + sent, s.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

// Reads one answer with Content-Length from a kept-alive connection; its status, 0 on failure.
// `carry` keeps bytes read past that answer (the next one of pipelined requests).
int ReadStatus(int fd, std::string* carry = nullptr) {
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  std::string data = carry ? std::move(*carry) : std::string();
  char buf[16384];
  for (;;) {
    size_t end = data.find("\r\n\r\n");
    if (end != std::string::npos) {
      std::string head = data.substr(0, end);
      for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t cl = head.find("\r\ncontent-length:");
      if (cl != std::string::npos) {
        const size_t total = end + 4 + std::stoul(head.substr(cl + 17));
        if (data.size() >= total) {
          if (carry) *carry = data.substr(total);
          return std::atoi(data.c_str() + 9);
        }
      }
    }
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return 0;
    data.append(buf, static_cast<size_t>(n));
  }
}

class ServerAbuseTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("cablebase_server_abuse_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    db_ = (dir_ / "fixtures.db").string();
    const std::string fixtures = testing_shared::StagedSet("server");
    if (fixtures.empty()) return;
    ingest_rc_ = RunCommand("'" + testing::Binary() + "' ingest '" + fixtures + "' --db '" + db_ +
                            "' > /dev/null 2>&1");
    server_ = StartServer({"--db", db_, "--port", "0", "--threads", "2"});
  }
  static void TearDownTestSuite() {
    if (server_.pid > 0) {
      kill(server_.pid, SIGTERM);
      int status = 0;
      waitpid(server_.pid, &status, 0);
      if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        ADD_FAILURE() << "serve did not exit 0 on SIGTERM (status " << status << ")";
      }
    }
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  void SetUp() override {
    CABLEBASE_SHARED_SET(fixtures, "server");
    ASSERT_EQ(ingest_rc_, 0);
    ASSERT_GT(server_.port, 0) << server_.first_line;
  }

  // A search and a record are answered 200, each within `bound`.
  static void ExpectOthersAnswered(std::chrono::milliseconds bound) {
    for (const char* target : {"/api/search?q=intel&limit=5", "/api/cables/08LONDON1350"}) {
      const Clock::time_point start = Clock::now();
      HttpResponse r = Get(server_.port, target);
      const auto took =
          std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
      EXPECT_EQ(r.status, 200) << target << ": " << r.body;
      EXPECT_LT(took.count(), bound.count()) << target << " waited behind the held connections";
    }
  }

  static inline fs::path dir_;
  static inline std::string db_;
  static inline int ingest_rc_ = -1;
  static inline ServerProcess server_;
};

// 1,000 connections that never send a byte hold no worker: 2 workers still answer others at once
// (with a thread per connection, the third client would wait for the keep-alive timeout).
TEST_F(ServerAbuseTest, ThousandIdleConnectionsDoNotStarveOthers) {
  std::vector<int> idle;
  for (int i = 0; i < 1000; ++i) {
    int fd = Connect(server_.port);
    if (fd >= 0) idle.push_back(fd);
  }
  EXPECT_EQ(idle.size(), 1000u);
  ExpectOthersAnswered(std::chrono::milliseconds(5000));  // starved: 10 s or more
  for (int fd : idle) ::close(fd);
}

// Slow headers (slowloris): heads begun and never finished hold no worker either.
TEST_F(ServerAbuseTest, UnfinishedHeadsDoNotStarveOthers) {
  std::vector<int> slow;
  for (int i = 0; i < 50; ++i) {
    int fd = Connect(server_.port);
    if (fd < 0) continue;
    SendAll(fd, "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    slow.push_back(fd);
  }
  for (int round = 0; round < 3; ++round) {
    for (int fd : slow) SendAll(fd, "a");
    ExpectOthersAnswered(std::chrono::milliseconds(5000));  // starved: 10 s or more
  }
  for (int fd : slow) ::close(fd);
}

// A head larger than the server reads (16 KB) is answered 431 with the JSON error body, a URI
// longer than httplib's 8 KB bound 414, and both connections are closed; others are answered.
TEST_F(ServerAbuseTest, OversizedHeadsAndUrisAreRefused) {
  const std::string host = "Host: 127.0.0.1\r\n";
  HttpResponse big = RawRequest(server_.port, "GET /api/health HTTP/1.1\r\n" + host +
                                                  "X-Big: " + std::string(20000, 'a') + "\r\n\r\n");
  EXPECT_EQ(big.status, 431) << big.body;
  EXPECT_NE(big.body.find("\"header_too_large\""), std::string::npos) << big.body;
  EXPECT_EQ(big.header("connection"), "close");
  HttpResponse long_uri = RawRequest(
      server_.port, "GET /api/search?q=" + std::string(10000, 'a') + " HTTP/1.1\r\n" + host + "\r\n");
  EXPECT_EQ(long_uri.status, 414) << long_uri.body;
  EXPECT_NE(long_uri.body.find("\"uri_too_long\""), std::string::npos) << long_uri.body;
  ExpectOthersAnswered(std::chrono::milliseconds(5000));  // starved: 10 s or more
}

// 50 kept-alive connections on 2 workers: each sends three requests in turn on its own
// connection, and every one is answered (no connection waits for another to close).
TEST_F(ServerAbuseTest, FiftyKeptAliveConnectionsShareTwoWorkers) {
  std::vector<int> conns;
  for (int i = 0; i < 50; ++i) {
    int fd = Connect(server_.port);
    if (fd >= 0) conns.push_back(fd);
  }
  ASSERT_EQ(conns.size(), 50u);
  const std::string request =
      "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server_.port) + "\r\n\r\n";
  int answered = 0;
  const Clock::time_point start = Clock::now();
  for (int round = 0; round < 3; ++round) {
    for (int fd : conns) ASSERT_TRUE(SendAll(fd, request));
    for (int fd : conns) answered += ReadStatus(fd) == 200;
  }
  EXPECT_EQ(answered, 150);
  // A hang guard, not a timing: 150 health answers take milliseconds; a starved pool waits 10 s.
  EXPECT_LT(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count(),
            8000);
  for (int fd : conns) ::close(fd);
}

// Two requests sent together on one connection (pipelined) are both answered, in order.
TEST_F(ServerAbuseTest, PipelinedRequestsAreBothAnswered) {
  int fd = Connect(server_.port);
  ASSERT_GE(fd, 0);
  const std::string host = "Host: 127.0.0.1:" + std::to_string(server_.port) + "\r\n";
  ASSERT_TRUE(SendAll(fd, "GET /api/health HTTP/1.1\r\n" + host + "\r\nGET /api/nope HTTP/1.1\r\n" +
                              host + "\r\n"));
  std::string carry;
  EXPECT_EQ(ReadStatus(fd, &carry), 200);
  EXPECT_EQ(ReadStatus(fd, &carry), 404);
  ::close(fd);
}

}  // namespace
}  // namespace cablebase
