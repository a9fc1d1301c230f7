// Starting the real `cablebase serve` for black-box tests: fork/exec, wait for the URL line.
#ifndef CABLEBASE_TESTS_SERVER_SERVER_PROCESS_H_
#define CABLEBASE_TESTS_SERVER_SERVER_PROCESS_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <regex>
#include <string>
#include <vector>

namespace cablebase::testing {

// The binary under test: $CABLEBASE_BINARY, else the one this build produced.
inline std::string Binary() {
  const char* env = std::getenv("CABLEBASE_BINARY");
  return env && *env ? env : CABLEBASE_BINARY;
}

// A started `cablebase serve`: its pid and port; stdout is read until the URL line.
struct ServerProcess {
  pid_t pid = -1;
  int port = 0;            // 0 when no "serving on http://127.0.0.1:PORT/" line came
  std::string first_line;  // what the server printed first (for failure messages)
};

// Starts `cablebase serve ARGS...` (pass "--port", "0" for a free port) and waits for its first
// line (the server prints it once it listens). The caller stops it (kill + waitpid).
inline ServerProcess StartServer(const std::vector<std::string>& args) {
  ServerProcess p;
  int out[2];
  if (pipe(out) != 0) return p;
  p.pid = fork();
  if (p.pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    close(out[1]);
    std::vector<std::string> argv_s = {Binary(), "serve"};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out[1]);
  std::string line;
  char c;
  while (read(out[0], &c, 1) == 1 && c != '\n') line.push_back(c);
  close(out[0]);
  p.first_line = line;
  std::smatch m;
  if (std::regex_search(line, m, std::regex(R"(http://127\.0\.0\.1:(\d+)/)"))) {
    p.port = std::stoi(m[1]);
  }
  return p;
}

// Runs a shell command, returning its exit status (-1 when it did not exit normally).
inline int RunCommand(const std::string& cmd) {
  int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

}  // namespace cablebase::testing

#endif  // CABLEBASE_TESTS_SERVER_SERVER_PROCESS_H_
