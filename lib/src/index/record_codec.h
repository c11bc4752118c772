// Passage records (passage_record.h) compressed with zstd, most of them with a dictionary trained
// on records written beside them. A record is a few hundred bytes, too little for a compressor to
// learn from on its own: zlib, which Xapian applies to document data, keeps 56% of one on the
// benchmark, zstd with a dictionary per 2 MB of records 40%, the dictionaries included. Packed
// records are stored as a value (schema::kSlotRecord), not as document data: Xapian would try
// zlib on each again, at a cost per record (it clears 256 KB of tables) that took 10% of a build.
//
// Stored form: one byte, then
//   0  the record as it is (what compression could not shorten)
//   1  a zstd frame without its 4-byte magic number; the frame's header names its dictionary
//      (none: 0) and the record's size
// Dictionaries are kept in the database's metadata, under schema::dictionary_key(id).
#ifndef TALASH_INDEX_RECORD_CODEC_H_
#define TALASH_INDEX_RECORD_CODEC_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace talash::internal {

// A trained dictionary and the id its frames carry.
struct RecordDictionary {
  std::uint32_t id = 0;
  std::string bytes;
};

// Records written with one dictionary: the dictionary is trained on these many bytes of records.
inline constexpr std::size_t kDictionarySampleBytes = std::size_t{2} << 20;

// A dictionary with id `id` (> 0) trained on `records` (a sample of them is used); nullopt when
// they are too few or too small for zstd to find anything worth a dictionary.
std::optional<RecordDictionary> train_record_dictionary(const std::vector<std::string>& records,
                                                        std::uint32_t id);

// Compresses records, with one dictionary or none. Safe to share between threads.
class RecordPacker {
 public:
  // Without a dictionary.
  RecordPacker();
  // With `dictionary`, which frames name by its id.
  explicit RecordPacker(const RecordDictionary& dictionary);
  ~RecordPacker();
  RecordPacker(const RecordPacker&) = delete;
  RecordPacker& operator=(const RecordPacker&) = delete;
  RecordPacker(RecordPacker&&) = delete;
  RecordPacker& operator=(RecordPacker&&) = delete;

  // The stored form of `record`.
  std::string pack(std::string_view record) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads the stored form back, loading each dictionary the first time a frame names it. One per
// database handle, and like it not safe to share between threads.
class RecordUnpacker {
 public:
  // `metadata` returns the database's metadata under a key ("" when there is none).
  explicit RecordUnpacker(std::function<std::string(const std::string&)> metadata);
  ~RecordUnpacker();
  RecordUnpacker(const RecordUnpacker&) = delete;
  RecordUnpacker& operator=(const RecordUnpacker&) = delete;
  RecordUnpacker(RecordUnpacker&&) = delete;
  RecordUnpacker& operator=(RecordUnpacker&&) = delete;

  // The record stored as `stored`; nullopt when it is damaged, or names a dictionary the
  // database does not have.
  std::optional<std::string> unpack(std::string_view stored);

  // Drops the loaded dictionaries; call after the database is reopened (a rebuilt index may use
  // an id again for another dictionary).
  void forget();

 private:
  std::function<std::string(const std::string&)> metadata_;
  // zstd's state: the decompression context and the dictionaries loaded, by id.
  struct Context;
  std::unique_ptr<Context> context_;
};

}  // namespace talash::internal

#endif  // TALASH_INDEX_RECORD_CODEC_H_
