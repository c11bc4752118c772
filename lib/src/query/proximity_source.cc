#include "query/proximity_source.h"

#include "index/position_codec.h"
#include "index/term_schema.h"

#include <algorithm>
#include <cmath>

namespace talash::internal {

void ProximitySource::init(const Xapian::Database& db) {
  db_ = db;
  terms_.clear();
  const std::size_t slots = proximity_.slots.size();
  std::vector<double> slot_freq(slots, 0);
  double max_weight = 0;
  for (std::size_t s = 0; s < slots; ++s) {
    for (const std::string& term : proximity_.slots[s]) {
      Term& t = terms_.emplace_back();
      t.slot = s;
      t.term = term;
      t.fingerprint = schema::is_positional(term) ? term_fingerprint(term) : 0;
      t.bm25.emplace(term, db, lengths_);
      slot_freq[s] += t.bm25->termfreq();
      max_weight += t.bm25->max_weight();
    }
  }
  for (Term& t : terms_) {
    for (const auto& slot : proximity_.slots) {
      t.repeats += slot.size() == 1 && slot.front() == t.term ? 1 : 0;
    }
  }
  opened_ = false;
  weighed_ = 0;
  current_ = 0;
  started_ = false;
  // A slot without terms matches nothing, and so does the whole.
  at_end_ = slots == 0;
  const double docs = db.get_doccount();
  double most = docs;
  double estimate = docs;
  for (const double f : slot_freq) {
    most = std::min(most, f);
    estimate *= docs == 0 ? 0 : std::min(f, docs) / docs;
  }
  // Like Xapian's estimate for a phrase: half of what the terms alone would match.
  termfreq_est_ = static_cast<Xapian::doccount>(estimate / 2);
  termfreq_max_ = static_cast<Xapian::doccount>(most);
  set_maxweight(max_weight);
  slot_positions_.assign(slots, {});
  slot_first_.assign(slots, 0);
  std::vector<std::uint16_t> fingerprints;
  for (const Term& t : terms_) {
    fingerprints.push_back(t.fingerprint);
  }
  finder_.emplace(fingerprints);
  beside_.reset();
  if (!proximity_.beside.empty()) {
    // Candidates hold every slot's term, so there are at most termfreq_max_: a more common term
    // would be looked up at nearly each one, and rule out few.
    beside_.emplace(proximity_.beside, db, lengths_, termfreq_max_);
  }
}

void ProximitySource::open() {
  for (Term& t : terms_) {
    t.it = db_.postlist_begin(t.term);
    t.end = db_.postlist_end(t.term);
  }
  value_ = db_.valuestream_begin(schema::kSlotPositions);
  value_end_ = db_.valuestream_end(schema::kSlotPositions);
  opened_ = true;
}

void ProximitySource::next(double min_wt) {
  if (!opened_) {
    open();
  }
  find_from(started_ ? current_ + 1 : 1, min_wt);
}

void ProximitySource::skip_to(Xapian::docid did, double min_wt) {
  if (!opened_) {
    open();
  }
  if (!started_ || did > current_) {
    find_from(did, min_wt);
  } else if (!matched_) {
    find_from(current_ + 1, min_wt);  // after a check() that failed, current_ is not a match
  }
}

bool ProximitySource::check(Xapian::docid did, double min_wt) {
  if (!opened_) {
    open();
  }
  if (started_ && did <= current_) {
    skip_to(did, min_wt);
    return true;
  }
  started_ = true;
  current_ = did;
  // When not, next() and skip_to() go on from the passage after `did`, as the base class
  // requires.
  matched_ = !at_end_ && all_slots_at(did) && matches(did, min_wt);
  return matched_ || at_end_;
}

void ProximitySource::find_from(Xapian::docid did, double min_wt) {
  started_ = true;
  matched_ = false;
  while (!at_end_) {
    const Xapian::docid meet = next_meeting(did);
    if (meet == did) {
      if (matches(did, min_wt)) {
        current_ = did;
        matched_ = true;
        return;
      }
      ++did;
    } else {
      did = meet;
    }
  }
}

bool ProximitySource::all_slots_at(Xapian::docid did) { return next_meeting(did) == did; }

Xapian::docid ProximitySource::next_meeting(Xapian::docid did) {
  std::fill(slot_first_.begin(), slot_first_.end(), Xapian::docid{0});
  for (Term& t : terms_) {
    if (t.it == t.end) {
      continue;
    }
    if (*t.it < did) {
      t.it.skip_to(did);
      if (t.it == t.end) {
        continue;
      }
    }
    Xapian::docid& first = slot_first_[t.slot];
    const Xapian::docid here = *t.it;
    if (first == 0 || here < first) {
      first = here;
    }
  }
  Xapian::docid meet = did;
  for (const Xapian::docid first : slot_first_) {
    if (first == 0) {
      at_end_ = true;  // a slot has no passage left
      return 0;
    }
    meet = std::max(meet, first);
  }
  return meet;
}

bool ProximitySource::matches(Xapian::docid did, double min_wt) {
  for (const Term& t : terms_) {
    if (t.repeats > 1 && *t.it == did && t.it.get_wdf() < t.repeats) {
      return false;  // a phrase repeating a word needs the word as often
    }
  }
  if (min_wt <= 0 && !proximity_.boost && !beside_) {
    return positions_match(did);  // whatever it weighs
  }
  // The weight costs a passage length; the positions, a value read: weigh first. The slack keeps
  // a passage that rounding alone would lose.
  const double most = get_maxweight();
  const double floor = min_wt - 1e-9 * (most + std::abs(min_wt));
  const double weight = weight_at(did);
  weighed_ = did;
  weight_ = weight;
  const double reach = proximity_.boost ? 2 * weight - most : weight;
  if (reach < floor || (beside_ && reach - beside_->absent_most(did) < floor)) {
    return false;
  }
  return positions_match(did);
}

bool ProximitySource::positions_match(Xapian::docid did) {
  if (value_ != value_end_ && value_.get_docid() < did) {
    value_.skip_to(did);
  }
  const std::string value =
      value_ != value_end_ && value_.get_docid() == did ? *value_ : std::string();
  finder_->find(value, found_);
  for (auto& p : slot_positions_) {
    p.clear();
  }
  for (std::size_t i = 0; i < terms_.size(); ++i) {
    const Term& t = terms_[i];
    if (t.fingerprint == 0 || t.it == t.end || *t.it != did) {
      continue;
    }
    std::vector<std::uint32_t>& into = slot_positions_[t.slot];
    if (found_[i].empty()) {
      // The term is in the passage but not in the value: it shares its fingerprint with another
      // term there, and its positions are in Xapian's table.
      for (auto p = db_.positionlist_begin(did, t.term); p != db_.positionlist_end(did, t.term);
           ++p) {
        into.push_back(*p);
      }
    } else {
      into.insert(into.end(), found_[i].begin(), found_[i].end());
    }
  }
  for (auto& p : slot_positions_) {
    std::sort(p.begin(), p.end());
    p.erase(std::unique(p.begin(), p.end()), p.end());
    if (p.empty()) {
      return false;
    }
  }
  return proximity_.ordered ? ordered_match() : near_match();
}

bool ProximitySource::ordered_match() const {
  // For each first position, the earliest position of each later slot after the one before it:
  // the tightest the slots can stand in order from there.
  for (const std::uint32_t first : slot_positions_.front()) {
    std::uint32_t last = first;
    for (std::size_t s = 1; s < slot_positions_.size(); ++s) {
      const auto& p = slot_positions_[s];
      const auto after = std::upper_bound(p.begin(), p.end(), last);
      if (after == p.end()) {
        return false;  // no later first position does better
      }
      last = *after;
    }
    if (last - first < proximity_.window) {
      return true;
    }
  }
  return false;
}

bool ProximitySource::near_match() const {
  // The shortest stretch of positions holding every slot, found by sliding over all of them.
  std::vector<std::pair<std::uint32_t, std::size_t>> all;
  for (std::size_t s = 0; s < slot_positions_.size(); ++s) {
    for (const std::uint32_t p : slot_positions_[s]) {
      all.emplace_back(p, s);
    }
  }
  std::sort(all.begin(), all.end());
  std::vector<unsigned> in_window(slot_positions_.size(), 0);
  std::size_t covered = 0;
  std::size_t begin = 0;
  for (const auto& [position, slot] : all) {
    if (in_window[slot]++ == 0) {
      ++covered;
    }
    while (covered == slot_positions_.size()) {
      if (position - all[begin].first < proximity_.window) {
        return true;
      }
      if (--in_window[all[begin].second] == 0) {
        --covered;
      }
      ++begin;
    }
  }
  return false;
}

double ProximitySource::get_weight() const {
  return weighed_ == current_ ? weight_ : weight_at(current_);
}

double ProximitySource::weight_at(Xapian::docid did) const {
  double weight = 0;
  double length = -1;
  for (const Term& t : terms_) {
    if (t.it != t.end && *t.it == did) {
      if (length < 0) {
        length = t.bm25->length(did);
      }
      weight += t.bm25->weight_for(t.it.get_wdf(), length);
    }
  }
  return weight;
}

std::string ProximitySource::get_description() const {
  std::string out = proximity_.ordered ? "ProximitySource(phrase"
                    : proximity_.boost ? "ProximitySource(boost"
                                       : "ProximitySource(near";
  out += ' ';
  out += std::to_string(proximity_.window);
  for (const auto& slot : proximity_.slots) {
    const char* separator = " (";
    for (const std::string& term : slot) {
      out += separator;
      out += term;
      separator = " ";
    }
    out += ")";
  }
  return out + ")";
}

Xapian::Query positional_phrase(const std::vector<std::string>& terms, const DocLengths& lengths,
                                std::vector<WeighedTerm> beside) {
  Proximity p;
  p.beside = std::move(beside);
  for (const std::string& term : terms) {
    p.slots.push_back({term});
  }
  p.window = static_cast<Xapian::termcount>(terms.size());
  p.ordered = true;
  // Released: the query owns the source and deletes it with its last copy.
  return Xapian::Query((new ProximitySource(std::move(p), lengths))->release());
}

Xapian::Query positional_near(std::vector<std::vector<std::string>> slots, Xapian::termcount window,
                              const DocLengths& lengths) {
  Proximity p{std::move(slots), window, false, false, {}};
  return Xapian::Query((new ProximitySource(std::move(p), lengths))->release());
}

Xapian::Query proximity_boost(const std::vector<std::string>& terms,
                              std::vector<WeighedTerm> beside, Xapian::termcount window,
                              const DocLengths& lengths) {
  Proximity p{{}, window, false, true, std::move(beside)};
  for (const std::string& term : terms) {
    p.slots.push_back({term});
  }
  return Xapian::Query((new ProximitySource(std::move(p), lengths))->release());
}

}  // namespace talash::internal
