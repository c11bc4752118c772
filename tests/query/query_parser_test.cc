#include "query/query_parser.h"

#include <talash/error.h>

#include <catch2/catch.hpp>

using talash::internal::parse_query;

TEST_CASE("Words are AND-ed groups; OR joins alternatives", "[query]") {
  const auto q = parse_query("Enver OR Anwar Pasha");
  REQUIRE(q.groups.size() == 2);
  CHECK(q.groups[0].size() == 2);
  CHECK(q.groups[0][1].text == "Anwar");
  CHECK(q.groups[1][0].text == "Pasha");
}

TEST_CASE("Quoted phrases and =word are exact", "[query]") {
  const auto q = parse_query("\"Soviet forces\" =Enver");
  REQUIRE(q.groups.size() == 2);
  CHECK(q.groups[0][0].phrase);
  CHECK(q.groups[0][0].exact);
  CHECK(q.groups[0][0].text == "Soviet forces");
  CHECK_FALSE(q.groups[1][0].phrase);
  CHECK(q.groups[1][0].exact);
}

TEST_CASE("NOT and -word exclude", "[query]") {
  const auto q = parse_query("Bukhara -Emirate NOT Soviet");
  CHECK(q.groups.size() == 1);
  REQUIRE(q.excluded.size() == 2);
  CHECK(q.excluded[0].text == "Emirate");
  CHECK(q.excluded[1].text == "Soviet");
}

TEST_CASE("Filters are read from the query", "[query]") {
  const auto q = parse_query("انور lang:fa doc:*.txt");
  CHECK(q.lang == "fa");
  CHECK(q.doc_patterns == std::vector<std::string>{"*.txt"});
  CHECK_THROWS_AS(parse_query("x lang:de"), talash::UsageError);
  CHECK_THROWS_AS(parse_query("x doc:"), talash::UsageError);
}

TEST_CASE("Malformed queries are repaired with a notice", "[query]") {
  SECTION("unbalanced quote") {
    const auto q = parse_query("\"Enver Pasha");
    REQUIRE(q.groups.size() == 1);
    CHECK(q.groups[0][0].text == "Enver Pasha");
    CHECK(q.notices.size() == 1);
  }
  SECTION("lone operators") {
    const auto q = parse_query("OR Enver OR");
    CHECK(q.groups.size() == 1);
    CHECK(q.notices.size() == 2);
  }
  SECTION("invalid UTF-8 and control characters") {
    const auto q = parse_query(std::string("Enver\xff\x01Pasha"));
    CHECK(q.notices.size() == 2);
  }
}
