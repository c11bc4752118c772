#include "index/term_schema.h"

#include "analysis_version.h"

#include <talash/error.h>
#include <talash/index_writer.h>

#include <charconv>
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
  // A long path keeps its readable head and gets a hash of the whole for uniqueness.
  term.append(path.substr(0, 200));
  term.append("#");
  term.append(std::to_string(stable_hash(path)));
  return term;
}

}  // namespace

std::uint64_t stable_hash(std::string_view s) {
  ContentHasher h;
  h.add(s);
  return h.value();
}

std::string path_key(std::string_view path) {
  std::uint64_t h = stable_hash(path);
  std::string key(8, '\0');
  for (int i = 7; i >= 0; --i) {
    key[i] = static_cast<char>(h & 0xFF);
    h >>= 8;
  }
  return key;
}

std::string file_term(std::string_view path) { return std::string(kFilePrefix) + path_key(path); }

std::string source_term(std::string_view source) { return bounded(kSourcePrefix, source); }

std::array<std::string, 2> source_terms(std::string_view source) {
  return {source_term(source), file_term(source)};
}

std::string stamp_key(std::string_view source) { return bounded(kStampPrefix, source); }

std::string dictionary_key(std::uint32_t id) {
  return std::string(kDictionaryPrefix) + std::to_string(id);
}

std::string key_entry(std::string_view key) { return "K:" + std::string(key); }

std::string case_key(std::string_view term) { return bounded("C:", term); }

std::string encode_committed(std::int64_t seconds) { return std::to_string(seconds); }

std::optional<std::int64_t> decode_committed(std::string_view value) {
  std::int64_t seconds = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
    return std::nullopt;
  }
  return seconds;
}

std::string encode_case_counts(CaseCounts c) {
  return std::to_string(c.proper) + " " + std::to_string(c.lower);
}

std::optional<CaseCounts> decode_case_counts(const std::string& value) {
  const std::size_t space = value.find(' ');
  if (space == std::string::npos) {
    return std::nullopt;
  }
  try {
    return CaseCounts{std::stoull(value.substr(0, space)), std::stoull(value.substr(space + 1))};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void require_analysis_version(const Xapian::Database& db, const std::string& context) {
  const std::string built = db.get_metadata(kMetaAnalysisVersion);
  if (db.get_doccount() > 0 && built != internal::kAnalysisVersion) {
    throw VersionMismatchError(context + ": it was built by analysis version " +
                               (built.empty() ? "unknown" : built) + ", this talash uses version " +
                               internal::kAnalysisVersion +
                               "; re-index with talash-index --rebuild");
  }
}

}  // namespace talash::internal::schema
