// The analysis chain against the test vectors of section 2.8 of docs/normalization.md and the
// folding tables of its stages A and C. Each token prints as its term, then P:part for ZWNJ parts
// and J:join for a join with the next word; tokens are separated by " · ".
#include "analysis/text_analyzer.h"

#include "../support/chars.h"

#include <catch2/catch.hpp>

namespace {

using talash::internal::TextAnalyzer;

std::string render(const TextAnalyzer& analyzer, const std::string& text) {
  std::string out;
  for (const auto& w : analyzer.analyze(text, "ur")) {
    if (!out.empty()) {
      out += " · ";
    }
    out += w.term;
    for (const auto& p : w.parts) {
      out += " P:" + p;
    }
    if (!w.join_next.empty()) {
      out += " J:" + w.join_next;
    }
  }
  return out;
}

struct Row {
  const char* input;
  const char* expected;
  const char* why;
};

const Row kSpecVectors[] = {
    {"می" ZWNJ "روم", "میروم P:روم", "ZWNJ word: joined main term, non-affix part recorded"},
    {"میروم", "میروم", "the same verb typed without ZWNJ"},
    {"می روم", "می J:میروم · روم", "typed with a space: D1 join at the first word's position"},
    {"کتاب" ZWNJ "ها", "کتابها P:کتاب", "plural with ZWNJ; ها is a pure affix, not a part"},
    {"ك"
     "تابها",
     "کتابها", "Arabic kaf folds to keheh"},
    {"کتاب ها", "کتاب J:کتابها · ها", "plural typed with a space: D2 join"},
    {"خانه" HAMZA_ABOVE, "خانه", "ezafe written هٔ"},
    {"خانۀ", "خانه", "ezafe written ۀ (folds through ە)"},
    {"خانه" ZWNJ "ی", "خانه", "ezafe written ه‌ی (C3)"},
    {HEH_GOAL YEH_BARREE, "هے", "Urdu heh goal folds to heh; ے stays"},
    {HEH_DOACHASHMEE YEH_BARREE, "هے", "initial ھ is a miswritten ہ"},
    {"مسئلۂ", "مسیله", "hamza seat and ۂ"},
    {"آئے", "ایے", "madda and hamza yeh"},
    {"آۓ", "ایے", "ۓ is ی + ے (C2)"},
    {"لئے", "لیے", "Urdu hamza spelling variant"},
    {"لیے", "لیے", "the accepted spelling"},
    {"میں", "میں", "noon ghunna stays distinct"},
    {"بچے بچی", "بچے · بچی", "Urdu minimal pair: ے and ی stay apart"},
    {"کہا کھا", "کها · کھا", "Urdu minimal pair: medial ھ stays apart from ہ"},
    {"۱۲۳ ١٢٣", "123 · 123", "Extended and Arabic-Indic digits to ASCII"},
    {"۳" ARABIC_DECIMAL "۱۴", "3.14", "Arabic decimal separator between digits"},
    {ARABIC_KAF KASRA "ت" TATWEEL TATWEEL TATWEEL FATHA "اب" DAMMATAN, "کتاب",
     "harakat and tatweel removed"},
    {"ﻻ", "لا", "presentation-form ligature through NFKC"},
    {"ﷲ", "الله", "Allah ligature through NFKC"},
    {"اللہ", "الله", "Urdu spelling of Allah"},
    {ALEF_WASLA "لله", "الله", "alef wasla folds to alef"},
    {"رحم" SUPERSCRIPT_ALEF "ن", "رحمن", "superscript alef removed"},
    {"ہے۔اس", "هے · اس", "Urdu full stop separates words"},
    {"İSTANBUL ılık", "istanbul · ilik", "Turkish dotted and dotless i fold to i"},
    {"PDFفایل", "pdf · فایل", "split at a Latin/Arabic script change"},
    {"کاتب.pdf", "کاتب · pdf", "punctuation ICU kept between letters leaves a piece's edge"},
    {"Enver:پاشا", "enver · پاشا", "the same for a colon before Arabic script"},
    {"ان." BOM "x", "ان · x", "the same across an invisible format character"},
    {"root@" FATHA, "root", "and with a mark hanging on the punctuation"},
    {TATWEEL ".f", "f", "punctuation left at the edge once fold deletes a tatweel"},
    {"۸" ZWNJ "،6", "8,6", "a ZWNJ does not hide the digits around an Arabic comma"},
    {TATWEEL "\xd7\x85" TATWEEL "بس", "بس", "a mark left at the start once fold deletes a tatweel"},
    {"ب\xe2\x85\xab", "ب · xii", "Ⅻ splits from Arabic as the Latin letters it folds to"},
    {"ر\xe2\x93\xa7شا", "ر · x · شا", "so does the symbol ⓧ, which folds to x"},
    {"ab " TATWEEL SYRIAC_FEMININE_DOT, "ab",
     "a mark fold does not know, alone after tatweel, is no word"},
    {"q"
     "\xcd\xba",
     "q\xce\xb9", "U+037A is space + mark under NFKC: the space is dropped"},
    {"ب"
     "\xef\xb9\xb0",
     "ب", "an isolated-form harakat (U+FE70) is space + mark under NFKC"},
    {"می" NNBSP "روم", "میروم P:روم", "NNBSP typed as a half-space counts as ZWNJ"},
    {"مؤمن", "مومن", "hamza on waw removed"},
    {"تأثیر", "تاثیر", "hamza on alef removed"},
    {"زکو" SUPERSCRIPT_ALEF "ۃ", "زکوه", "Urdu teh marbuta goal"},
    {"زکو" TEH_MARBUTA, "زکوه", "Arabic teh marbuta"},
};

const Row kFoldingTable[] = {
    {"ب" ARABIC_YEH "ن", "بین", "C5: Arabic yeh to Farsi yeh"},
    {"ب" ALEF_MAKSURA, "بی", "C5: alef maksura to Farsi yeh"},
    {"ب"
     "ۍ",
     "بی", "C5: ۍ to Farsi yeh"},
    {"ب"
     "ې",
     "بی", "C5: ې to Farsi yeh"},
    {"ب"
     "ڪ",
     "بک", "C5: swash kaf to keheh"},
    {"ب" AE, "به", "C5: ە to heh"},
    {"ٲب", "اب", "C5: ٲ to alef"},
    {"ک" TATWEEL "تاب", "کتاب", "A4: tatweel"},
    {"کت" LRM "اب", "کتاب", "A4: LRM inside a word is deleted, not a split"},
    {"کت" RLM "اب", "کتاب", "A4: RLM"},
    {"کت" ZWJ "اب", "کتاب", "A4: ZWJ"},
    {"word" SHY "break", "wordbreak", "A4: soft hyphen"},
    {"کت" ZWSP "اب", "کت · اب", "A2: ZWSP is a word break"},
    {"ب" SHADDA "ه", "به", "C4: shadda removed"},
    {"١٩٢٢", "1922", "C6: Arabic-Indic digits"},
    {"1922ء", "1922 · ء", "B1: the Urdu year sign does not stick to the number"},
    {"۱۳۹۹،", "1399", "the Arabic comma after a number is punctuation"},
    {"Qoʻqon", "qoqon", "C1: Uzbek okina dropped"},
    {"O'zbekiston", "ozbekiston", "C1: ASCII apostrophe dropped"},
    {"Paşa Éditions", "pasa · editions", "C1: Latin diacritics folded"},
    {"Pasha's", "pasha", "English possessive trimmed"},
    {"Fir`awn and Ya`qub", "firawn · and · yaqub",
     "a grave accent for ʿayn inside a Latin name is one word, as with an apostrophe (Fir'aun)"},
    {"`Isa said, `Go.'", "isa · said · go", "a grave accent before a word is no part of it"},
    {"Allah`s 12`3 a`انور", "allah · s · 12 · 3 · a · انور",
     "only between Latin letters, and a lone s after it stays apart"},
    {"کتاب" ZWNJ ZWNJ "ها", "کتابها P:کتاب", "A6: a run of ZWNJ is one"},
    {ZWNJ "کتاب" ZWNJ, "کتاب", "A6: ZWNJ at a word's edge is dropped"},
    {"ﷺ", "", "A1: honorific ligature deleted, not expanded into words"},
};

}  // namespace

TEST_CASE("Analysis chain reproduces the spec's test vectors", "[analysis][fa][ur]") {
  const TextAnalyzer analyzer;
  for (const Row& row : kSpecVectors) {
    CAPTURE(row.input, row.why);
    CHECK(render(analyzer, row.input) == row.expected);
  }
}

TEST_CASE("Analysis chain applies every folding table row", "[analysis][fa][ur][en]") {
  const TextAnalyzer analyzer;
  for (const Row& row : kFoldingTable) {
    CAPTURE(row.input, row.why);
    CHECK(render(analyzer, row.input) == row.expected);
  }
}

TEST_CASE("Urdu minimal pairs stay different terms", "[analysis][ur]") {
  const TextAnalyzer analyzer;
  const std::pair<const char*, const char*> pairs[] = {
      {"بچے", "بچی"}, {"کہا", "کھا"}, {"میں", "مین"}, {"کے", "کی"}, {"ہے", "ہی"}};
  for (const auto& [a, b] : pairs) {
    CAPTURE(a, b);
    CHECK(analyzer.analyze(a, "ur").at(0).term != analyzer.analyze(b, "ur").at(0).term);
  }
}

TEST_CASE("Folding is idempotent", "[analysis]") {
  const TextAnalyzer analyzer;
  for (const Row& row : kSpecVectors) {
    for (const auto& w : analyzer.analyze(row.input, "")) {
      CAPTURE(row.input, w.term);
      const auto again = analyzer.analyze(w.term, "");
      REQUIRE(!again.empty());
      CHECK(again.front().term == w.term);
    }
  }
}

TEST_CASE("Token offsets point at the words as written", "[analysis]") {
  const TextAnalyzer analyzer;
  const std::string text = "Enver " TATWEEL "کتـاب" ZWNJ "ها ۱۹۲۲ Paşa's";
  const auto words = analyzer.analyze(text, "");
  REQUIRE(words.size() == 4);
  CHECK(text.substr(words[0].start, words[0].end - words[0].start) == "Enver");
  // A tatweel is a letter to ICU: the one before the word belongs to it.
  CHECK(text.substr(words[1].start, words[1].end - words[1].start) == TATWEEL "کتـاب" ZWNJ "ها");
  CHECK(text.substr(words[2].start, words[2].end - words[2].start) == "۱۹۲۲");
  CHECK(text.substr(words[3].start, words[3].end - words[3].start) == "Paşa");
  CHECK(words[3].position == 4);
}

TEST_CASE("Stems live beside the surface term", "[analysis][en][fa]") {
  const TextAnalyzer analyzer;
  SECTION("English plural gets the Snowball stem") {
    const auto w = analyzer.analyze("armies", "en").at(0);
    CHECK(w.term == "armies");
    CHECK(w.stem == "armi");
  }
  SECTION("Persian plural gets the light stem in Persian text") {
    CHECK(analyzer.analyze("ترکمن" ZWNJ "ها", "fa").at(0).stem == "ترکمن");
  }
  SECTION("Urdu text is not stemmed") {
    CHECK(analyzer.analyze("ترکمنها", "ur").at(0).stem.empty());
  }
}

TEST_CASE("Invalid UTF-8 never produces a term", "[analysis]") {
  const TextAnalyzer analyzer;
  const auto words = analyzer.analyze(std::string("ab\xff\xfe"
                                                  "cd \xc3"),
                                      "");
  for (const auto& w : words) {
    CHECK(w.term.find("\xff") == std::string::npos);
  }
}

namespace {

// Every code point of the spec's folding tables (stages A4, A5, C4, C5), each inside a word so
// that the row shows what the folding does to the word around it.
struct CodePointRow {
  const char* input;
  const char* expected;
};

const CodePointRow kEveryCodePoint[] = {
    // C5: to Farsi yeh
    {"ب\u064a", "بی"},
    {"ب\u0649", "بی"},
    {"ب\u06cd", "بی"},
    {"ب\u06ce", "بی"},
    {"ب\u06d0", "بی"},
    {"ب\u0620", "بی"},
    // C5: to keheh
    {"ب\u0643", "بک"},
    {"ب\u06aa", "بک"},
    {"ب\u063b", "بک"},
    {"ب\u063c", "بک"},
    // C5: to heh (ۀ through its hamza and ە)
    {"ب\u06c1", "به"},
    {"ب\u06d5", "به"},
    {"ب\u0629", "به"},
    {"ب\u06c3", "به"},
    {"ب\u06c0", "به"},
    {"ب\u06c2", "به"},
    // C5: to alef
    {"\u0671ب", "اب"},
    {"\u0672ب", "اب"},
    {"\u0673ب", "اب"},
    {"\u0622ب", "اب"},
    {"\u0623ب", "اب"},
    {"\u0625ب", "اب"},
    // C4: waw and yeh with hamza
    {"ب\u0624", "بو"},
    {"ب\u0626ب", "بیب"},
    // A4: format characters and tatweel inside a word are deleted
    {"ب\u200dب", "بب"},
    {"ب\u200eب", "بب"},
    {"ب\u200fب", "بب"},
    {"ب\u061cب", "بب"},
    {"ب\u202aب", "بب"},
    {"ب\u202bب", "بب"},
    {"ب\u202cب", "بب"},
    {"ب\u202dب", "بب"},
    {"ب\u202eب", "بب"},
    {"ب\u2066ب", "بب"},
    {"ب\u2067ب", "بب"},
    {"ب\u2068ب", "بب"},
    {"ب\u2069ب", "بب"},
    {"ب\u2060ب", "بب"},
    {"ب\ufeffب", "بب"},
    {"ب\u00adب", "بب"},
    {"ب\u0640ب", "بب"},
    {"ب\u08e2ب", "بب"},
    // A5: digit punctuation between digits
    // (٪ is punctuation to ICU, as % is: ۵۰٪ gives the term 50, as 50% does.)
    {"۳\u066b۱۴", "3.14"},
    {"۱\u066c۰۰۰", "1,000"},
    {"۵۰\u066a", "50"},
    {"50%", "50"},
    // C4: marks
    {"ب\u064bب", "بب"},
    {"ب\u064fب", "بب"},
    {"ب\u0652ب", "بب"},
    {"ب\u0653ب", "بب"},
    {"ب\u0655ب", "بب"},
    {"ب\u0657ب", "بب"},
    {"ب\u0658ب", "بب"},
    {"ب\u0670ب", "بب"},
    {"ب\u0610ب", "بب"},
    {"ب\u06d6ب", "بب"},
    {"ب\u06e1ب", "بب"},
    {"ب\u06eaب", "بب"},
    {"ب\u08f0ب", "بب"},
    {"e\u0301te\u0301", "ete"},
    // C6: every digit set
    {"\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "0123456789"},
    {"\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9", "0123456789"},
    {"\u0966\u0967", "01"},
    // Kept distinct
    {"بے", "بے"},
    {"بں", "بں"},
    {"ٹب", "ٹب"},
    {"ڈب", "ڈب"},
    {"ڑب", "ڑب"},
    {"بھ", "بھ"},
    {"پچژگ", "پچژگ"},
    {"بء", "بء"},
};

}  // namespace

TEST_CASE("Every code point of the folding tables folds as the spec says", "[analysis][fa][ur]") {
  const TextAnalyzer analyzer;
  for (const CodePointRow& row : kEveryCodePoint) {
    CAPTURE(row.input);
    CHECK(render(analyzer, row.input) == row.expected);
  }
}
