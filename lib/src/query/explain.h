// Explains a result: which passage words each query word matched, and how. Re-analyses the
// passage with the same chain used to index it, so offsets point at the words as written.
#ifndef TALASH_QUERY_EXPLAIN_H_
#define TALASH_QUERY_EXPLAIN_H_

#include "analysis/text_analyzer.h"
#include "query/query_builder.h"

#include <talash/searcher.h>

#include <string_view>
#include <vector>

namespace talash::internal {

// Matches of `words` in `text` (a passage in language `lang`), in text order; each passage word
// is reported once per query word, with its best kind (exact > normalized > compound > stem >
// transliteration).
std::vector<Match> explain(std::string_view text, std::string_view lang,
                           const std::vector<QueryWord>& words, const TextAnalyzer& analyzer);

// The name of a kind as the JSON output and --explain show it.
const char* kind_name(MatchKind kind);

}  // namespace talash::internal

#endif  // TALASH_QUERY_EXPLAIN_H_
