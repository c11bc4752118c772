#include "query/bm25_source.h"

#include "../support/temp_dir.h"
#include "index/doc_lengths.h"

#include <talash/talash.h>

#include <catch2/catch.hpp>
#include <xapian.h>

#include <cmath>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace {

using talash::internal::bm25_term;
using talash::internal::DocLengths;
using talash::test::TempDir;

// Passages of different lengths, with Samarkand once or twice, so that length and wdf both count.
void write_index(const std::string& path, int first, int count) {
  talash::IndexWriter w(path, {.threads = 1});
  for (int i = first; i < first + count; ++i) {
    std::string text = "Samarkand";
    for (int k = 0; k < i % 7; ++k) {
      text += " caravan road number " + std::to_string(k);
    }
    if (i % 3 == 0) {
      text += " and Samarkand again";
    }
    if (i % 5 == 0) {
      text += " Bukhara";
    }
    w.add({"doc" + std::to_string(i) + ".txt", text});
  }
  w.commit();
}

std::vector<std::pair<Xapian::docid, double>> ranked(const Xapian::Database& db,
                                                     const Xapian::Query& q) {
  Xapian::Enquire e(db);
  e.set_query(q);
  const Xapian::MSet m = e.get_mset(0, 100);
  std::vector<std::pair<Xapian::docid, double>> out;
  for (auto it = m.begin(); it != m.end(); ++it) {
    out.emplace_back(*it, it.get_weight());
  }
  return out;
}

// Same documents in the same order with the same weights (to rounding).
void check_same(const std::vector<std::pair<Xapian::docid, double>>& ours,
                const std::vector<std::pair<Xapian::docid, double>>& xapian) {
  REQUIRE(ours.size() == xapian.size());
  for (std::size_t i = 0; i < ours.size(); ++i) {
    CHECK(ours[i].first == xapian[i].first);
    CHECK(ours[i].second == Approx(xapian[i].second).epsilon(1e-12));
  }
}

Xapian::Query scaled_or(const Xapian::Query& a, const Xapian::Query& b) {
  return Xapian::Query(Xapian::Query::OP_OR, a,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, b, 0.7));
}

}  // namespace

TEST_CASE("A term weighted through stored lengths scores as Xapian's BM25 does", "[query][bm25]") {
  TempDir dir;
  const std::string path = dir / "db";
  write_index(path, 0, 40);
  // Added later, by a second writer: the lengths of these come from a second, incremental write.
  write_index(path, 40, 25);
  const Xapian::Database db(path);
  REQUIRE_FALSE(db.get_metadata("talash.doclen.0").empty());
  const DocLengths lengths(db);
  check_same(ranked(db, bm25_term("samarkand", lengths)), ranked(db, Xapian::Query("samarkand")));
  check_same(ranked(db, scaled_or(bm25_term("samarkand", lengths), bm25_term("bukhara", lengths))),
             ranked(db, scaled_or(Xapian::Query("samarkand"), Xapian::Query("bukhara"))));
  CHECK(ranked(db, bm25_term("tashkent", lengths)).empty());
}

TEST_CASE("Stored lengths are what Xapian holds, and an id they do not cover is read from Xapian",
          "[query][bm25]") {
  TempDir dir;
  const std::string path = dir / "db";
  write_index(path, 0, 30);
  {
    // Written behind Talash's back: no stored length for it.
    Xapian::WritableDatabase w(path, Xapian::DB_OPEN);
    Xapian::Document doc;
    doc.add_term("samarkand", 3);
    doc.add_term("outsider", 4);
    w.add_document(doc);
    w.commit();
  }
  const Xapian::Database db(path);
  const DocLengths lengths(db);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    CHECK(lengths.get(*it) == it.get_doclength());
  }
  CHECK(lengths.get(db.get_lastdocid()) == 7);
}

TEST_CASE("Over a database of several shards, terms still score as Xapian's BM25 does",
          "[query][bm25]") {
  TempDir dir;
  write_index(dir / "a", 0, 20);
  write_index(dir / "b", 20, 20);
  {
    std::ofstream stub(dir / "stub");
    stub << "auto a\nauto b\n";
  }
  const Xapian::Database db(dir / "stub");
  REQUIRE(db.size() == 2);
  const DocLengths lengths(db);
  check_same(ranked(db, bm25_term("samarkand", lengths)), ranked(db, Xapian::Query("samarkand")));
}

TEST_CASE("A term given another passage count takes that count's idf and nothing else",
          "[query][bm25]") {
  TempDir dir;
  const std::string path = dir / "db";
  write_index(path, 0, 40);
  const Xapian::Database db(path);
  const DocLengths lengths(db);
  const Xapian::doccount own = db.get_termfreq("bukhara");
  const Xapian::doccount common = own + 4;
  const double n = db.get_doccount();
  // Both counts where BM25Weight's idf is the plain log (it flattens it above about a third).
  REQUIRE(3 * (common + 0.5) <= n + 1);
  // Its own count: Xapian's weights, as without one.
  check_same(ranked(db, bm25_term("bukhara", lengths, own)), ranked(db, Xapian::Query("bukhara")));
  // A larger count: the same passages in the same order, every weight lowered by one factor,
  // that of the two idfs.
  const auto lowered = ranked(db, bm25_term("bukhara", lengths, common));
  const auto plain = ranked(db, Xapian::Query("bukhara"));
  REQUIRE(lowered.size() == plain.size());
  const auto idf = [n](double tf) { return std::log((n - tf + 0.5) / (tf + 0.5)); };
  for (std::size_t i = 0; i < plain.size(); ++i) {
    CHECK(lowered[i].first == plain[i].first);
    CHECK(lowered[i].second / plain[i].second == Approx(idf(common) / idf(own)).epsilon(1e-12));
  }
}
