#include "query/page_mixer.h"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace talash::internal {

std::vector<Hit> mix_window(std::vector<std::vector<Hit>> lists,
                            const std::vector<std::size_t>& totals, std::size_t per_doc,
                            std::vector<bool>* used_up) {
  struct Language {
    std::vector<Hit> hits;
    std::size_t total;
    std::size_t input;  // the list's place in `lists`
  };
  if (used_up != nullptr) {
    used_up->assign(lists.size(), true);
  }
  std::vector<Language> by_language;
  for (std::size_t i = 0; i < lists.size(); ++i) {
    if (std::erase_if(lists[i], [](const Hit& h) { return h.tier >= kLooseTier; }) > 0 &&
        used_up != nullptr) {
      (*used_up)[i] = false;
    }
    if (!lists[i].empty()) {
      by_language.push_back({std::move(lists[i]), i < totals.size() ? totals[i] : 0, i});
    }
  }
  // Stable, so that languages tied on all counts keep the caller's order.
  std::stable_sort(by_language.begin(), by_language.end(),
                   [](const Language& a, const Language& b) {
                     const Hit& x = a.hits.front();
                     const Hit& y = b.hits.front();
                     if (x.tier != y.tier) {
                       return x.tier < y.tier;
                     }
                     return a.total != b.total ? a.total > b.total : x.score > y.score;
                   });
  std::vector<Hit> window;
  std::vector<std::size_t> next(by_language.size(), 0);
  std::map<std::string, std::size_t> per_file;
  std::unordered_set<Xapian::docid> placed;
  bool any = true;
  while (window.size() < kMixWindow && any) {
    any = false;
    for (std::size_t l = 0; l < by_language.size() && window.size() < kMixWindow; ++l) {
      std::vector<Hit>& hits = by_language[l].hits;
      // A language's turn goes to its next hit its file still has room for.
      while (next[l] < hits.size()) {
        Hit& h = hits[next[l]++];
        if (!placed.insert(h.did).second) {
          continue;
        }
        if (per_doc > 0 && per_file[h.path]++ >= per_doc) {
          continue;
        }
        window.push_back(std::move(h));
        any = true;
        break;
      }
    }
  }
  if (used_up != nullptr) {
    for (std::size_t l = 0; l < by_language.size(); ++l) {
      if (next[l] < by_language[l].hits.size()) {
        (*used_up)[by_language[l].input] = false;
      }
    }
  }
  return window;
}

std::vector<Hit> after_window(std::vector<Hit> window, std::vector<Hit> ranked, std::size_t want,
                              std::size_t per_doc) {
  std::unordered_set<Xapian::docid> shown;
  std::map<std::string, std::size_t> per_file;
  for (const Hit& h : window) {
    shown.insert(h.did);
    ++per_file[h.path];
  }
  for (Hit& h : ranked) {
    if (window.size() >= want) {
      break;
    }
    if (shown.count(h.did) != 0 || (per_doc > 0 && per_file[h.path]++ >= per_doc)) {
      continue;
    }
    window.push_back(std::move(h));
  }
  if (window.size() > want) {
    window.resize(want);
  }
  return window;
}

}  // namespace talash::internal
