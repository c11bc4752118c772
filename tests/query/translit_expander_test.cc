// The transliteration expander on its own: which spellings of a query word it finds in an index,
// and that what it finds does not depend on the size of its caches.
#include "query/translit_expander.h"

#include "../support/corpus_texts.h"
#include "../support/temp_dir.h"
#include "analysis/text_analyzer.h"
#include "analysis/utf.h"

#include <talash/talash.h>

#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>

namespace {

using talash::internal::Candidate;
using talash::internal::decode_utf8;
using talash::internal::TextAnalyzer;
using talash::internal::TranslitExpander;
using talash::internal::Word;

// The seed corpus, indexed once for every test in this file.
const std::string& corpus_index() {
  static talash::test::TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "db";
    talash::IndexOptions options;
    options.threads = 1;
    talash::IndexWriter w(path, options);
    for (const auto& [name, text] : talash::test::corpus_texts(TALASH_CORPUS_DIR)) {
      w.add({name, text});
    }
    w.commit();
    return path;
  }();
  return db;
}

// The candidates of `query` (one word) as "term" or "term term", best first; with `mark`, each
// closest one (Candidate::closest) with a trailing *.
std::vector<std::string> expand(const TranslitExpander& e, const TextAnalyzer& analyzer,
                                const std::string& query, bool mark = false) {
  const std::vector<Word> words = analyzer.analyze(query, "");
  REQUIRE(words.size() == 1);
  std::vector<std::string> out;
  for (const Candidate& c : e.expand(words[0], decode_utf8(query).text)) {
    std::string s;
    for (const std::string& t : c.terms) {
      s += (s.empty() ? "" : " ") + t;
    }
    out.push_back(s + (mark && c.closest ? "*" : ""));
  }
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

struct Row {
  const char* query;
  const char* found;   // a candidate that must be among them, or ""
  const char* absent;  // a candidate that must not be, or ""
  const char* why;
};

constexpr Row kRows[] = {
    {"Enver", "انور", "انوار",
     "the Persian and Urdu spelling of the name; not the word for lights"},
    {"انور", "enver", "", "and back from Arabic script to Latin"},
    {"Bukhara", "بخارا", "", "a place name with a long vowel written in both scripts"},
    {"Khwarezm", "خوارزم", "", "a Latin digraph (kh) for one Arabic letter"},
};

}  // namespace

TEST_CASE("The expander finds a name's spellings in the other script", "[query][translit]") {
  const Xapian::Database db(corpus_index());
  const TranslitExpander expander(db);
  const TextAnalyzer analyzer;
  for (const Row& row : kRows) {
    CAPTURE(row.query, row.why);
    const std::vector<std::string> got = expand(expander, analyzer, row.query);
    CAPTURE(got);
    if (*row.found != '\0') {
      CHECK(has(got, row.found));
    }
    if (*row.absent != '\0') {
      CHECK_FALSE(has(got, row.absent));
    }
  }
}

// With room for one entry, every cache is emptied before nearly every word. The expansion of a
// word holds references into the spellings cache while it adds to it (a split joins two spellings
// looked up one after the other); emptying it then left the first dangling, which ASan reports
// and which may yield garbage candidates without it.
TEST_CASE("Expansions are the same whatever the cache size, even when a cache empties",
          "[query][translit]") {
  const Xapian::Database db(corpus_index());
  const TranslitExpander roomy(db);
  const TranslitExpander tiny(db, 1);
  const TextAnalyzer analyzer;
  const char* queries[] = {"Enver",    "Bukhara",  "Khwarezm", "Nasrullah", "Ibrahim", "Samarkand",
                           "Dushanbe", "انورپاشا", "ابراهیم",  "بخارا",     "Lenin",   "Frunze"};
  for (int round = 0; round < 2; ++round) {  // the second round meets full caches
    for (const char* q : queries) {
      CAPTURE(q, round);
      CHECK(expand(tiny, analyzer, q) == expand(roomy, analyzer, q));
    }
  }
}

namespace {

// An index in which short names share their skeleton with common words, as in a real corpus:
// each word in the number of passages given, beside filler text.
const std::string& confusable_index() {
  static talash::test::TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "db";
    constexpr std::pair<const char*, int> kWords[] = {
        {"هرات", 10},   {"حیرت", 30},   {"کابل", 5},  {"قبول", 40},  {"قابل", 25},   {"غزنه", 4},
        {"خزنه", 12},   {"بلخ", 8},     {"بالغ", 12}, {"بالخبر", 6}, {"مریم", 20},   {"ماریم", 1},
        {"رستم", 20},   {"روستم", 2},   {"بیک", 6},   {"بیگ", 3},    {"ابراهیم", 6}, {"ابراہیم", 3},
        {"اصفهان", 20}, {"اصفاهان", 2}, {"کرمان", 6}, {"لاهور", 5},  {"لاهوری", 20}, {"اسکندر", 8},
        {"سکندر", 4},   {"مشهد", 10},   {"ممشاد", 2}, {"اسحاق", 5},  {"عشق", 30},    {"بلکه", 40},
        {"قم", 10},     {"قوم", 60},    {"لنین", 3},  {"لینن", 2},   {"بخارا", 8},   {"بھیگ", 4},
        {"نیشابور", 6}, {"نیشاپور", 2}, {"رمضان", 6}, {"قاضی", 5},
    };
    talash::IndexOptions options;
    options.threads = 1;
    talash::IndexWriter w(path, options);
    int n = 0;
    for (const auto& [word, count] : kWords) {
      for (int i = 0; i < count; ++i) {
        w.add({"p" + std::to_string(++n) + ".txt",
               std::string("در این کتاب از ") + word + " سخن رفته است و بس"});
      }
    }
    // The Latin side: names capitalized inside sentences, as English text writes them.
    for (const char* name :
         {"Herat", "Kabul", "Harith", "Qabil", "German", "Kerman", "Iskandar", "Ramadan"}) {
      w.add({std::string("en-") + name + ".txt",
             std::string("The book tells of ") + name + " and of nothing else."});
    }
    // Bukhari, the nisba, over a hundred times as common as the city's Latin spelling.
    w.add({"en-Bukhara.txt", "The book tells of Bukhara and of nothing else."});
    for (int i = 0; i < 120; ++i) {
      w.add({"en-Bukhari" + std::to_string(i) + ".txt",
             "The book tells of Bukhari and of nothing else."});
    }
    w.commit();
    return path;
  }();
  return db;
}

// The candidates of `query`, each closest one (Candidate::closest) marked with a trailing *.
std::vector<std::string> expand_marked(const TranslitExpander& e, const TextAnalyzer& analyzer,
                                       const std::string& query) {
  return expand(e, analyzer, query, true);
}

struct ConfusableRow {
  const char* query;
  const char* closest;      // must be a candidate among the closest
  const char* not_closest;  // must not be among the closest ("" for no such check)
  const char* absent;       // must not be a candidate at all ("" for no such check)
  const char* why;
};

constexpr ConfusableRow kConfusables[] = {
    {"Herat", "هرات", "حیرت", "", "the city before the common word for wonder, though rarer"},
    {"Kabul", "کابل", "قبول", "", "k is ک before ق: the city, not acceptance"},
    {"Kabul", "کابل", "قابل", "", "nor able"},
    {"Ghazna", "غزنه", "", "خزنه", "gh is غ, never خ: not treasury"},
    {"Balkh", "بلخ", "بالخبر", "بالغ", "kh is خ, not غ (adult); a longer word is no spelling"},
    {"Maryam", "مریم", "", "", "the spelling the corpus writes, not the rarer ماریم, sets the bar"},
    {"Rustam", "رستم", "", "", "as common and alike but for an unwritten vowel: closest too"},
    {"Isfahan", "اصفهان", "", "", "likewise beside the plene اصفاهان"},
    {"Bek", "بیک", "", "", "the Persian spelling of the title"},
    {"Kerman", "کرمان", "", "german", "two Latin spellings do not trade k for g"},
    {"Lahore", "لاهور", "لاهوری", "", "an English final e is silent: the city, before its nisba"},
    {"Iskandar", "اسکندر", "", "", "the initial vowel written"},
    {"Mashhad", "مشهد", "", "", "sh then h: the h is a letter, not the digraph doubled"},
    {"Balkh", "بلخ", "", "بلکه", "a final kh is one letter, not k and the ه of but"},
    {"Qom", "قم", "قوم", "", "a Latin o is the short vowel left unwritten: the city, not people"},
    {"Ishaq", "اسحاق", "", "", "s then h as well as sh: the prophet's name found"},
    {"سکندر", "iskandar", "", "", "and back: the Latin spelling writes the vowel"},
    {"Herat", "هرات", "", "harith", "a looser Latin spelling is no variant of the name"},
    {"Mashhad", "مشهد", "", "ممشاد", "a doubled letter at a word's start is two: Mamshad"},
    {"بخارا", "bukhara", "", "bukhari", "a common spelling far below the closest sets no bar"},
    {"بیگ", "بیک", "", "بھیگ", "an aspirated ب is another sound: not wet"},
    {"نیشاپور", "نیشابور", "", "", "پ written ب: the older Persian spelling, as close"},
    {"Ramadan", "رمضان", "", "", "d is ض as Arabic reads it: looked up under ض's class, z, too"},
    {"Qadi", "قاضی", "", "", "likewise at the end of a short name"},
    {"رمضان", "ramadan", "", "", "and back: ض looked up under d"},
};

}  // namespace

TEST_CASE("Short names keep their own spellings apart from the common words that share a skeleton",
          "[query][translit]") {
  const Xapian::Database db(confusable_index());
  const TranslitExpander expander(db);
  const TextAnalyzer analyzer;
  for (const ConfusableRow& row : kConfusables) {
    CAPTURE(row.query, row.why);
    const std::vector<std::string> got = expand_marked(expander, analyzer, row.query);
    CAPTURE(got);
    CHECK(has(got, std::string(row.closest) + "*"));
    if (*row.not_closest != '\0') {
      CHECK_FALSE(has(got, std::string(row.not_closest) + "*"));
    }
    if (*row.absent != '\0') {
      CHECK_FALSE(has(got, row.absent));
      CHECK_FALSE(has(got, std::string(row.absent) + "*"));
    }
  }
}

TEST_CASE("An Urdu and a Persian spelling of one name are both found", "[query][translit]") {
  const Xapian::Database db(confusable_index());
  const TranslitExpander expander(db);
  const TextAnalyzer analyzer;
  // ابراہیم folds to ابراهیم (one term): Urdu ہ and Persian ه are one letter in the index.
  CHECK(analyzer.analyze("ابراہیم", "").front().term ==
        analyzer.analyze("ابراهیم", "").front().term);
  // Bek: the Persian بیک first (k is ک), and the Urdu بیگ (گ) too, below it.
  const std::vector<std::string> bek = expand_marked(expander, analyzer, "Bek");
  CHECK(has(bek, "بیک*"));
  CHECK(has(bek, "بیگ"));
  // Iskandar: the Persian اسکندر first, and the Urdu سکندر, which leaves the initial vowel
  // unwritten, below it.
  // Lenin: the Persian لنین and the Urdu لینن, whose doubled n the index keys as one; and each
  // Arabic-script spelling finds the other.
  const std::vector<std::string> lenin = expand(expander, analyzer, "Lenin");
  CHECK(has(lenin, "لنین"));
  CHECK(has(lenin, "لینن"));
  CHECK(has(expand(expander, analyzer, "لینن"), "لنین"));
  CHECK(has(expand(expander, analyzer, "لنین"), "لینن"));
  const std::vector<std::string> iskandar = expand_marked(expander, analyzer, "Iskandar");
  CHECK(has(iskandar, "اسکندر*"));
  CHECK(has(iskandar, "سکندر"));
}
