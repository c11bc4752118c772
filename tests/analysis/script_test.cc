#include "analysis/script.h"

#include <catch2/catch.hpp>

namespace {

struct Row {
  const char* text;
  const char* lang;
  const char* why;
};

const Row kRows[] = {
    {"انور پاشا نے پہلی بڑی شکست کھائی۔", "ur", "Urdu letters ے ں ٹ ڈ ڑ ھ ہ"},
    {"جنبش باسماچیان یکی از حرکتهای خودجوش بود", "fa", "Arabic script without Urdu letters"},
    {"Enver Pasha's campaign in Bukhara", "en", "Latin script"},
    {"Enver Paşa Buhara'ya gitti; Qoʻqon", "en", "Turkish and Uzbek letters are still Latin"},
    {"1922 - 1931", "", "no letters"},
    {"Enver Pasha (انور پاشا) led the Basmachi revolt in Bukhara", "en", "mostly Latin"},
    {"در کتاب «ہے» آمده است که جنبش باسماچیان یکی از حرکتهای بزرگ بود", "fa",
     "one quoted Urdu letter does not make Persian text Urdu"},
};

}  // namespace

TEST_CASE("Language of a passage is detected from its letters", "[analysis]") {
  for (const Row& row : kRows) {
    CAPTURE(row.text, row.why);
    CHECK(talash::internal::detect_language(row.text) == row.lang);
  }
}
