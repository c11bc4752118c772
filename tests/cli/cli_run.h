// Runs a command line for the end-to-end tests and captures its exit code, stdout and stderr.
#ifndef TALASH_TESTS_CLI_CLI_RUN_H_
#define TALASH_TESTS_CLI_CLI_RUN_H_

#include "../support/temp_dir.h"
#include "index/index_layout.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <sys/wait.h>

namespace talash::test {

// The two commands under test, as built (paths from CMake).
inline const std::string index_bin = TALASH_INDEX_BIN;
inline const std::string search_bin = TALASH_SEARCH_BIN;

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

// Runs talash-index on the index `db` with `args`: options and paths, quoted by the caller.
inline Run run_index(const std::string& db, const std::string& args) {
  return run(index_bin + " --db " + quote(db) + " " + args);
}

// Writes `bytes` to `p`, creating its directories.
inline void write(const std::filesystem::path& p, const std::string& bytes) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

// The documents talash-search finds for `query` in the index `db` (all of them: no page limit,
// no per-document cap), with `extra` options.
inline std::set<std::string> found(const std::string& db, const std::string& query,
                                   const std::string& extra = "") {
  const Run r = run(search_bin + " --json --limit 50 --per-doc 0 --db " + quote(db) + " " + extra +
                    " " + quote(query));
  REQUIRE((r.code == 0 || r.code == 1));
  const auto j = nlohmann::json::parse(r.out);
  std::set<std::string> docs;
  for (const auto& x : j["results"]) {
    docs.insert(x["doc"].get<std::string>());
  }
  return docs;
}

// A table file of the index `db` (e.g. "postlist.glass"), in the generation readers open.
inline std::filesystem::path index_table(const std::string& db, const std::string& table) {
  return std::filesystem::path(internal::current_generation(db)) / table;
}

}  // namespace talash::test

#endif  // TALASH_TESTS_CLI_CLI_RUN_H_
