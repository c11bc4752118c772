#include "index/passage_record.h"

#include "index/varint.h"

#include <cstdint>
#include <optional>

namespace talash::internal {
namespace {

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
