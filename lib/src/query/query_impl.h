// What a talash::Query holds: its parsed form, or why it has none.
#ifndef TALASH_QUERY_QUERY_IMPL_H_
#define TALASH_QUERY_QUERY_IMPL_H_

#include "query/query_parser.h"

#include <talash/query.h>

#include <cstddef>
#include <optional>
#include <string>

namespace talash {

struct Query::Impl {
  internal::ParsedQuery parsed;
  std::string error;
  // Where in text the error lies, in code points (talash::QueryError); none for built queries.
  std::optional<std::size_t> error_position;
  std::size_t error_length = 0;
  std::string text;
};

}  // namespace talash

#endif  // TALASH_QUERY_QUERY_IMPL_H_
