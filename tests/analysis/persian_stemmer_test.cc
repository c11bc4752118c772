#include "analysis/persian_stemmer.h"

#include "../support/chars.h"
#include "analysis/utf.h"

#include <catch2/catch.hpp>

namespace {

using talash::internal::decode_utf8;
using talash::internal::persian_stem;
using talash::internal::to_utf8;

std::string stem(const std::string& folded) {
  return to_utf8(persian_stem(decode_utf8(folded).text));
}

struct Row {
  const char* word;
  const char* stem;
  const char* why;
};

const Row kRows[] = {
    {"کتاب" ZWNJ "ها", "کتاب", "plural after ZWNJ"},
    {"کتابها", "کتاب", "plural joined"},
    {"کتاب" ZWNJ "هایشان", "کتاب", "plural + possessive after ZWNJ"},
    {"بزرگ" ZWNJ "ترین", "بزرگ", "superlative after ZWNJ"},
    {"باسماچیان", "باسماچی", "animate plural ان on a long word"},
    {"تنها", "تنها", "too short to carry ها: 'alone'"},
    {"ایران", "ایران", "ان of a name, not a plural"},
    {"افغانستان", "افغانستان", "-ستان place names keep their ان"},
    {"دختر", "دختر", "تر without ZWNJ is part of the word"},
    {"زندگی", "زندگی", "no stripping of ی (would give زند)"},
};

}  // namespace

TEST_CASE("Persian light stemmer strips plurals and comparatives without over-stemming",
          "[analysis][fa]") {
  for (const Row& row : kRows) {
    CAPTURE(row.word, row.why);
    CHECK(stem(row.word) == row.stem);
  }
}
