#include "index/passage_record.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

using talash::internal::decode_passage;
using talash::internal::encode_passage;
using talash::internal::PassageRecord;

bool same(const PassageRecord& a, const PassageRecord& b) {
  return a.path == b.path && a.ordinal == b.ordinal && a.start == b.start && a.end == b.end &&
         a.lang == b.lang && a.text == b.text;
}

}  // namespace

TEST_CASE("A passage record reads back as written", "[index]") {
  struct Row {
    PassageRecord record;
    const char* why;
  };
  const Row rows[] = {
      {{"corpus/ur.txt", 3, 1200, 1804, "ur", "اسماعیل انور پاشا"}, "an ordinary passage"},
      {{"", 1, 0, 0, "", ""}, "every field empty or zero"},
      {{"a/b.txt", 1, 3, 5, "en", std::string("x\0y", 3)}, "text with a NUL byte"},
      {{"dump.jsonl:id-7", 70000, 5000000000, 5000000600, "fa", "متن"},
       "offsets past 32 bits (a file over 4 GB)"},
      {{std::string(300, 'p'), 128, 127, 128, "fa", "t"}, "a long path; numbers at varint edges"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.why);
    const auto back = decode_passage(encode_passage(row.record));
    REQUIRE(back);
    CHECK(same(*back, row.record));
  }
}

TEST_CASE("Data that is not a passage record is refused", "[index]") {
  const std::string good = encode_passage({"corpus/fa.txt", 2, 10, 20, "fa", "text"});
  // Every cut inside the header (numbers, path, language) leaves no record.
  const std::size_t header = good.size() - 4;
  for (std::size_t n = 0; n < header; ++n) {
    CAPTURE(n);
    CHECK_FALSE(decode_passage(good.substr(0, n)));
  }
  struct Row {
    std::string data;
    const char* why;
  };
  const Row rows[] = {
      {std::string(11, '\xff'), "a number longer than 64 bits"},
      {encode_passage({"p", 1, 20, 10, "en", "t"}), "a byte range that ends before it starts"},
      {std::string("\x01\x00\x05\x7f", 4) + "short", "a path longer than what is left"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.why);
    CHECK_FALSE(decode_passage(row.data));
  }
}
