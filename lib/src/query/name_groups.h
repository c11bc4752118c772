// The groups of a names file (talash/names.h) as the query builder uses them: from each normalized
// spelling to the terms of the other spellings of its groups.
#ifndef TALASH_QUERY_NAME_GROUPS_H_
#define TALASH_QUERY_NAME_GROUPS_H_

#include "analysis/text_analyzer.h"

#include <talash/names.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace talash::internal {

class NameIndex {
 public:
  NameIndex() = default;
  // Normalizes every spelling of `groups` with `analyzer` (a spelling that is not one word is
  // left out: parse_name_groups refuses those, a caller's own groups may hold them).
  NameIndex(const NameGroups& groups, const TextAnalyzer& analyzer);

  // The terms named as equivalent to `term` (the term itself left out), in the groups' order;
  // empty for a term no group holds.
  const std::vector<std::string>& equivalents(const std::string& term) const;

  bool empty() const { return equivalents_.empty(); }

 private:
  std::unordered_map<std::string, std::vector<std::string>> equivalents_;
};

}  // namespace talash::internal

#endif  // TALASH_QUERY_NAME_GROUPS_H_
