// A minimal blocking HTTP/1.1 client over a loopback socket, for the black-box server tests: sends
// any bytes (so hostile request lines can be tested, which a real client library would refuse),
// reads the whole response (Connection: close), and decodes a chunked body.
#ifndef CABLEBASE_TESTS_SERVER_HTTP_TEST_CLIENT_H_
#define CABLEBASE_TESTS_SERVER_HTTP_TEST_CLIENT_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <map>
#include <string>

namespace cablebase::testing {

struct HttpResponse {
  int status = 0;  // 0 when the connection failed or the answer was not HTTP
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;                            // de-chunked
  bool complete = true;                        // false when a chunked body ended early
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// Sends `raw` to 127.0.0.1:`port` and reads one response: up to Content-Length, the last chunk,
// the end of the headers for HEAD, or else until the server closes (10 s timeout).
inline HttpResponse RawRequest(int port, const std::string& raw) {
  HttpResponse out;
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return out;
  timeval tv{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return out;
  }
  size_t sent = 0;
  while (sent < raw.size()) {
    ssize_t n = ::send(fd, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string data;
  char buf[65536];
  const bool head_request = raw.rfind("HEAD ", 0) == 0;
  for (;;) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    data.append(buf, static_cast<size_t>(n));
    // Stop at the end of the message rather than wait for the server to close (it may keep the
    // connection for its keep-alive timeout even after an error).
    size_t end = data.find("\r\n\r\n");
    if (end == std::string::npos) continue;
    if (head_request) break;
    std::string head = data.substr(0, end);
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t cl = head.find("\r\ncontent-length:");
    if (cl != std::string::npos) {
      if (data.size() >= end + 4 + std::stoul(head.substr(cl + 17))) break;
    } else if (head.find("transfer-encoding: chunked") != std::string::npos &&
               data.size() >= end + 9 && data.compare(data.size() - 7, 7, "\r\n0\r\n\r\n") == 0) {
      break;
    }
  }
  ::close(fd);
  size_t head_end = data.find("\r\n\r\n");
  if (data.rfind("HTTP/1.", 0) != 0 || head_end == std::string::npos) return out;
  out.status = std::atoi(data.c_str() + 9);
  size_t pos = data.find("\r\n") + 2;
  while (pos < head_end) {
    size_t eol = data.find("\r\n", pos);
    std::string line = data.substr(pos, eol - pos);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      size_t v = line.find_first_not_of(' ', colon + 1);
      out.headers[name] = v == std::string::npos ? "" : line.substr(v);
    }
    pos = eol + 2;
  }
  std::string body = data.substr(head_end + 4);
  if (out.header("transfer-encoding") == "chunked") {
    std::string decoded;
    size_t p = 0;
    out.complete = false;
    while (p < body.size()) {
      size_t eol = body.find("\r\n", p);
      if (eol == std::string::npos) break;
      size_t len = std::stoul(body.substr(p, eol - p), nullptr, 16);
      if (len == 0) {
        out.complete = true;
        break;
      }
      if (eol + 2 + len > body.size()) break;
      decoded += body.substr(eol + 2, len);
      p = eol + 2 + len + 2;
    }
    body = decoded;
  }
  out.body = body;
  return out;
}

// GET `target` (already URL-encoded) with a loopback Host header.
inline HttpResponse Get(int port, const std::string& target, const std::string& extra_headers = "") {
  return RawRequest(port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" +
                              std::to_string(port) + "\r\n" + extra_headers +
                              "Connection: close\r\n\r\n");
}

// Percent-encodes every byte except unreserved characters (RFC 3986).
inline std::string UrlEncode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace cablebase::testing

#endif  // CABLEBASE_TESTS_SERVER_HTTP_TEST_CLIENT_H_
