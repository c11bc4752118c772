// How a search's query, in its ranking tiers (query_builder.h), becomes its ranked hits: one
// Xapian pass a tier while the page is not full, the query's own spelling first; and, when the
// first page is mixed, its window dealt round the languages (page_mixer.h) with each language's
// count (language_count.h).
#ifndef TALASH_QUERY_RANKER_H_
#define TALASH_QUERY_RANKER_H_

#include "index/passage_record.h"
#include "index/record_reader.h"
#include "query/language_filter.h"
#include "query/page_mixer.h"
#include "query/query_builder.h"

#include <talash/searcher.h>

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace talash::internal {

class Ranker {
 public:
  // The database, its path (for messages), its record reader and its passages by language must
  // outlive the ranker; the ranker reads the database as it is at each call.
  Ranker(const Xapian::Database& db, const std::string& path, RecordReader& records,
         LanguagePassages& languages)
      : db_(db), path_(path), records_(records), languages_(languages) {}

  // The hits of `tiers` from the first up to options.offset + options.limit (fewer when fewer
  // match), in the order options asks for (options.lang filters, options.mix_languages mixes),
  // each file capped at options.per_doc; sets out.total and out.total_by_lang. `decider` (may be
  // null) keeps only the passages it accepts.
  std::vector<Hit> rank(const TieredQuery& tiers, const SearchOptions& options,
                        const Xapian::MatchDecider* decider, SearchResults& out);

  // The stored record of `doc`; throws DatabaseCorruptError when it does not decode.
  PassageRecord record(const Xapian::Document& doc) const;

 private:
  // What a pass read of the ranking: the weight of the last passage read, kept or not (a passage
  // not read weighs no more), and whether that was the last match.
  struct PassRead {
    double floor = 0;
    bool complete = false;
  };
  // Whether the hits read so far (and what was read) are enough for the caller's page.
  using Enough = std::function<bool(const std::vector<Hit>&, const PassRead&)>;
  // The best hits of `q` in ranking order, found in ranking tier `tier`: `count` of them, or
  // more (up to twice as many) when `enough` (may be empty: always) says `count` are not, and
  // the read holds more; fewer only when fewer match (read.complete). `estimate`: Xapian's
  // estimate of how many match.
  std::vector<Hit> pass(const Xapian::Query& q, std::size_t count, std::size_t tier,
                        const SearchOptions& options, const Xapian::MatchDecider* decider,
                        const Enough& enough, Xapian::doccount& estimate, PassRead& read);
  // The ranking tier by tier (ranker.cc says how); `total`: how many match, estimated.
  std::vector<Hit> ranked_hits(const TieredQuery& tiers, const SearchOptions& options,
                               const Xapian::MatchDecider* decider, std::size_t& total);

  const Xapian::Database& db_;
  const std::string& path_;
  RecordReader& records_;
  LanguagePassages& languages_;
};

}  // namespace talash::internal

#endif  // TALASH_QUERY_RANKER_H_
