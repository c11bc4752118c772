// utf16_of, decode_utf8 without its offsets: the same text for every kind of input.
#include "analysis/utf.h"

#include "../support/chars.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

namespace {

using talash::internal::code_points;
using talash::internal::decode_utf8;
using talash::internal::sanitize_utf8;
using talash::internal::utf16_of;

struct Row {
  const char* utf8;
  const char* why;
};

constexpr Row kRows[] = {
    {"", "nothing"},
    {"Herat 1922", "ASCII only: the shortcut"},
    {"انور" ZWNJ "پاشا", "Arabic script and a ZWNJ"},
    {"Paşa", "a two-byte letter after ASCII"},
    {"\xF0\x9F\x98\x80 ok", "a four-byte character: a surrogate pair"},
    {"a\xFF"
     "b",
     "an invalid byte: U+FFFD"},
    {"\xD8", "a sequence cut short at the end"},
    {"\xE2\x80", "three bytes cut short"},
    {"\xC0\xAF", "an overlong encoding"},
};

}  // namespace

TEST_CASE("utf16_of decodes as decode_utf8 does", "[analysis][utf]") {
  for (const Row& r : kRows) {
    CAPTURE(r.why);
    CHECK(utf16_of(r.utf8) == decode_utf8(r.utf8).text);
  }
  CHECK(utf16_of("a\xFF"
                 "b") == u"a\uFFFDb");
}

TEST_CASE("code_points counts the code points of valid text", "[analysis][utf]") {
  // Each row sanitized first, as the callers' text is: then one per code point decode_utf8 reads.
  for (const Row& r : kRows) {
    CAPTURE(r.why);
    const std::string valid = sanitize_utf8(r.utf8);
    const std::u16string u = decode_utf8(valid).text;
    const auto surrogates = static_cast<std::size_t>(
        std::count_if(u.begin(), u.end(), [](char16_t c) { return c >= 0xDC00 && c <= 0xDFFF; }));
    CHECK(code_points(valid) == u.size() - surrogates);
  }
  CHECK(code_points("انور" ZWNJ "پاشا") == 9);
}
