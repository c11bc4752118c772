// UTF-8 <-> UTF-16 conversion that remembers where each UTF-16 unit came from, so that tokens found
// by ICU (which works in UTF-16) can be reported as byte ranges of the caller's UTF-8 text.
#ifndef TALASH_ANALYSIS_UTF_H_
#define TALASH_ANALYSIS_UTF_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace talash::internal {

struct Utf16Text {
  std::u16string text;
  // byte_offset[i] is the offset in the UTF-8 input of the code point that text[i] belongs to;
  // byte_offset[text.size()] is the input's size.
  std::vector<std::uint32_t> byte_offset;
};

// Decodes UTF-8; each invalid byte sequence becomes U+FFFD.
Utf16Text decode_utf8(std::string_view utf8);

// decode_utf8(utf8).text, without the offsets.
std::u16string utf16_of(std::string_view utf8);

// Encodes UTF-16 as UTF-8 (unpaired surrogates become U+FFFD).
std::string to_utf8(std::u16string_view utf16);

// The number of code points of `utf8`, which should be valid UTF-8 (sanitize_utf8): the bytes
// that begin a sequence are counted.
std::size_t code_points(std::string_view utf8);

// Returns `utf8` with invalid sequences replaced by U+FFFD.
std::string sanitize_utf8(std::string_view utf8);

}  // namespace talash::internal

#endif  // TALASH_ANALYSIS_UTF_H_
