#include "index/record_codec.h"

#include "index/term_schema.h"

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

namespace {

using talash::internal::RecordDictionary;
using talash::internal::RecordPacker;
using talash::internal::RecordUnpacker;
using talash::internal::train_record_dictionary;

// Records of passages in both scripts, each different, `bytes` of them in all.
std::vector<std::string> records(std::size_t bytes, unsigned seed) {
  const char* words[] = {"Samarkand", "Bukhara", "Enver", "river", "the", "of",   "سمرقند",
                         "بخارا",     "انور",    "پاشا",  "و",     "در",  "کتاب", "شہر"};
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  std::size_t total = 0;
  for (int i = 0; total < bytes; ++i) {
    std::string r = "corpus/doc" + std::to_string(i) + ".txt";
    const std::size_t n = 20 + rng() % 60;
    for (std::size_t w = 0; w < n; ++w) {
      r += ' ';
      r += words[rng() % std::size(words)];
    }
    total += r.size();
    out.push_back(std::move(r));
  }
  return out;
}

// A database's metadata, as RecordUnpacker reads it.
struct Metadata {
  std::map<std::string, std::string> entries;
  void add(const RecordDictionary& d) {
    entries[talash::internal::schema::dictionary_key(d.id)] = d.bytes;
  }
  RecordUnpacker unpacker() {
    return RecordUnpacker([this](const std::string& key) {
      const auto it = entries.find(key);
      return it == entries.end() ? std::string() : it->second;
    });
  }
};

}  // namespace

TEST_CASE("Records read back as they were packed", "[index]") {
  const std::vector<std::string> sample = records(std::size_t{256} << 10, 1);
  const auto dictionary = train_record_dictionary(sample, 7);
  REQUIRE(dictionary);
  CHECK(dictionary->id == 7);
  Metadata meta;
  meta.add(*dictionary);
  RecordUnpacker unpacker = meta.unpacker();
  const RecordPacker plain;
  const RecordPacker trained(*dictionary);
  const std::string typical = records(2000, 2)[3];
  struct Row {
    const RecordPacker& packer;
    std::string record;
    const char* why;
  };
  const Row rows[] = {
      {plain, "", "an empty record"},
      {trained, "", "an empty record, with a dictionary"},
      {plain, "p", "too short for compression to shorten it: stored as it is"},
      {plain, std::string(5000, 'a'), "compressible on its own"},
      {plain, typical, "a typical record, without a dictionary"},
      {trained, typical, "a typical record, with a dictionary"},
      {trained, std::string("\0\1\2\xff", 4), "bytes that are not text"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.why);
    const auto back = unpacker.unpack(row.packer.pack(row.record));
    REQUIRE(back);
    CHECK(*back == row.record);
  }
  // What the dictionary is for: a record like those it was trained on takes much less room.
  CHECK(trained.pack(typical).size() * 2 < plain.pack(typical).size());
  CHECK(plain.pack(std::string(5000, 'a')).size() < 100);
}

TEST_CASE("Too little text trains no dictionary", "[index]") {
  CHECK_FALSE(train_record_dictionary({}, 1));
  CHECK_FALSE(train_record_dictionary(records(4000, 3), 1));
  CHECK_FALSE(train_record_dictionary(records(std::size_t{256} << 10, 3), 0));  // 0 means none
}

TEST_CASE("A damaged record or a missing dictionary reads as nothing, never as a crash",
          "[index]") {
  const auto dictionary = train_record_dictionary(records(std::size_t{256} << 10, 4), 300);
  REQUIRE(dictionary);
  Metadata meta;
  meta.add(*dictionary);
  RecordUnpacker unpacker = meta.unpacker();
  const std::string record = records(2000, 5)[0];
  const std::string packed = RecordPacker(*dictionary).pack(record);
  REQUIRE(packed[0] == 1);  // compressed, the case with something to damage

  CHECK_FALSE(unpacker.unpack(""));
  CHECK_FALSE(unpacker.unpack(std::string("\x07") + record));  // an unknown kind of record
  for (std::size_t n = 1; n < packed.size(); ++n) {
    CAPTURE(n);
    CHECK_FALSE(unpacker.unpack(packed.substr(0, n)));
  }
  std::mt19937 rng(6);
  for (int i = 0; i < 2000; ++i) {
    std::string damaged = packed;
    char& byte = damaged[1 + rng() % (damaged.size() - 1)];
    byte = static_cast<char>(static_cast<unsigned char>(byte) ^ (1 + rng() % 255));
    const auto back = unpacker.unpack(damaged);  // what it reads, if anything, is not checked
    CHECK((!back || back->size() < (std::size_t{64} << 20)));
  }

  Metadata none;
  RecordUnpacker without = none.unpacker();
  CHECK_FALSE(without.unpack(packed));
}

TEST_CASE("After forget() a dictionary id is looked up again", "[index]") {
  // A rebuilt index may give an id to another dictionary; a reopened reader must not keep the old.
  const auto first = train_record_dictionary(records(std::size_t{256} << 10, 7), 1);
  const auto second = train_record_dictionary(records(std::size_t{256} << 10, 8), 1);
  REQUIRE((first && second));
  REQUIRE(first->bytes != second->bytes);
  Metadata meta;
  meta.add(*first);
  RecordUnpacker unpacker = meta.unpacker();
  const std::string a = records(2000, 9)[0];
  REQUIRE(unpacker.unpack(RecordPacker(*first).pack(a)) == a);
  meta.add(*second);
  unpacker.forget();
  CHECK(unpacker.unpack(RecordPacker(*second).pack(a)) == a);
}
