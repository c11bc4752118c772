// The tokenizer's shortcut for plain words (letters of one script between spaces or plain
// punctuation) against ICU's word breaks on the whole text: the same words, always.
#include "analysis/tokenizer.h"

#include "../support/chars.h"
#include "../support/corpus_texts.h"
#include "analysis/utf.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using talash::internal::decode_utf8;
using talash::internal::Span;
using talash::internal::Tokenizer;

struct Row {
  const char* text;
  const char* why;
};

constexpr Row kRows[] = {
    {"Enver Pasha reached Dushanbe", "plain words, all by the shortcut"},
    {"انور پاشا به دوشنبه رسید", "plain Arabic-script words"},
    {"U.S.A and e.g. this", "a full stop between letters joins them (MidNumLet)"},
    {"l'eau, Enver's and Enver’s", "apostrophes join letters; a possessive is trimmed by refine"},
    {"Sa`id, `Isa and Allah`s", "a grave accent for ʿayn joins Latin letters after both paths"},
    {"abc:def", "a colon is MidLetter in UAX#29 and not in ICU's rules"},
    {"abc,def abc;def", "a comma or semicolon (MidNum) between letters splits"},
    {"12,345 and 12,abc and abc,12", "a comma joins digits only"},
    {"PDFفایل and فایلPDF", "a script change inside a word is refine's split"},
    {"1922ء میں", "Arabic letters part from digits"},
    {"B52 and 20th", "Latin letters and digits stay one word"},
    {"می" ZWNJ "روم and " ZWNJ "انور", "ZWNJ inside and before a word"},
    {"كتاب" FATHA " " FATHA "انور", "a mark on a word, and a mark after a space"},
    {"انو" TATWEEL "ر", "tatweel inside a word"},
    {"(انور) «پاشا» \"Enver\" [Pasha]!", "brackets and quotes around words"},
    {"انور، پاشا؛ بخارا؟ دوشنبه۔", "Arabic comma, semicolon, question mark, Urdu full stop"},
    {"a\r\nb\tc\nd\x0b"
     "e",
     "line ends, tab and vertical tab"},
    {"naïve café Paşa Qoʻqon", "Latin letters beyond ASCII, and the Uzbek okina"},
    {"x" SHY "y " ZWJ "z " LRM "انور" RLM, "format characters beside letters"},
    {"  leading and trailing  ", "spaces at both ends"},
    {"word_with_underscores and a-b", "ExtendNumLet joins; a hyphen splits"},
    {"Ⅻ and ⓧ and ﻼ", "characters that fold to letters of a script"},
    {"emoji 😀 here 👍🏽", "symbols outside the BMP"},
    {"", "nothing"},
    {"a", "one letter"},
};

void check_same(const Tokenizer& t, const std::u16string& text) {
  const std::vector<Span> fast = t.split(text);
  const std::vector<Span> icu = t.split_with_icu(text);
  REQUIRE(fast.size() == icu.size());
  for (std::size_t i = 0; i < fast.size(); ++i) {
    CHECK(fast[i].begin == icu[i].begin);
    CHECK(fast[i].end == icu[i].end);
  }
}

}  // namespace

TEST_CASE("The shortcut for plain words finds what ICU finds", "[analysis][tokenizer]") {
  const Tokenizer t;
  for (const Row& r : kRows) {
    CAPTURE(r.text, r.why);
    check_same(t, decode_utf8(r.text).text);
  }
  // Each row again between plain words, and glued to them, so that each of its edges meets the
  // shortcut on either side.
  for (const Row& r : kRows) {
    for (const char* around : {" ", "", ".", ","}) {
      const std::string text = std::string("Enver") + around + r.text + around + "انور";
      CAPTURE(text, r.why);
      check_same(t, decode_utf8(text).text);
    }
  }
}

TEST_CASE("The shortcut finds what ICU finds over the bundled corpus", "[analysis][tokenizer]") {
  const Tokenizer t;
  const auto texts = talash::test::corpus_texts(TALASH_CORPUS_DIR);
  for (const auto& [name, text] : texts) {
    CAPTURE(name);
    check_same(t, decode_utf8(text).text);
  }
  CHECK(texts.size() == 4);
}
