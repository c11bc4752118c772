#include "index/term_schema.h"

#include <talash/index_writer.h>

#include <catch2/catch.hpp>

#include <string>

namespace schema = talash::internal::schema;

TEST_CASE("A path's file term and key are its hash, 8 bytes, the same for any length of path",
          "[index]") {
  const std::string head(300, 'p');
  const std::string a = schema::file_term(head + "a");
  CHECK(a.size() == 10);
  CHECK(a != schema::file_term(head + "b"));
  CHECK(a == schema::file_term(head + "a"));
  CHECK(schema::path_key(head + "a") == a.substr(2));
  // The hash is FNV-1a 64 (stable across compilers and library versions, as a stored term must
  // be), big-endian; the value was computed apart from this code.
  CHECK(schema::file_term(std::string(300, 'a')) ==
        std::string("XF\xee\x77\x17\xeb\xa7\xa1\x7e\x21", 10));
}

TEST_CASE("A long source's term is cut, and kept apart from its namesakes by a hash", "[index]") {
  const std::string head(300, 'p');
  const std::string a = schema::source_term(head + "a");
  CHECK(a.size() <= schema::kMaxTermBytes);
  CHECK(a != schema::source_term(head + "b"));
  CHECK(schema::source_term("dump.jsonl") == "XSdump.jsonl");
  CHECK(schema::source_term(std::string(300, 'a')) ==
        "XS" + std::string(200, 'a') + "#17183229204152548897");
}

TEST_CASE("The content hash is FNV-1a 64, in pieces or whole", "[index]") {
  struct Row {
    const char* text;
    std::uint64_t hash;
    const char* why;
  };
  // Published FNV-1a test vectors (computed apart from this code). A wrong offset basis (one
  // digit short, as talash-index once had) fails every row.
  const Row rows[] = {
      {"", 0xcbf29ce484222325ULL, "nothing hashed: the offset basis"},
      {"a", 0xaf63dc4c8601ec8cULL, "one byte"},
      {"foobar", 0x85944171f73967e8ULL, "several bytes"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.text, row.why);
    talash::ContentHasher whole;
    whole.add(row.text);
    CHECK(whole.value() == row.hash);
    CHECK(schema::stable_hash(row.text) == row.hash);
    talash::ContentHasher pieces;
    const std::string_view s(row.text);
    for (std::size_t i = 0; i < s.size(); ++i) {
      pieces.add(s.substr(i, 1));
    }
    CHECK(pieces.value() == row.hash);
  }
}

TEST_CASE("A commit time reads back only when it is a whole decimal number", "[index]") {
  CHECK(schema::decode_committed(schema::encode_committed(1764000000)) == 1764000000);
  CHECK(schema::decode_committed("-5") == -5);
  CHECK_FALSE(schema::decode_committed(""));
  CHECK_FALSE(schema::decode_committed("soon"));
  CHECK_FALSE(schema::decode_committed("12x"));
  CHECK_FALSE(schema::decode_committed("99999999999999999999999"));  // std::stoll threw here
}
