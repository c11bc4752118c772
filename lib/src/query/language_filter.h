// A filter by language that does not read the index: the passages of each language (the XL terms'
// posting lists) are read once per opened index and kept in memory, and a search filtered by
// language skips through them there. A ranking per language (page_mixer.h) filtered by the XL
// terms themselves re-read their long posting lists on every pass, most of its cost.
#ifndef TALASH_QUERY_LANGUAGE_FILTER_H_
#define TALASH_QUERY_LANGUAGE_FILTER_H_

#include <xapian.h>

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
  void forget() { ids_.clear(); }

 private:
  const Xapian::Database& db_;
  std::map<std::string, std::shared_ptr<const std::vector<Xapian::docid>>> ids_;
};

// A boolean query matching the passages in `ids` (all of one language, `lang` naming it in the
// query's description); for OP_FILTER. The database the query runs on must be the one the ids
// were read from.
Xapian::Query language_filter(std::shared_ptr<const std::vector<Xapian::docid>> ids,
                              const std::string& lang);

}  // namespace talash::internal

#endif  // TALASH_QUERY_LANGUAGE_FILTER_H_
