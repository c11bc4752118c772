// The documents of search results, for tests that check which documents a search finds.
#ifndef TALASH_TESTS_SUPPORT_RESULTS_H_
#define TALASH_TESTS_SUPPORT_RESULTS_H_

#include <talash/talash.h>

#include <set>
#include <string>
#include <vector>

namespace talash::test {

// The document of each result, in rank order (a document with several passages appears as often).
inline std::vector<std::string> docs_of(const SearchResults& r) {
  std::vector<std::string> out;
  for (const auto& x : r.results) {
    out.push_back(x.doc);
  }
  return out;
}

// The documents the results come from, when order and repetition do not matter.
inline std::set<std::string> doc_set(const SearchResults& r) {
  const std::vector<std::string> docs = docs_of(r);
  return {docs.begin(), docs.end()};
}

}  // namespace talash::test

#endif  // TALASH_TESTS_SUPPORT_RESULTS_H_
