// Runs a command line for the end-to-end tests and captures its exit code, stdout and stderr.
#ifndef TALASH_TESTS_CLI_CLI_RUN_H_
#define TALASH_TESTS_CLI_CLI_RUN_H_

#include "../support/temp_dir.h"

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>

namespace talash::test {

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

inline Run run(const std::string& command, const std::string& input = "") {
  static TempDir scratch;
  const std::string err_path = scratch / "stderr";
  const std::string in_path = scratch / "stdin";
  std::ofstream(in_path) << input;
  Run r;
  FILE* pipe = popen((command + " <" + in_path + " 2>" + err_path).c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) {
    r.out.append(buf.data(), n);
  }
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path);
  std::stringstream ss;
  ss << err.rdbuf();
  r.err = ss.str();
  return r;
}

}  // namespace talash::test

#endif  // TALASH_TESTS_CLI_CLI_RUN_H_
