// A filter by language that does not read the index: the passages of each language (the XL terms'
// posting lists) are read once per opened index and kept in memory, and a search filtered by
// language skips through them there. A ranking per language (page_mixer.h) filtered by the XL
// terms themselves re-read their long posting lists on every pass, most of its cost.
#ifndef TALASH_QUERY_LANGUAGE_FILTER_H_
#define TALASH_QUERY_LANGUAGE_FILTER_H_

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace talash::internal {

// The sorted ids of the passages of each language of one database. Not thread-safe.
class LanguagePassages {
 public:
  explicit LanguagePassages(const Xapian::Database& db) : db_(db) {}

  // The ids of the passages in `lang` (read from the index at the first call after forget()).
  std::shared_ptr<const std::vector<Xapian::docid>> of(const std::string& lang);

  // Drops what was read; call after the database is reopened.
  void forget() {
    ids_.clear();
    interleaved_.clear();
  }

  // The passages of several languages together.
  struct Interleaved {
    std::vector<std::string> langs;
    // Every passage of langs, in id order.
    std::vector<Xapian::docid> ids;
    // Parallel to ids: its language's place in langs.
    std::vector<std::uint8_t> lang;
    // Parallel to ids: the end (an index into ids) of the run of passages of one language that
    // holds it; a corpus stored a language at a time has one run a language.
    std::vector<std::uint32_t> run_end;
    // Parallel to ids: its place among the passages of its language (0 for the first).
    std::vector<std::uint32_t> rank;
    // Parallel to langs: how many passages each has.
    std::vector<std::uint32_t> sizes;
  };

  // The passages of `langs` (at most 255 languages) together, read at the first call for them
  // after forget().
  std::shared_ptr<const Interleaved> interleaved(const std::vector<std::string>& langs);

  // The place in `langs` of the language passage `did` is in, or langs.size() for none of them.
  std::size_t language_of(Xapian::docid did, const std::vector<std::string>& langs);

 private:
  const Xapian::Database& db_;
  std::map<std::string, std::shared_ptr<const std::vector<Xapian::docid>>> ids_;
  std::map<std::vector<std::string>, std::shared_ptr<const Interleaved>> interleaved_;
};

// The first place at or after `from` in the sorted `ids` whose id is not below `did` (ids.size()
// if none): searched from `from` in growing steps, as a matcher's skips are mostly short.
std::size_t gallop(const std::vector<Xapian::docid>& ids, std::size_t from, Xapian::docid did);

// A boolean query matching the passages in `ids` (all of one language, `lang` naming it in the
// query's description); for OP_FILTER. The database the query runs on must be the one the ids
// were read from.
Xapian::Query language_filter(std::shared_ptr<const std::vector<Xapian::docid>> ids,
                              const std::string& lang);

}  // namespace talash::internal

#endif  // TALASH_QUERY_LANGUAGE_FILTER_H_
