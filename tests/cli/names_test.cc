// End-to-end: the first page across languages (--mix) and names files (--names) through
// talash-search, on small corpora written by the tests.
#include "../support/temp_dir.h"
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace {

using talash::test::quote;
using talash::test::run;
using talash::test::run_index;
using talash::test::search_bin;
using talash::test::TempDir;

// English passages that all hold the name itself, and a few Persian and Urdu ones with its
// spelling there: left to the tiers, the English fill the first page.
std::string mixed_index(const TempDir& dir) {
  std::filesystem::create_directories(dir.path() / "docs");
  for (int i = 1; i <= 14; ++i) {
    std::ofstream(dir.path() / "docs" / ("en" + std::to_string(i) + ".txt"))
        << "Chapter " << i << " tells how Yusuf came to the city of the king.\n";
  }
  for (int i = 1; i <= 3; ++i) {
    std::ofstream(dir.path() / "docs" / ("fa" + std::to_string(i) + ".txt"))
        << "در فصل " << i << " یوسف به شهر پادشاه آمد و همه او را دیدند.\n";
  }
  std::ofstream(dir.path() / "docs" / "ur1.txt") << "اس باب میں یوسف بادشاہ کے شہر میں آئے۔\n";
  const std::string db = dir / "db";
  REQUIRE(run_index(db, "-q " + quote(dir / "docs")).code == 0);
  return db;
}

std::vector<std::string> docs_of(const nlohmann::json& j) {
  std::vector<std::string> out;
  for (const auto& r : j["results"]) {
    out.push_back(r["doc"].get<std::string>());
  }
  return out;
}

nlohmann::json search_json(const std::string& db, const std::string& query,
                           const std::string& options) {
  const auto r = run(search_bin + " --json --db " + quote(db) + " " + options + " " + quote(query));
  REQUIRE(r.code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("With --mix the first page shows every language and counts each", "[cli][mix]") {
  TempDir dir;
  const std::string db = mixed_index(dir);
  const auto plain = search_json(db, "Yusuf", "");
  CHECK(plain["total_by_lang"].empty());
  for (const auto& r : plain["results"]) {
    CHECK(r["lang"] == "en");  // the tiers alone: exact English matches fill the page
  }
  const auto mixed = search_json(db, "Yusuf", "--mix");
  CHECK(mixed["total_by_lang"] == nlohmann::json{{"en", 14}, {"fa", 3}, {"ur", 1}});
  CHECK(mixed["total"] == 18);
  std::vector<std::string> langs;
  for (const auto& r : mixed["results"]) {
    langs.push_back(r["lang"].get<std::string>());
  }
  // Turns: English (the query's own spelling), then Persian (more matches), then Urdu.
  CHECK(langs ==
        std::vector<std::string>{"en", "fa", "ur", "en", "fa", "en", "fa", "en", "en", "en"});
  const auto text = run(search_bin + " --db " + quote(db) + " --mix Yusuf");
  CHECK(text.out.find("-- 10 of about 18 passages: 14 in en, 3 in fa, 1 in ur (--lang en for "
                      "those only)") != std::string::npos);
}

TEST_CASE("Pages cut with --offset from a mixed ranking never repeat a passage", "[cli][mix]") {
  TempDir dir;
  const std::string db = mixed_index(dir);
  const auto all = docs_of(search_json(db, "Yusuf", "--mix --limit 100"));
  REQUIRE(all.size() == 18);
  CHECK(std::set<std::string>(all.begin(), all.end()).size() == 18);
  for (const int limit : {1, 4, 10, 7}) {
    CAPTURE(limit);
    std::vector<std::string> paged;
    for (int offset = 0; offset < 18; offset += limit) {
      const auto page = docs_of(search_json(
          db, "Yusuf",
          "--mix --limit " + std::to_string(limit) + " --offset " + std::to_string(offset)));
      paged.insert(paged.end(), page.begin(), page.end());
    }
    CHECK(paged == all);
  }
  // One language, or by document: no mixing, and the same passages.
  const auto persian = docs_of(search_json(db, "Yusuf", "--mix --lang fa"));
  CHECK(persian == std::vector<std::string>{"fa1.txt", "fa2.txt", "fa3.txt"});
  const auto by_doc = docs_of(search_json(db, "Yusuf", "--mix --sort doc --limit 100"));
  CHECK(std::set<std::string>(by_doc.begin(), by_doc.end()) ==
        std::set<std::string>(all.begin(), all.end()));
}

TEST_CASE("A names file joins exonyms, and a bad line is refused naming the file and line",
          "[cli][names]") {
  TempDir dir;
  const std::string db = mixed_index(dir);
  CHECK(run(search_bin + " --db " + quote(db) + " Joseph").code == 1);
  const std::string names = dir / "names.txt";
  std::ofstream(names) << "# exonyms\nJoseph, Yusuf, یوسف\n";
  const auto j = search_json(db, "Joseph", "--names " + quote(names) + " --limit 100");
  CHECK(j["results"].size() == 18);
  CHECK(j["results"][0]["matches"][0]["kind"] == "name");
  const std::string bad = dir / "bad.txt";
  std::ofstream(bad) << "Joseph, Yusuf\nMoses\n";
  const auto r = run(search_bin + " --db " + quote(db) + " --names " + quote(bad) + " Joseph");
  CHECK(r.code == 2);
  CHECK(r.err.find(bad + ":2: a group needs two spellings") != std::string::npos);
  const auto missing =
      run(search_bin + " --db " + quote(db) + " --names " + quote(dir / "none.txt") + " Joseph");
  CHECK(missing.code == 2);
  CHECK(missing.err.find("cannot read the names file") != std::string::npos);
}
