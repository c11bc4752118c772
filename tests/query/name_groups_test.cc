// Names files (talash/names.h): what a line may hold, the error a bad line gets, and which terms
// each spelling of a group is joined to.
#include "query/name_groups.h"

#include "../support/temp_dir.h"
#include "analysis/text_analyzer.h"

#include <talash/error.h>
#include <talash/names.h>

#include <catch2/catch.hpp>

#include <fstream>

#define ZWNJ "\xe2\x80\x8c"

namespace {

struct GoodRow {
  const char* text;
  talash::NameGroups groups;
  const char* why;
};

const GoodRow kGood[] = {
    {"Joseph, Yusuf, یوسف\n", {{"Joseph", "Yusuf", "یوسف"}}, "a group in two scripts"},
    {"  Egypt ,مصر  \r\n", {{"Egypt", "مصر"}}, "spaces around spellings and a CR LF line end"},
    {"# exonyms\n\nMoses, موسی # the prophet\n",
     {{"Moses", "موسی"}},
     "comments, whole-line and trailing, and blank lines"},
    {"Jesus, Isa,, عیسی,\n", {{"Jesus", "Isa", "عیسی"}}, "empty spellings between commas"},
    {"Tehran, طهران\nMary, مریم",
     {{"Tehran", "طهران"}, {"Mary", "مریم"}},
     "two groups; the last line needs no line end"},
    {"Khusraw, خسرو" ZWNJ "ها\n",
     {{"Khusraw", "خسرو" ZWNJ "ها"}},
     "a word written with ZWNJ is one word"},
};

struct BadRow {
  const char* text;
  const char* error;
  const char* why;
};

const BadRow kBad[] = {
    {"Joseph\n", "names.txt:1: a group needs two spellings", "a group of one"},
    {"Joseph, Yusuf\n\nEgypt\n", "names.txt:3: a group needs two spellings",
     "the line number counts blank lines"},
    {"Abu Bakr, ابوبکر\n", "names.txt:1: \"Abu Bakr\" is not one word", "two words in a spelling"},
    {"Joseph, ...\n", "names.txt:1: \"...\" is not one word", "a spelling without letters"},
    {"Joseph, Yus\xff"
     "f\n",
     "names.txt:1: not valid UTF-8", "a byte that is no UTF-8"},
};

}  // namespace

TEST_CASE("A names file's lines are read into groups of spellings", "[query][names]") {
  for (const GoodRow& row : kGood) {
    CAPTURE(row.why);
    CHECK(talash::parse_name_groups(row.text, "names.txt") == row.groups);
  }
}

TEST_CASE("A bad line of a names file is refused, naming the file and the line", "[query][names]") {
  for (const BadRow& row : kBad) {
    CAPTURE(row.why);
    try {
      talash::parse_name_groups(row.text, "names.txt");
      FAIL("accepted");
    } catch (const talash::UsageError& e) {
      CHECK_THAT(e.what(), Catch::Matchers::StartsWith(row.error));
    }
  }
}

TEST_CASE("A names file that cannot be read is an I/O error naming it", "[query][names]") {
  talash::test::TempDir dir;
  CHECK_THROWS_AS(talash::read_name_groups(dir / "missing.txt"), talash::IoError);
  const std::string path = dir / "names.txt";
  std::ofstream(path) << "Joseph, یوسف\n";
  CHECK(talash::read_name_groups(path) == talash::NameGroups{{"Joseph", "یوسف"}});
}

TEST_CASE("Each spelling of a group is joined to the others' terms, as normalized",
          "[query][names]") {
  const talash::internal::TextAnalyzer analyzer;
  const talash::internal::NameIndex names(
      {{"Joseph", "Yusuf", "يوسف"}, {"Joseph", "Giuseppe"}, {"Abu Bakr", "ابوبکر"}}, analyzer);
  using V = std::vector<std::string>;
  // Arabic yeh (ي) folds to the Persian letter (ی), as every term is folded.
  CHECK(names.equivalents("joseph") == V{"yusuf", "یوسف", "giuseppe"});
  CHECK(names.equivalents("یوسف") == V{"joseph", "yusuf"});
  CHECK(names.equivalents("giuseppe") == V{"joseph"});
  // A caller's own group may hold a spelling of two words: it is left out, the rest kept.
  CHECK(names.equivalents("ابوبکر").empty());
  CHECK(names.equivalents("moses").empty());
}
