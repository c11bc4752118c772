// Xapian's OP_PHRASE and OP_NEAR over Talash's positions value (index/position_codec.h): a Talash
// index keeps few positions in Xapian's position table, where those operators look for them.
// Passages weigh as under OP_PHRASE and OP_NEAR with BM25Weight: the sum of the weights of the
// query terms present, each weighted as Bm25Source weights it.
#ifndef TALASH_QUERY_PROXIMITY_SOURCE_H_
#define TALASH_QUERY_PROXIMITY_SOURCE_H_

#include "index/doc_lengths.h"
#include "index/position_codec.h"
#include "query/beside_terms.h"
#include "query/bm25_source.h"

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace talash::internal {

// What a ProximitySource matches.
struct Proximity {
  // For each query word, the terms any one of which stands for it (OP_OR inside OP_NEAR).
  std::vector<std::vector<std::string>> slots;
  // All slots stand within this many positions: the last minus the first is less than it.
  Xapian::termcount window = 0;
  // Whether the slots must stand in their order (a phrase: window = slots.size() makes them
  // adjacent), or may stand in any order.
  bool ordered = false;
  // Whether this is a proximity boost: the right side of an OP_AND_MAYBE whose left side holds
  // each slot's one term as bm25_term(term, lengths), unscaled. The matcher hands the right side
  // its minimum less its bound on the left side, which counts each of those terms at its most;
  // a passage where they weigh W (the most this source can add) leaves the left at least their
  // most less W below that bound, so unless 2W less their most reaches the minimum, the passage
  // cannot enter the page with the boost and its positions are left unread.
  bool boost = false;
  // One-term leaves of the query that the matcher counts, each at its most, in the bound on the
  // rest of the query it takes from the minimum it hands this source, for as long as a passage
  // holding every slot term may still match there: the other alternatives of a word beside its
  // phrase alternatives; for a boost, those of the words the slots stand for, and of their pair
  // when it is the left side's only other option (query_builder.cc). A passage lacking one weighs
  // that much less than the bound, and is skipped if it cannot make up for it.
  std::vector<WeighedTerm> beside;
};

// The passages where the slots stand as `Proximity` says; the Xapian::PostingSource methods keep
// the contracts of the base class.
class ProximitySource : public Xapian::PostingSource {
 public:
  // `lengths` must outlive every query holding this source.
  ProximitySource(Proximity proximity, const DocLengths& lengths)
      : proximity_(std::move(proximity)), lengths_(lengths) {}

  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return termfreq_est_; }
  Xapian::doccount get_termfreq_max() const override { return termfreq_max_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return at_end_; }
  Xapian::docid get_docid() const override { return current_; }
  double get_weight() const override;
  ProximitySource* clone() const override { return new ProximitySource(proximity_, lengths_); }
  std::string name() const override { return "talash::ProximitySource"; }
  std::string get_description() const override;

 private:
  struct Term {
    std::size_t slot = 0;
    std::string term;
    std::uint16_t fingerprint = 0;
    Xapian::PostingIterator it;
    Xapian::PostingIterator end;
    std::optional<Bm25Term> bm25;
    // How many slots consist of this term alone: it must occur at least that often.
    Xapian::termcount repeats = 0;
  };

  // Moves to the first passage at or after `did` where the slots stand as they must and that
  // weighs at least `min_wt` (the matcher needs no lighter one).
  void find_from(Xapian::docid did, double min_wt);
  // Moves every term to its first passage at or after `did`; whether each slot has a term there.
  bool all_slots_at(Xapian::docid did);
  // Moves every term to its first passage at or after `did`; the first passage from there that
  // might have a term of every slot (`did` if it has), or 0 (and at_end_) if none can.
  Xapian::docid next_meeting(Xapian::docid did);
  // Whether passage `did`, where each slot has a term, weighs at least `min_wt` and has the
  // slots standing as they must.
  bool matches(Xapian::docid did, double min_wt);
  // The weight of passage `did`, where the terms positioned on it are present.
  double weight_at(Xapian::docid did) const;
  bool positions_match(Xapian::docid did);
  bool ordered_match() const;
  bool near_match() const;

  Proximity proximity_;
  const DocLengths& lengths_;
  Xapian::Database db_;
  std::vector<Term> terms_;
  Xapian::ValueIterator value_;
  Xapian::ValueIterator value_end_;
  Xapian::doccount termfreq_est_ = 0;
  Xapian::doccount termfreq_max_ = 0;
  Xapian::docid current_ = 0;
  bool started_ = false;
  // The posting lists and the positions are opened by the first move: a match that only counts
  // (get_mset(0, 0)) never moves, and each costs a B-tree descent.
  bool opened_ = false;
  void open();
  // The passage matches() last weighed, and its weight, which get_weight() reuses (0: none).
  Xapian::docid weighed_ = 0;
  double weight_ = 0;
  // Whether current_ is a passage that matches (a failed check() leaves it on one that does not).
  bool matched_ = false;
  bool at_end_ = false;
  // Scratch, kept between passages to save allocations: the positions of each slot's terms.
  std::vector<std::vector<std::uint32_t>> slot_positions_;
  std::vector<std::vector<std::uint32_t>> found_;
  // Per slot, the first passage of any of its terms (0: none left).
  std::vector<Xapian::docid> slot_first_;
  // Finds the positions of terms_[i] at found_[i].
  std::optional<PositionFinder> finder_;
  // The leaves beside this source worth looking up (Proximity::beside), if it has any.
  std::optional<BesideTerms> beside_;
};

// The passages holding `terms` one after another (OP_PHRASE with the window of its terms).
// `beside`: see Proximity::beside.
Xapian::Query positional_phrase(const std::vector<std::string>& terms, const DocLengths& lengths,
                                std::vector<WeighedTerm> beside = {});

// The passages where a term of every slot stands within `window` positions of the others, in any
// order (OP_NEAR).
Xapian::Query positional_near(std::vector<std::vector<std::string>> slots, Xapian::termcount window,
                              const DocLengths& lengths);

// positional_near over one term per slot, as the right side of OP_AND_MAYBE whose left side
// holds each of `terms` as bm25_term(term, lengths) and the leaves `beside` as Proximity::boost
// requires.
Xapian::Query proximity_boost(const std::vector<std::string>& terms,
                              std::vector<WeighedTerm> beside, Xapian::termcount window,
                              const DocLengths& lengths);

}  // namespace talash::internal

#endif  // TALASH_QUERY_PROXIMITY_SOURCE_H_
