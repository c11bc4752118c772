// Explains a result: which passage words each query word matched, and how. Re-analyses the
// passage with the same chain used to index it, so offsets point at the words as written.
#ifndef TALASH_QUERY_EXPLAIN_H_
#define TALASH_QUERY_EXPLAIN_H_

#include "analysis/text_analyzer.h"
#include "query/query_builder.h"

#include <talash/searcher.h>

#include <string_view>
#include <unordered_map>
#include <vector>

namespace talash::internal {

// Explains the results of one query.
class Explainer {
 public:
  // Indexes the alternatives of `words` by the passage term each needs. `words` must outlive the
  // Explainer.
  explicit Explainer(const std::vector<QueryWord>& words);

  // Matches of the query words in `text` (a passage in language `lang`), in text order; each
  // passage word is reported once per query word, with its best kind (exact > normalized >
  // compound > stem > transliteration).
  std::vector<Match> explain(std::string_view text, std::string_view lang,
                             const TextAnalyzer& analyzer) const;

 private:
  struct Want {
    std::size_t order;  // among all alternatives: the earlier wins a tie
    std::size_t qi;
    const Alternative* alt;
  };
  const std::vector<QueryWord>& words_;
  std::unordered_map<std::string_view, std::vector<Want>> wants_;
};

// The name of a kind as the JSON output and --explain show it.
const char* kind_name(MatchKind kind);

}  // namespace talash::internal

#endif  // TALASH_QUERY_EXPLAIN_H_
