// The C++ side of bench/python_overhead.py: each query of a list through one Searcher with default
// options (highlights on), as the Python package's Searcher.search runs it, the text of each
// result read; one untimed pass, then PASSES timed ones. Prints, per query in order, the best
// and the mean time in milliseconds and the number of results, tab-separated.
//
//   api_latency DB QUERIES [PASSES]
#include <talash/talash.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) try {
  if (argc < 3) {
    std::cerr << "usage: api_latency DB QUERIES [PASSES]\n";
    return 2;
  }
  const int passes = argc > 3 ? std::max(1, std::stoi(argv[3])) : 5;
  std::ifstream in(argv[2]);
  if (!in) {
    std::cerr << "api_latency: cannot read " << argv[2] << '\n';
    return 2;
  }
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) {
      queries.push_back(line);
    }
  }
  talash::Searcher searcher(argv[1]);
  std::vector<double> best(queries.size(), 1e300);
  std::vector<double> total(queries.size(), 0);
  std::vector<std::size_t> results(queries.size(), 0);
  std::size_t bytes = 0;  // read, so that the text is fetched as a caller would use it
  for (int pass = -1; pass < passes; ++pass) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const auto t0 = std::chrono::steady_clock::now();
      std::size_t n = 0;
      try {
        for (const talash::Result& r : searcher.search(queries[i]).results) {
          bytes += r.doc.size() + r.text.size();
          ++n;
        }
      } catch (const talash::UsageError&) {
        // refused: timed as an empty result, as the Python side does
      }
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      if (pass >= 0) {
        best[i] = std::min(best[i], ms);
        total[i] += ms;
      }
      results[i] = n;
    }
  }
  for (std::size_t i = 0; i < queries.size(); ++i) {
    std::printf("%.4f\t%.4f\t%zu\n", best[i], total[i] / passes, results[i]);
  }
  std::fprintf(stderr, "api_latency: %zu queries, %zu bytes of text read\n", queries.size(), bytes);
  return 0;
} catch (const std::exception& e) {
  std::cerr << "api_latency: " << e.what() << '\n';
  return 1;
}
