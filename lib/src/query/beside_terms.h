// The terms beside a ProximitySource that a passage lacks (see Proximity::beside): each is a leaf
// of the query that the matcher counts at its most, so a passage without it weighs at least that
// much less than the matcher's bound.
#ifndef TALASH_QUERY_BESIDE_TERMS_H_
#define TALASH_QUERY_BESIDE_TERMS_H_

#include "index/doc_lengths.h"

#include <xapian.h>

#include <string>
#include <vector>

namespace talash::internal {

// A one-term leaf of a query: bm25_term(term, lengths, idf_termfreq), its weight multiplied by
// `factor` (OP_SCALE_WEIGHT).
struct WeighedTerm {
  std::string term;
  Xapian::doccount idf_termfreq = 0;
  double factor = 1;
};

class BesideTerms {
 public:
  // Keeps the terms of `terms` found in at most `most_common` passages of `db` (a shard of
  // `lengths.database()` or all of it): looking up a more common one would cost about as much as
  // the candidates it rules out. `terms` and `lengths` must outlive this. Nothing is read before
  // the first lookup: a match that only counts never makes one.
  BesideTerms(const std::vector<WeighedTerm>& terms, const Xapian::Database& db,
              const DocLengths& lengths, Xapian::doccount most_common);
  BesideTerms(std::vector<WeighedTerm>&& terms, const Xapian::Database& db,
              const DocLengths& lengths, Xapian::doccount most_common) = delete;

  // The sum of the most each kept term can weigh, over those passage `did` lacks while a later
  // passage has them. `did` must not be below that of an earlier call.
  double absent_most(Xapian::docid did);

 private:
  struct Kept {
    double most = 0;
    Xapian::PostingIterator it;
    Xapian::PostingIterator end;
  };
  // Reads the terms' statistics and opens their posting lists.
  void open();

  const std::vector<WeighedTerm>& terms_;
  Xapian::Database db_;
  const DocLengths& lengths_;
  Xapian::doccount most_common_ = 0;
  std::vector<Kept> kept_;
  bool opened_ = false;
};

}  // namespace talash::internal

#endif  // TALASH_QUERY_BESIDE_TERMS_H_
