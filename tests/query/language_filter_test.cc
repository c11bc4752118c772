// The in-memory language filter (language_filter.h) against the XL terms it stands in for.
#include "query/language_filter.h"

#include "../support/temp_dir.h"
#include "index/term_schema.h"

#include <talash/talash.h>

#include <catch2/catch.hpp>
#include <xapian.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

std::vector<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  std::vector<Xapian::docid> out;
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    out.push_back(*it);
  }
  return out;
}

}  // namespace

TEST_CASE("Filtering by the passages of a language kept in memory matches the XL terms",
          "[query][lang]") {
  talash::test::TempDir dir;
  const std::string path = dir / "db";
  {
    talash::IndexOptions options;
    options.threads = 1;
    talash::IndexWriter w(path, options);
    // Languages interleaved, so that skipping crosses runs of every other language.
    for (int i = 0; i < 30; ++i) {
      const std::string n = std::to_string(i);
      if (i % 3 == 0) {
        w.add({"en" + n + ".txt", "The city of Herat, chapter " + n + "."});
      } else if (i % 3 == 1) {
        w.add({"fa" + n + ".txt", "شهر هرات در فصل " + n + " آمده است."});
      } else {
        w.add({"ur" + n + ".txt", "ہرات شہر کا ذکر باب " + n + " میں ہے۔"});
      }
    }
    w.commit();
  }
  const Xapian::Database db(path);
  talash::internal::LanguagePassages passages(db);
  for (const char* lang : {"en", "fa", "ur"}) {
    CAPTURE(lang);
    const Xapian::Query term(std::string(talash::internal::schema::kLangPrefix) + lang);
    CHECK(passages.of(lang)->size() == 10);
    CHECK(matches(db, talash::internal::language_filter(passages.of(lang), lang)) ==
          matches(db, term));
    // Under OP_FILTER, with a query the matcher skips through.
    for (const char* word : {"herat", "هرات", "city", "ہرات"}) {
      CAPTURE(word);
      const auto mine =
          matches(db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(word),
                                    talash::internal::language_filter(passages.of(lang), lang)));
      CHECK(mine ==
            matches(db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(word), term)));
    }
  }
  CHECK(passages.of("de")->empty());
}

TEST_CASE("A skip through sorted ids finds the first id not below the target, from any start",
          "[query][lang]") {
  // Every start and every target, against std::lower_bound: short skips, long ones, past the end.
  const std::vector<Xapian::docid> ids = {2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233};
  for (std::size_t from = 0; from <= ids.size(); ++from) {
    for (Xapian::docid did = 0; did <= 240; ++did) {
      CAPTURE(from, did);
      const auto expected = static_cast<std::size_t>(
          std::lower_bound(ids.begin() + static_cast<std::ptrdiff_t>(from), ids.end(), did) -
          ids.begin());
      CHECK(talash::internal::gallop(ids, from, did) == expected);
    }
  }
  CHECK(talash::internal::gallop({}, 0, 7) == 0);
}
