#include "query/ranker.h"

#include "index/term_schema.h"
#include "query/crowding.h"
#include "query/language_count.h"

#include <talash/error.h>

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace talash::internal {
namespace {

// Document order: by path, then by the passage's place in its file. The path is in the record
// only, so this reads the record of every match: sorting a common word's matches this way costs
// a few microseconds each.
class DocumentOrder : public Xapian::KeyMaker {
 public:
  explicit DocumentOrder(RecordReader& records) : records_(records) {}
  std::string operator()(const Xapian::Document& doc) const override {
    const auto record = records_.read(doc);
    if (!record) {
      return {};
    }
    // The path's bytes with 0 doubled, then 0 1: a path sorts before any path it is the start of.
    std::string key;
    for (const char c : record->path) {
      key += c;
      if (c == '\0') {
        key += '\0';
      }
    }
    key += std::string("\0\1", 2);
    return key + Xapian::sortable_serialise(static_cast<double>(record->ordinal));
  }

 private:
  RecordReader& records_;
};

}  // namespace

std::vector<Hit> Ranker::pass(const Xapian::Query& q, std::size_t count, std::size_t tier,
                              const SearchOptions& options, const Xapian::MatchDecider* decider,
                              const Enough& enough, Xapian::doccount& estimate, PassRead& read) {
  Xapian::Enquire enquire(db_);
  enquire.set_query(q);
  if (options.time_limit > 0) {
    enquire.set_time_limit(options.time_limit);
  }
  DocumentOrder by_position(records_);
  const bool by_relevance = options.sort == SearchOptions::Sort::kRelevance;
  if (!by_relevance) {
    enquire.set_sort_by_key(&by_position, false);
  }
  const auto last_read = [&](const Xapian::MSet& mset, std::size_t asked) {
    read.complete = mset.size() < asked;
    read.floor = mset.empty() ? 0 : (--mset.end()).get_weight();
  };
  const auto per_doc = static_cast<Xapian::doccount>(options.per_doc);
  if (per_doc > 0 && by_relevance) {
    // Xapian's collapse reads the path of every passage that could enter the page, a third of a
    // typical query's time here; most pages are filled by passages of different files, so the
    // cap is applied to twice the page first, reading only those paths. Taking the passages in
    // rank order while their file has room is what the collapse does, so every passage kept of
    // that prefix is the collapsed ranking's, in its place.
    const std::size_t asked = 2 * count;
    const Xapian::MSet mset =
        enquire.get_mset(0, static_cast<Xapian::doccount>(asked), 0, nullptr, decider);
    estimate = mset.get_matches_estimated();
    std::unordered_map<std::string, Xapian::doccount> per_file;
    std::vector<Hit> hits;
    auto it = mset.begin();
    for (; it != mset.end() && hits.size() < count; ++it) {
      // The record, not the path key: a passage taken is mostly shown, its record read once.
      PassageRecord rec = record(it.get_document());
      std::string key = schema::path_key(rec.path);
      if (per_file[key]++ < per_doc) {
        hits.push_back({*it, it.get_weight(), tier, std::move(key), std::move(rec)});
      }
    }
    if (it == mset.end()) {
      last_read(mset, asked);
      if (hits.size() == count || read.complete) {
        return hits;
      }
    } else {
      // What was read ends at the last passage looked at; the rest of the prefix is read only
      // if the caller's page is not settled by it (crowding.h), and by its paths alone. It is
      // asked again after 1, 2, 4, ... more passages: a page of a thousand asks ten times, not a
      // thousand, and reads at most twice the passages it needed.
      read.complete = false;
      read.floor = (--Xapian::MSetIterator(it)).get_weight();
      if (!enough || enough(hits, read)) {
        return hits;
      }
      std::size_t looked = 0;
      std::size_t next_ask = 1;
      for (; it != mset.end(); ++it) {
        std::string key = it.get_document().get_value(schema::kSlotPath);
        if (per_file[key]++ < per_doc) {
          hits.push_back({*it, it.get_weight(), tier, std::move(key), std::nullopt});
        }
        read.floor = it.get_weight();
        if (++looked == next_ask) {
          next_ask *= 2;
          if (enough(hits, read)) {
            return hits;
          }
        }
      }
      last_read(mset, asked);
      return hits;
    }
  }
  if (per_doc > 0) {
    enquire.set_collapse_key(schema::kSlotPath, per_doc);
  }
  const Xapian::MSet mset =
      enquire.get_mset(0, static_cast<Xapian::doccount>(count), 0, nullptr, decider);
  // Before the cap, as the first try above counts: the total is of matching passages.
  estimate = mset.get_uncollapsed_matches_estimated();
  last_read(mset, count);
  std::vector<Hit> hits;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    // Crowding (crowding.h) needs each passage's file even where no cap does.
    std::string key = per_doc > 0 || !by_relevance ? it.get_collapse_key()
                                                   : it.get_document().get_value(schema::kSlotPath);
    hits.push_back({*it, it.get_weight(), tier, std::move(key), std::nullopt});
  }
  return hits;
}

// Ranks tier by tier: passages matching the query's own spelling (tier 1) first; then, only while
// the page is not full, those matched only through stems (tier 2), then only through
// transliteration (tier 3). Most name queries fill the page from tier 1 alone and then cost little
// more than --exact; and no rare transliterated word can outrank an exact match. Inside a tier a
// file's later passages give way to other files' (crowding.h); the per-file cap and the crowding
// hold across the passes.
std::vector<Hit> Ranker::ranked_hits(const TieredQuery& tiers, const SearchOptions& options,
                                     const Xapian::MatchDecider* decider, std::size_t& total) {
  const std::size_t want = options.offset + options.limit;
  Xapian::doccount estimate = 0;
  if (options.sort == SearchOptions::Sort::kDocument) {
    const std::size_t tier = options.exact ? 0 : kTiers - 1;
    PassRead read;
    std::vector<Hit> hits = pass(tiers[tier], want, tier, options, decider, {}, estimate, read);
    total = estimate;
    return hits;
  }
  // A tier may add nothing to the one before it (words with no stem and no transliteration in the
  // index, as many Arabic-script queries have): its pass, or count, would repeat the last one.
  // Equal descriptions mean equal queries: every leaf describes itself with its term.
  const std::size_t last = options.exact ? 1 : kTiers;
  std::array<std::string, kTiers> described;
  for (std::size_t t = 0; t < last; ++t) {
    described[t] = tiers[t].get_description();
  }
  std::vector<Hit> hits;
  std::map<std::string, std::size_t> per_file;
  std::unordered_set<Xapian::docid> seen;
  total = 0;
  std::size_t earlier = 0;  // the first tier's estimate
  for (std::size_t t = 0; t < last; ++t) {
    if (t > 0 && described[t] == described[t - 1]) {
      continue;
    }
    if (hits.size() >= want) {
      // The page is full: only the estimate of everything that matches is still needed.
      Xapian::Enquire count(db_);
      count.set_query(tiers[last - 1]);
      if (options.time_limit > 0) {
        count.set_time_limit(options.time_limit);
      }
      total = std::max<std::size_t>(
          earlier, count.get_mset(0, 0, 0, nullptr, decider).get_matches_estimated());
      break;
    }
    // The tier's query matches the earlier tiers' passages too (cheaper than excluding them in
    // the matcher); each of them, and each passage a full file refuses, can take one place of
    // this pass, so fetch that many more. Crowding places a passage only once every passage that
    // could come before it has been read: a pass reads on into what Xapian ranked for it until
    // its places are settled, and one still not settled is run again twice as deep.
    const std::size_t need = want - hits.size();
    std::size_t fetch = need + 2 * hits.size();
    std::vector<Hit> fresh;
    std::size_t settled = 0;
    // The passages read that this tier may add, in their crowded order (`out`), and how many
    // of them are in their place (`n`).
    const auto settle = [&](std::vector<Hit> read_hits, const PassRead& r, std::vector<Hit>& out,
                            std::size_t& n) {
      std::map<std::string, std::size_t> room = per_file;
      out.clear();
      for (Hit& h : read_hits) {
        if (seen.count(h.did) != 0) {
          continue;
        }
        if (options.per_doc > 0 && room[h.path]++ >= options.per_doc) {
          continue;
        }
        out.push_back(std::move(h));
      }
      out = crowd(std::move(out), per_file, r.complete ? std::nullopt : std::optional(r.floor), n);
      return n;
    };
    for (;;) {
      PassRead read;
      std::vector<Hit> more = pass(
          tiers[t], fetch, t, options, decider,
          [&](const std::vector<Hit>& read_so_far, const PassRead& r) {
            // Without their records: only the places are in question, and the hits placed are
            // those of the whole pass, below.
            std::vector<Hit> places;
            places.reserve(read_so_far.size());
            for (const Hit& h : read_so_far) {
              places.push_back({h.did, h.score, h.tier, h.path, std::nullopt});
            }
            std::vector<Hit> placed;
            std::size_t n = 0;
            return settle(std::move(places), r, placed, n) >= need;
          },
          estimate, read);
      settle(std::move(more), read, fresh, settled);
      if (read.complete || settled >= need) {
        break;
      }
      fetch *= 2;
    }
    total = std::max<std::size_t>(total, estimate);
    if (t == 0) {
      earlier = total;
    }
    fresh.resize(std::min(settled, need));  // settled never exceeds what was kept
    for (Hit& h : fresh) {
      seen.insert(h.did);
      ++per_file[h.path];
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

// The passages of each language are counted exactly up to this many, and estimated past it.
constexpr Xapian::doccount kCountedExactly = 1000;

std::vector<Hit> Ranker::rank(const TieredQuery& tiers, const SearchOptions& options,
                              const Xapian::MatchDecider* decider, SearchResults& out) {
  static const std::vector<std::string> mixed_languages = {"en", "fa", "ur"};
  out.total_by_lang.clear();
  // Mixing filters a language's ranking by the passage ids in memory (language_filter.h), which a
  // plain --lang, filtering once, has no need of.
  const auto filtered = [&](const std::string& lang) {
    TieredQuery t = tiers;
    const Xapian::Query filter = options.mix_languages
                                     ? language_filter(languages_.of(lang), lang)
                                     : Xapian::Query(std::string(schema::kLangPrefix) + lang);
    for (Xapian::Query& q : t) {
      q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
    }
    return t;
  };
  if (!options.mix_languages) {
    // The ranking as it stands, one pass a tier; no counts by language.
    std::size_t total = 0;
    std::vector<Hit> hits =
        ranked_hits(options.lang.empty() ? tiers : filtered(options.lang), options, decider, total);
    out.total = total;
    return hits;
  }
  CountLimits limits;
  limits.exactly = kCountedExactly;
  limits.time_limit = options.time_limit;
  if (!options.lang.empty()) {
    std::size_t estimate = 0;
    std::vector<Hit> hits = ranked_hits(filtered(options.lang), options, decider, estimate);
    const Xapian::doccount n =
        count_by_language(db_, tiers[kTiers - 1], {options.lang}, languages_, decider, limits)[0];
    out.total = n;
    if (n > 0) {
      out.total_by_lang[options.lang] = n;
    }
    return hits;
  }
  const bool by_relevance = options.sort == SearchOptions::Sort::kRelevance;
  const std::size_t want = options.offset + options.limit;
  // The whole ranking, far enough for the window and for the page after it (the window's
  // passages are among the ranking's, or take the place of as many of them).
  SearchOptions whole = options;
  whole.offset = 0;
  whole.limit = !by_relevance ? want : want > kMixWindow ? want + kMixWindow : kMixWindow;
  std::size_t ranked_total = 0;
  std::vector<Hit> ranked = ranked_hits(tiers, whole, decider, ranked_total);
  const std::vector<Xapian::doccount> counts =
      count_by_language(db_, tiers[kTiers - 1], mixed_languages, languages_, decider, limits);
  std::vector<std::size_t> totals(counts.begin(), counts.end());
  std::size_t total = 0;
  for (std::size_t l = 0; l < mixed_languages.size(); ++l) {
    if (totals[l] > 0) {
      out.total_by_lang[mixed_languages[l]] = totals[l];
    }
    total += totals[l];
  }
  if (!by_relevance) {
    out.total = std::max(total, ranked_total);
    return ranked;
  }
  std::vector<std::vector<Hit>> by_language(mixed_languages.size());
  const auto all = languages_.interleaved(mixed_languages);
  for (const Hit& h : ranked) {
    const std::size_t l = all->language_of(h.did);
    if (l < mixed_languages.size()) {
      by_language[l].push_back(h);
    }
  }
  std::vector<bool> used_up;
  std::vector<Hit> window = mix_window(by_language, totals, options.per_doc, &used_up);
  bool ranked_alone = false;
  for (std::size_t l = 0; l < mixed_languages.size(); ++l) {
    if (used_up[l] && totals[l] > by_language[l].size()) {
      // The window could give this language more places than the whole ranking showed of it.
      SearchOptions own = options;
      own.offset = 0;
      own.limit = kMixWindow;
      std::size_t n = 0;
      // Loose hits take no place in the window: the loose tier is not ranked (a tier equal to
      // the one before is passed over).
      TieredQuery close = filtered(mixed_languages[l]);
      for (std::size_t t = kLooseTier; t < kTiers; ++t) {
        close[t] = close[kLooseTier - 1];
      }
      by_language[l] = ranked_hits(close, own, decider, n);
      ranked_alone = true;
    }
  }
  if (ranked_alone) {
    window = mix_window(std::move(by_language), totals, options.per_doc);
  }
  if (want <= window.size()) {
    // The page lies inside the window.
    out.total = total;
    window.resize(want);
    return window;
  }
  if (ranked.size() == whole.limit && whole.limit < want + window.size()) {
    whole.limit = want + window.size();
    ranked = ranked_hits(tiers, whole, decider, ranked_total);
  }
  out.total = std::max(total, ranked_total);
  return after_window(std::move(window), std::move(ranked), want, options.per_doc);
}

PassageRecord Ranker::record(const Xapian::Document& doc) const {
  std::optional<PassageRecord> r = records_.read(doc);
  if (!r) {
    throw DatabaseCorruptError("passage " + std::to_string(doc.get_docid()) + " of the index at " +
                               path_ +
                               " has no readable record (damaged, or written by another program "
                               "than talash-index); rebuild the index with talash-index --rebuild");
  }
  return std::move(*r);
}

}  // namespace talash::internal
