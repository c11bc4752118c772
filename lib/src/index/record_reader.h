// The records of a database's passages, read back: the packed value unpacked with the database's
// dictionaries, then decoded.
#ifndef TALASH_INDEX_RECORD_READER_H_
#define TALASH_INDEX_RECORD_READER_H_

#include "index/passage_record.h"
#include "index/record_codec.h"

#include <xapian.h>

#include <optional>

namespace talash::internal {

class RecordReader {
 public:
  // Reads through `db`, which must outlive the reader (the handle may be reassigned; call
  // forget() then).
  explicit RecordReader(const Xapian::Database& db);

  // The record of `passage`, a document of the database; nullopt when it does not read (damaged,
  // or written by something other than Talash's writer).
  std::optional<PassageRecord> read(const Xapian::Document& passage);

  // Drops the loaded dictionaries; call after the database is reopened.
  void forget() { unpacker_.forget(); }

 private:
  RecordUnpacker unpacker_;
};

}  // namespace talash::internal

#endif  // TALASH_INDEX_RECORD_READER_H_
