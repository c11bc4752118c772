// The library end to end: IndexWriter builds an index of small documents, Searcher queries it.
#include "../support/chars.h"
#include "../support/results.h"
#include "../support/temp_dir.h"
#include "index/term_schema.h"

#include <talash/talash.h>

#include <catch2/catch.hpp>
#include <xapian.h>

namespace {

using talash::test::docs_of;
using talash::test::TempDir;

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Three tiny documents about one person in three scripts and spellings, and a trap.
void build(const std::string& db) {
  talash::IndexWriter w(db);
  w.add({"ur.txt", "اسماعیل انور پاشا خطے میں تشریف لائے اور بغاوت کا اعلان کیا۔"});
  w.add({"fa.txt", "ولی انورپاشا یک شخصیت پیچیده بود و در بخارا جنگید."});
  w.add({"en.txt", "Enver Pasha's campaign in Bukhara was a series of engagements."});
  w.add({"trap.txt",
         "انوار خورشید بر کوه می‌تابید و نور همه جا را "
         "گرفت."});
  w.commit();
}

}  // namespace

TEST_CASE("A Latin name finds its Urdu and Persian spellings, ranked below exact",
          "[query][translit]") {
  TempDir dir;
  build(dir / "db");
  talash::Searcher s(dir / "db");
  const auto r = s.search("Enver Pasha");
  const auto docs = docs_of(r);
  REQUIRE(docs.size() == 3);
  CHECK(docs.front() == "en.txt");
  CHECK(has(docs, "ur.txt"));
  CHECK(has(docs, "fa.txt"));
  CHECK_FALSE(has(docs, "trap.txt"));
  for (const auto& res : r.results) {
    if (res.doc != "en.txt") {
      REQUIRE_FALSE(res.matches.empty());
      CHECK(res.matches.front().kind == "transliteration");
    }
  }
}

TEST_CASE("An Arabic-script name finds the Latin spelling and the joined form",
          "[query][translit]") {
  TempDir dir;
  build(dir / "db");
  talash::Searcher s(dir / "db");
  const auto docs = docs_of(s.search("انور پاشا"));
  CHECK(has(docs, "ur.txt"));
  CHECK(has(docs, "fa.txt"));
  CHECK(has(docs, "en.txt"));
  CHECK(docs.front() == "ur.txt");
  const auto joined = docs_of(s.search("انورپاشا"));
  CHECK(has(joined, "fa.txt"));
  CHECK(has(joined, "ur.txt"));
}

TEST_CASE("A long query's neighbours join into indexed words as a short query's do", "[query]") {
  TempDir dir;
  {
    talash::IndexWriter w(dir / "db");
    w.add({"joined.txt", "انورپاشا و نصرالله و عبدالله و ملاحسن در بخارا بودند."});
    w.add({"apart.txt", "انور پاشا و نصر الله و عبد الله و ملا حسن در بخارا بودند."});
    w.add({"some.txt", "انور پاشا و نصر الله در بخارا بودند."});
    w.add({"father.txt", "بابا با ما آمد."});
    w.commit();
  }
  talash::Searcher s(dir / "db");
  // Four pairs that are words of the index, each written apart: every pair may be met joined,
  // also all of them in one passage.
  const auto docs = docs_of(s.search("انور پاشا نصر الله عبد الله ملا حسن"));
  CHECK(docs.size() == 2);
  CHECK(has(docs, "joined.txt"));
  CHECK(has(docs, "apart.txt"));
  // One name over and over (five joinable pairs) finds what it finds once.
  std::string again;
  for (int i = 0; i < 5; ++i) {
    again += "انور پاشا ";
  }
  auto once = docs_of(s.search("انور پاشا"));
  auto repeated = docs_of(s.search(again));
  std::sort(once.begin(), once.end());
  std::sort(repeated.begin(), repeated.end());
  CHECK(once.size() == 3);
  CHECK(repeated == once);
  // Nine words that each join the next (با با is بابا), whose runs of joinable words are cut
  // short to keep the query as long as itself: the passage with the word is still found.
  std::string chained;
  for (int i = 0; i < 9; ++i) {
    chained += "با ";
  }
  CHECK(docs_of(s.search(chained)) == std::vector<std::string>{"father.txt"});
}

TEST_CASE("A closer spelling ranks above a rarer, looser one in the same script",
          "[query][translit]") {
  // انور in many passages, انورالله (a joined form, found by its head) in one: by its own idf the
  // rare one would come first. The English Anwar keeps an idf of its own script.
  TempDir dir;
  {
    talash::IndexWriter w(dir / "db");
    for (int i = 0; i < 6; ++i) {
      w.add({"common" + std::to_string(i) + ".txt", "در این شهر انور بود و کتاب نوشت."});
    }
    w.add({"joined.txt", "در این شهر انورالله بود و کتاب نوشت."});
    w.add({"en.txt", "In this town Anwar lived and wrote a book."});
    for (int i = 0; i < 10; ++i) {
      w.add({"other" + std::to_string(i) + ".txt", "در این شهر کسی بود و کتاب نوشت."});
    }
    w.commit();
  }
  talash::Searcher s(dir / "db");
  const auto docs = docs_of(s.search("Enver"));
  REQUIRE(has(docs, "joined.txt"));
  CHECK(docs.front() != "joined.txt");
  CHECK(docs.back() == "joined.txt");
  CHECK(has(docs, "en.txt"));
}

TEST_CASE("Exact mode turns transliteration off", "[query]") {
  TempDir dir;
  build(dir / "db");
  talash::Searcher s(dir / "db");
  talash::SearchOptions o;
  o.exact = true;
  CHECK(docs_of(s.search("Enver Pasha", o)) == std::vector<std::string>{"en.txt"});
  CHECK(docs_of(s.search("=Bukhara")) == std::vector<std::string>{"en.txt"});
}

TEST_CASE("A name not in the index finds nothing", "[query][translit]") {
  TempDir dir;
  build(dir / "db");
  talash::Searcher s(dir / "db");
  CHECK(s.search("Tokyo").results.empty());
  CHECK(s.search("توکیو").results.empty());
  CHECK(s.search("Napoleon").results.empty());
}

TEST_CASE("Matches carry byte offsets of the words as written", "[query]") {
  TempDir dir;
  build(dir / "db");
  talash::Searcher s(dir / "db");
  const auto r = s.search("بخارا");
  for (const auto& res : r.results) {
    for (const auto& m : res.matches) {
      CHECK(res.text.substr(m.start, m.end - m.start) == m.passage_word);
    }
  }
  REQUIRE(!r.results.empty());
  CHECK(talash::snippet(r.results.front(), "[", "]").find("[بخارا]") != std::string::npos);
}

// The cap is first applied to a page twice as long; when one file fills that page, the search must
// still reach the passages of the other files behind it.
TEST_CASE("The per-document cap lets other files through when one file fills the page", "[query]") {
  TempDir dir;
  {
    talash::IndexWriter w(dir / "db");
    std::string many;
    for (int i = 0; i < 30; ++i) {
      many +=
          "Samarkand, Samarkand and Samarkand again in paragraph " + std::to_string(i) + ".\n\n";
    }
    w.add({"many.txt", many});
    for (const char* name : {"a.txt", "b.txt", "c.txt", "d.txt"}) {
      w.add({name, std::string("A long paragraph that names Samarkand only once among many other "
                               "words about caravans, markets, mosques and the road to Bukhara.")});
    }
    w.commit();
  }
  talash::Searcher s(dir / "db");
  for (const bool exact : {false, true}) {
    talash::SearchOptions o;
    o.exact = exact;
    const auto r = s.search("Samarkand", o);
    const auto docs = docs_of(r);
    REQUIRE(docs.size() == 7);
    CHECK(std::count(docs.begin(), docs.end(), "many.txt") == 3);
    for (const char* name : {"a.txt", "b.txt", "c.txt", "d.txt"}) {
      CHECK(has(docs, name));
    }
    CHECK(r.total >= 34);  // every matching passage, before the cap
    o.per_doc = 0;
    CHECK(s.search("Samarkand", o).results.size() == 10);
  }
}

TEST_CASE("Without highlighting, the same passages come back with their text and no matches",
          "[query]") {
  TempDir dir;
  build(dir / "db");
  talash::Searcher s(dir / "db");
  talash::SearchOptions plain;
  plain.highlight = false;
  for (const char* q : {"Enver Pasha", "انور پاشا", "بخارا"}) {
    const auto with = s.search(q);
    const auto without = s.search(q, plain);
    REQUIRE(with.results.size() == without.results.size());
    REQUIRE_FALSE(with.results.empty());
    for (std::size_t i = 0; i < with.results.size(); ++i) {
      CHECK(without.results[i].doc == with.results[i].doc);
      CHECK(without.results[i].text == with.results[i].text);
      CHECK(without.results[i].score == with.results[i].score);
      CHECK_FALSE(with.results[i].matches.empty());
      CHECK(without.results[i].matches.empty());
    }
  }
}

TEST_CASE("Context and document order keep to the file, also after a file is replaced", "[query]") {
  TempDir dir;
  const auto paragraphs = [](const std::string& word, int n) {
    std::string text;
    for (int i = 0; i < n; ++i) {
      text += word + " paragraph " + std::to_string(i) + " of a file about the caravan roads.\n\n";
    }
    return text;
  };
  {
    talash::IndexWriter w(dir / "db");
    w.add({"a.txt", paragraphs("Khiva", 3)});
    w.add({"b.txt", paragraphs("Merv", 3)});
    w.add({"c.txt", paragraphs("Khiva", 3)});
    w.commit();
    w.add({"b.txt", paragraphs("Merv", 2)});  // its passages now come after c.txt's
    w.commit();
  }
  talash::Searcher s(dir / "db");
  talash::SearchOptions o;
  o.context = 1;
  o.sort = talash::SearchOptions::Sort::kDocument;
  o.limit = 20;
  const auto r = s.search("Khiva", o);
  REQUIRE(r.results.size() == 6);
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    const auto& hit = r.results[i];
    CAPTURE(i);
    CHECK(hit.doc == (i < 3 ? "a.txt" : "c.txt"));
    CHECK(hit.passage == i % 3 + 1);
    CHECK(hit.before.size() == (hit.passage == 1 ? 0 : 1));
    CHECK(hit.after.size() == (hit.passage == 3 ? 0 : 1));
  }
  const auto merv = s.search("Merv", o);
  REQUIRE(merv.results.size() == 2);
  CHECK(merv.results[0].before.empty());
  CHECK(merv.results[0].after.size() == 1);
  CHECK(merv.results[1].after.empty());
}

TEST_CASE("Re-adding a document replaces its passages", "[index]") {
  TempDir dir;
  build(dir / "db");
  {
    talash::IndexWriter w(dir / "db");
    w.add({"en.txt", "Nothing about anyone here."});
    w.commit();
  }
  talash::Searcher s(dir / "db");
  CHECK_FALSE(has(docs_of(s.search("Bukhara")), "en.txt"));
  CHECK(s.stats().documents == 4);
}

TEST_CASE("Errors name what went wrong", "[query][index]") {
  TempDir dir;
  CHECK_THROWS_AS(talash::Searcher(dir / "missing"), talash::DatabaseNotFoundError);
  build(dir / "db");
  talash::Searcher s(dir / "db");
  CHECK_THROWS_AS(s.search("   "), talash::UsageError);
  CHECK_THROWS_AS(s.search("؟ ، ."), talash::UsageError);
  CHECK_THROWS_AS(s.search(ZWNJ FATHA), talash::UsageError);
}

TEST_CASE("A passage whose stored record is damaged is reported, naming it", "[query]") {
  TempDir dir;
  build(dir / "db");
  {
    Xapian::WritableDatabase db(dir / "db");
    Xapian::Document doc = db.get_document(1);
    doc.add_value(talash::internal::schema::kSlotRecord, "\xff\xff");
    db.replace_document(1, doc);
    db.commit();
  }
  talash::Searcher s(dir / "db");
  CHECK_THROWS_AS(s.search("اسماعیل"), talash::DatabaseCorruptError);
  CHECK_THROWS_WITH(s.search("اسماعیل"),
                    Catch::Contains("passage 1 of the index at") && Catch::Contains("rebuild"));
}

TEST_CASE("A second writer is refused while the first holds the lock", "[index]") {
  TempDir dir;
  talash::IndexWriter first(dir / "db");
  CHECK_THROWS_AS(talash::IndexWriter(dir / "db"), talash::DatabaseLockError);
}

TEST_CASE("An unknown language in the options is a usage error, as lang: in the query is",
          "[query]") {
  TempDir dir;
  build(dir / "db");
  talash::Searcher s(dir / "db");
  talash::SearchOptions options;
  options.lang = "de";  // once a filter on a term no passage has: silently nothing
  CHECK_THROWS_AS(s.search("Enver", options), talash::UsageError);
  options.lang = "fa";
  CHECK_FALSE(s.search("انورپاشا", options).results.empty());
}
