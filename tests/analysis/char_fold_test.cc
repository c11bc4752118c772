// fold_token's shortcuts, for words of ASCII letters and digits and for words of plain Arabic
// letters, against the whole folding chain (fold_token_in_full): the same term, always. The chain's
// own rules are pinned by text_analyzer_test.cc.
#include "analysis/char_fold.h"

#include "../support/chars.h"
#include "../support/corpus_texts.h"
#include "analysis/utf.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

namespace {

using talash::internal::decode_utf8;
using talash::internal::fold_token;
using talash::internal::fold_token_in_full;
using talash::internal::to_utf8;

struct Row {
  const char* token;
  const char* folded;
  const char* why;
};

constexpr Row kRows[] = {
    {"Herat", "herat", "a capitalized name: the shortcut"},
    {"ENVER", "enver", "all capitals"},
    {"basmachi", "basmachi", "already lower case"},
    {"1922", "1922", "ASCII digits"},
    {"B52", "b52", "letters and digits together"},
    {"I", "i", "capital I is i: no Turkish dotless i in the default folding"},
    {"Z", "z", "the last capital"},
    {"", "", "nothing"},
    {"O'zbek", "ozbek", "an apostrophe: the full chain, which drops it"},
    {"Sa`id", "said", "a grave accent for ʿayn, joined by the tokenizer: dropped as an apostrophe"},
    {"Paşa", "pasa", "a Latin letter beyond ASCII: the full chain"},
    {"İstanbul", "istanbul", "a dotted capital I: the full chain"},
    {"Ｈｅｒａｔ", "herat", "fullwidth letters: the full chain (NFKC)"},
    {"١٩٢٢", "1922", "Arabic-Indic digits: the full chain"},
    {"word" SHY "break", "wordbreak", "a soft hyphen inside: the full chain"},
    {"انور", "انور", "plain Arabic letters: the Arabic shortcut"},
    {"كتاب", "کتاب", "Arabic kaf and plain letters: folded by the shortcut too"},
    {"قرية", "قریه", "Arabic yeh and teh marbuta"},
    {"ہے", "هے", "Urdu heh goal folds to heh; ے stays"},
    {"ھے", "هے", "ھ at the start of a word is a miswritten ه"},
    {"بھائی", "بھایی", "hamza on yeh: the full chain, which drops the hamza"},
    {"کتاب" ZWNJ "ها", "کتاب" ZWNJ "ها", "a ZWNJ between two letters stays"},
    {ZWNJ "کتاب" ZWNJ, "کتاب", "a ZWNJ at the edge goes"},
    {"کتاب" ZWNJ ZWNJ "ها", "کتاب" ZWNJ "ها", "a run of ZWNJ is one"},
    {"خانه" ZWNJ "ی", "خانه", "ezafe written with ZWNJ and ی"},
    {"أحمد", "احمد", "hamza on alef: the full chain, which decomposes it"},
    {"کتـاب", "کتاب", "a tatweel: the full chain"},
    {"کِتاب", "کتاب", "a vowel mark: the full chain"},
};

std::u16string fold(const char* token, bool keep_marks = false) {
  return fold_token(decode_utf8(token).text, keep_marks);
}

}  // namespace

TEST_CASE("A word the shortcuts take folds as the whole chain folds it", "[analysis][fold]") {
  for (const Row& r : kRows) {
    CAPTURE(r.token, r.why);
    const std::u16string token = decode_utf8(r.token).text;
    CHECK(to_utf8(fold(r.token)) == r.folded);
    for (const bool keep_marks : {false, true}) {
      CHECK(fold(r.token, keep_marks) == fold_token_in_full(token, keep_marks));
    }
  }
}

TEST_CASE("The shortcuts fold every word of the bundled corpus as the whole chain does",
          "[analysis][fold]") {
  const auto texts = talash::test::corpus_texts(TALASH_CORPUS_DIR);
  std::size_t words = 0;
  for (const auto& [name, text] : texts) {
    const std::u16string u = decode_utf8(text).text;
    // Every run between spaces, so that words with punctuation, marks or other scripts are
    // compared as well as the plain ones the shortcuts take.
    std::size_t begin = 0;
    while (begin < u.size()) {
      const std::size_t end = std::min(u.find_first_of(u" \n\t", begin), u.size());
      if (end > begin) {
        const std::u16string_view token(u.data() + begin, end - begin);
        CAPTURE(name, to_utf8(token));
        REQUIRE(fold_token(token) == fold_token_in_full(token));
        ++words;
      }
      begin = end + 1;
    }
  }
  CHECK(texts.size() == 4);
  CHECK(words > 1000);
}
