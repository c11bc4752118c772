// Query: a search request, parsed from the query language or built in code, that a Searcher runs.
//
// Parsing never throws: a query the language cannot express (an unknown filter, a query that only
// excludes) is a Query whose ok() is false and whose error() says why, as re2 reports a bad
// pattern, and error_position() where. Repairs made to odd input (an unbalanced quote, control
// characters) are listed in notices(). Built queries combine words, phrases and other queries
// without any syntax, so a program never has to quote user text.
//
// Thread-safety: a Query is immutable once made; copies share their state, and one Query may be
// used by several threads and Searchers at once.
#ifndef TALASH_QUERY_H_
#define TALASH_QUERY_H_

#include <talash/export.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace talash {

class Searcher;

class TALASH_EXPORT Query {
 public:
  // Parses `text` in the query language (README "Query language"): words, "phrases", =word,
  // OR, NOT or -word, parentheses, NEAR and NEAR/n, lang: and doc: filters.
  explicit Query(std::string_view text);

  // A word matched as the default matching does: its spellings, stems, compounds and, for names,
  // its transliterations in the other script.
  static Query word(std::string_view word);
  // A word matched in its own spelling only (normalized, no stems, no transliteration): =word.
  static Query exact_word(std::string_view word);
  // Words that must stand together, in order, spelled as given: "a b".
  static Query phrase(std::string_view words);
  // Passages matching every one of `parts`. Not ok() if `parts` is empty or any part is not ok().
  static Query all_of(const std::vector<Query>& parts);
  // Passages matching any of `parts` (ranked by how many). Same conditions as all_of.
  static Query any_of(const std::vector<Query>& parts);
  // Passages where the words of `parts` (words or phrases only) stand within `window` words of
  // each other. Not ok() for fewer than two parts or parts that are not words or phrases.
  static Query near(const std::vector<Query>& parts, unsigned window = 10);
  // Passages matching this query and not `excluded`.
  Query but_not(const Query& excluded) const;
  // Passages of one language only: "ur", "fa" or "en"; not ok() for any other value.
  Query in_language(std::string_view lang) const;

  // True if the query can be run; false if it could not be parsed or built.
  bool ok() const;
  // Why the query is not ok(); empty if it is.
  const std::string& error() const;
  // Where in text() the error lies, as QueryError::position() counts (code points from 0), and
  // how many code points it spans; nullopt and 0 if the query is ok() or was built in code.
  std::optional<std::size_t> error_position() const;
  std::size_t error_length() const;
  // One line for each repair made to the text while parsing (empty for built queries).
  const std::vector<std::string>& notices() const;
  // The text the query was parsed from, or a rendering of a built query in the query language.
  const std::string& text() const;

  struct Impl;

 private:
  friend class Searcher;
  explicit Query(std::shared_ptr<const Impl> impl);
  static std::vector<const Impl*> impls_of(const std::vector<Query>& parts);
  std::shared_ptr<const Impl> impl_;
};

}  // namespace talash

#endif  // TALASH_QUERY_H_
