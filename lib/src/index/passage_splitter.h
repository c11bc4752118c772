// Splits a document into passages: the unit Talash indexes, ranks and shows.
#ifndef TALASH_INDEX_PASSAGE_SPLITTER_H_
#define TALASH_INDEX_PASSAGE_SPLITTER_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace talash::internal {

struct ByteRange {
  std::size_t start = 0;
  std::size_t end = 0;
};

// Returns the passages of `text` as byte ranges, in order, trimmed of surrounding whitespace.
// A blank line always ends a passage. Within a block, a line of at least a third of `target_chars`
// is a paragraph of its own (one paragraph per line, as the bundled articles are written); shorter
// lines (hard-wrapped text, table rows) are merged up to `target_chars`. A paragraph longer than
// `target_chars` code points is cut at sentence ends (. ? ! ؟ ۔); a sentence longer than twice the
// target is cut at a space, or anywhere between code points if it has none.
std::vector<ByteRange> split_passages(std::string_view text, std::size_t target_chars);

}  // namespace talash::internal

#endif  // TALASH_INDEX_PASSAGE_SPLITTER_H_
