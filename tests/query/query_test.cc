// talash::Query: parsing without exceptions (ok()/error()), queries built in code, and the
// doc_patterns option, run through a Searcher on a small index.
#include "../support/results.h"
#include "../support/temp_dir.h"

#include <talash/talash.h>

#include <catch2/catch.hpp>

#include <optional>
#include <set>

namespace {

using talash::Query;
using talash::test::doc_set;
using talash::test::TempDir;

void build(const std::string& db) {
  talash::IndexWriter w(db);
  w.add({"notes/osh.txt", "The market of Osh sold silk and cotton."});
  w.add({"notes/khiva.txt", "Khiva traded cotton in those years, and never silk."});
  w.add({"letters/silk.txt", "A letter about silk roads and caravans."});
  w.add({"letters/fa.txt", "بازار ابریشم در خیوه بزرگ بود."});
  w.commit();
}

}  // namespace

TEST_CASE("A query that cannot be parsed is not ok() and says why, without throwing",
          "[query][api]") {
  struct Row {
    const char* text;
    const char* error_part;
    const char* why;
  };
  const Row rows[] = {
      {"-silk", "only excludes", "a query must find something before it can exclude"},
      {"colour:red silk", "colour", "unknown filters are named"},
      {"lang:de silk", "de", "unknown languages are named"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text, row.why);
    const Query q(row.text);
    CHECK_FALSE(q.ok());
    CHECK(q.error().find(row.error_part) != std::string::npos);
    CHECK(q.error_position().has_value());
    CHECK(q.error_length() > 0);
  }
  const Query repaired("\"silk roads");
  CHECK(repaired.ok());
  CHECK(repaired.error().empty());
  CHECK(repaired.notices().size() == 1);
}

TEST_CASE("Searching with a query that is not ok() throws QueryError with its error",
          "[query][api]") {
  TempDir dir;
  build(dir / "db");
  talash::Searcher s(dir / "db");
  const Query q("-silk");
  CHECK_THROWS_AS(s.search(q), talash::QueryError);
  CHECK_THROWS_WITH(s.search(q), q.error());
}

// Errors found while building the Xapian query, after parsing succeeded, point into the text too;
// a query built in code has no text of its own to point into.
TEST_CASE("Errors found when a query is run carry their position", "[query][api]") {
  TempDir dir;
  build(dir / "db");
  talash::Searcher s(dir / "db");
  struct Row {
    Query query;
    const char* message_part;
    std::optional<std::size_t> position;
    std::size_t length;
    const char* why;
  };
  const Row rows[] = {
      {Query("silk OR -cotton"), "beside OR", 8, 7, "the NOT that cannot stand beside OR"},
      {Query("\xd8\x9f\xd8\x8c"), "no words", 0, 2, "punctuation only: the whole query"},
      {Query("  \xd8\x9f "), "no words", 2, 1, "the whole query without its spaces"},
      {Query("lang:fa"), "no words", 0, 7, "a filter alone has no words either"},
      {Query("\xd8\x9f lang:fa").in_language("fa"), "no words", 0, 9,
       "in_language keeps the text the error points into"},
      {Query::word("\xd8\x9f"), "no words", std::nullopt, 0, "a built word has no text"},
      {Query::word("silk").but_not(Query::word("cotton")).but_not(Query("-x")), "only excludes", 0,
       2, "a parsed part returned as it is keeps its own text"},
      {Query::all_of({Query("silk OR -cotton"), Query::word("z")}), "beside OR", std::nullopt, 0,
       "a parsed part combined: the spans point into no text of the whole"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.query.text(), row.why);
    try {
      s.search(row.query);
      FAIL("no error");
    } catch (const talash::QueryError& e) {
      CHECK(std::string(e.what()).find(row.message_part) != std::string::npos);
      CHECK(e.position() == row.position);
      CHECK(e.length() == row.length);
    }
  }
}

TEST_CASE("Built queries match as their query-language spellings do", "[query][api]") {
  TempDir dir;
  build(dir / "db");
  talash::Searcher s(dir / "db");
  const Query silk = Query::word("silk");
  const Query cotton = Query::word("cotton");
  CHECK(doc_set(s.search(Query::all_of({silk, cotton}))) == doc_set(s.search("silk cotton")));
  CHECK(doc_set(s.search(Query::any_of({Query::word("Osh"), Query::word("caravans")}))) ==
        std::set<std::string>{"notes/osh.txt", "letters/silk.txt"});
  CHECK(doc_set(s.search(silk.but_not(cotton))) == std::set<std::string>{"letters/silk.txt"});
  CHECK(doc_set(s.search(Query::phrase("silk roads"))) ==
        std::set<std::string>{"letters/silk.txt"});
  CHECK(doc_set(s.search(Query::near({Query::word("silk"), Query::word("cotton")}, 3))) ==
        std::set<std::string>{"notes/osh.txt"});
  // Words are taken as words: no syntax in them is interpreted.
  CHECK(doc_set(s.search(Query::word("-silk"))) == doc_set(s.search("silk")));
  CHECK(Query::all_of({silk, cotton}).text() == "(silk AND cotton)");
}

TEST_CASE("Built queries report what cannot be built", "[query][api]") {
  CHECK_FALSE(Query::all_of({}).ok());
  CHECK_FALSE(Query::near({Query::word("silk")}).ok());
  CHECK_FALSE(
      Query::near({Query::word("a"), Query::all_of({Query::word("b"), Query::word("c")})}).ok());
  CHECK_FALSE(Query::word("silk").in_language("de").ok());
  const Query bad("-silk");
  CHECK(Query::any_of({Query::word("silk"), bad}).error() == bad.error());
}

TEST_CASE("Language and path filters narrow the results", "[query][api]") {
  TempDir dir;
  build(dir / "db");
  talash::Searcher s(dir / "db");
  talash::SearchOptions options;
  options.doc_patterns = {"notes/*"};
  CHECK(doc_set(s.search("silk", options)) ==
        std::set<std::string>{"notes/osh.txt", "notes/khiva.txt"});
  options.doc_patterns = {"*/silk.txt", "*/osh.txt"};
  CHECK(doc_set(s.search("silk", options)) ==
        std::set<std::string>{"notes/osh.txt", "letters/silk.txt"});
  CHECK(doc_set(s.search(Query::word("ابریشم").in_language("fa"))) ==
        std::set<std::string>{"letters/fa.txt"});
  CHECK(doc_set(s.search(Query::word("silk").in_language("fa"))).empty());
}
