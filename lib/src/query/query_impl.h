// What a talash::Query holds: its parsed form, or why it has none.
#ifndef TALASH_QUERY_QUERY_IMPL_H_
#define TALASH_QUERY_QUERY_IMPL_H_

#include "query/query_parser.h"

#include <talash/query.h>

#include <string>

namespace talash {

struct Query::Impl {
  internal::ParsedQuery parsed;
  std::string error;
  std::string text;
};

}  // namespace talash

#endif  // TALASH_QUERY_QUERY_IMPL_H_
