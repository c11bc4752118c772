// What every benchmark driver shares (bench/run starts them): reading the prepared documents, and
// timing a query log the same way for every engine.
//
//   DRIVER build DOCS DB          index DOCS into a new index at DB
//   DRIVER query DB QUERIES       time QUERIES against DB, print one JSON object on stdout
//
// DOCS holds records "id US lang US text RS" (US = 0x1f, RS = 0x1e), which bench/run writes from
// the JSONL corpus (title and text joined as talash-index joins them). The query command runs the
// log once untimed (warm cache), then `kPasses` timed passes on one thread, each query fetching
// its top 10 results with their stored text, then the same passes split over two threads for
// throughput. A query the engine refuses counts as an empty result and is counted as refused.
#ifndef TALASH_BENCH_PEERS_DRIVER_H_
#define TALASH_BENCH_PEERS_DRIVER_H_

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace bench {

struct Doc {
  std::string id;
  std::string lang;
  std::string text;
};

// Calls f(doc) for each record of the prepared file at `path`; returns the number of records.
inline std::size_t for_each_doc(const std::string& path, const std::function<void(Doc&)>& f) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path);
  }
  std::size_t n = 0;
  Doc doc;
  for (std::string record; std::getline(in, record, '\x1e');) {
    const auto a = record.find('\x1f');
    const auto b = a == std::string::npos ? a : record.find('\x1f', a + 1);
    if (b == std::string::npos) {
      throw std::runtime_error(path + ": record " + std::to_string(n + 1) + " is malformed");
    }
    doc.id = record.substr(0, a);
    doc.lang = record.substr(a + 1, b - a - 1);
    doc.text = record.substr(b + 1);
    f(doc);
    ++n;
  }
  return n;
}

inline std::vector<std::string> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("cannot read " + path);
  }
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) {
      queries.push_back(line);
    }
  }
  return queries;
}

// One engine's searcher, used by one thread. search() runs `query`, fetches the top 10 results
// with their text, and returns how many there were, or nullopt if the engine refused the query.
class Searcher {
 public:
  virtual ~Searcher() = default;
  virtual std::optional<std::size_t> search(const std::string& query) = 0;
};

constexpr int kPasses = 3;

inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) {
    return 0;
  }
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(std::lround(p * static_cast<double>(v.size() - 1)));
  return v[std::min(i, v.size() - 1)];
}

// Runs the query protocol above with searchers from `open` and prints the JSON object.
inline void run_queries(const std::vector<std::string>& queries,
                        const std::function<std::unique_ptr<Searcher>()>& open) {
  using Clock = std::chrono::steady_clock;
  auto searcher = open();
  std::size_t results = 0;
  std::size_t refused = 0;
  std::size_t empty = 0;
  for (const auto& q : queries) {  // warm-up, and the result counts
    const auto n = searcher->search(q);
    refused += n ? 0 : 1;
    empty += n.value_or(0) == 0 ? 1 : 0;
    results += n.value_or(0);
  }
  std::vector<double> ms;
  for (int pass = 0; pass < kPasses; ++pass) {
    for (const auto& q : queries) {
      const auto t0 = Clock::now();
      searcher->search(q);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
  }
  // Two threads, each with its own searcher, taking queries from one shared counter.
  std::vector<std::unique_ptr<Searcher>> searchers;
  searchers.push_back(std::move(searcher));
  searchers.push_back(open());
  for (const auto& q : queries) {
    searchers[1]->search(q);
  }
  const std::size_t total = queries.size() * kPasses;
  std::atomic<std::size_t> next{0};
  const auto t0 = Clock::now();
  std::vector<std::thread> threads;
  for (auto& s : searchers) {
    threads.emplace_back([&, s = s.get()] {
      for (std::size_t i; (i = next++) < total;) {
        s->search(queries[i % queries.size()]);
      }
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf(
      "{\"queries\": %zu, \"results\": %zu, \"empty\": %zu, \"refused\": %zu, \"p50_ms\": %.4f, "
      "\"p95_ms\": %.4f, \"p99_ms\": %.4f, \"mean_ms\": %.4f, \"qps_2_threads\": %.1f}\n",
      queries.size(), results, empty, refused, percentile(ms, 0.50), percentile(ms, 0.95),
      percentile(ms, 0.99),
      [&] {
        double sum = 0;
        for (double x : ms) sum += x;
        return sum / static_cast<double>(ms.size());
      }(),
      static_cast<double>(total) / seconds);
}

// The main() of a driver: dispatches the two commands to `build(docs, db)` and `open(db)`.
inline int main(int argc, char** argv, const char* name,
                const std::function<void(const std::string&, const std::string&)>& build,
                const std::function<std::unique_ptr<Searcher>(const std::string&)>& open) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 3 && args[0] == "build") {
      build(args[1], args[2]);
      return 0;
    }
    if (args.size() == 3 && args[0] == "query") {
      run_queries(read_queries(args[2]), [&] { return open(args[1]); });
      return 0;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", name, e.what());
    return 1;
  }
  std::fprintf(stderr, "usage: %s build DOCS DB | query DB QUERIES\n", name);
  return 2;
}

}  // namespace bench

#endif  // TALASH_BENCH_PEERS_DRIVER_H_
