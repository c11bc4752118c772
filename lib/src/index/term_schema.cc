#include "index/term_schema.h"

#include <cstdint>
#include <string>

namespace talash::internal::schema {

namespace {

// `prefix` + `name`, with a long name cut and given a hash of the whole, to fit in a term.
std::string bounded(std::string_view prefix, std::string_view path) {
  std::string term(prefix);
  if (path.size() + term.size() <= kMaxTermBytes) {
    return term.append(path);
  }
  // A long path keeps its readable head and gets a hash of the whole for uniqueness. std::hash is
  // not stable across library versions, so use FNV-1a.
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : path) {
    h = (h ^ c) * 1099511628211ULL;
  }
  term.append(path.substr(0, 200));
  term.append("#");
  term.append(std::to_string(h));
  return term;
}

}  // namespace

std::string file_term(std::string_view path) { return bounded(kFilePrefix, path); }

std::string source_term(std::string_view source) { return bounded(kSourcePrefix, source); }

std::string stamp_key(std::string_view source) { return bounded(kStampPrefix, source); }

std::string key_entry(std::string_view key) { return "K:" + std::string(key); }

std::string case_key(std::string_view term) { return bounded("C:", term); }

}  // namespace talash::internal::schema
