// serve_load: a bounded load on talash-serve over loopback, against talash-search --batch on the
// same index and queries, in one run. Starts the server itself on a free 127.0.0.1 port, sends a
// fixed number of requests at 1, 2 and 8 concurrent clients (each a keep-alive connection), and
// prints p50/p99 latency and requests per second for each, then the CLI batch's mean per query.
//
// Usage: serve_load --serve BIN --search BIN --db DIR --queries FILE [--requests N]
#include "percent_encode.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using talash::serve::percent_encode;

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * v.size()))];
}

std::string arg(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (argv[i] == name) {
      return argv[i + 1];
    }
  }
  if (fallback.empty()) {
    std::cerr << "serve_load: " << name << " is required\n";
    std::exit(2);
  }
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string serve = arg(argc, argv, "--serve", "");
  const std::string search = arg(argc, argv, "--search", "");
  const std::string db = arg(argc, argv, "--db", "");
  const std::string queries_file = arg(argc, argv, "--queries", "");
  const std::size_t requests = std::stoul(arg(argc, argv, "--requests", "2000"));
  std::vector<std::string> queries;
  {
    std::ifstream in(queries_file);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) {
        queries.push_back(line);
      }
    }
  }
  if (queries.empty()) {
    std::cerr << "serve_load: no queries in " << queries_file << '\n';
    return 2;
  }

  int out[2];
  if (pipe(out) != 0) {
    return 2;
  }
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    execl(serve.c_str(), serve.c_str(), "--db", db.c_str(), "--listen", "127.0.0.1:0", "--threads",
          "8", nullptr);
    _exit(127);
  }
  close(out[1]);
  std::string line;
  char c = 0;
  while (read(out[0], &c, 1) == 1 && c != '\n') {
    line += c;
  }
  const int port = std::atoi(line.substr(line.rfind(':') + 1).c_str());
  if (port <= 0) {
    std::cerr << "serve_load: the server did not start: " << line << '\n';
    return 2;
  }
  // One pass over the log first: every worker opens its index and the page cache is warm.
  {
    httplib::Client warm("127.0.0.1", port);
    for (const std::string& q : queries) {
      warm.Get("/api/v1/search?q=" + percent_encode(q));
    }
  }
  std::printf(
      "talash-serve on 127.0.0.1:%d, %zu queries, %zu requests per level, machine: %u cores\n",
      port, queries.size(), requests, std::thread::hardware_concurrency());
  std::printf("%8s %10s %10s %10s %8s\n", "clients", "p50 ms", "p99 ms", "req/s", "errors");
  for (const std::size_t clients : {1, 2, 8}) {
    std::vector<std::vector<double>> lat(clients);
    std::vector<std::size_t> errors(clients, 0);
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < clients; ++t) {
      threads.emplace_back([&, t] {
        httplib::Client client("127.0.0.1", port);
        client.set_keep_alive(true);
        client.set_tcp_nodelay(true);
        for (std::size_t i = t; i < requests; i += clients) {
          const auto s = Clock::now();
          const auto res =
              client.Get("/api/v1/search?q=" + percent_encode(queries[i % queries.size()]));
          lat[t].push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
          errors[t] += res && res->status < 500 ? 0 : 1;
        }
      });
    }
    for (std::thread& t : threads) {
      t.join();
    }
    const double secs = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<double> all;
    std::size_t failed = 0;
    for (std::size_t t = 0; t < clients; ++t) {
      all.insert(all.end(), lat[t].begin(), lat[t].end());
      failed += errors[t];
    }
    std::printf("%8zu %10.3f %10.3f %10.0f %8zu\n", clients, percentile(all, 0.5),
                percentile(all, 0.99), static_cast<double>(requests) / secs, failed);
  }
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);

  // The same log through the CLI, one process for the whole batch (as programs drive it).
  const std::string cmd =
      search + " --db '" + db + "' --batch --json < '" + queries_file + "' > /dev/null 2>&1";
  const auto s = Clock::now();
  const int rc = std::system(cmd.c_str());
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - s).count();
  std::printf("talash-search --batch --json: %.3f ms per query (mean over %zu, exit %d)\n",
              ms / static_cast<double>(queries.size()), queries.size(), WEXITSTATUS(rc));
  return 0;
}
