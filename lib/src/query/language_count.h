// How many passages of each language match a query, for the per-language totals of a mixed first
// page (page_mixer.h), in one pass over the query. Counting each language exactly would cost a
// pass through every match of a common word; so a language is counted exactly up to a cap, and
// past it the pass samples the rest of its passages.
#ifndef TALASH_QUERY_LANGUAGE_COUNT_H_
#define TALASH_QUERY_LANGUAGE_COUNT_H_

#include "query/language_filter.h"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace talash::internal {

// How a count by language is run.
struct CountLimits {
  // Each language is counted exactly up to this many matches (at least 1).
  Xapian::doccount exactly = 1000;
  // Past that, the language's passages not yet read are sampled in this many strata (runs of
  // consecutive passages of it): a corpus is stored a source at a time, and a word common in one
  // source (a Quran translation, a poet's works) is rare in the next, so its first matches alone
  // would say little of the rest. Each stratum is read until it has exactly / strata matches.
  std::uint32_t strata = 64;
  // Xapian's time limit for the pass, in seconds (0: none); a pass cut short counts what it saw.
  double time_limit = 0;
};

// How many passages of each of `langs` match `q` and pass `decider` (which may be null), parallel
// to `langs`: exact for a language with fewer than limits.exactly matches. Past that many, each
// stratum of the language not yet read is read only until it has its share of matches, and its
// count estimated as if its matches were spread evenly over it. One pass, matched without
// weights.
std::vector<Xapian::doccount> count_by_language(const Xapian::Database& db, const Xapian::Query& q,
                                                const std::vector<std::string>& langs,
                                                LanguagePassages& passages,
                                                const Xapian::MatchDecider* decider,
                                                const CountLimits& limits);

}  // namespace talash::internal

#endif  // TALASH_QUERY_LANGUAGE_COUNT_H_
