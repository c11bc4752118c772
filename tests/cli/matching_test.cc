// End-to-end matching through both CLIs on small corpora written by the tests: every spelling of a
// word finds the others (normalization), and every spelling of a name finds the others across
// scripts (transliteration), with unrelated look-alike words left out.
#include "../support/chars.h"
#include "../support/temp_dir.h"
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

namespace {

using talash::test::found;
using talash::test::quote;
using talash::test::run;
using talash::test::run_index;
using talash::test::search_bin;
using talash::test::TempDir;

struct Doc {
  const char* name;
  const char* text;
};

// Builds an index of `docs` in `dir` and returns its path.
std::string index(const TempDir& dir, const std::vector<Doc>& docs) {
  std::filesystem::create_directories(dir.path() / "docs");
  for (const Doc& d : docs) {
    std::ofstream(dir.path() / "docs" / d.name) << d.text << '\n';
  }
  const std::string db = dir / "db";
  REQUIRE(run_index(db, "-q " + quote(dir / "docs")).code == 0);
  return db;
}

}  // namespace

TEST_CASE("Every spelling of a word finds the passages written in the others", "[cli][fa][ur]") {
  TempDir dir;
  // Each group: one file per spelling; every spelling, as a query, must find every file.
  const std::vector<std::vector<Doc>> groups = {
      {{"mi_zwnj.txt", "او به خانه می" ZWNJ "رود و کتاب می‌خواند."},
       {"mi_joined.txt", "او هر روز به بازار میرود."},
       {"mi_space.txt", "او با دوستش به مدرسه می رود."}},
      {{"bek_arabic.txt", "ابراه" ARABIC_YEH "م ب" ARABIC_YEH ARABIC_KAF " رهبر قیام بود."},
       {"bek_persian.txt", "ابراهیم بیک از باشندگان بخارا بود."}},
      {{"fergana_urdu.txt", "وادی فرغانہ میں بغاوت پھیل گئی۔"},
       {"fergana_persian.txt", "دره فرغانه مرکز جنبش بود."}},
      {{"kitab_marks.txt", "این " ARABIC_KAF KASRA "ت" TATWEEL TATWEEL "َاب را بخوان."},
       {"kitab_plain.txt", "کتاب تازه به چاپ رسید."}},
      {{"hamza_seat.txt", "تأثیر این جنبش زیاد بود."},
       {"hamza_none.txt", "تاثیر آن تا امروز ماند."}},
      {{"year_persian.txt", "در سال ۱۹۲۲ جنگ پایان یافت."},
       {"year_arabic.txt", "في سنة ١٩٢٢ انتهت الحرب."},
       {"year_latin.txt", "The war ended in 1922."}},
  };
  std::vector<Doc> all;
  for (const auto& g : groups) {
    all.insert(all.end(), g.begin(), g.end());
  }
  const std::string db = index(dir, all);
  const std::vector<std::vector<const char*>> queries = {
      {"می" ZWNJ "رود", "میرود", "می رود"},
      {"ابراه" ARABIC_YEH "م ب" ARABIC_YEH ARABIC_KAF, "ابراهیم بیک"},
      {"فرغانہ", "فرغانه"},
      {"كِتَاب", "کتاب", "ک" TATWEEL "تاب"},
      {"تأثیر", "تاثیر"},
      {"۱۹۲۲", "١٩٢٢", "1922"},
  };
  for (std::size_t g = 0; g < groups.size(); ++g) {
    for (const char* q : queries[g]) {
      const auto docs = found(db, q);
      for (const Doc& d : groups[g]) {
        CAPTURE(q, d.name);
        CHECK(docs.count(d.name) == 1);
      }
    }
  }
}

TEST_CASE("Urdu words that differ in one letter do not find each other", "[cli][ur]") {
  TempDir dir;
  const std::string db =
      index(dir, {{"bache.txt", "بچے کھیل رہے ہیں۔"}, {"bachi.txt", "بچی سو رہی ہے۔"}});
  CHECK(found(db, "بچے") == std::set<std::string>{"bache.txt"});
  CHECK(found(db, "بچی") == std::set<std::string>{"bachi.txt"});
}

TEST_CASE("Names find their spellings in the other script, and the reverse", "[cli][translit]") {
  TempDir dir;
  const std::string db = index(
      dir,
      {{"ur.txt", "اسماعیل انور پاشا خطے میں آئے اور بالشیوک افواج سے لڑے۔"},
       {"fa.txt", "انورپاشا با بلشویک ها در قراتگین و قرغان تپه جنگید و به خوارزم رفت."},
       {"en.txt",
        "Enver Pasha fought the Bolshevik army at Karategin and Kurgantepe, far from Khwarezm."},
       {"tr.txt", "Enver Paşa Buhara'da savaştı."},
       {"trap.txt", "انوار خورشید و نیروی باد و خون دل در این شعر آمده است."}});
  const std::vector<std::pair<const char*, std::set<std::string>>> cases = {
      {"Enver", {"ur.txt", "fa.txt", "en.txt", "tr.txt"}},
      {"Enver Pasha", {"ur.txt", "fa.txt", "en.txt", "tr.txt"}},
      {"Enver Paşa", {"ur.txt", "fa.txt", "en.txt", "tr.txt"}},
      {"Anwar Pasha", {"ur.txt", "fa.txt", "en.txt", "tr.txt"}},
      {"انور پاشا", {"ur.txt", "fa.txt", "en.txt", "tr.txt"}},
      {"انورپاشا", {"ur.txt", "fa.txt", "en.txt", "tr.txt"}},
      {"Bolshevik", {"ur.txt", "fa.txt", "en.txt"}},
      {"بالشیوک", {"ur.txt", "fa.txt", "en.txt"}},
      {"بلشویک", {"ur.txt", "fa.txt", "en.txt"}},
      {"Karategin", {"fa.txt", "en.txt"}},
      {"قراتگین", {"fa.txt", "en.txt"}},
      {"Kurgantepe", {"fa.txt", "en.txt"}},
      {"قرغان تپه", {"fa.txt", "en.txt"}},
      {"Khwarezm", {"fa.txt", "en.txt"}},
      {"خوارزم", {"fa.txt", "en.txt"}},
      {"Tokyo", {}},
      {"توکیو", {}},
      {"Napoleon", {}},
      {"Khan", {}},
  };
  for (const auto& [query, expected] : cases) {
    CAPTURE(query);
    CHECK(found(db, query) == expected);
  }
}

TEST_CASE("Exact spelling ranks above transliteration and --exact turns it off",
          "[cli][translit]") {
  TempDir dir;
  const std::string db =
      index(dir, {{"ur.txt", "انور پاشا نے بخارا میں جنگ کی۔"},
                  {"en.txt", "Enver Pasha fought near Bukhara. Enver Pasha lost."}});
  const auto r = run(search_bin + " --json --db " + quote(db) + " " + quote("انور پاشا"));
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["results"].size() == 2);
  CHECK(j["results"][0]["doc"] == "ur.txt");
  CHECK(j["results"][1]["matches"][0]["kind"] == "transliteration");
  CHECK(found(db, "انور پاشا", "--exact") == std::set<std::string>{"ur.txt"});
  CHECK(found(db, "\"Enver Pasha\"") == std::set<std::string>{"en.txt"});
  CHECK(found(db, "=Enver") == std::set<std::string>{"en.txt"});
}

TEST_CASE("A folder's README is not indexed unless named", "[cli]") {
  TempDir dir;
  const std::string db =
      index(dir, {{"README.md", "Notes about Samarkand."}, {"a.txt", "Samarkand"}});
  CHECK(found(db, "Samarkand") == std::set<std::string>{"a.txt"});
}
