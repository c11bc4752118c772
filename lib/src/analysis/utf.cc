#include "analysis/utf.h"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace talash::internal {

Utf16Text decode_utf8(std::string_view utf8) {
  Utf16Text out;
  out.text.reserve(utf8.size());
  out.byte_offset.reserve(utf8.size() + 1);
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t begin = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      c = 0xFFFD;
    }
    if (U16_LENGTH(c) == 2) {
      out.text.push_back(U16_LEAD(c));
      out.text.push_back(U16_TRAIL(c));
      out.byte_offset.push_back(static_cast<std::uint32_t>(begin));
    } else {
      out.text.push_back(static_cast<char16_t>(c));
    }
    out.byte_offset.push_back(static_cast<std::uint32_t>(begin));
  }
  out.byte_offset.push_back(static_cast<std::uint32_t>(utf8.size()));
  return out;
}

std::u16string utf16_of(std::string_view utf8) {
  std::u16string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    // ASCII needs no decoding: most of Latin text, and the digits and spaces of all of it.
    if (s[i] < 0x80) {
      out.push_back(static_cast<char16_t>(s[i++]));
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      c = 0xFFFD;
    }
    if (U16_LENGTH(c) == 2) {
      out.push_back(U16_LEAD(c));
      out.push_back(U16_TRAIL(c));
    } else {
      out.push_back(static_cast<char16_t>(c));
    }
  }
  return out;
}

std::string to_utf8(std::u16string_view utf16) {
  std::string out;
  out.reserve(utf16.size() * 2);
  const auto length = static_cast<int32_t>(utf16.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U16_NEXT(utf16.data(), i, length, c);
    if (U_IS_SURROGATE(c)) {
      c = 0xFFFD;
    }
    uint8_t buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
  }
  return out;
}

std::size_t code_points(std::string_view utf8) {
  std::size_t n = 0;
  for (const char c : utf8) {
    n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  }
  return n;
}

std::string sanitize_utf8(std::string_view utf8) { return to_utf8(decode_utf8(utf8).text); }

}  // namespace talash::internal
