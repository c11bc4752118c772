#include "query/language_filter.h"

#include "index/term_schema.h"

#include <algorithm>

namespace talash::internal {
namespace {

class LanguageSource : public SortedIdSource {
 public:
  LanguageSource(std::shared_ptr<const std::vector<Xapian::docid>> ids, std::string lang)
      : SortedIdSource(std::move(ids)), lang_(std::move(lang)) {}

  LanguageSource* clone() const override { return new LanguageSource(ids_, lang_); }
  std::string get_description() const override { return "LanguageSource(" + lang_ + ")"; }

 private:
  std::string lang_;
};

}  // namespace

std::size_t gallop(const std::vector<Xapian::docid>& ids, std::size_t from, Xapian::docid did) {
  std::size_t step = 1;
  std::size_t lo = from;
  std::size_t hi = from;
  while (hi < ids.size() && ids[hi] < did) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = std::min(hi, ids.size());
  return static_cast<std::size_t>(std::lower_bound(ids.begin() + static_cast<std::ptrdiff_t>(lo),
                                                   ids.begin() + static_cast<std::ptrdiff_t>(hi),
                                                   did) -
                                  ids.begin());
}

std::shared_ptr<const std::vector<Xapian::docid>> LanguagePassages::of(const std::string& lang) {
  auto& slot = ids_[lang];
  if (!slot) {
    auto ids = std::make_shared<std::vector<Xapian::docid>>();
    const std::string term = std::string(schema::kLangPrefix) + lang;
    ids->reserve(db_.get_termfreq(term));
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
      ids->push_back(*it);
    }
    slot = std::move(ids);
  }
  return slot;
}

std::shared_ptr<const LanguagePassages::Interleaved> LanguagePassages::interleaved(
    const std::vector<std::string>& langs) {
  auto& slot = interleaved_[langs];
  if (slot) {
    return slot;
  }
  auto all = std::make_shared<Interleaved>();
  std::vector<std::shared_ptr<const std::vector<Xapian::docid>>> lists;
  std::size_t n = 0;
  for (const std::string& lang : langs) {
    lists.push_back(of(lang));
    n += lists.back()->size();
  }
  all->ids.reserve(n);
  all->lang.reserve(n);
  all->rank.reserve(n);
  std::vector<std::size_t> at(lists.size(), 0);
  while (all->ids.size() < n) {
    std::size_t best = lists.size();
    for (std::size_t l = 0; l < lists.size(); ++l) {
      if (at[l] < lists[l]->size() &&
          (best == lists.size() || (*lists[l])[at[l]] < (*lists[best])[at[best]])) {
        best = l;
      }
    }
    all->rank.push_back(static_cast<std::uint32_t>(at[best]));
    all->ids.push_back((*lists[best])[at[best]++]);
    all->lang.push_back(static_cast<std::uint8_t>(best));
  }
  for (const auto& list : lists) {
    all->sizes.push_back(static_cast<std::uint32_t>(list->size()));
  }
  all->run_end.resize(n);
  for (std::size_t i = n; i-- > 0;) {
    all->run_end[i] = i + 1 < n && all->lang[i + 1] == all->lang[i]
                          ? all->run_end[i + 1]
                          : static_cast<std::uint32_t>(i + 1);
  }
  slot = std::move(all);
  return slot;
}

std::size_t LanguagePassages::Interleaved::language_of(Xapian::docid did) const {
  const auto it = std::lower_bound(ids.begin(), ids.end(), did);
  if (it == ids.end() || *it != did) {
    return sizes.size();
  }
  return lang[static_cast<std::size_t>(it - ids.begin())];
}

Xapian::Query language_filter(std::shared_ptr<const std::vector<Xapian::docid>> ids,
                              const std::string& lang) {
  return Xapian::Query((new LanguageSource(std::move(ids), lang))->release());
}

}  // namespace talash::internal
