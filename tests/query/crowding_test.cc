// Crowding on its own (crowding.h), against a reference: the reordered tier is the tier sorted
// by weight × kCrowding^(passages of its file before it), and a place counts as settled only
// when no passage not yet read could take it. Below, a passage is "score:did:file", best first.
#include "query/crowding.h"

#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace {

using talash::internal::crowd;
using talash::internal::Hit;

std::vector<Hit> hits(const std::vector<std::string>& specs) {
  std::vector<Hit> out;
  for (const std::string& s : specs) {
    Hit h;
    const std::size_t a = s.find(':');
    const std::size_t b = s.find(':', a + 1);
    h.score = std::stod(s.substr(0, a));
    h.did = static_cast<Xapian::docid>(std::stoul(s.substr(a + 1, b - a - 1)));
    h.path = s.substr(b + 1);
    out.push_back(h);
  }
  return out;
}

struct Row {
  std::vector<std::string> tier;
  std::map<std::string, std::size_t> earlier;
  std::optional<double> floor;
  std::vector<Xapian::docid> order;
  std::size_t settled;
  const char* why;
};

const Row kRows[] = {
    {{"9:1:a", "8:2:b", "7:3:c"},
     {},
     std::nullopt,
     {1, 2, 3},
     3,
     "passages of different files keep Xapian's order"},
    {{"10:1:a", "9:2:a", "8:3:a", "6:4:b", "5:5:c"},
     {},
     std::nullopt,
     {1, 4, 5, 2, 3},
     5,
     "a file's second passage (4.5) and third (2) come after the next files' best"},
    {{"10:1:a", "9:2:a", "6:3:b"},
     {},
     6.0,
     {1, 3, 2},
     2,
     "a passage not read could weigh 6 and come before the crowded 4.5: it is not settled"},
    {{"10:1:a", "9:2:a", "6:3:b"},
     {},
     std::nullopt,
     {1, 3, 2},
     3,
     "the same tier read to its end: every place is settled"},
    {{"8:1:a", "6:2:b"},
     {{"a", 1}},
     std::nullopt,
     {2, 1},
     2,
     "a file that had a passage in an earlier tier starts this one crowded (8 -> 4)"},
    {{"8:1:a", "4:2:a", "4:3:b"},
     {},
     std::nullopt,
     {1, 3, 2},
     3,
     "a tie between a crowded passage (4) and another file's (4) keeps Xapian's order: b's first"},
    {{"8:1:a", "4:2:b", "4:3:a"},
     {},
     4.0,
     {1, 2, 3},
     2,
     "a crowded weight (2) below the floor (4) is not settled; one at the floor is (a tie goes to "
     "it)"},
    {{}, {}, std::nullopt, {}, 0, "an empty tier stays empty"},
};

TEST_CASE("Crowding orders a tier by weight halved for each earlier passage of its file",
          "[crowding]") {
  for (const Row& row : kRows) {
    INFO(row.why);
    std::size_t settled = 99;
    const std::vector<Hit> out = crowd(hits(row.tier), row.earlier, row.floor, settled);
    std::vector<Xapian::docid> order;
    for (const Hit& h : out) {
      order.push_back(h.did);
    }
    CHECK(order == row.order);
    CHECK(settled == row.settled);
  }
}

}  // namespace
