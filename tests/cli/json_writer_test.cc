// cli::JsonWriter against the reference it replaces: nlohmann::json's dump(), byte for byte, on
// strings that need escaping or replacing and on doubles of every magnitude.
#include "cli/json_writer.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace {

std::string reference(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string written_string(const std::string& s) {
  std::string out;
  talash::cli::JsonWriter(out).value(std::string_view(s));
  return out;
}

std::string written_double(double d) {
  std::string out;
  talash::cli::JsonWriter(out).value(d);
  return out;
}

}  // namespace

TEST_CASE("Strings are escaped and replaced as nlohmann's dump does", "[cli][json]") {
  struct Row {
    std::string text;
    const char* why;
  };
  const std::vector<Row> rows = {
      {"", "empty"},
      {"plain ascii", "nothing to escape"},
      {"quote \" and backslash \\", "the two characters JSON always escapes"},
      {"\b\f\n\r\t", "the controls with short escapes"},
      {std::string("\x00\x01\x1f", 3), "other controls, NUL included: \\u00XX in lower case"},
      {"\x7f", "DEL is not escaped"},
      {"انور\xe2\x80\x8cپاشا", "Arabic script and ZWNJ pass through"},
      {"\xf0\x9f\x98\x80", "a character outside the BMP passes through"},
      {"bad \xff byte", "an invalid byte"},
      {"cut \xd8", "a sequence cut at the end"},
      {"\xd8 x", "a lead byte followed by ASCII"},
      {"\xe0\x80\xaf", "an overlong form"},
      {"\xed\xa0\x80", "a UTF-16 surrogate encoded in UTF-8"},
      {"\xf4\x90\x80\x80", "past U+10FFFF"},
      {"\xc0\xaf \"q\" \n", "invalid bytes and escapes in one string"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.why);
    CHECK(written_string(row.text) == reference(row.text));
  }
}

TEST_CASE("Numbers are written as nlohmann's dump writes them", "[cli][json]") {
  std::vector<double> values = {0.0,
                                -0.0,
                                1.0,
                                0.5,
                                1e-5,
                                1e21,
                                123456789.0,
                                0.1,
                                1.0 / 3,
                                2.0 / 3,
                                1e-300,
                                1e300,
                                12.5,
                                0.96,
                                std::numeric_limits<double>::min(),
                                std::numeric_limits<double>::max(),
                                std::nan(""),
                                std::numeric_limits<double>::infinity()};
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> scores(0, 40);
  std::uniform_int_distribution<int> exponent(-30, 30);
  for (int i = 0; i < 20000; ++i) {
    values.push_back(scores(rng));
    values.push_back(std::ldexp(scores(rng), exponent(rng)));
  }
  for (const double d : values) {
    CAPTURE(d);
    REQUIRE(written_double(d) == reference(d));
  }
  std::string out;
  talash::cli::JsonWriter w(out);
  w.value(std::uint64_t{18446744073709551615ULL});
  CHECK(out == reference(18446744073709551615ULL));
}

TEST_CASE("Containers get their commas and keys in place", "[cli][json]") {
  std::string out;
  talash::cli::JsonWriter w(out);
  w.begin_object();
  w.field("a", std::uint64_t{1});
  w.key("empty");
  w.begin_array();
  w.end_array();
  w.field("list", std::vector<std::string>{"x", "y"});
  w.key("nested");
  w.begin_array();
  w.begin_object();
  w.field("t", true);
  w.field("f", false);
  w.end_object();
  w.begin_object();
  w.end_object();
  w.end_array();
  w.end_object();
  const nlohmann::ordered_json expected = {
      {"a", 1},
      {"empty", nlohmann::json::array()},
      {"list", {"x", "y"}},
      {"nested", {{{"t", true}, {"f", false}}, nlohmann::json::object()}}};
  CHECK(out == expected.dump());
}
