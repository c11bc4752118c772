// Prints search results for people (text, optionally coloured) and for programs (JSON lines).
#ifndef TALASH_SEARCH_RESULT_PRINTER_H_
#define TALASH_SEARCH_RESULT_PRINTER_H_

#include <talash/searcher.h>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace talash::cli {

struct PrintOptions {
  bool color = false;
  bool explain = false;
  // Snippet length in characters for text output (0: whole passage).
  std::size_t snippet_chars = 300;
  // Reorder snippets into visual order, for terminals that do not lay out right-to-left text;
  // lines are then wrapped (in reading order) to `width` columns first.
  bool visual = false;
  std::size_t width = 80;
};

// One line of JSON: {"query", "total", "fallback", "notices", "results": [...]}. The schema is in
// the README and stays stable.
void print_json(std::ostream& out, const SearchResults& results);

// A JSON line for a query that could not run: {"query", "error", "total": 0, "results": []},
// with "position" and "length" of the part at fault where known (cli::error_json).
void print_json_error(std::ostream& out, const std::string& query, const std::string& error,
                      std::optional<std::size_t> position = std::nullopt, std::size_t length = 0);

// Results for a person: a header line per result, then the snippet (and with explain, the
// matches).
void print_text(std::ostream& out, const SearchResults& results, const PrintOptions& options);

// Facts about an index, as text or one JSON object.
void print_stats(std::ostream& out, const IndexStats& stats, bool json);

}  // namespace talash::cli

#endif  // TALASH_SEARCH_RESULT_PRINTER_H_
