#include "query/language_count.h"

#include <algorithm>
#include <cmath>
#include <memory>

namespace talash::internal {
namespace {

// What the filter and the spy of one count share.
struct Tally {
  std::shared_ptr<const LanguagePassages::Interleaved> all;
  // A language's matches counted exactly before its strata are sampled.
  Xapian::doccount exactly = 0;
  // Matches counted in one stratum, once the language is sampled, before it is passed over.
  Xapian::doccount cap = 0;
  // Each language's matches seen.
  std::vector<Xapian::doccount> total;
  std::uint32_t strata = 1;
  // [language * strata + stratum]: matches seen, and 1 + the rank of the passage after which the
  // stratum was passed over (0: read whole).
  std::vector<Xapian::doccount> seen;
  std::vector<std::uint32_t> full_at;
  // Where the filter stands, in all->ids.
  std::size_t at = 0;

  std::uint32_t stratum(std::size_t l, std::uint32_t rank) const {
    return static_cast<std::uint32_t>(std::uint64_t{rank} * strata / all->sizes[l]);
  }
  // The rank of the first passage of stratum s of language l.
  std::uint32_t start(std::size_t l, std::uint32_t s) const {
    return static_cast<std::uint32_t>((std::uint64_t{s} * all->sizes[l] + strata - 1) / strata);
  }
};

// The passages of the languages counted, less those of strata that have their cap of matches
// already: the matcher never reads further into that part of the query's matches.
class CountingFilter : public SortedIdSource {
 public:
  explicit CountingFilter(std::shared_ptr<Tally> tally)
      : SortedIdSource(
            std::shared_ptr<const std::vector<Xapian::docid>>(tally->all, &tally->all->ids)),
        tally_(std::move(tally)) {}

  // Full strata are passed over: any number of the passages may be left out.
  Xapian::doccount get_termfreq_min() const override { return 0; }
  CountingFilter* clone() const override { return new CountingFilter(tally_); }
  std::string get_description() const override { return "CountingFilter"; }

 private:
  // A run of one language holds consecutive ranks of it, so the rest of a full stratum inside
  // the run is passed at once.
  void settle() override {
    const Tally& t = *tally_;
    const auto& all = *t.all;
    while (at_ < all.ids.size()) {
      const std::size_t l = all.lang[at_];
      const std::uint32_t rank = all.rank[at_];
      const std::uint32_t s = t.stratum(l, rank);
      if (t.full_at[l * t.strata + s] == 0) {
        break;
      }
      at_ = std::min<std::size_t>(all.run_end[at_], at_ + (t.start(l, s + 1) - rank));
    }
    tally_->at = at_;
  }

  std::shared_ptr<Tally> tally_;
};

class CountingSpy : public Xapian::MatchSpy {
 public:
  explicit CountingSpy(std::shared_ptr<Tally> tally) : tally_(std::move(tally)) {}

  void operator()(const Xapian::Document& doc, double /*wt*/) override {
    Tally& t = *tally_;
    // The filter stands on the passage matched.
    const std::size_t i = t.at;
    if (i >= t.all->ids.size() || t.all->ids[i] != doc.get_docid()) {
      return;
    }
    const std::size_t l = t.all->lang[i];
    const std::size_t slot = l * t.strata + t.stratum(l, t.all->rank[i]);
    ++t.seen[slot];
    // Until the language has its exact count's worth of matches, every stratum is read whole.
    if (++t.total[l] >= t.exactly && t.seen[slot] >= t.cap && t.full_at[slot] == 0) {
      t.full_at[slot] = t.all->rank[i] + 1;
    }
  }

 private:
  std::shared_ptr<Tally> tally_;
};

}  // namespace

std::vector<Xapian::doccount> count_by_language(const Xapian::Database& db, const Xapian::Query& q,
                                                const std::vector<std::string>& langs,
                                                LanguagePassages& passages,
                                                const Xapian::MatchDecider* decider,
                                                const CountLimits& limits) {
  auto tally = std::make_shared<Tally>();
  tally->all = passages.interleaved(langs);
  tally->exactly = std::max<Xapian::doccount>(1, limits.exactly);
  tally->strata = std::max<std::uint32_t>(1, limits.strata);
  tally->cap = std::max<Xapian::doccount>(1, limits.exactly / tally->strata);
  tally->total.assign(langs.size(), 0);
  tally->seen.assign(langs.size() * tally->strata, 0);
  tally->full_at.assign(langs.size() * tally->strata, 0);
  Xapian::Enquire enquire(db);
  // Weighted 0, the query is matched as a boolean one: no weights are computed.
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                  Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 0),
                                  Xapian::Query((new CountingFilter(tally))->release())));
  if (limits.time_limit > 0) {
    enquire.set_time_limit(limits.time_limit);
  }
  CountingSpy spy(tally);
  enquire.add_matchspy(&spy);
  // Every match is considered (check_at_least: all passages) until the filter runs dry.
  enquire.get_mset(0, 0, db.get_doccount(), nullptr, decider);
  std::vector<Xapian::doccount> counts;
  for (std::size_t l = 0; l < langs.size(); ++l) {
    double n = 0;
    for (std::uint32_t s = 0; s < tally->strata; ++s) {
      const std::size_t slot = l * tally->strata + s;
      if (tally->full_at[slot] == 0) {
        n += tally->seen[slot];
        continue;
      }
      // The stratum's first k passages of m held c matches, the last of them the k-th: about
      // (c - 1) * m / (k - 1) in all (c * m / k would overstate a sparse stratum, whose reading
      // stops on a match).
      const std::uint32_t first = tally->start(l, s);
      const double k = tally->full_at[slot] - first;
      const double m = tally->start(l, s + 1) - first;
      const double c = tally->seen[slot];
      n += c >= 2 && k >= 2 ? (c - 1) * m / (k - 1) : c * m / k;
    }
    counts.push_back(static_cast<Xapian::doccount>(std::lround(n)));
  }
  return counts;
}

}  // namespace talash::internal
