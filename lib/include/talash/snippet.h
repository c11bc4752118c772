// Snippets: a result's passage text with its matched words marked, trimmed around the matches.
#ifndef TALASH_SNIPPET_H_
#define TALASH_SNIPPET_H_

#include <talash/export.h>
#include <talash/searcher.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace talash {

// Returns result.text with every matched word (Result::matches) wrapped in `open` and `close`
// (overlapping matches merged). When max_chars > 0 and the text has more code points than that,
// the text is cut to about max_chars around the first match, at spaces where possible, with "…"
// where text was left out. Line breaks become spaces. Thread-safe.
TALASH_EXPORT std::string snippet(const Result& result, std::string_view open,
                                  std::string_view close, std::size_t max_chars = 0);

}  // namespace talash

#endif  // TALASH_SNIPPET_H_
