#include "index/position_codec.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace {

using talash::internal::encode_positions;
using talash::internal::PositionFinder;
using talash::internal::term_fingerprint;
using talash::internal::TermPositions;
using Positions = std::vector<std::uint32_t>;

// A lower-case word other than `word` with the same fingerprint.
std::string twin_of(const std::string& word) {
  for (int i = 0;; ++i) {
    std::string candidate = "w" + std::to_string(i);
    if (candidate != word && term_fingerprint(candidate) == term_fingerprint(word)) {
      return candidate;
    }
  }
}

// Where each of `terms` stands in the value `encode_positions(passage)` writes.
std::vector<Positions> found(const std::vector<TermPositions>& passage,
                             const std::vector<std::string>& terms) {
  std::vector<std::uint16_t> fingerprints;
  for (const std::string& t : terms) {
    fingerprints.push_back(term_fingerprint(t));
  }
  std::vector<Positions> out;
  PositionFinder(fingerprints).find(encode_positions(passage).value, out);
  return out;
}

}  // namespace

TEST_CASE("Positions read back from the value as written", "[index]") {
  struct Row {
    std::vector<TermPositions> passage;
    std::vector<std::string> look_for;
    std::vector<Positions> expected;
    const char* why;
  };
  const Row rows[] = {
      {{{"silk", {1}}, {"road", {2}}}, {"road", "silk"}, {{2}, {1}}, "two words in order"},
      {{{"the", {1, 4, 9}}, {"road", {2}}}, {"the"}, {{1, 4, 9}}, "a word three times"},
      {{{"a", {3}}, {"b", {200}}}, {"b", "a"}, {{200}, {3}}, "positions without a term between"},
      {{{"می", {1}}, {"روم", {2}}, {"میروم", {1}}, {"XPروم", {2}}},
       {"میروم", "روم", "XPروم"},
       {{1}, {2}, {2}},
       "a join and a ZWNJ part at the positions of the words they stand beside"},
      {{{"silk", {1}}}, {"road"}, {{}}, "a term not in the passage"},
      {{{"silk", {1, 2}}}, {"silk", "silk"}, {{1, 2}, {1, 2}}, "a fingerprint asked for twice"},
      {{}, {"silk"}, {{}}, "an empty passage"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.why);
    CHECK(found(row.passage, row.look_for) == row.expected);
  }
}

TEST_CASE("Terms sharing a fingerprint in a passage are spilled, and only they", "[index]") {
  const std::string twin = twin_of("silk");
  const std::vector<TermPositions> passage = {{"silk", {1}}, {"road", {2}}, {twin, {3}}};
  const auto encoded = encode_positions(passage);
  REQUIRE(encoded.spilled.size() == 2);
  CHECK(encoded.spilled[0]->first == "silk");
  CHECK(encoded.spilled[1]->first == twin);
  // Neither is in the value, so a reader cannot take one for the other.
  CHECK(found(passage, {"silk", twin, "road"}) == std::vector<Positions>{{}, {}, {2}});
}

TEST_CASE("A term at position 0 is spilled: the value counts positions from 1", "[index]") {
  const std::vector<TermPositions> passage = {{"silk", {0, 2}}, {"road", {1}}};
  const auto encoded = encode_positions(passage);
  REQUIRE(encoded.spilled.size() == 1);
  CHECK(encoded.spilled[0]->first == "silk");
  CHECK(found(passage, {"road"}) == std::vector<Positions>{{1}});
}

TEST_CASE("A value cut short gives the positions before the cut, and never more", "[index]") {
  std::vector<TermPositions> passage = {{"silk", {}}};
  for (std::uint32_t p = 1; p <= 9; ++p) {
    passage[0].second.push_back(p);
  }
  const std::string value = encode_positions(passage).value;
  const std::vector<std::uint16_t> fingerprints = {term_fingerprint("silk")};
  std::vector<Positions> out;
  for (std::size_t cut = 0; cut <= value.size(); ++cut) {
    CAPTURE(cut);
    PositionFinder(fingerprints).find(value.substr(0, cut), out);
    REQUIRE(out.size() == 1);
    // Two codes in three bytes, the last odd one in two: a partial group yields nothing.
    const std::size_t whole = cut / 3 * 2 + (cut % 3 == 2 ? 1 : 0);
    CHECK(out[0].size() == whole);
  }
}
