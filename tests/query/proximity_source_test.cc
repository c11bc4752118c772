// Phrases and NEAR through ProximitySource, end to end: the positions come from the positions
// value, or from Xapian's table for words whose fingerprints collide in a passage.
#include "../support/results.h"
#include "../support/temp_dir.h"
#include "index/position_codec.h"

#include <talash/talash.h>

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

namespace {

using talash::internal::term_fingerprint;
using talash::test::doc_set;
using talash::test::TempDir;

// A lower-case word (letters only) other than `word` with the same fingerprint.
std::string twin_of(const std::string& word) {
  for (unsigned i = 0;; ++i) {
    std::string candidate = "q";
    for (unsigned n = i; n > 0; n /= 26) {
      candidate.push_back(static_cast<char>('a' + n % 26));
    }
    if (candidate != word && term_fingerprint(candidate) == term_fingerprint(word)) {
      return candidate;
    }
  }
}

std::set<std::string> found(talash::Searcher& s, const std::string& query) {
  talash::SearchOptions exact;
  exact.exact = true;
  return doc_set(s.search(query, exact));
}

// Indexes `docs` into a database under `dir` and opens it.
talash::Searcher index_of(const TempDir& dir, const std::vector<talash::Document>& docs) {
  {
    talash::IndexWriter w(dir / "db");
    for (const talash::Document& d : docs) {
      w.add(d);
    }
    w.commit();
  }
  return talash::Searcher(dir / "db");
}

}  // namespace

TEST_CASE("Phrases match words in order and next to each other", "[query]") {
  TempDir dir;
  talash::Searcher s = index_of(dir, {{"order.txt", "the silk road ran west"},
                                      {"reversed.txt", "a road of silk ran west"},
                                      {"apart.txt", "silk went by road"},
                                      {"twice.txt", "silk silk road"}});
  CHECK(found(s, "\"silk road\"") == std::set<std::string>{"order.txt", "twice.txt"});
  CHECK(found(s, "\"road silk\"").empty());
  CHECK(found(s, "\"silk silk\"") == std::set<std::string>{"twice.txt"});
  CHECK(found(s, "\"silk road ran\"") == std::set<std::string>{"order.txt"});
}

TEST_CASE("NEAR matches words within the window, in any order", "[query]") {
  // As Xapian's OP_NEAR counts: NEAR/n holds words at most n - 1 positions apart.
  TempDir dir;
  talash::Searcher s = index_of(
      dir, {{"close.txt", "caravans crossed the desert to Kashgar"},
            {"far.txt", "caravans one two three four five six seven eight nine ten Kashgar"},
            {"reversed.txt", "Kashgar saw caravans"}});
  CHECK(found(s, "caravans NEAR/6 Kashgar") == std::set<std::string>{"close.txt", "reversed.txt"});
  CHECK(found(s, "caravans NEAR/5 Kashgar") == std::set<std::string>{"reversed.txt"});
  CHECK(found(s, "caravans NEAR/3 Kashgar") == std::set<std::string>{"reversed.txt"});
  CHECK(found(s, "caravans NEAR/2 Kashgar").empty());
  CHECK(found(s, "caravans NEAR/20 Kashgar") ==
        std::set<std::string>{"close.txt", "far.txt", "reversed.txt"});
}

TEST_CASE("Words whose fingerprints collide in a passage still match as phrases", "[query]") {
  // The two words keep their positions in Xapian's table (position_codec.h); the phrase must
  // find them there, and not take one word's positions for the other's.
  const std::string twin = twin_of("silk");
  TempDir dir;
  talash::Searcher s = index_of(dir, {{"both.txt", "silk road and " + twin + " gate"},
                                      {"swapped.txt", "road silk and gate " + twin}});
  CHECK(found(s, "\"silk road\"") == std::set<std::string>{"both.txt"});
  CHECK(found(s, "\"" + twin + " gate\"") == std::set<std::string>{"both.txt"});
  CHECK(found(s, "\"gate " + twin + "\"") == std::set<std::string>{"swapped.txt"});
  CHECK(found(s, "\"" + twin + " road\"").empty());
  CHECK(found(s, "silk NEAR/2 road") == std::set<std::string>{"both.txt", "swapped.txt"});
}
