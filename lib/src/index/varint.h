// Unsigned integers in 7-bit groups, low group first, the high bit set on all but the last byte:
// the stored form of the numbers in passage records and their packed form.
#ifndef TALASH_INDEX_VARINT_H_
#define TALASH_INDEX_VARINT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace talash::internal {

// Appends `v` to `out`.
inline void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Reads a varint at `pos` and moves `pos` past it; nullopt when the data ends inside one or it is
// longer than 64 bits.
inline std::optional<std::uint64_t> get_varint(std::string_view data, std::size_t& pos) {
  std::uint64_t v = 0;
  for (int shift = 0; shift < 64 && pos < data.size(); shift += 7) {
    const auto byte = static_cast<unsigned char>(data[pos++]);
    v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) {
      return v;
    }
  }
  return std::nullopt;
}

}  // namespace talash::internal

#endif  // TALASH_INDEX_VARINT_H_
