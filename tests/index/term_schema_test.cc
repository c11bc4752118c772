#include "index/term_schema.h"

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
