#include "query/bm25_source.h"

#include <algorithm>
#include <cmath>

namespace talash::internal {
namespace {

// Xapian::BM25Weight's defaults; k2 = 0 and one occurrence in the query leave k3 without effect.
constexpr double kK1 = 1.0;
constexpr double kB = 0.5;
constexpr double kMinNormLength = 0.5;

}  // namespace

Bm25Term::Bm25Term(const std::string& term, const Xapian::Database& db, const DocLengths& lengths,
                   Xapian::doccount idf_termfreq)
    : lengths_(lengths), db_(db), stored_(lengths.usable()), termfreq_(db.get_termfreq(term)) {
  // Statistics are the whole collection's, as Xapian's are, even when `db` is one of its shards.
  const Xapian::Database& all = lengths.database();
  const double with_term = idf_termfreq != 0 ? idf_termfreq
                           : stored_         ? termfreq_
                                             : all.get_termfreq(term);
  const double docs = all.get_doccount();
  // The idf as BM25Weight::init() computes it, small weights for very common terms included.
  double tw = (docs - with_term + 0.5) / (with_term + 0.5);
  if (tw < 2) {
    tw = tw * 0.5 + 1;
  }
  termweight_ = std::log(tw) * (kK1 + 1);
  const double average = all.get_avlength();
  len_factor_ = average == 0 ? 0 : 1 / average;
  // The bound BM25Weight::get_maxpart() gives, so that the matcher prunes as it would.
  const double wdf_max = all.get_wdf_upper_bound(term);
  const double shortest = std::max<double>(wdf_max, all.get_doclength_lower_bound());
  const double norm = std::max(shortest * len_factor_, kMinNormLength);
  max_weight_ =
      termfreq_ == 0 ? 0 : termweight_ * wdf_max / (kK1 * (norm * kB + (1 - kB)) + wdf_max);
}

double Bm25Term::length(Xapian::docid did) const {
  return stored_ ? lengths_.get(did) : db_.get_doclength(did);
}

double Bm25Term::weight_for(Xapian::termcount wdf, double length) const {
  const double norm = std::max(length * len_factor_, kMinNormLength);
  return termweight_ * wdf / (kK1 * (norm * kB + (1 - kB)) + wdf);
}

void Bm25Source::init(const Xapian::Database& db) {
  bm25_.emplace(term_, db, lengths_, idf_termfreq_);
  db_ = db;
  it_ = Xapian::PostingIterator();
  end_ = Xapian::PostingIterator();
  started_ = false;
  termfreq_ = bm25_->termfreq();
  set_maxweight(bm25_->max_weight());
}

void Bm25Source::next(double /*min_wt*/) {
  if (!started_) {
    start();
  } else {
    ++it_;
  }
}

void Bm25Source::skip_to(Xapian::docid did, double /*min_wt*/) {
  if (!started_) {
    start();
  }
  it_.skip_to(did);
}

void Bm25Source::start() {
  it_ = db_.postlist_begin(term_);
  end_ = db_.postlist_end(term_);
  started_ = true;
}

double Bm25Source::get_weight() const { return bm25_->weight(it_.get_wdf(), *it_); }

Xapian::Query bm25_term(const std::string& term, const DocLengths& lengths,
                        Xapian::doccount idf_termfreq) {
  // Released: the query owns the source and deletes it with its last copy.
  return Xapian::Query((new Bm25Source(term, lengths, idf_termfreq))->release());
}

}  // namespace talash::internal
