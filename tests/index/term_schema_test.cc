#include "index/term_schema.h"

#include <catch2/catch.hpp>

#include <string>

namespace schema = talash::internal::schema;

TEST_CASE("A long path's file term is cut, and kept apart from its namesakes by a hash",
          "[index]") {
  const std::string head(300, 'p');
  const std::string a = schema::file_term(head + "a");
  const std::string b = schema::file_term(head + "b");
  CHECK(a.size() <= schema::kMaxTermBytes);
  CHECK(a != b);
  CHECK(schema::file_term("corpus/ur.txt") == "XFcorpus/ur.txt");
  // The hash is FNV-1a 64 (stable across compilers and library versions, as a stored term must
  // be); the value was computed apart from this code.
  CHECK(schema::file_term(std::string(300, 'a')) ==
        "XF" + std::string(200, 'a') + "#17183229204152548897");
}
