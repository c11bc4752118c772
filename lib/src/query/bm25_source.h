// A query term weighted by BM25 exactly as Xapian's default BM25Weight weights it, but reading
// passage lengths from DocLengths instead of Xapian's postlist table (see doc_lengths.h for why).
// Scores, and so rankings, are those of Xapian::Query(term), except that each term counts once
// (Xapian raises the weight of a term repeated in one query, by 4/3 for two occurrences).
// The idf may be taken from another passage count than the term's own (see bm25_term).
#ifndef TALASH_QUERY_BM25_SOURCE_H_
#define TALASH_QUERY_BM25_SOURCE_H_

#include "index/doc_lengths.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <utility>

namespace talash::internal {

// The BM25 weight of one term in the passages of one database (or shard), as described above.
class Bm25Term {
 public:
  // Reads the statistics of `term` in `db`, a shard of `lengths.database()` or all of it.
  // `idf_termfreq`: see Bm25Source.
  Bm25Term(const std::string& term, const Xapian::Database& db, const DocLengths& lengths,
           Xapian::doccount idf_termfreq = 0);

  // The weight of the term in passage `did` of the database, where it occurs `wdf` times.
  double weight(Xapian::termcount wdf, Xapian::docid did) const {
    return weight_for(wdf, length(did));
  }

  // The length of passage `did`, as the weight counts it.
  double length(Xapian::docid did) const;

  // The weight of the term in a passage of length `length` where it occurs `wdf` times.
  double weight_for(Xapian::termcount wdf, double length) const;

  // No passage weighs more.
  double max_weight() const { return max_weight_; }

  // The number of passages of the database holding the term.
  Xapian::doccount termfreq() const { return termfreq_; }

 private:
  const DocLengths& lengths_;
  Xapian::Database db_;
  // Whether lengths_ holds db_'s lengths.
  bool stored_ = false;
  Xapian::doccount termfreq_ = 0;
  double termweight_ = 0;
  double len_factor_ = 0;
  double max_weight_ = 0;
};

// The passages holding `term`, each weighted as above; the Xapian::PostingSource methods keep the
// contracts of the base class.
class Bm25Source : public Xapian::PostingSource {
 public:
  // `lengths` must outlive every query holding this source. `idf_termfreq`, if not 0, is the
  // number of passages in the whole collection the idf is computed from, instead of the term's.
  Bm25Source(std::string term, const DocLengths& lengths, Xapian::doccount idf_termfreq = 0)
      : term_(std::move(term)), lengths_(lengths), idf_termfreq_(idf_termfreq) {}

  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return termfreq_; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return started_ && it_ == end_; }
  Xapian::docid get_docid() const override { return *it_; }
  double get_weight() const override;
  Bm25Source* clone() const override { return new Bm25Source(term_, lengths_, idf_termfreq_); }
  std::string name() const override { return "talash::Bm25Source"; }
  std::string get_description() const override {
    return "Bm25Source(" + term_ +
           (idf_termfreq_ != 0 ? ", idf of " + std::to_string(idf_termfreq_) : std::string()) + ")";
  }

 private:
  std::string term_;
  const DocLengths& lengths_;
  Xapian::doccount idf_termfreq_ = 0;
  // Set by init(), for the database (or shard) being matched.
  std::optional<Bm25Term> bm25_;
  Xapian::Database db_;
  // Opened by the first next() or skip_to(): a match that only counts (get_mset(0, 0)) never
  // moves, and opening a posting list costs a B-tree descent.
  Xapian::PostingIterator it_;
  Xapian::PostingIterator end_;
  bool started_ = false;
  Xapian::doccount termfreq_ = 0;
  void start();
};

// The query for one term: weighted through Bm25Source. With `idf_termfreq` set, the term weighs
// as if it were in that many passages: the spellings that stand in for one query word can share
// one idf, so that a rare one is not raised above a closer, more common one by its rarity alone.
Xapian::Query bm25_term(const std::string& term, const DocLengths& lengths,
                        Xapian::doccount idf_termfreq = 0);

}  // namespace talash::internal

#endif  // TALASH_QUERY_BM25_SOURCE_H_
