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
    // Every passage of the languages, in id order.
    std::vector<Xapian::docid> ids;
    // Parallel to ids: its language's place in langs.
    std::vector<std::uint8_t> lang;
    // Parallel to ids: the end (an index into ids) of the run of passages of one language that
    // holds it; a corpus stored a language at a time has one run a language.
    std::vector<std::uint32_t> run_end;
    // Parallel to ids: its place among the passages of its language (0 for the first).
    std::vector<std::uint32_t> rank;
    // Parallel to the languages: how many passages each has.
    std::vector<std::uint32_t> sizes;

    // The place among the languages of the one passage `did` is in, or sizes.size() for none.
    std::size_t language_of(Xapian::docid did) const;
  };

  // The passages of `langs` (at most 255 languages) together, in the order of `langs`, read at
  // the first call for them after forget().
  std::shared_ptr<const Interleaved> interleaved(const std::vector<std::string>& langs);

 private:
  const Xapian::Database& db_;
  std::map<std::string, std::shared_ptr<const std::vector<Xapian::docid>>> ids_;
  std::map<std::vector<std::string>, std::shared_ptr<const Interleaved>> interleaved_;
};

// The first place at or after `from` in the sorted `ids` whose id is not below `did` (ids.size()
// if none): searched from `from` in growing steps, as a matcher's skips are mostly short.
std::size_t gallop(const std::vector<Xapian::docid>& ids, std::size_t from, Xapian::docid did);

// A PostingSource over sorted passage ids, for the right side of OP_FILTER: it matches each of
// them in turn, less those a subclass's settle() passes over after each move. Not thread-safe;
// the methods keep the contracts of Xapian::PostingSource.
class SortedIdSource : public Xapian::PostingSource {
 public:
  void init(const Xapian::Database& /*db*/) override {
    at_ = 0;
    started_ = false;
  }
  Xapian::doccount get_termfreq_min() const override { return size(); }
  Xapian::doccount get_termfreq_est() const override { return size(); }
  Xapian::doccount get_termfreq_max() const override { return size(); }
  void next(double /*min_wt*/) override {
    if (started_) {
      ++at_;
    }
    started_ = true;
    settle();
  }
  void skip_to(Xapian::docid did, double /*min_wt*/) override {
    started_ = true;
    at_ = gallop(*ids_, at_, did);
    settle();
  }
  bool at_end() const override { return started_ && at_ >= ids_->size(); }
  Xapian::docid get_docid() const override { return (*ids_)[at_]; }

 protected:
  explicit SortedIdSource(std::shared_ptr<const std::vector<Xapian::docid>> ids)
      : ids_(std::move(ids)) {}
  // Called after each move; may move `at_` further on (to ids_->size() at the most).
  virtual void settle() {}
  Xapian::doccount size() const { return static_cast<Xapian::doccount>(ids_->size()); }

  std::shared_ptr<const std::vector<Xapian::docid>> ids_;
  // The place in *ids_ the source stands on.
  std::size_t at_ = 0;

 private:
  bool started_ = false;
};

// A boolean query matching the passages in `ids` (all of one language, `lang` naming it in the
// query's description); for OP_FILTER. The database the query runs on must be the one the ids
// were read from.
Xapian::Query language_filter(std::shared_ptr<const std::vector<Xapian::docid>> ids,
                              const std::string& lang);

}  // namespace talash::internal

#endif  // TALASH_QUERY_LANGUAGE_FILTER_H_
