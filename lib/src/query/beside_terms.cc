#include "query/beside_terms.h"

#include "query/bm25_source.h"

namespace talash::internal {

BesideTerms::BesideTerms(const std::vector<WeighedTerm>& terms, const Xapian::Database& db,
                         const DocLengths& lengths, Xapian::doccount most_common)
    : terms_(terms), db_(db), lengths_(lengths), most_common_(most_common) {}

void BesideTerms::open() {
  for (const WeighedTerm& t : terms_) {
    const Bm25Term bm25(t.term, db_, lengths_, t.idf_termfreq);
    // A term absent from the shard has no passage to lack it in: its most is 0 anyway.
    if (bm25.termfreq() == 0 || bm25.termfreq() > most_common_) {
      continue;
    }
    // As OP_SCALE_WEIGHT bounds its subquery: the factor times the leaf's own bound.
    kept_.push_back(
        {t.factor * bm25.max_weight(), db_.postlist_begin(t.term), db_.postlist_end(t.term)});
  }
  opened_ = true;
}

double BesideTerms::absent_most(Xapian::docid did) {
  if (!opened_) {
    open();
  }
  double absent = 0;
  for (Kept& k : kept_) {
    if (k.it != k.end && *k.it < did) {
      k.it.skip_to(did);
    }
    // A term with no passage left may have left the matcher's bound already: it counts only
    // while it has one after `did`.
    if (k.it != k.end && *k.it != did) {
      absent += k.most;
    }
  }
  return absent;
}

}  // namespace talash::internal
