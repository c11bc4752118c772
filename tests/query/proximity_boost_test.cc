// A proximity boost, and a phrase among a word's alternatives, leave a passage's positions unread
// when it cannot enter the page (Proximity::boost, Proximity::beside, BesideTerms): the pages must
// be those of a source that reads every passage's positions, weights included.
#include "../support/temp_dir.h"
#include "index/doc_lengths.h"
#include "query/beside_terms.h"
#include "query/bm25_source.h"
#include "query/proximity_source.h"

#include <talash/talash.h>

#include <catch2/catch.hpp>
#include <xapian.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace {

using talash::internal::BesideTerms;
using talash::internal::bm25_term;
using talash::internal::DocLengths;
using talash::internal::positional_near;
using talash::internal::positional_phrase;
using talash::internal::proximity_boost;
using talash::internal::WeighedTerm;
using talash::test::TempDir;

constexpr Xapian::termcount kWindow = 4;

// Passages where alpha and beta stand at every distance, among filler of many lengths; the rare
// words stand in some (gamma only in the first passages, so that its posting list ends early),
// and so does the two words' joined spelling.
void write_corpus(const std::string& path, std::uint32_t seed) {
  talash::IndexWriter w(path, {.threads = 1});
  std::uint32_t x = seed;
  const auto next = [&x](std::uint32_t n) {
    x = x * 1664525U + 1013904223U;
    return (x >> 8) % n;
  };
  for (int i = 0; i < 600; ++i) {
    std::vector<std::string> words(2 + next(30), "filler");
    const auto place = [&](const std::string& word) { words[next(words.size())] = word; };
    if (next(5) < 2) {
      place("alpha");
    }
    if (next(5) < 2) {
      place("beta");
    }
    if (next(8) == 0) {
      place("alpha");  // twice: a higher wdf
    }
    if (i < 90 && next(5) == 0) {
      place("gamma");
    }
    if (next(9) == 0) {
      place("delta");
    }
    if (next(25) == 0) {
      place("alphabeta");
    }
    std::string text;
    for (const std::string& word : words) {
      text += word + " ";
    }
    w.add({"doc" + std::to_string(i) + ".txt", text});
  }
  w.commit();
}

std::vector<std::pair<Xapian::docid, double>> page(const Xapian::Database& db,
                                                   const Xapian::Query& q, Xapian::doccount size) {
  Xapian::Enquire e(db);
  e.set_query(q);
  const Xapian::MSet m = e.get_mset(0, size);
  std::vector<std::pair<Xapian::docid, double>> out;
  for (auto it = m.begin(); it != m.end(); ++it) {
    out.emplace_back(*it, it.get_weight());
  }
  return out;
}

// `pruned` and `unpruned` give the same pages of every size, weights included.
void check_same_pages(const Xapian::Database& db, const Xapian::Query& pruned,
                      const Xapian::Query& unpruned) {
  for (const Xapian::doccount size : {1U, 2U, 5U, 10U, 40U}) {
    INFO("page of " << size);
    const auto ours = page(db, pruned, size);
    const auto all = page(db, unpruned, size);
    REQUIRE(ours.size() == all.size());
    for (std::size_t i = 0; i < ours.size(); ++i) {
      CHECK(ours[i].first == all[i].first);
      CHECK(ours[i].second == Approx(all[i].second).epsilon(1e-12));
    }
  }
}

// Calls check(db, lengths) over the corpus of each of twelve seeds.
template <typename Check>
void over_corpora(const Check& check) {
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    INFO("seed " << seed);
    TempDir dir;
    write_corpus(dir / "db", seed);
    const Xapian::Database db(dir / "db");
    const DocLengths lengths(db);
    check(db, lengths);
  }
}

Xapian::Query scaled(const Xapian::Query& q, double factor) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, factor);
}

}  // namespace

TEST_CASE("The proximity boost gives the pages of a boost that reads every passage", "[query]") {
  // As query_builder.cc builds a two-word query: each word's group holds its exact term first,
  // then other spellings; the joined spelling is the other option. The other spellings are
  // scaled down, as transliterations are, so that the boost decides part of each page.
  const std::vector<WeighedTerm> beside{
      {"gamma", 0, 0.3}, {"delta", 0, 0.2}, {"alphabeta", 0, 0.25}};
  over_corpora([&](const Xapian::Database& db, const DocLengths& lengths) {
    const Xapian::Query left(
        Xapian::Query::OP_OR,
        Xapian::Query(Xapian::Query::OP_AND,
                      Xapian::Query(Xapian::Query::OP_OR, bm25_term("alpha", lengths),
                                    scaled(bm25_term("gamma", lengths), 0.3)),
                      Xapian::Query(Xapian::Query::OP_OR, bm25_term("beta", lengths),
                                    scaled(bm25_term("delta", lengths), 0.2))),
        scaled(bm25_term("alphabeta", lengths), 0.25));
    const Xapian::Query pruned(Xapian::Query::OP_AND_MAYBE, left,
                               proximity_boost({"alpha", "beta"}, beside, kWindow, lengths));
    const Xapian::Query unpruned(Xapian::Query::OP_AND_MAYBE, left,
                                 positional_near({{"alpha"}, {"beta"}}, kWindow, lengths));
    // The boost changes the pages: without it, they would match trivially.
    REQUIRE(page(db, left, 40) != page(db, unpruned, 40));
    check_same_pages(db, pruned, unpruned);
  });
}

TEST_CASE("A phrase among a word's alternatives gives the pages of one that reads every passage",
          "[query]") {
  // As query_builder.cc builds the word alphabeta: its own term, a scaled spelling, and the two
  // halves as a phrase, all ORed.
  const std::vector<WeighedTerm> beside{{"alphabeta", 0, 0.25}, {"gamma", 0, 0.3}};
  over_corpora([&](const Xapian::Database& db, const DocLengths& lengths) {
    const auto word = [&](const Xapian::Query& phrase) {
      const std::vector<Xapian::Query> alternatives{scaled(bm25_term("alphabeta", lengths), 0.25),
                                                    scaled(bm25_term("gamma", lengths), 0.3),
                                                    phrase};
      return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    };
    check_same_pages(db, word(positional_phrase({"alpha", "beta"}, lengths, beside)),
                     word(positional_phrase({"alpha", "beta"}, lengths)));
  });
}

TEST_CASE("A term beside the boost counts while a later passage holds it", "[query]") {
  TempDir dir;
  {
    talash::IndexWriter w(dir / "db", {.threads = 1});
    w.add({"1.txt", "gamma alpha"});
    w.add({"2.txt", "alpha"});
    w.add({"3.txt", "gamma common"});
    w.add({"4.txt", "alpha common"});
    w.add({"5.txt", "common"});
    w.commit();
  }
  const Xapian::Database db(dir / "db");
  const DocLengths lengths(db);
  const double gamma_most = talash::internal::Bm25Term("gamma", db, lengths).max_weight();
  const double common_most = talash::internal::Bm25Term("common", db, lengths).max_weight();
  // "common" is in three passages, over the limit of two: never looked up.
  const std::vector<WeighedTerm> terms{{"gamma", 0, 0.5}, {"common", 0, 1.0}, {"absent", 0, 1.0}};
  BesideTerms beside(terms, db, lengths, 2);
  REQUIRE(common_most > 0);
  CHECK(beside.absent_most(1) == 0);                         // gamma is there
  CHECK(beside.absent_most(2) == Approx(0.5 * gamma_most));  // lacked; in passage 3
  CHECK(beside.absent_most(3) == 0);
  CHECK(beside.absent_most(4) == 0);  // no gamma after passage 3: its bound may be gone
}
