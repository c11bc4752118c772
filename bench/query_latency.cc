// Query latency of one Talash index, default matching against --exact, on a query list: warm
// cache (one untimed pass first), one thread, each result fetched with its text and explanation;
// the two modes take turns query by query.
//
//   query_latency --db DIR --queries FILE [--passes N] [--names-only] [--per-query]
//
// --names-only keeps the one-word Latin queries that start with a capital (names: Herat, Moses),
// the case the transliteration issue bounds at 2x the --exact cost at the median. --per-query
// prints each query's results and times in both modes.
#include <talash/talash.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <numeric>
#include <string>
#include <vector>

namespace {

double percentile(std::vector<double> v, double p) {
  if (v.empty()) {
    return 0;
  }
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(std::lround(p * static_cast<double>(v.size() - 1)));
  return v[std::min(i, v.size() - 1)];
}

bool is_latin_name(const std::string& q) {
  if (q.empty() || q[0] < 'A' || q[0] > 'Z') {
    return false;
  }
  return std::all_of(q.begin(), q.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

double time_one(talash::Searcher& s, const std::string& query, const talash::SearchOptions& options,
                std::size_t& results) {
  const auto t0 = std::chrono::steady_clock::now();
  try {
    results += s.search(query, options).results.size();
  } catch (const talash::UsageError&) {
    // counted as an empty result, as the benchmark table does for peers
  }
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

struct Timings {
  std::vector<double> first;         // each query's first run in its Searcher (caches still cold)
  std::vector<double> best;          // best of the warm passes
  std::vector<std::size_t> results;  // results of each query
};

// Times both modes query by query, one right after the other (which one goes first alternates),
// so that the machine's drift in speed, often 20% within a minute here, falls on both alike. A
// Searcher each, so that each mode's first run of a query starts with that mode's caches cold.
std::array<Timings, 2> time_queries(const std::string& db, const std::vector<std::string>& queries,
                                    const std::array<talash::SearchOptions, 2>& options,
                                    int passes) {
  std::array<talash::Searcher, 2> searchers{talash::Searcher(db), talash::Searcher(db)};
  std::array<Timings, 2> t;
  for (Timings& m : t) {
    m.first.assign(queries.size(), 0);
    m.best.assign(queries.size(), 1e300);
    m.results.assign(queries.size(), 0);
  }
  for (int pass = -1; pass < passes; ++pass) {
    for (std::size_t i = 0; i < queries.size(); ++i) {
      for (std::size_t k = 0; k < 2; ++k) {
        const std::size_t m = (i + static_cast<std::size_t>(pass + 1) + k) % 2;
        std::size_t results = 0;
        const double ms = time_one(searchers[m], queries[i], options[m], results);
        if (pass < 0) {
          t[m].first[i] = ms;
          t[m].results[i] = results;
        } else {
          t[m].best[i] = std::min(t[m].best[i], ms);
        }
      }
    }
  }
  return t;
}

}  // namespace

int main(int argc, char** argv) try {
  std::string db;
  std::string file;
  int passes = 5;
  bool names_only = false;
  bool per_query = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--db" && i + 1 < argc) {
      db = argv[++i];
    } else if (a == "--queries" && i + 1 < argc) {
      file = argv[++i];
    } else if (a == "--passes" && i + 1 < argc) {
      passes = std::max(1, std::stoi(argv[++i]));
    } else if (a == "--names-only") {
      names_only = true;
    } else if (a == "--per-query") {
      per_query = true;
    } else {
      std::cerr << "usage: query_latency --db DIR --queries FILE [--passes N] [--names-only] "
                   "[--per-query]\n";
      return 2;
    }
  }
  std::ifstream in(file);
  if (db.empty() || !in) {
    std::cerr << "query_latency: need --db and a readable --queries file\n";
    return 2;
  }
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && (!names_only || is_latin_name(line))) {
      queries.push_back(line);
    }
  }
  std::array<talash::SearchOptions, 2> options;
  options[1].exact = true;
  const auto timings = time_queries(db, queries, options, passes);
  const auto& t_default = timings[0].best;
  const auto& t_exact = timings[1].best;
  const auto& first_default = timings[0].first;
  const auto& first_exact = timings[1].first;
  const auto sum = [](const std::vector<std::size_t>& v) {
    return std::accumulate(v.begin(), v.end(), std::size_t{0});
  };
  const std::size_t n_default = sum(timings[0].results);
  const std::size_t n_exact = sum(timings[1].results);
  if (per_query) {
    std::printf("%-24s %8s %8s %9s %9s %9s %9s %6s\n", "query", "results", "(exact)", "first ms",
                "(exact)", "warm ms", "(exact)", "ratio");
    for (std::size_t i = 0; i < queries.size(); ++i) {
      std::printf("%-24s %8zu %8zu %9.3f %9.3f %9.3f %9.3f %6.2f\n", queries[i].c_str(),
                  timings[0].results[i], timings[1].results[i], first_default[i], first_exact[i],
                  t_default[i], t_exact[i], t_default[i] / std::max(t_exact[i], 1e-3));
    }
  }
  std::vector<double> ratios;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    ratios.push_back(t_default[i] / std::max(t_exact[i], 1e-3));
  }
  std::printf("%zu queries%s, best of %d warm passes, one thread\n", queries.size(),
              names_only ? " (one-word Latin names)" : "", passes);
  std::printf("%-10s %9s %9s %9s %9s %8s\n", "mode", "p50 ms", "p95 ms", "p99 ms", "max ms",
              "results");
  for (const auto& [name, t, n] :
       {std::tuple{"default", &t_default, n_default}, std::tuple{"exact", &t_exact, n_exact}}) {
    std::printf("%-10s %9.3f %9.3f %9.3f %9.3f %8zu\n", name, percentile(*t, 0.5),
                percentile(*t, 0.95), percentile(*t, 0.99), percentile(*t, 1.0), n);
  }
  std::printf("default/exact: ratio of p50s %.2f, median of per-query ratios %.2f\n",
              percentile(t_default, 0.5) / std::max(percentile(t_exact, 0.5), 1e-3),
              percentile(ratios, 0.5));
  std::vector<double> first_ratios;
  for (std::size_t i = 0; i < queries.size(); ++i) {
    first_ratios.push_back(first_default[i] / std::max(first_exact[i], 1e-3));
  }
  std::printf(
      "first run of each query: p50 default %.3f ms, exact %.3f ms; ratio of p50s %.2f, "
      "median of per-query ratios %.2f\n",
      percentile(first_default, 0.5), percentile(first_exact, 0.5),
      percentile(first_default, 0.5) / std::max(percentile(first_exact, 0.5), 1e-3),
      percentile(first_ratios, 0.5));
  return 0;
} catch (const std::exception& e) {
  std::cerr << "query_latency: " << e.what() << '\n';
  return 1;
}
