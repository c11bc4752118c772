// Readers searching while a writer rebuilds the index in bulk and updates it incrementally: each
// search answers from one whole commit, and no error reaches the reader (the reopen a writer can
// force is retried inside search()).
#include "../support/temp_dir.h"

#include <talash/talash.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <mutex>
#include <random>
#include <thread>

namespace {

constexpr std::size_t kDocs = 300;
constexpr std::size_t kParagraphs = 4;

// Document `i` with `marker` at the head of each of its paragraphs (one passage each: a line
// under the passage length). 300 documents are about 1.5 MB: a rebuild goes through the bulk
// loader and its merge.
std::string text(std::size_t i, const std::string& marker) {
  static const char* const words[] = {"Samarkand", "Bukhara", "Khiva", "سمرقند", "بخارا",
                                      "خیوه",      "جنبش",    "شهر",   "army",   "city"};
  std::mt19937 rng(static_cast<unsigned>(i));
  std::string out;
  for (std::size_t p = 0; p < kParagraphs; ++p) {
    out += marker;
    for (int w = 0; w < 60; ++w) {
      out += ' ';
      out += words[rng() % std::size(words)];
    }
    out += ".\n\n";
  }
  return out;
}

void write_all(const std::string& db, const std::string& marker, bool rebuild) {
  talash::IndexOptions options;
  options.rebuild = rebuild;
  options.threads = 2;
  talash::IndexWriter w(db, options);
  for (std::size_t i = 0; i < kDocs; ++i) {
    w.add({"doc" + std::to_string(i) + ".txt", text(i, marker)});
  }
  w.commit();
}

}  // namespace

TEST_CASE("Searches during bulk rebuilds and incremental updates see whole commits",
          "[index][query]") {
  talash::test::TempDir dir;
  const std::string db = dir / "db";
  write_all(db, "alpha", true);

  std::atomic<bool> done{false};
  std::atomic<std::size_t> searches{0};
  std::mutex mutex;
  std::vector<std::string> problems;
  const auto reader = [&] {
    try {
      talash::Searcher s(db);
      talash::SearchOptions options;
      options.exact = true;
      options.per_doc = 0;
      options.limit = 5;
      while (!done) {
        s.reopen();
        for (const std::string marker : {"alpha", "beta"}) {
          const talash::SearchResults r = s.search(marker, options);
          ++searches;
          const bool whole = r.total == 0 || r.total == kDocs * kParagraphs;
          bool marked = true;
          for (const talash::Result& x : r.results) {
            marked = marked && x.text.starts_with(marker);
          }
          if (!whole || !marked) {
            const std::lock_guard lock(mutex);
            problems.push_back(marker + ": " + std::to_string(r.total) + " passages" +
                               (marked ? "" : ", a passage without the word"));
          }
        }
      }
    } catch (const std::exception& e) {
      const std::lock_guard lock(mutex);
      problems.emplace_back(e.what());
    }
  };
  std::thread a(reader);
  std::thread b(reader);
  for (int cycle = 0; cycle < 3; ++cycle) {
    write_all(db, "beta", true);    // a bulk rebuild: a new generation, published at once
    write_all(db, "alpha", false);  // every document replaced in place, one commit
  }
  done = true;
  a.join();
  b.join();
  CAPTURE(problems);
  CHECK(problems.empty());
  CHECK(searches > 12);
}
