// Counting a query's matches by language in one pass (language_count.h): exact under the cap,
// sampled past it, on a corpus stored a language at a time and on one with languages interleaved.
#include "query/language_count.h"

#include "../support/temp_dir.h"

#include <talash/talash.h>

#include <catch2/catch.hpp>
#include <xapian.h>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

namespace {

const std::vector<std::string> kLangs = {"en", "fa", "ur"};

// Which words passage i (0-based, of 300) of each language holds: "common" in every English one,
// in the first 100 Persian ones (a source that uses it, then others that do not) and in every
// third Urdu one; "rare" in five English and two Urdu ones.
std::string text_of(const std::string& lang, int i) {
  std::string text = "passage number " + std::to_string(i);
  const bool common = lang == "en" || (lang == "fa" && i < 100) || (lang == "ur" && i % 3 == 0);
  const bool rare = (lang == "en" && i % 60 == 7) || (lang == "ur" && (i == 5 || i == 250));
  return text + (common ? " common" : "") + (rare ? " rare" : "");
}

// One passage a document; `order` gives the (language, i) of the n-th document added.
void build(const std::string& path, const std::function<std::pair<std::string, int>(int)>& order) {
  talash::IndexOptions options;
  options.threads = 1;
  talash::IndexWriter w(path, options);
  for (int n = 0; n < 900; ++n) {
    const auto [lang, i] = order(n);
    w.add({lang + std::to_string(i) + ".txt", text_of(lang, i), lang});
  }
  w.commit();
}

struct Row {
  const char* word;
  Xapian::doccount exactly;
  std::uint32_t strata;
  std::vector<double> counts;  // en, fa, ur
  double tolerance;            // the share of the true count an estimate may be off by
  const char* why;
};

const Row kRows[] = {
    {"rare",
     1000,
     64,
     {5, 0, 2},
     0,
     "few matches: every language is counted exactly, none left out"},
    {"common", 1000, 64, {300, 100, 100}, 0, "under the cap the count is exact, however spread"},
    {"common",
     300,
     64,
     {300, 100, 100},
     0,
     "a language with exactly the cap's matches is still exact"},
    {"common",
     40,
     4,
     {300, 100, 100},
     0.5,
     "past the cap, four strata of 75 passages sample the rest: exact for a language in every "
     "passage; one whose matches end a quarter into a stratum is overstated, as that stratum's "
     "first passages are read for it"},
    {"common",
     40,
     20,
     {300, 100, 100},
     0.1,
     "finer strata (15 passages) bring the estimates near every count: in every passage, in the "
     "first third only (not extrapolated over the rest), in every third"},
    {"absent", 40, 4, {0, 0, 0}, 0, "no matches: zero everywhere"},
};

void check_counts(const std::string& path) {
  const Xapian::Database db(path);
  talash::internal::LanguagePassages passages(db);
  for (const Row& row : kRows) {
    CAPTURE(row.why, row.word, row.exactly, row.strata);
    talash::internal::CountLimits limits;
    limits.exactly = row.exactly;
    limits.strata = row.strata;
    const std::vector<Xapian::doccount> got = talash::internal::count_by_language(
        db, Xapian::Query(row.word), kLangs, passages, nullptr, limits);
    REQUIRE(got.size() == kLangs.size());
    for (std::size_t l = 0; l < kLangs.size(); ++l) {
      CAPTURE(kLangs[l], got[l]);
      CHECK(std::abs(static_cast<double>(got[l]) - row.counts[l]) <= row.tolerance * row.counts[l]);
    }
  }
  // A language of none of the passages, and a list of one language.
  const talash::internal::CountLimits defaults;
  CHECK(talash::internal::count_by_language(db, Xapian::Query("common"), {"de"}, passages, nullptr,
                                            defaults) == std::vector<Xapian::doccount>{0});
  CHECK(talash::internal::count_by_language(db, Xapian::Query("common"), {"ur"}, passages, nullptr,
                                            defaults) == std::vector<Xapian::doccount>{100});
}

}  // namespace

TEST_CASE("Matches are counted by language, exactly under the cap and sampled past it",
          "[query][lang]") {
  talash::test::TempDir dir;
  SECTION("a corpus stored a language at a time") {
    build(dir / "db", [](int n) { return std::make_pair(kLangs[n / 300], n % 300); });
    check_counts(dir / "db");
  }
  SECTION("languages interleaved") {
    build(dir / "db", [](int n) { return std::make_pair(kLangs[n % 3], n / 3); });
    check_counts(dir / "db");
  }
}

TEST_CASE("Each passage's language is found among the languages asked for", "[query][lang]") {
  talash::test::TempDir dir;
  build(dir / "db", [](int n) { return std::make_pair(kLangs[n % 3], n / 3); });
  const Xapian::Database db(dir / "db");
  talash::internal::LanguagePassages passages(db);
  const auto all = passages.interleaved(kLangs);
  const auto persian = passages.interleaved({"fa"});
  for (Xapian::docid did = 1; did <= 900; ++did) {
    CAPTURE(did);
    CHECK(all->language_of(did) == (did - 1) % 3);
    CHECK(persian->language_of(did) == ((did - 1) % 3 == 1 ? 0 : 1));
  }
  CHECK(all->language_of(901) == kLangs.size());
  CHECK(all->ids.size() == 900);
  CHECK(all->sizes == std::vector<std::uint32_t>{300, 300, 300});
  CHECK(all->run_end[0] == 1);
  CHECK(all->rank[899] == 299);
}
