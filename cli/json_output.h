// The JSON that programs read from Talash: talash-search --json prints it a line per query, and
// talash-serve answers with it. The schema is in the README and stays stable.
#ifndef TALASH_CLI_JSON_OUTPUT_H_
#define TALASH_CLI_JSON_OUTPUT_H_

#include <talash/searcher.h>

#include <cstddef>
#include <optional>
#include <string>

namespace talash::cli {

// The marks around matched words in JSON snippets, and in text output without colour.
inline constexpr const char* kMatchOpen = "**";
inline constexpr const char* kMatchClose = "**";

// {"query", "total", "fallback", "notices", "results": [...]} on one line. Invalid UTF-8 from a
// source file is written as U+FFFD, never an error.
std::string results_json(const SearchResults& results);

// A query that could not run: {"query", "error", "total": 0, "results": []}, and after "error"
// the part of the query at fault, "position" and "length" in code points from 0, where known
// (QueryError::position()).
std::string error_json(const std::string& query, const std::string& error,
                       std::optional<std::size_t> position = std::nullopt, std::size_t length = 0);

// Facts about an index: {"documents", "passages", "passages_by_lang", ...}.
std::string stats_json(const IndexStats& stats);

// One passage with its neighbours, as a result of results_json() is (score 0, no matches).
std::string passage_json(const Result& passage);

}  // namespace talash::cli

#endif  // TALASH_CLI_JSON_OUTPUT_H_
