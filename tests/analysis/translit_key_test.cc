// Name pairs across scripts: rows from the table in section 6 of docs/transliteration.md and
// pairs seen in the bench corpus. A pair "meets" when the two words share a transliteration key
// and their phone similarity clears the threshold for that key's length, as the search does.
#include "analysis/translit_key.h"

#include "analysis/phones.h"
#include "analysis/text_analyzer.h"
#include "analysis/utf.h"
#include "query/translit_expander.h"

#include <catch2/catch.hpp>

#include <algorithm>

namespace {

using namespace talash::internal;

struct Pair {
  const char* a;
  const char* b;
  const char* why;
};

std::vector<PhoneVariant> variants(const Word& w, const std::string& raw) {
  return w.script == Script::kLatin ? phone_variants(decode_utf8(raw).text, Script::kLatin)
                                    : term_variants(w.spelling);
}

// Two words, and whether their similarity clears a table's bar (close) or not.
struct SimilarityRow {
  const char* a;
  const char* b;
  bool close;
  const char* why;
};

// The similarity of two words as the search scores a candidate against a query word.
double similarity(const TextAnalyzer& analyzer, const std::string& a, const std::string& b) {
  const Word wa = analyzer.analyze(a, "").at(0);
  const Word wb = analyzer.analyze(b, "").at(0);
  return variant_similarity(variants(wa, a), variants(wb, b)).similarity;
}

bool meet(const TextAnalyzer& analyzer, const std::string& a, const std::string& b) {
  const Word wa = analyzer.analyze(a, "").at(0);
  const Word wb = analyzer.analyze(b, "").at(0);
  std::size_t consonants = 0;
  bool shared = false;
  for (const auto& k : wa.keys) {
    consonants = std::max(consonants, key_consonants(k));
    shared = shared || std::find(wb.keys.begin(), wb.keys.end(), k) != wb.keys.end();
  }
  return shared && variant_similarity(variants(wa, a), variants(wb, b)).similarity >=
                       similarity_threshold(consonants);
}

constexpr Pair kMatch[] = {
    {"Enver", "انور", "unwritten short vowel; v/w for و; initial vowel marker"},
    {"Anwar", "انور", "another Latin spelling of the same name"},
    {"Paşa", "پاشا", "Turkish ş is sh; final vowel marker"},
    {"Pasha", "پاشا", "English spelling"},
    {"Bolshevik", "بلشویک", "medial و as v, medial ی as i"},
    {"Bolshevik", "بالشیوک", "Urdu spelling with the vowel letters elsewhere"},
    {"بلشویک", "بالشیوک", "Persian and Urdu spellings of one word"},
    {"Karategin", "قراتگین", "k for ق, g for گ"},
    {"Khwarezm", "خوارزم", "kh for خ, w for و"},
    {"Khorezm", "خوارزم", "Russian-derived spelling"},
    {"Xorazm", "خوارزم", "Uzbek x for خ"},
    {"Bukhara", "بخارا", "kh for خ, final alef"},
    {"Buxoro", "بخارا", "Uzbek x and o for ā"},
    {"Dushanbe", "دوشنبه", "n before b; final ه as a vowel"},
    {"Stalin", "استالین", "Persian prosthetic alef"},
    {"Termez", "ترمذ", "z for ذ"},
    {"Hisar", "حصار", "h for ح, s for ص"},
    {"Baysun", "بایسون", "ay for ای"},
    {"Boysun", "بایسون", "Uzbek o for ā"},
    {"Uzbek", "ازبک", "initial vowel on both sides"},
    {"Iran", "ایران", "initial vowel written ای"},
    {"Turkmen", "ترکمن", "unwritten vowels only"},
    {"Turkmenistan", "ترکمن", "-istan is the land of the people"},
    {"Khodzhayev", "خواجه‌یف", "Russian -ev is Persian -یف; dzh is j"},
    {"Samarkand", "سمرقند", "q spelled k"},
    {"Fergana", "فرغانه", "g for غ; final ه"},
    // Pairs from the bench corpus (English and Urdu/Persian commentaries and poetry).
    {"Musa", "موسی", "final ی once alef maksura, read ā"},
    {"Yusuf", "یوسف", "initial ی is y; medial و is u"},
    {"Ibrahim", "ابراهیم", "long vowels written, short ones not"},
    {"Harun", "هارون", "initial ه is h"},
    {"Sulaiman", "سلیمان", "ai for ی"},
    {"Shiraz", "شیراز", "sh for ش"},
    {"Herat", "هرات", "final t"},
    {"Attar", "عطار", "doubled consonant is one letter with shadda"},
    {"Muhammad", "محمد", "doubled consonant, short vowels unwritten"},
    {"Sanai", "سنایی", "یی is one long vowel"},
    {"Ismail", "اسماعیل", "medial ع unwritten in Latin"},
    {"Khayyam", "خیام", "kh for خ, yy for ی"},
    {"Baghdad", "بغداد", "gh for غ"},
    {"Hafiz", "حافظ", "z for ظ"},
    {"Saadi", "سعدی", "aa for the ع"},
};

constexpr Pair kNoMatch[] = {
    {"Enver", "انوار", "'lights': the long ā of انوار is not Enver's short e"},
    {"Enver", "نور", "no initial vowel in نور"},
    {"Enver", "نیرو", "'force': different consonants"},
    {"Khan", "خون", "'blood': a short key needs a close spelling"},
    {"Khan", "کن", "'do': kh is خ, not ک"},
    {"Pasha", "باشی", "'you are': final ی is not a"},
    {"Tokyo", "تکیه", "'reliance': o is not ه"},
    {"Selim", "اسلام", "'Islam': a long ā where Selim has i"},
    {"ترکمن"
     "\xe2\x80\x8c"
     "ها",
     "Turkmenistan", "affixes stripped on both sides"},
    {"بچے", "بچی", "Urdu ے and ی are different words, not spellings"},
    {"Jacob", "یعقوب", "an English exonym, not a transliteration"},
    {"Jesus", "عیسی", "an English exonym, not a transliteration"},
};

}  // namespace

TEST_CASE("Spellings of one name in Latin and Arabic script meet", "[analysis][translit]") {
  const TextAnalyzer analyzer;
  for (const Pair& p : kMatch) {
    CAPTURE(p.a, p.b, p.why);
    CHECK(meet(analyzer, p.a, p.b));
  }
}

TEST_CASE("Unrelated words that share consonants do not meet", "[analysis][translit]") {
  const TextAnalyzer analyzer;
  for (const Pair& p : kNoMatch) {
    CAPTURE(p.a, p.b, p.why);
    CHECK_FALSE(meet(analyzer, p.a, p.b));
  }
}

TEST_CASE(
    "Phone similarity reads doubled letters, Persian letters and aspiration as the scripts "
    "write them",
    "[analysis][translit]") {
  // Rows: two spellings, and whether they are close (at least 0.9, the threshold of the shortest
  // keys) or far (below 0.85, the threshold of three consonants).
  const SimilarityRow rows[] = {
      {"لینن", "لنین", true, "Urdu and Persian put the vowel letter on either side of the n"},
      {"نیشاپور", "نیشابور", true, "پ written with ب, as older Persian does"},
      {"بیگ", "بیک", true, "گ written with ک (Ibrahim Bek)"},
      {"چنگیز", "جنگیز", true, "چ written with ج"},
      {"ژاله", "جاله", false, "ژ and ج, one exact letter j in two classes, are not one letter"},
      {"بیگ", "بھیگ", false, "'wet': an aspirated ب is another sound"},
      {"لینن", "لین", false, "a doubled letter at the end of a word is two consonants"},
      {"Mashhad", "ممشاد", false, "Mamshad: a doubled letter at the start is two consonants"},
      {"Bukhara", "ببخارا", false, "'to Bukhara', the preposition joined"},
      {"Allah", "الله", true, "inside a word a doubled letter is still one (the article's join)"},
      {"Lenin", "لینن", true, "the doubled n read twice against Latin"},
      {"Uthman", "عثمان", true, "Latin th for ث, a letter of the s class"},
      {"Harith", "حارث", true, "th for ث at the end of a word"},
      {"Qom", "Qayyum", false, "a doubled y is the consonant ی with shadda, not two vowels"},
      {"Qayyum", "قیوم", true, "and so it meets ی"},
      {"Yahya", "یحیی", true, "یی after a consonant: the consonant y, then alef maksura"},
      {"Sanai", "سنایی", true, "یی after a vowel letter: one vowel, and the word's last"},
      {"عیسی", "ایسی", false, "'such': between Arabic-script spellings ع is not ا"},
      {"فرعون", "فراوان", false, "'abundant': a medial ع is a letter of the word"},
      {"Ramadan", "رمضان", true, "d for ض, as Arabic reads it (Persian reads z)"},
      {"Ramadan", "رمزان", false, "but d is no ز"},
  };
  const TextAnalyzer analyzer;
  for (const SimilarityRow& r : rows) {
    const double sim = similarity(analyzer, r.a, r.b);
    CAPTURE(r.a, r.b, r.why, sim);
    if (r.close) {
      CHECK(sim >= 0.9);
    } else {
      CHECK(sim < 0.85);
    }
  }
}

TEST_CASE("A letter written with an h is not the letter without it", "[analysis][translit]") {
  // Rows: a query word, the spelling it means, and one that differs only by a letter written with
  // an h on one side; the second must fall more than the expander's margin (0.05) below the first.
  struct Row {
    const char* query;
    const char* meant;
    const char* other;
    const char* why;
  };
  const Row rows[] = {
      {"Attar", "عطار", "Athar", "two Latin spellings: th (ث) and t are other letters"},
      {"Tus", "طوس", "ٹھوس", "'solid': a romanization writes the Urdu aspirate ٹھ with an h"},
      {"Uthman", "عثمان", "اطمان", "th is ث before it is ت or ط"},
  };
  const TextAnalyzer analyzer;
  const auto sim = [&](const char* a, const char* b) { return similarity(analyzer, a, b); };
  for (const Row& r : rows) {
    CAPTURE(r.query, r.meant, r.other, r.why, sim(r.query, r.meant), sim(r.query, r.other));
    CHECK(sim(r.query, r.other) < sim(r.query, r.meant) - 0.05);
  }
}

TEST_CASE("The name's spelling is closer than a word that shares its consonants",
          "[analysis][translit]") {
  // Rows: a Latin query word, the spelling it means, and a common word with the same consonants;
  // the word must fall below the closest tier (kClosestMargin under the meant spelling).
  struct Row {
    const char* query;
    const char* meant;
    const char* other;
    const char* why;
  };
  const Row rows[] = {
      {"Qom", "قم", "قام", "'stood': a Latin o inside a word is first the unwritten short vowel"},
      {"Herat", "هرات", "حیرت", "'wonder': e is no ی, and ح is not ه"},
      {"Kabul", "کابل", "قبول", "'acceptance': the a is written ا, and ق is not ک"},
  };
  const TextAnalyzer analyzer;
  const auto sim = [&](const char* a, const char* b) { return similarity(analyzer, a, b); };
  for (const Row& r : rows) {
    CAPTURE(r.query, r.meant, r.other, r.why, sim(r.query, r.meant), sim(r.query, r.other));
    CHECK(sim(r.query, r.other) < sim(r.query, r.meant) - kClosestMargin);
  }
}

TEST_CASE("Another spelling in the same script is close, another word is not",
          "[analysis][translit]") {
  // Rows: two words in one script, and whether they are as alike as the expander asks of a
  // candidate in the query word's own script (kSameScriptVariant).
  const SimilarityRow rows[] = {
      {"Enver", "Anwar", true, "vowels vary freely between Latin spellings"},
      {"Bukhara", "Bokhara", true, "an older English spelling"},
      {"Bukhara", "Bukhari", false, "'of Bukhara': a final i is the nisba ending, not a spelling"},
      {"Attar", "Athar", false, "th is ث, another letter than t"},
      {"لنین", "لینن", true, "Persian and Urdu put the vowel letter on either side of the n"},
      {"بلشویک", "بالشیوک", true, "Persian and Urdu: an alef written, و and ی trade places"},
      {"نیشاپور", "نشابور", true, "پ written with ب, and the vowel letter left out"},
      {"ابراهیم", "ابرهیم", true, "the Quran's spelling without the medial alef"},
      {"موسی", "موسا", true, "final ی (alef maksura) and ا: one name in two orthographies"},
      {"بغداد", "بغدادی", false, "'of Baghdad': a final vowel letter added is an ending"},
      {"سمرقند", "سمرقندی", false, "'of Samarkand': the same ending after a consonant cluster"},
      {"تیمور", "تیمار", false, "'care': a medial vowel letter is the word's own"},
  };
  const TextAnalyzer analyzer;
  for (const SimilarityRow& r : rows) {
    const double sim = similarity(analyzer, r.a, r.b);
    CAPTURE(r.a, r.b, r.why, sim);
    CHECK((sim >= kSameScriptVariant) == r.close);
  }
}

TEST_CASE("Keys have markers for initial and final vowels", "[analysis][translit]") {
  const TextAnalyzer analyzer;
  CHECK(analyzer.analyze("Enver", "").at(0).keys == std::vector<std::string>{"Anvr"});
  const auto pasha = analyzer.analyze("پاشا", "").at(0).keys;
  CHECK(std::find(pasha.begin(), pasha.end(), "bxE") != pasha.end());
  CHECK(analyzer.analyze("1922", "").at(0).keys.empty());
}

TEST_CASE("A head's similarity read off one pass is each head's similarity computed apart",
          "[analysis][translit]") {
  // Rows: a query word and a word that may be it joined to another, in either script.
  const Pair rows[] = {
      {"Enver", "انورالله", "a name joined to الله, the head a whole word"},
      {"انور", "انورپاشا", "two Arabic-script words joined"},
      {"Bukhara", "بخاراییان", "a head ending in a vowel letter, read as word-final"},
      {"Samarkand", "Samarkandiya", "Latin against Latin"},
      {"Ali", "علیرضا", "a short query against a long word"},
      {"Khwarezmshah", "خوارزم", "a query longer than every head"},
      {"لینن", "لنینگراد", "a vowel letter in another place, inside a head (vowel_swap)"},
  };
  const TextAnalyzer analyzer;
  for (const Pair& r : rows) {
    CAPTURE(r.a, r.b, r.why);
    const Word wa = analyzer.analyze(r.a, "").at(0);
    const Word wb = analyzer.analyze(r.b, "").at(0);
    const std::vector<Phone> a = variants(wa, r.a).at(0).phones;
    const std::vector<Phone> b = variants(wb, r.b).at(0).phones;
    for (std::size_t min_length = 1; min_length <= b.size(); ++min_length) {
      double apart = 0;
      for (std::size_t n = min_length; n < b.size(); ++n) {
        std::vector<Phone> head(b.begin(), b.begin() + static_cast<long>(n));
        if (head.back().type != PhoneType::kConsonant) {
          head.back().type = PhoneType::kFinalVowel;
        }
        apart = std::max(apart, phone_similarity(a, head));
      }
      CHECK(best_head_similarity(a, b, min_length) == apart);
    }
  }
  const auto phones = [&](const char* w) {
    return variants(analyzer.analyze(w, "").at(0), w).at(0).phones;
  };
  CHECK(best_head_similarity(phones("Enver"), phones("انورالله"), 2) > 0.9);
  CHECK(best_head_similarity({}, phones("انور"), 1) == 0);
}

TEST_CASE("A floor cuts only similarities below it, and leaves the rest exact",
          "[analysis][translit]") {
  // Rows: every pair above, close and far, each pairing of their phone variants, against floors
  // about every threshold the search uses and at the similarity itself.
  const TextAnalyzer analyzer;
  std::vector<Pair> rows(std::begin(kMatch), std::end(kMatch));
  rows.insert(rows.end(), std::begin(kNoMatch), std::end(kNoMatch));
  for (const Pair& p : rows) {
    CAPTURE(p.a, p.b, p.why);
    const auto va = variants(analyzer.analyze(p.a, "").at(0), p.a);
    const auto vb = variants(analyzer.analyze(p.b, "").at(0), p.b);
    const double whole = variant_similarity(va, vb).similarity;
    for (const double floor : {0.5, 0.78, 0.85, 0.9, 0.99, whole, whole + 1e-6}) {
      CAPTURE(whole, floor);
      const double cut = variant_similarity(va, vb, false, floor).similarity;
      if (whole >= floor) {
        CHECK(cut == whole);
      } else {
        CHECK(cut < floor);
      }
    }
    for (const PhoneVariant& x : va) {
      for (const PhoneVariant& y : vb) {
        const double exact = phone_similarity(x.phones, y.phones);
        for (const double floor : {0.5, 0.78, 0.85, 0.9, exact, exact + 1e-6}) {
          CAPTURE(exact, floor);
          const double cut = phone_similarity(x.phones, y.phones, false, floor);
          if (exact >= floor) {
            CHECK(cut == exact);
          } else {
            CHECK(cut < floor);
          }
        }
      }
    }
  }
}

TEST_CASE("Phone similarity of words longer than its stack rows", "[analysis][translit]") {
  const TextAnalyzer analyzer;
  const auto phones = [&](const std::string& w) {
    return variants(analyzer.analyze(w, "").at(0), w).at(0).phones;
  };
  // Over forty phones each: the table's rows no longer fit on the stack.
  const std::string a = "Khwarezmshahkhwarezmshahkhwarezmshahkhwarezmshahkhwarezm";
  const std::string b = "Khwarezmshahkhwarezmshahkhwarezmshahkhwarezmshahkhwarezx";
  REQUIRE(phones(b).size() > 40);
  CHECK(phone_similarity(phones(a), phones(a)) == 1.0);
  const double near = phone_similarity(phones(a), phones(b));
  CHECK(near > 0.9);
  CHECK(near < 1.0);
  CHECK(phone_similarity(phones(a), phones(b), false, near) == near);
  CHECK(phone_similarity(phones(a), phones("Herat"), false, 0.5) < 0.5);
}
