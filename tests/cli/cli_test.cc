// End-to-end tests of talash-index and talash-search on the bundled corpus/.
#include "../support/temp_dir.h"
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace {

using Json = nlohmann::json;
using talash::test::quote;
using talash::test::run;
using talash::test::Run;
using talash::test::run_index;
using talash::test::search_bin;
using talash::test::TempDir;

const std::string corpus_dir = TALASH_CORPUS_DIR;

// One index of corpus/ shared by the tests of this file.
const std::string& corpus_db() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "db";
    const Run r = run_index(path, quote(corpus_dir));
    REQUIRE(r.code == 0);
    return path;
  }();
  return db;
}

Json search_json(const std::string& query, const std::string& extra = "") {
  const Run r =
      run(search_bin + " --db " + quote(corpus_db()) + " --json " + extra + " " + quote(query));
  REQUIRE((r.code == 0 || r.code == 1));
  return Json::parse(r.out);
}

bool has_doc(const Json& j, const std::string& prefix) {
  for (const auto& r : j["results"]) {
    if (r["doc"].get<std::string>().rfind(prefix, 0) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("talash-index indexes the corpus and reports it", "[cli]") {
  TempDir dir;
  const Run r = run_index(dir / "db", quote(corpus_dir));
  CHECK(r.code == 0);
  CHECK(r.out.find("indexed 4 files") != std::string::npos);
}

TEST_CASE("انور پاشا finds the Urdu and the Persian article", "[cli][ur][fa]") {
  const Json j = search_json("انور پاشا");
  CHECK(has_doc(j, "000_"));  // Urdu
  CHECK(has_doc(j, "001_"));  // Persian
}

TEST_CASE("انورپاشا finds the Persian article", "[cli][fa]") {
  CHECK(has_doc(search_json("انورپاشا"), "001_"));
}

TEST_CASE("Bukhara finds the English page on Enver Pasha's campaign first", "[cli][en]") {
  const Json j = search_json("Bukhara");
  REQUIRE(!j["results"].empty());
  CHECK(j["results"][0]["doc"] == "003_fb4798e2da525839.txt");
}

TEST_CASE("Enver Pasha finds all three scripts and spellings", "[cli][translit]") {
  const Json j = search_json("Enver Pasha");
  CHECK(has_doc(j, "000_"));
  CHECK(has_doc(j, "001_"));
  CHECK(has_doc(j, "003_"));
  CHECK(j["results"][0]["doc"] == "003_fb4798e2da525839.txt");
}

TEST_CASE("JSON output has the documented fields and types", "[cli]") {
  const Json j = search_json("Bukhara");
  CHECK(j["query"] == "Bukhara");
  CHECK(j["total"].is_number_unsigned());
  CHECK(j["fallback"].is_boolean());
  REQUIRE(j["results"].is_array());
  for (const auto& r : j["results"]) {
    CHECK(r["doc"].is_string());
    CHECK(r["passage"].is_number_unsigned());
    CHECK(r["start"].is_number_unsigned());
    CHECK(r["end"].is_number_unsigned());
    CHECK(r["lang"].is_string());
    CHECK(r["score"].is_number());
    CHECK(r["text"].is_string());
    CHECK(r["snippet"].is_string());
    REQUIRE(r["matches"].is_array());
    for (const auto& m : r["matches"]) {
      CHECK(m["query"].is_string());
      CHECK(m["word"].is_string());
      CHECK(m["kind"].is_string());
      CHECK(m["similarity"].is_number());
      CHECK(m["start"].is_number_unsigned());
      CHECK(m["end"].is_number_unsigned());
    }
  }
}

TEST_CASE("Passage text is verbatim at its byte range in the source file", "[cli]") {
  const Json j = search_json("انور پاشا");
  REQUIRE(!j["results"].empty());
  for (const auto& r : j["results"]) {
    std::ifstream in(corpus_dir + "/" + r["doc"].get<std::string>(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string file = ss.str();
    const auto start = r["start"].get<std::size_t>();
    const auto end = r["end"].get<std::size_t>();
    CHECK(file.substr(start, end - start) == r["text"].get<std::string>());
  }
}

TEST_CASE("Batch mode prints one JSON object per input line", "[cli]") {
  const Run r = run(search_bin + " --db " + quote(corpus_db()) + " --batch --json",
                    "Bukhara\nانور پاشا\nTokyo\n");
  CHECK(r.code == 0);
  std::istringstream lines(r.out);
  std::string line;
  std::vector<Json> objects;
  while (std::getline(lines, line)) {
    objects.push_back(Json::parse(line));
  }
  REQUIRE(objects.size() == 3);
  CHECK(objects[1]["query"] == "انور پاشا");
  CHECK(objects[2]["results"].empty());
}

TEST_CASE(
    "Per-document cap and limit shape the page: --per-doc passages per file and --limit the page",
    "[cli]") {
  const Json j = search_json("Bukhara", "--per-doc 1 --limit 3");
  std::set<std::string> docs;
  for (const auto& r : j["results"]) {
    CHECK(docs.insert(r["doc"].get<std::string>()).second);
  }
  CHECK(j["results"].size() <= 3);
}

TEST_CASE("Exit codes: 0 results, 1 none, 2 bad query or usage, 3 index trouble", "[cli]") {
  const std::string db = " --db " + quote(corpus_db()) + " ";
  CHECK(run(search_bin + db + "Bukhara").code == 0);
  CHECK(run(search_bin + db + "Tokyo").code == 1);
  SECTION("empty query") {
    const Run r = run(search_bin + db + quote("  "));
    CHECK(r.code == 2);
    CHECK(r.err.find("empty") != std::string::npos);
  }
  SECTION("query of punctuation only") {
    const Run r = run(search_bin + db + quote("؟ ، ..."));
    CHECK(r.code == 2);
    CHECK(r.err.find("no words") != std::string::npos);
  }
  SECTION("unknown option value") {
    CHECK(run(search_bin + db + "--color sometimes Bukhara").code == 2);
  }
  SECTION("missing database") {
    TempDir dir;
    const Run r = run(search_bin + " --db " + quote(dir / "nope") + " Bukhara");
    CHECK(r.code == 3);
    CHECK(r.err.find(dir / "nope") != std::string::npos);
  }
}

TEST_CASE("An index from another analysis version is refused with a request to re-index", "[cli]") {
  TempDir dir;
  const std::string path = dir / "db";
  REQUIRE(run_index(path, quote(corpus_dir)).code == 0);
  {
    Xapian::WritableDatabase db(path);
    db.set_metadata("talash.analysis_version", "0");
    db.commit();
  }
  const Run r = run(search_bin + " --db " + quote(path) + " Bukhara");
  CHECK(r.code == 3);
  CHECK(r.err.find("re-index") != std::string::npos);
  const Run again = run_index(path, quote(corpus_dir));
  CHECK(again.code == 3);
  CHECK(run_index(path, "--rebuild " + quote(corpus_dir)).code == 0);
  CHECK(run(search_bin + " --db " + quote(path) + " Bukhara").code == 0);
}

TEST_CASE("talash-index names a missing path and fails", "[cli]") {
  TempDir dir;
  const Run r = run_index(dir / "db", quote(dir / "no-such-dir"));
  CHECK(r.code != 0);
  CHECK(r.err.find("no-such-dir") != std::string::npos);
}

TEST_CASE("talash-index indexes what it can and reports a path it cannot", "[cli]") {
  TempDir dir;
  const Run r = run_index(dir / "db", quote(corpus_dir) + " " + quote(dir / "gone.txt"));
  CHECK(r.code == 1);
  CHECK(r.err.find("gone.txt") != std::string::npos);
  CHECK(run(search_bin + " --db " + quote(dir / "db") + " Bukhara").code == 0);
}

TEST_CASE("Pages join up: two pages of two equal one page of four", "[cli]") {
  for (const std::string q : {"Bukhara", "Enver Pasha", "انور"}) {
    CAPTURE(q);
    const Json all = search_json(q, "--limit 4");
    const Json first = search_json(q, "--limit 2");
    const Json second = search_json(q, "--limit 2 --offset 2");
    std::vector<std::pair<std::string, std::size_t>> joined;
    for (const Json* page : {&first, &second}) {
      for (const auto& r : (*page)["results"]) {
        joined.emplace_back(r["doc"], r["passage"]);
      }
    }
    std::vector<std::pair<std::string, std::size_t>> whole;
    for (const auto& r : all["results"]) {
      whole.emplace_back(r["doc"], r["passage"]);
    }
    CHECK(joined == whole);
  }
}

TEST_CASE("Repaired queries say what was repaired, on stderr and in JSON", "[cli][query]") {
  const std::string db = " --db " + quote(corpus_db()) + " ";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"\"Enver Pasha", "unbalanced quote"},
      {"(Enver OR Anwar Pasha", "without its ')'"},
      {"OR Bukhara", "OR without a word"},
      {"Bukhara NOT", "NOT at the end"},
      {std::string("Bukhara\x01"), "control characters"},
      {std::string("Bukhara \xff"), "not valid UTF-8"},
  };
  for (const auto& [query, notice] : cases) {
    CAPTURE(query);
    const Run r = run(search_bin + db + "--json " + quote(query));
    CHECK(r.code == 0);
    CHECK(r.err.find(notice) != std::string::npos);
    CHECK(Json::parse(r.out)["notices"].size() == 1);
  }
}

TEST_CASE("A 10,000-character query is cut with a notice and answered quickly", "[cli][query]") {
  std::string query;
  while (query.size() < 10000) {
    query += "Enver Pasha Bukhara ";
  }
  const auto t0 = std::chrono::steady_clock::now();
  const Run r = run(search_bin + " --db " + quote(corpus_db()) + " " + quote(query));
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
  CHECK(r.code == 0);
  CHECK(r.err.find("only its beginning was used") != std::string::npos);
}

TEST_CASE("Unknown filters and option values are rejected with exit code 2", "[cli][query]") {
  const std::string db = " --db " + quote(corpus_db()) + " ";
  Run r = run(search_bin + db + quote("title:Bukhara"));
  CHECK(r.code == 2);
  CHECK(r.err.find("unknown filter 'title:'") != std::string::npos);
  CHECK(run(search_bin + db + quote("Bukhara lang:de")).code == 2);
  // The part at fault is shown: carets under a left-to-right query, quoted in any other.
  r = run(search_bin + db + quote("Herat title:y"));
  CHECK(r.err.find("talash-search:   Herat title:y\ntalash-search:         ^^^^^^\n") !=
        std::string::npos);
  r = run(search_bin + db + quote("انور lang:xx"));
  CHECK(r.err.find("at character 11: \u00ABxx\u00BB") != std::string::npos);
  // JSON gives the same part as code points from 0, for programs to mark it.
  r = run(search_bin + db + "--json " + quote("Herat title:y"));
  CHECK(r.code == 2);
  const Json j = Json::parse(r.out);
  CHECK(j["position"] == 6);
  CHECK(j["length"] == 6);
  CHECK(j["error"].get<std::string>().find("title:") != std::string::npos);
  CHECK(run(search_bin + db + "--sort date Bukhara").code == 2);
  CHECK(run(search_bin + db + "--lang xx Bukhara").code == 2);
}

TEST_CASE("Document order lists a file's hits in sequence", "[cli]") {
  const Json j = search_json("Bukhara", "--sort doc --limit 50");
  std::vector<std::pair<std::string, std::size_t>> order;
  for (const auto& r : j["results"]) {
    order.emplace_back(r["doc"], r["passage"]);
  }
  REQUIRE(order.size() > 3);
  CHECK(std::is_sorted(order.begin(), order.end()));
}

TEST_CASE("Context brings the neighbouring passages", "[cli]") {
  const Json j = search_json("Kashgar", "--context 1 --limit 1");
  REQUIRE(j["results"].size() == 1);
  const auto& r = j["results"][0];
  REQUIRE(r["before"].size() == 1);
  REQUIRE(r["after"].size() == 1);
  CHECK(r["before"][0]["passage"] == r["passage"].get<std::size_t>() - 1);
  CHECK(r["after"][0]["passage"] == r["passage"].get<std::size_t>() + 1);
}

TEST_CASE("Stats describe the index", "[cli]") {
  const Run r = run(search_bin + " --db " + quote(corpus_db()) + " --stats --json");
  REQUIRE(r.code == 0);
  const Json s = Json::parse(r.out);
  CHECK(s["documents"] == 4);
  CHECK(s["passages"].get<std::size_t>() == s["passages_by_lang"]["ur"].get<std::size_t>() +
                                                s["passages_by_lang"]["fa"].get<std::size_t>() +
                                                s["passages_by_lang"]["en"].get<std::size_t>());
  CHECK(s["distinct_terms"].get<std::size_t>() > 1000);
  CHECK(s["size_bytes"].get<std::size_t>() > 0);
  CHECK(s["committed"].get<std::string>().size() == 20);
  CHECK(s["analysis_version"].is_string());
}

TEST_CASE("An Urdu snippet in visual order reads right to left, line by line", "[cli][ur]") {
  const Run r = run("COLUMNS=60 " + search_bin + " --db " + quote(corpus_db()) +
                    " --bidi visual --color never --limit 1 --lang ur " + quote("انور پاشا"));
  REQUIRE(r.code == 0);
  // The matched words come out reversed, highlighted; the logical form is not there.
  CHECK(r.out.find("**رونا**") != std::string::npos);
  CHECK(r.out.find("**انور**") == std::string::npos);
  const Run logical =
      run(search_bin + " --db " + quote(corpus_db()) +
          " --bidi logical --color never --limit 1 --lang ur " + quote("انور پاشا"));
  CHECK(logical.out.find("**انور**") != std::string::npos);
  // Wrapped to the width before reordering: no line is longer than 60 columns.
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    std::size_t n = 0;
    for (char c : line) {
      n += (c & 0xC0) != 0x80 ? 1 : 0;
    }
    CHECK(n <= 60 + 4);  // the ** markers
  }
}

namespace {

std::set<std::string> docs_in(const Json& j) {
  std::set<std::string> docs;
  for (const auto& r : j["results"]) {
    docs.insert(r["doc"].get<std::string>().substr(0, 4));
  }
  return docs;
}

}  // namespace

TEST_CASE("Each query-language feature on the corpus", "[cli][query]") {
  // Kashgar is only in the English Wikipedia page (003); Afghanistan in the HEN page (002) and
  // the articles; exact mode keeps transliterations out of the comparisons.
  CHECK(docs_in(search_json("Kashgar", "--exact")) == std::set<std::string>{"003_"});
  CHECK(docs_in(search_json("Kashgar OR Turkmenistan", "--exact")) ==
        std::set<std::string>{"002_", "003_"});
  const Json grouped = search_json("(Kashgar OR Turkmenistan) Basmachi", "--exact");
  CHECK_FALSE(grouped["fallback"].get<bool>());
  CHECK(docs_in(grouped) == std::set<std::string>{"002_"});
  CHECK(
      docs_in(search_json("Basmachi -Kashgar", "--exact --per-doc 0 --limit 100")).count("002_") ==
      1);
  const Json without = search_json("Basmachi NOT Soviet", "--limit 100");
  REQUIRE_FALSE(without["results"].empty());
  const std::regex soviet("\\bSoviets?\\b");
  for (const auto& r : without["results"]) {
    CHECK_FALSE(std::regex_search(r["text"].get<std::string>(), soviet));
  }
  CHECK(docs_in(search_json("انور lang:ur")) == std::set<std::string>{"000_"});
  CHECK(docs_in(search_json("انور doc:001_*")) == std::set<std::string>{"001_"});
  CHECK(docs_in(search_json("=Bukhara")) == std::set<std::string>{"003_"});
  CHECK(docs_in(search_json("\"Soviet forces\"")) == std::set<std::string>{"002_", "003_"});
}

TEST_CASE("NEAR wants the words close together", "[cli][query]") {
  // "Enver Pasha's campaign in Bukhara": near; Enver and Kashgar never are.
  CHECK_FALSE(search_json("Enver NEAR Bukhara", "--exact")["results"].empty());
  CHECK_FALSE(search_json("Enver NEAR/3 Bukhara")["results"].empty());
  CHECK(search_json("Enver NEAR/2 Kashgar", "--exact")["results"].empty());
}

TEST_CASE("Passages with the words close together rank above scattered ones", "[cli][query]") {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "docs");
  std::ofstream(dir.path() / "docs" / "scattered.txt")
      << "Khiva is far. Many words stand between the two names here, and more, and more, and "
         "still more words, until at last Merv.\n";
  std::ofstream(dir.path() / "docs" / "close.txt") << "Khiva and Merv were both oasis cities.\n";
  const std::string db = dir / "db";
  REQUIRE(run_index(db, "-q " + quote(dir / "docs")).code == 0);
  const Json j = Json::parse(run(search_bin + " --json --db " + quote(db) + " Khiva Merv").out);
  REQUIRE(j["results"].size() == 2);
  CHECK(j["results"][0]["doc"] == "close.txt");
}

TEST_CASE("A damaged index exits with code 3 and says so", "[cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(run_index(db, "-q " + quote(corpus_dir)).code == 0);
  {
    std::ofstream(talash::test::index_table(db, "postlist.glass"),
                  std::ios::binary | std::ios::trunc)
        << "not a btree";
  }
  const Run r = run(search_bin + " --db " + quote(db) + " Bukhara");
  CHECK(r.code == 3);
  CHECK(r.err.find(db) != std::string::npos);
}

TEST_CASE("Queries with nothing to search for are rejected with exit code 2", "[cli][query]") {
  const std::string db = " --db " + quote(corpus_db()) + " ";
  const std::vector<std::string> queries = {
      "\xe2\x80\x8c\xe2\x80\x8c",  // ZWNJ only
      "\xd9\x8e\xd9\x90\xd9\x91",  // fatha, kasra, shadda: diacritics only
      " \t ",                      // whitespace only
      "\xd8\x9f \xd8\x8c ... !",   // punctuation only
  };
  for (const std::string& q : queries) {
    CAPTURE(q);
    const Run r = run(search_bin + db + quote(q));
    CHECK(r.code == 2);
    CHECK_FALSE(r.err.empty());
  }
}

TEST_CASE("Colour follows --color and auto respects NO_COLOR and pipes", "[cli]") {
  const std::string db = " --db " + quote(corpus_db()) + " ";
  CHECK(run(search_bin + db + "--color always Bukhara").out.find("\x1b[") != std::string::npos);
  CHECK(run(search_bin + db + "--color never Bukhara").out.find("\x1b[") == std::string::npos);
  // Standard output is a pipe here: auto means no colour, and markers instead.
  const Run r = run("NO_COLOR=1 " + search_bin + db + "Bukhara");
  CHECK(r.out.find("\x1b[") == std::string::npos);
  CHECK(r.out.find("**Bukhara**") != std::string::npos);
}

TEST_CASE("JSON carries notices and context when asked", "[cli]") {
  const Json j = search_json("Kashgar", "--context 1");
  CHECK(j["notices"].is_array());
  for (const auto& r : j["results"]) {
    REQUIRE(r["before"].is_array());
    REQUIRE(r["after"].is_array());
    for (const auto& n : r["before"]) {
      CHECK(n["passage"].is_number_unsigned());
      CHECK(n["start"].is_number_unsigned());
      CHECK(n["end"].is_number_unsigned());
      CHECK(n["text"].is_string());
    }
  }
}

TEST_CASE("When no passage has every word, any word will do, and the user is told",
          "[cli][query]") {
  // No passage has both "schools" and "Kashgar"; "in" is in too many passages to count.
  const Run r =
      run(search_bin + " --db " + quote(corpus_db()) + " --json " + quote("schools in Kashgar"));
  REQUIRE(r.code == 0);
  CHECK(r.err.find("showing passages with any of them") != std::string::npos);
  const Json j = Json::parse(r.out);
  CHECK(j["fallback"] == true);
  for (const auto& res : j["results"]) {
    const std::string text = res["text"];
    CHECK((text.find("Kashgar") != std::string::npos || text.find("schools") != std::string::npos));
  }
}
