#include "index/passage_record.h"

#include <cstdint>
#include <optional>

namespace talash::internal {
namespace {

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Reads a varint at `pos`; nullopt when the data ends inside one or it is longer than 64 bits.
std::optional<std::uint64_t> get_varint(std::string_view data, std::size_t& pos) {
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

std::optional<std::string> get_string(std::string_view data, std::size_t& pos) {
  const auto size = get_varint(data, pos);
  if (!size || *size > data.size() - pos) {
    return std::nullopt;
  }
  std::string s(data.substr(pos, *size));
  pos += *size;
  return s;
}

}  // namespace

std::string encode_passage(const PassageRecord& record) {
  std::string out;
  out.reserve(record.path.size() + record.lang.size() + record.text.size() + 16);
  put_varint(out, record.ordinal);
  put_varint(out, record.start);
  put_varint(out, record.end);
  put_varint(out, record.path.size());
  out += record.path;
  put_varint(out, record.lang.size());
  out += record.lang;
  out += record.text;
  return out;
}

std::optional<PassageRecord> decode_passage(std::string_view data) {
  std::size_t pos = 0;
  const auto ordinal = get_varint(data, pos);
  const auto start = ordinal ? get_varint(data, pos) : std::nullopt;
  const auto end = start ? get_varint(data, pos) : std::nullopt;
  auto path = end ? get_string(data, pos) : std::nullopt;
  auto lang = path ? get_string(data, pos) : std::nullopt;
  if (!lang || *start > *end) {
    return std::nullopt;
  }
  PassageRecord r;
  r.ordinal = *ordinal;
  r.start = *start;
  r.end = *end;
  r.path = std::move(*path);
  r.lang = std::move(*lang);
  r.text = std::string(data.substr(pos));
  return r;
}

}  // namespace talash::internal
