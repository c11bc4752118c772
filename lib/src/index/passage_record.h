// A passage's record: where the passage comes from, followed by its text. Reading a result is then
// one read of one value (schema::kSlotRecord); the same fields in values of their own cost one
// value-stream lookup each (five per result, the largest part of fetching one).
#ifndef TALASH_INDEX_PASSAGE_RECORD_H_
#define TALASH_INDEX_PASSAGE_RECORD_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace talash::internal {

struct PassageRecord {
  std::string path;
  // 1-based position of the passage in its file.
  std::size_t ordinal = 0;
  // Byte range of the passage in its file.
  std::size_t start = 0;
  std::size_t end = 0;
  std::string lang;
  // The passage's text, verbatim.
  std::string text;
};

// The bytes of `record`: the numbers as varints, the path and language each preceded by
// its length, then the text to the end.
std::string encode_passage(const PassageRecord& record);

// The record `data` encodes; nullopt when it is not one (damaged, or written by something other
// than Talash's writer).
std::optional<PassageRecord> decode_passage(std::string_view data);

}  // namespace talash::internal

#endif  // TALASH_INDEX_PASSAGE_RECORD_H_
