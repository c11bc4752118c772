// Snippets: a result's passage text with its matched words marked, trimmed around the matches.
#ifndef TALASH_SNIPPET_H_
#define TALASH_SNIPPET_H_

#include <talash/export.h>
#include <talash/searcher.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace talash {

// A run of snippet text, and whether it is (part of) a matched word.
struct SnippetPiece {
  std::string text;
  bool match = false;
};

// Returns result.text as pieces, matched words (Result::matches, overlaps merged) apart from the
// rest, in logical (reading) order. When max_chars > 0 and the text has more code points than
// that, the text is cut to about max_chars around the first match, at spaces where possible, with
// "…" where text was left out. Line breaks become spaces. Thread-safe.
TALASH_EXPORT std::vector<SnippetPiece> snippet_pieces(const Result& result,
                                                       std::size_t max_chars = 0);

// Returns `pieces` reordered for display on a terminal that does not do bidirectional layout
// itself: the line in visual order (Unicode Bidirectional Algorithm, paragraph direction from its
// first strong letter, brackets mirrored in right-to-left runs), match flags kept. Thread-safe.
TALASH_EXPORT std::vector<SnippetPiece> visual_order(const std::vector<SnippetPiece>& pieces);

// Returns snippet_pieces() joined, each match wrapped in `open` and `close`. Thread-safe.
TALASH_EXPORT std::string snippet(const Result& result, std::string_view open,
                                  std::string_view close, std::size_t max_chars = 0);

}  // namespace talash

#endif  // TALASH_SNIPPET_H_
