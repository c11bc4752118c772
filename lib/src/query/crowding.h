// The order of one ranking tier's passages when one file holds many of them: a file's k-th
// passage counts kCrowding^(k-1) of its weight, so that the next files' best passages come
// before a file's second and third (what web search calls host crowding). A passage is never
// dropped, only placed later: --per-doc still says how many of a file are shown at all.
#ifndef TALASH_QUERY_CROWDING_H_
#define TALASH_QUERY_CROWDING_H_

#include "query/page_mixer.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace talash::internal {

// What a file's every passage after its first is worth against the one before it.
inline constexpr double kCrowding = 0.5;

// `hits` (one tier's passages in Xapian's order, best first, each with its path) reordered by
// weight × kCrowding^(n), n being how many passages of its file come before it in this order
// or were placed before the tier (`earlier`, by path); ties keep Xapian's order. `floor`: the
// most a passage not in `hits` can weigh (none when every passage of the tier is there). Sets
// `settled` to how many of the first are in their final place whatever those passages are.
std::vector<Hit> crowd(std::vector<Hit> hits, const std::map<std::string, std::size_t>& earlier,
                       std::optional<double> floor, std::size_t& settled);

}  // namespace talash::internal

#endif  // TALASH_QUERY_CROWDING_H_
