#include "query/query_parser.h"

#include <talash/error.h>

#include <catch2/catch.hpp>

namespace {

using talash::internal::parse_query;
using talash::internal::QueryNode;

// The tree as text: words as written ("phrase" and =exact marked), AND(...), OR(...), NOT(...),
// NEAR/n(...).
std::string render(const QueryNode& n) {
  switch (n.kind) {
    case QueryNode::Kind::kItem:
      if (n.item.phrase) {
        return "\"" + n.item.text + "\"";
      }
      return (n.item.exact ? "=" : "") + n.item.text;
    case QueryNode::Kind::kNot:
      return "NOT(" + render(n.children.front()) + ")";
    default: {
      std::string name = n.kind == QueryNode::Kind::kAnd  ? "AND"
                         : n.kind == QueryNode::Kind::kOr ? "OR"
                                                          : "NEAR/" + std::to_string(n.window);
      std::string out = name + "(";
      for (std::size_t i = 0; i < n.children.size(); ++i) {
        out += (i > 0 ? ", " : "") + render(n.children[i]);
      }
      return out + ")";
    }
  }
}

struct Row {
  const char* query;
  const char* tree;
  std::size_t notices;
  const char* why;
};

const Row kRows[] = {
    {"Enver Pasha", "AND(Enver, Pasha)", 0, "words are AND-ed"},
    {"Enver OR Anwar Pasha", "OR(Enver, AND(Anwar, Pasha))", 0, "OR binds looser than AND"},
    {"(Enver OR Anwar) Pasha", "AND(OR(Enver, Anwar), Pasha)", 0, "parentheses group"},
    {"\"Soviet forces\" =Enver", "AND(\"Soviet forces\", =Enver)", 0, "phrases and =word"},
    {"Bukhara -Emirate NOT Soviet", "AND(Bukhara, NOT(Emirate), NOT(Soviet))", 0, "exclusions"},
    {"Enver NEAR Bukhara", "NEAR/10(Enver, Bukhara)", 0, "NEAR with its default window"},
    {"Enver NEAR/3 Pasha NEAR Bukhara", "NEAR/10(Enver, Pasha, Bukhara)", 0, "NEAR chains"},
    {"انور AND Frunze", "AND(انور, Frunze)", 0, "Latin operators between Arabic-script words"},
    {"\"Enver Pasha", "\"Enver Pasha\"", 1, "unbalanced quote runs to the end"},
    {"(Enver OR Anwar", "OR(Enver, Anwar)", 1, "unclosed parenthesis is closed"},
    {"Enver) Pasha", "AND(Enver, Pasha)", 1, "stray closing parenthesis is dropped"},
    {"OR Enver OR", "Enver", 2, "lone operators are dropped"},
    {"Bukhara NOT", "Bukhara", 1, "NOT with nothing after it"},
    {"NEAR Bukhara", "Bukhara", 1, "NEAR with nothing before it"},
    {"\"Enver Pasha\" NEAR Bukhara", "AND(\"Enver Pasha\", Bukhara)", 1, "NEAR joins words only"},
    {"Enver NEAR/100 Pasha", "NEAR/100(Enver, Pasha)", 0, "the largest distance is taken as it is"},
    {"Enver NEAR/101 Pasha", "NEAR/100(Enver, Pasha)", 1, "a larger one is clamped, with a notice"},
    {"Enver NEAR/999999999999999999999 Pasha", "NEAR/100(Enver, Pasha)", 1,
     "a distance no integer holds is clamped too, never thrown (it made the CLI exit 3)"},
    {"Enver NEAR/0 Pasha", "NEAR/1(Enver, Pasha)", 1, "no distance at all is read as adjacent"},
};

}  // namespace

TEST_CASE("The query language parses into the expected tree", "[query]") {
  for (const Row& row : kRows) {
    CAPTURE(row.query, row.why);
    const auto q = parse_query(row.query);
    CHECK(render(q.root) == row.tree);
    CHECK(q.notices.size() == row.notices);
  }
}

TEST_CASE("Filters are read from the query", "[query]") {
  const auto q = parse_query("انور lang:fa doc:*.txt");
  CHECK(q.lang == "fa");
  CHECK(q.doc_patterns == std::vector<std::string>{"*.txt"});
  CHECK(render(q.root) == "انور");
  CHECK_THROWS_AS(parse_query("x lang:de"), talash::UsageError);
  CHECK_THROWS_AS(parse_query("x doc:"), talash::UsageError);
  CHECK_THROWS_AS(parse_query("x title:y"), talash::UsageError);
}

TEST_CASE("A query that only excludes is rejected", "[query]") {
  CHECK_THROWS_AS(parse_query("-Bukhara"), talash::UsageError);
  CHECK_THROWS_AS(parse_query("NOT Bukhara NOT Khiva"), talash::UsageError);
}

#define ZWNJ "\xe2\x80\x8c"

TEST_CASE("A query error points at the part at fault, in code points", "[query]") {
  struct Row {
    const char* query;
    const char* message_part;
    std::size_t position;
    std::size_t length;
    const char* why;
  };
  const Row rows[] = {
      {"x lang:de", "unknown language", 7, 2, "the bad value, not the filter that is right"},
      {"x lang:", "unknown language", 2, 5, "no value to point at: the filter as a whole"},
      {"Herat title:y", "unknown filter 'title:'", 6, 6, "the unknown filter's name"},
      {"x doc:", "file pattern", 2, 4, "the empty filter as a whole"},
      {"-Bukhara", "only excludes", 0, 8, "the exclusion with its word"},
      {"NOT Bukhara NOT Khiva", "only excludes", 0, 11, "the first of several exclusions"},
      {"-(Osh Khiva)", "only excludes", 0, 12, "an excluded group, to its ')'"},
      {"انور lang:xx", "unknown language", 10, 2, "Arabic script counts code points, not bytes"},
      {"می" ZWNJ "روم title:x", "unknown filter", 7, 6, "ZWNJ is a code point of its own"},
      {"Osh\x01"
       "colour:red",
       "unknown filter", 4, 7, "a control read as a space keeps its place"},
      {"\xff colour:red", "unknown filter", 2, 7, "an invalid byte is one replacement character"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.query, row.why);
    try {
      parse_query(row.query);
      FAIL("no error");
    } catch (const talash::QueryError& e) {
      CHECK(std::string(e.what()).find(row.message_part) != std::string::npos);
      REQUIRE(e.position().has_value());
      CHECK(*e.position() == row.position);
      CHECK(e.length() == row.length);
    }
  }
}

TEST_CASE("Invalid UTF-8, control characters and over-long text are repaired", "[query]") {
  const auto q = parse_query(std::string("Enver\xff\x01Pasha"));
  CHECK(q.notices.size() == 2);
  const auto longq = parse_query(std::string(5000, 'a'));
  CHECK(longq.notices.size() == 1);
  CHECK(longq.root.item.text.size() == talash::internal::kMaxQueryBytes);
}
