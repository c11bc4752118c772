#include "query/language_filter.h"

#include "index/term_schema.h"

#include <algorithm>

namespace talash::internal {
namespace {

class LanguageSource : public Xapian::PostingSource {
 public:
  LanguageSource(std::shared_ptr<const std::vector<Xapian::docid>> ids, std::string lang)
      : ids_(std::move(ids)), lang_(std::move(lang)) {}

  void init(const Xapian::Database& /*db*/) override {
    at_ = ids_->begin();
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
  }
  void skip_to(Xapian::docid did, double /*min_wt*/) override {
    started_ = true;
    at_ = std::lower_bound(at_, ids_->end(), did);
  }
  bool at_end() const override { return started_ && at_ == ids_->end(); }
  Xapian::docid get_docid() const override { return *at_; }
  LanguageSource* clone() const override { return new LanguageSource(ids_, lang_); }
  std::string get_description() const override { return "LanguageSource(" + lang_ + ")"; }

 private:
  Xapian::doccount size() const { return static_cast<Xapian::doccount>(ids_->size()); }

  std::shared_ptr<const std::vector<Xapian::docid>> ids_;
  std::string lang_;
  std::vector<Xapian::docid>::const_iterator at_;
  bool started_ = false;
};

}  // namespace

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

Xapian::Query language_filter(std::shared_ptr<const std::vector<Xapian::docid>> ids,
                              const std::string& lang) {
  return Xapian::Query((new LanguageSource(std::move(ids), lang))->release());
}

}  // namespace talash::internal
