// The transliteration expander on its own: which spellings of a query word it finds in an index,
// and that what it finds does not depend on the size of its caches.
#include "query/translit_expander.h"

#include "../support/temp_dir.h"
#include "analysis/text_analyzer.h"
#include "analysis/utf.h"

#include <talash/talash.h>

#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

using talash::internal::Candidate;
using talash::internal::decode_utf8;
using talash::internal::TextAnalyzer;
using talash::internal::TranslitExpander;
using talash::internal::Word;

// The seed corpus, indexed once for every test in this file.
const std::string& corpus_index() {
  static talash::test::TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "db";
    talash::IndexOptions options;
    options.threads = 1;
    talash::IndexWriter w(path, options);
    for (const auto& entry : std::filesystem::directory_iterator(TALASH_CORPUS_DIR)) {
      if (entry.path().extension() == ".txt") {
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        w.add({entry.path().filename().string(), text.str()});
      }
    }
    w.commit();
    return path;
  }();
  return db;
}

// The candidates of `query` (one word) as "term" or "term term", best first.
std::vector<std::string> expand(const TranslitExpander& e, const TextAnalyzer& analyzer,
                                const std::string& query) {
  const std::vector<Word> words = analyzer.analyze(query, "");
  REQUIRE(words.size() == 1);
  std::vector<std::string> out;
  for (const Candidate& c : e.expand(words[0], decode_utf8(query).text)) {
    std::string s;
    for (const std::string& t : c.terms) {
      s += (s.empty() ? "" : " ") + t;
    }
    out.push_back(s);
  }
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

struct Row {
  const char* query;
  const char* found;   // a candidate that must be among them, or ""
  const char* absent;  // a candidate that must not be, or ""
  const char* why;
};

const Row kRows[] = {
    {"Enver", "انور", "انوار",
     "the Persian and Urdu spelling of the name; not the word for lights"},
    {"انور", "enver", "", "and back from Arabic script to Latin"},
    {"Bukhara", "بخارا", "", "a place name with a long vowel written in both scripts"},
    {"Khwarezm", "خوارزم", "", "a Latin digraph (kh) for one Arabic letter"},
};

}  // namespace

TEST_CASE("The expander finds a name's spellings in the other script", "[query][translit]") {
  const Xapian::Database db(corpus_index());
  const TranslitExpander expander(db);
  const TextAnalyzer analyzer;
  for (const Row& row : kRows) {
    CAPTURE(row.query, row.why);
    const std::vector<std::string> got = expand(expander, analyzer, row.query);
    CAPTURE(got);
    if (*row.found != '\0') {
      CHECK(has(got, row.found));
    }
    if (*row.absent != '\0') {
      CHECK_FALSE(has(got, row.absent));
    }
  }
}

// With room for one entry, every cache is emptied before nearly every word. The expansion of a
// word holds references into the spellings cache while it adds to it (a split joins two spellings
// looked up one after the other); emptying it then left the first dangling, which ASan reports
// and which may yield garbage candidates without it.
TEST_CASE("Expansions are the same whatever the cache size, even when a cache empties",
          "[query][translit]") {
  const Xapian::Database db(corpus_index());
  const TranslitExpander roomy(db);
  const TranslitExpander tiny(db, 1);
  const TextAnalyzer analyzer;
  const char* queries[] = {"Enver",    "Bukhara",  "Khwarezm", "Nasrullah", "Ibrahim", "Samarkand",
                           "Dushanbe", "انورپاشا", "ابراهیم",  "بخارا",     "Lenin",   "Frunze"};
  for (int round = 0; round < 2; ++round) {  // the second round meets full caches
    for (const char* q : queries) {
      CAPTURE(q, round);
      CHECK(expand(tiny, analyzer, q) == expand(roomy, analyzer, q));
    }
  }
}
