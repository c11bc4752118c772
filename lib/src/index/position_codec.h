// Word positions kept beside each passage instead of in Xapian's position table. Glass stores one
// B-tree item per (term, passage) pair, about 18 bytes each: 308 MB for the 176 MB benchmark,
// where everything else took 357 MB. Here a passage's positions are one value (kSlotPositions in
// term_schema.h) of about 1.5 bytes per word: the passage's words in order, each as a 12-bit
// fingerprint of its term.
//
// A fingerprint stands for a term only within one passage, and only because the passage's other
// terms have other fingerprints: when two terms of a passage share one, both keep their positions
// in Xapian's position table ("spilled"), and neither appears in the value. So a reader that
// knows a term is in the passage (it has the passage in the term's posting list) finds its
// positions exactly: under the term's fingerprint if it is there, in Xapian's table if it is not.
//
// The value is a sequence of 12-bit codes, two to three bytes: for each position from 1 up, the
// fingerprint of a term there (0 if none), then for each further term at the same position an
// escape code and its fingerprint.
#ifndef TALASH_INDEX_POSITION_CODEC_H_
#define TALASH_INDEX_POSITION_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace talash::internal {

// The fingerprint of `term`: 1 to 4094, the same in every passage and on every machine.
std::uint16_t term_fingerprint(std::string_view term);

// A term of one passage and its positions there (1-based, ascending).
using TermPositions = std::pair<std::string, std::vector<std::uint32_t>>;

struct EncodedPositions {
  // The value to store.
  std::string value;
  // Terms whose positions must go to Xapian's position table: they share a fingerprint with
  // another term of the passage, or stand at position 0.
  std::vector<const TermPositions*> spilled;
};

// Encodes the positions of `terms`, the distinct terms of one passage. The result's pointers
// point into `terms`.
EncodedPositions encode_positions(const std::vector<TermPositions>& terms);

// Finds where a fixed set of fingerprints stands in values, one value after another.
class PositionFinder {
 public:
  // Repeats are allowed.
  explicit PositionFinder(const std::vector<std::uint16_t>& fingerprints);

  // For each fingerprint, the positions (ascending) at which it stands in `value`: `out[i]` for
  // `fingerprints[i]`. A value cut short yields the positions before the cut.
  void find(std::string_view value, std::vector<std::vector<std::uint32_t>>& out) const;

 private:
  // For each code, 1 + the index of its first fingerprint in `fingerprints_`, or 0.
  std::vector<std::uint32_t> slot_of_code_;
  std::vector<std::uint16_t> fingerprints_;
};

}  // namespace talash::internal

#endif  // TALASH_INDEX_POSITION_CODEC_H_
