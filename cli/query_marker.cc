#include "cli/query_marker.h"

#include <algorithm>

namespace talash::cli {
namespace {

// The start of each code point of s, and s.size() at the end.
std::vector<std::size_t> code_point_starts(const std::string& s) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      starts.push_back(i);
    }
  }
  starts.push_back(s.size());
  return starts;
}

// Whether every code point of s is one column wide, left to right: ASCII (controls excepted)
// and the Latin, Greek and Cyrillic letters before Hebrew (U+0590), without combining marks,
// which take no column of their own.
bool one_column_each(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b < 0x20 || b == 0x7F) {
        return false;
      }
      ++i;
      continue;
    }
    if ((b & 0xE0) != 0xC0 || i + 1 >= s.size()) {
      return false;  // three or four bytes: U+0800 and above, or a broken sequence
    }
    const unsigned cp = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    if (cp >= 0x0590 || (cp >= 0x0300 && cp < 0x0370)) {
      return false;
    }
    i += 2;
  }
  return true;
}

}  // namespace

std::vector<std::string> mark_in_query(const std::string& query, std::size_t position,
                                       std::size_t length) {
  const std::vector<std::size_t> starts = code_point_starts(query);
  const std::size_t count = starts.size() - 1;
  if (position >= count) {
    return {};
  }
  const std::size_t end = std::min(count, position + std::max<std::size_t>(length, 1));
  const std::string part = query.substr(starts[position], starts[end] - starts[position]);
  if (one_column_each(query)) {
    return {query, std::string(position, ' ') + std::string(end - position, '^')};
  }
  return {"at character " + std::to_string(position + 1) + ": \u00AB" + part + "\u00BB"};
}

}  // namespace talash::cli
