// The mixed first page (ranker.h) against its reference: each language's own ranking, as a search
// filtered to that language gives it. The window is dealt from the whole ranking, and a language
// is ranked on its own only when the window needs more of it; either way, the passages of one
// language on the mixed page must be the first of that language's own ranking, in its order.
#include "../support/temp_dir.h"

#include <talash/talash.h>

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

using talash::test::TempDir;

// English passages that hold the name as written, more than a page of them; Persian and Urdu
// ones with its spelling there (the Persian ones also with a loose variant); files of several
// passages, so that the per-file cap has work to do.
void build(const std::string& db) {
  talash::IndexOptions options;
  options.threads = 1;
  options.passage_chars = 60;
  talash::IndexWriter w(db, options);
  for (int i = 0; i < 24; ++i) {
    std::string text;
    for (int p = 0; p <= i % 3; ++p) {
      text += "Chapter " + std::to_string(i) + " tells how Yusuf came to the city.\n\n";
    }
    w.add({"en" + std::to_string(i) + ".txt", text, "en"});
  }
  for (int i = 0; i < 9; ++i) {
    std::string text = "در فصل " + std::to_string(i) + " یوسف به شهر آمد.\n\n";
    if (i % 2 == 0) {
      text += "در آن شهر یوسف را دیدند.\n\n";
    }
    w.add({"fa" + std::to_string(i) + ".txt", text, "fa"});
  }
  for (int i = 0; i < 4; ++i) {
    w.add({"ur" + std::to_string(i) + ".txt",
           "اس باب " + std::to_string(i) + " میں یوسف شہر میں آئے۔", "ur"});
  }
  w.commit();
}

using Passage = std::pair<std::string, std::size_t>;

std::vector<Passage> passages_of(const talash::SearchResults& r) {
  std::vector<Passage> out;
  for (const auto& x : r.results) {
    out.emplace_back(x.doc, x.passage);
  }
  return out;
}

struct Row {
  const char* query;
  std::size_t per_doc;
  std::size_t languages;  // how many languages have matches
  const char* why;
};

const Row kRows[] = {
    {"Yusuf", 0, 3, "a Latin query: English exact matches alone would fill the page"},
    {"Yusuf", 1, 3, "the same with one passage a file, the cap holding in each language"},
    {"یوسف", 0, 3, "an Arabic-script query: Persian and Urdu exact, English transliterated"},
    {"یوسف", 2, 3, "the same with two passages a file"},
    {"Yusuf شهر", 0, 2,
     "two words in two scripts: Persian and Urdu hold both (the Urdu شہر is the same word), "
     "English not: two languages dealt"},
};

}  // namespace

TEST_CASE("A mixed page holds, of each language, the first of its own ranking in its order",
          "[query][mixer]") {
  TempDir dir;
  build(dir / "db");
  talash::Searcher s(dir / "db");
  for (const Row& row : kRows) {
    CAPTURE(row.why, row.query, row.per_doc);
    talash::SearchOptions mixed;
    mixed.mix_languages = true;
    mixed.per_doc = row.per_doc;
    mixed.highlight = false;
    const talash::SearchResults page = s.search(row.query, mixed);
    std::map<std::string, std::vector<Passage>> by_lang;
    for (const auto& r : page.results) {
      by_lang[r.lang].emplace_back(r.doc, r.passage);
    }
    CHECK(by_lang.size() == row.languages);
    for (const auto& [lang, shown] : by_lang) {
      CAPTURE(lang);
      talash::SearchOptions own;
      own.lang = lang;
      own.per_doc = row.per_doc;
      own.highlight = false;
      own.limit = shown.size();
      CHECK(passages_of(s.search(row.query, own)) == shown);
      // The count is exact at this size: every passage of the language that matches.
      own.limit = 1000;
      own.per_doc = 0;
      CHECK(page.total_by_lang.at(lang) == s.search(row.query, own).results.size());
    }
    // Every page cut from the mixed ranking is a part of one sequence.
    mixed.limit = 1000;
    const std::vector<Passage> all = passages_of(s.search(row.query, mixed));
    CHECK(std::set<Passage>(all.begin(), all.end()).size() == all.size());
    std::vector<Passage> paged;
    mixed.limit = 3;
    for (mixed.offset = 0; mixed.offset < all.size(); mixed.offset += mixed.limit) {
      const auto part = passages_of(s.search(row.query, mixed));
      paged.insert(paged.end(), part.begin(), part.end());
    }
    CHECK(paged == all);
  }
}

TEST_CASE("A file's later passages give way to other files' best, and pages never repeat",
          "[query][crowding]") {
  TempDir dir;
  {
    talash::IndexOptions options;
    options.threads = 1;
    options.passage_chars = 60;
    talash::IndexWriter w(dir / "db", options);
    // One file whose every passage names Harun twice: each outweighs any other file's passage.
    std::string text;
    for (int p = 0; p < 8; ++p) {
      text += "Harun and Harun met at gate " + std::to_string(p) + ".\n\n";
    }
    w.add({"long.txt", text, "en"});
    for (int i = 0; i < 6; ++i) {
      w.add({"short" + std::to_string(i) + ".txt",
             "In the year " + std::to_string(1900 + i) + " Harun came to the old city.", "en"});
    }
  }
  talash::Searcher s(dir / "db");
  talash::SearchOptions o;
  o.highlight = false;
  o.per_doc = 0;
  o.limit = 1000;
  const talash::SearchResults all = s.search("Harun", o);
  REQUIRE(all.results.size() == 14);
  CHECK(all.results[0].doc == "long.txt");
  // The long file's second passage comes only after the other files' best.
  CHECK(all.results[1].doc != "long.txt");
  const std::vector<Passage> ranked = passages_of(all);
  CHECK(std::set<Passage>(ranked.begin(), ranked.end()).size() == ranked.size());
  for (const std::size_t size : {1, 3, 5}) {
    CAPTURE(size);
    std::vector<Passage> paged;
    o.limit = size;
    for (o.offset = 0; o.offset < ranked.size(); o.offset += o.limit) {
      const auto part = passages_of(s.search("Harun", o));
      paged.insert(paged.end(), part.begin(), part.end());
    }
    CHECK(paged == ranked);
  }
  // The cap still says how many of a file are shown at all, crowded or not.
  o.offset = 0;
  o.limit = 1000;
  o.per_doc = 2;
  std::size_t from_long = 0;
  for (const auto& r : s.search("Harun", o).results) {
    from_long += r.doc == "long.txt" ? 1 : 0;
  }
  CHECK(from_long == 2);
}
