// The first page's mixing rule on its own (page_mixer.h): which hits the window takes, in which
// order, and that pages cut from the window and the ranking after it never repeat a hit.
#include "query/page_mixer.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

namespace {

using talash::internal::after_window;
using talash::internal::Hit;
using talash::internal::kMixWindow;
using talash::internal::mix_window;

// A language's hits as "tier:score:did[:file]" strings, best first; the file defaults to the id.
std::vector<Hit> hits(const std::vector<std::string>& specs) {
  std::vector<Hit> out;
  for (const std::string& s : specs) {
    Hit h;
    std::size_t a = s.find(':');
    std::size_t b = s.find(':', a + 1);
    std::size_t c = s.find(':', b + 1);
    h.tier = std::stoul(s.substr(0, a));
    h.score = std::stod(s.substr(a + 1, b - a - 1));
    h.did = static_cast<Xapian::docid>(std::stoul(s.substr(b + 1, c - b - 1)));
    h.path = c == std::string::npos ? std::to_string(h.did) : s.substr(c + 1);
    out.push_back(h);
  }
  return out;
}

std::vector<Xapian::docid> ids(const std::vector<Hit>& h) {
  std::vector<Xapian::docid> out;
  for (const Hit& x : h) {
    out.push_back(x.did);
  }
  return out;
}

struct Row {
  std::vector<std::vector<std::string>> by_language;
  std::vector<std::size_t> totals;  // each language's matches ({}: none given)
  std::size_t per_doc;
  std::vector<Xapian::docid> window;
  const char* why;
};

const Row kRows[] = {
    {{{"0:9:1", "0:8:2", "0:7:3"}}, {}, 0, {1, 2, 3}, "one language: its own order, unchanged"},
    {{{"2:5:10", "2:4:11"}, {"0:9:1", "0:8:2", "0:7:3"}},
     {500, 3},
     0,
     {1, 10, 2, 11, 3},
     "the language of the query's own spelling (tier 1) goes first, whatever the caller's order"},
    {{{"0:9:1", "0:8:2"}, {"0:9.5:5", "0:1:6"}},
     {},
     0,
     {5, 1, 6, 2},
     "on the same tier and with as many matches, the language whose best hit scores higher goes "
     "first"},
    {{{"2:11:1"}, {"2:7:5", "2:6:6"}},
     {1, 300},
     0,
     {5, 1, 6},
     "on the same tier, the language with more matches goes first, whatever the scores (a rare "
     "word's idf)"},
    {{{"0:9:1", "0:8:2", "0:7:3", "0:6:4", "0:5:5", "0:4:6", "0:3:7", "0:2:8", "0:1:9"},
      {"2:3:20"},
      {"2:2:30", "2:1:31"}},
     {},
     0,
     {1, 20, 30, 2, 31, 3, 4, 5, 6, 7},
     "a language that runs out leaves its turns to the others; the window stops at ten"},
    {{{}, {"0:9:1"}, {}}, {}, 0, {1}, "languages without hits take no turn"},
    {{{"0:9:1", "3:8:2"}, {"3:5:10"}},
     {},
     0,
     {1},
     "loose transliterations (tier 4) take no turn: they follow the window in the ranking"},
    {{{"0:9:1:a", "0:8:2:a", "0:7:3:b"}, {"2:5:10:a", "2:4:11:c"}},
     {},
     2,
     {1, 10, 3, 11},
     "the per-file cap holds across languages: file a has passages in both, and its third "
     "(2) waits for no turn"},
};

}  // namespace

TEST_CASE("The first page is dealt round the languages, each in its own order", "[query][mixer]") {
  for (const Row& row : kRows) {
    CAPTURE(row.why);
    std::vector<std::vector<Hit>> by_language;
    for (const auto& l : row.by_language) {
      by_language.push_back(hits(l));
    }
    CHECK(ids(mix_window(by_language, row.totals, row.per_doc)) == row.window);
  }
}

TEST_CASE("Pages cut from the mixed ranking never repeat a passage and leave none out",
          "[query][mixer]") {
  // English exact matches fill the ranking; Persian and Urdu transliterations come far below.
  std::vector<std::string> en;
  std::vector<std::string> ranked_specs;
  for (int i = 1; i <= 30; ++i) {
    en.push_back("0:" + std::to_string(100 - i) + ":" + std::to_string(i));
    ranked_specs.push_back(en.back());
  }
  const std::vector<std::string> fa = {"2:5:101", "2:4:102", "2:3:103"};
  const std::vector<std::string> ur = {"2:4.5:201"};
  for (const auto& s : {"2:5:101", "2:4.5:201", "2:4:102", "2:3:103"}) {
    ranked_specs.push_back(s);
  }
  const std::vector<Hit> window = mix_window({hits(en), hits(fa), hits(ur)}, {30, 3, 1}, 0);
  REQUIRE(window.size() == kMixWindow);
  CHECK(ids(window) == std::vector<Xapian::docid>{1, 101, 201, 2, 102, 3, 103, 4, 5, 6});
  const std::vector<Hit> all = after_window(window, hits(ranked_specs), 1000, 0);
  CHECK(all.size() == ranked_specs.size());
  std::set<Xapian::docid> seen;
  for (const Hit& h : all) {
    CHECK(seen.insert(h.did).second);
  }
  // Any page size gives the same sequence.
  for (std::size_t limit : {1, 3, 7, 10, 11, 25}) {
    CAPTURE(limit);
    std::vector<Xapian::docid> paged;
    for (std::size_t offset = 0; offset < all.size(); offset += limit) {
      const std::vector<Hit> upto = after_window(window, hits(ranked_specs), offset + limit, 0);
      for (std::size_t i = offset; i < upto.size(); ++i) {
        paged.push_back(upto[i].did);
      }
    }
    CHECK(paged == ids(all));
  }
}

// Which lists the window used to their end (page_mixer.h: used_up), so that the searcher ranks
// only those languages on their own; a list the window left hits of needs no more.
struct UsedUpRow {
  std::vector<std::vector<std::string>> by_language;
  std::size_t per_doc;
  std::vector<bool> used_up;
  const char* why;
};

const UsedUpRow kUsedUpRows[] = {
    {{{"0:9:1", "0:8:2", "0:7:3", "0:6:4", "0:5:5", "0:4:6", "0:3:7", "0:2:8", "0:1:9", "0:1:10",
       "0:1:11"},
      {"2:5:101"},
      {}},
     0,
     {false, true, true},
     "the window took the Persian list's one hit (more of Persian could have had places) and "
     "left English hits; a list with no hits is used up"},
    {{{"0:9:1", "0:8:2", "0:7:3", "0:6:4", "0:5:5", "0:4:6", "0:3:7", "0:2:8", "0:1:9", "0:1:10"},
      {"2:5:101", "2:4:102"}},
     0,
     {false, true},
     "a full window: English keeps its last two hits, Persian gave all it had"},
    {{{"0:9:1", "0:8:2"}, {"2:5:101", "3:4:102"}},
     0,
     {true, false},
     "a list ending in a loose hit has shown all its language can place in the window; a short "
     "list the window emptied is used up"},
    {{{"0:9:1:a", "0:8:2:a", "0:7:3:b"}, {}},
     1,
     {true, true},
     "hits the per-file cap passes over count as used: the list has nothing more to give"},
};

TEST_CASE("The window says which languages' lists it used to their end", "[query][mixer]") {
  for (const UsedUpRow& row : kUsedUpRows) {
    CAPTURE(row.why);
    std::vector<std::vector<Hit>> by_language;
    for (const auto& l : row.by_language) {
      by_language.push_back(hits(l));
    }
    std::vector<bool> used_up;
    mix_window(by_language, {}, row.per_doc, &used_up);
    CHECK(used_up == row.used_up);
  }
}
