// cli::mark_in_query: carets under a query whose every character takes one column, the part quoted
// for any other, since a caret line under right-to-left or combining text points at the wrong
// place.
#include "cli/query_marker.h"

#include "../support/chars.h"

#include <catch2/catch.hpp>

#define CEDILLA "\xcc\xa7"  // U+0327 combining cedilla

namespace {

using talash::cli::mark_in_query;

}  // namespace

TEST_CASE("A query error's place is marked as a terminal can show it", "[cli]") {
  struct Row {
    const char* query;
    std::size_t position;
    std::size_t length;
    std::vector<std::string> lines;
    const char* why;
  };
  const Row rows[] = {
      {"Herat title:y", 6, 6, {"Herat title:y", "      ^^^^^^"}, "carets under the part"},
      {"x doc:", 2, 4, {"x doc:", "  ^^^^"}, "a part at the end of the query"},
      {"abc", 1, 0, {"abc", " ^"}, "a length of 0 still marks one character"},
      {"abc", 1, 10, {"abc", " ^^"}, "a span past the end is cut at the end"},
      {"abc", 3, 1, {}, "a position past the end marks nothing"},
      {"Enver Pa\xc5\x9f"
       "a x:y",
       11,
       2,
       {"Enver Paşa x:y", "           ^^"},
       "a precomposed Turkish letter is one column: columns count code points, not bytes"},
      {"Pas" CEDILLA "a x:y",
       6,
       2,
       {"at character 7: \u00ABx:\u00BB"},
       "a combining mark takes no column, so the part is quoted"},
      {"انور lang:xx",
       10,
       2,
       {"at character 11: \u00ABxx\u00BB"},
       "right-to-left text is laid out by the terminal: quoted"},
      {"می" ZWNJ "روم x:y",
       7,
       2,
       {"at character 8: \u00ABx:\u00BB"},
       "ZWNJ is a code point of its own, counted in the position"},
      {"a\tb:c", 2, 2, {"at character 3: \u00ABb:\u00BB"}, "a tab has no fixed width"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.query, row.why);
    CHECK(mark_in_query(row.query, row.position, row.length) == row.lines);
  }
}
