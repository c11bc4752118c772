#include "source_decoder.h"

#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace talash::cli {
namespace {

// Lines reported by number before the rest are only counted.
constexpr std::size_t kMaxReportedLines = 5;
// A NUL in the first this many bytes marks a binary file.
constexpr std::size_t kSniffBytes = 8192;

bool from_utf16(const std::string& bytes, const char* codepage, std::string& out) {
  const icu::UnicodeString u(bytes.data() + 2, static_cast<int32_t>(bytes.size() - 2), codepage);
  if (u.isBogus() != 0) {
    return false;
  }
  out.clear();
  u.toUTF8String(out);
  return true;
}

}  // namespace

Decoded decode_source(std::string bytes) {
  Decoded d;
  const bool le = bytes.size() >= 2 && bytes[0] == '\xFF' && bytes[1] == '\xFE';
  const bool be = bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF';
  if (le || be) {
    d.converted = from_utf16(bytes, le ? "UTF-16LE" : "UTF-16BE", d.text);
    d.binary = !d.converted;
    return d;
  }
  const auto sniff = std::min(bytes.size(), kSniffBytes);
  if (std::find(bytes.begin(), bytes.begin() + static_cast<long>(sniff), '\0') !=
      bytes.begin() + static_cast<long>(sniff)) {
    d.binary = true;
    return d;
  }
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto length = static_cast<int32_t>(bytes.size());
  std::size_t line = 1;
  for (int32_t i = 0; i < length;) {
    if (s[i] == '\n') {
      ++line;
    }
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      ++d.bad_sequences;
      if (d.bad_lines.size() < kMaxReportedLines &&
          (d.bad_lines.empty() || d.bad_lines.back() != line)) {
        d.bad_lines.push_back(line);
      }
    }
  }
  d.text = std::move(bytes);
  return d;
}

}  // namespace talash::cli
