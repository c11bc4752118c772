#include "query/crowding.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace talash::internal {

std::vector<Hit> crowd(std::vector<Hit> hits, const std::map<std::string, std::size_t>& earlier,
                       std::optional<double> floor, std::size_t& settled) {
  std::map<std::string, std::size_t> seen;
  std::vector<std::pair<double, std::size_t>> order;  // (weight crowded, place in Xapian's order)
  order.reserve(hits.size());
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const auto e = earlier.find(hits[i].path);
    std::size_t& n =
        seen.try_emplace(hits[i].path, e == earlier.end() ? 0 : e->second).first->second;
    order.emplace_back(hits[i].score * std::pow(kCrowding, static_cast<double>(n)), i);
    ++n;
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  // Crowding only lowers a weight: every passage that weighs at least the floor already is in
  // its place (a tie goes to the earlier passage in Xapian's order, which is the one read).
  settled = 0;
  std::vector<Hit> out;
  out.reserve(hits.size());
  for (const auto& [w, i] : order) {
    if (!floor || w >= *floor) {
      ++settled;  // the weights fall along `order`, so these are its first
    }
    out.push_back(std::move(hits[i]));
  }
  return out;
}

}  // namespace talash::internal
