#include "index/record_reader.h"

#include "index/term_schema.h"

namespace talash::internal {

RecordReader::RecordReader(const Xapian::Database& db)
    : unpacker_([&db](const std::string& key) { return db.get_metadata(key); }) {}

std::optional<PassageRecord> RecordReader::read(const Xapian::Document& passage) {
  const std::optional<std::string> data = unpacker_.unpack(passage.get_value(schema::kSlotRecord));
  return data ? decode_passage(*data) : std::nullopt;
}

}  // namespace talash::internal
