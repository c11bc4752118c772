// Parses the query language into items: words, "phrases", =exact words, OR, NOT/-, and the
// lang: and doc: filters. It never fails on odd input: it repairs what it can and says so in
// `notices`; UsageError is thrown only for what it cannot repair (an unknown filter value).
#ifndef TALASH_QUERY_QUERY_PARSER_H_
#define TALASH_QUERY_QUERY_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

namespace talash::internal {

struct QueryItem {
  // The text as written, without quotes, '=' or '-'.
  std::string text;
  // A quoted phrase: its words must stand together, in order, spelled as given.
  bool phrase = false;
  // No stems, no transliteration (a phrase, or =word).
  bool exact = false;
};

struct ParsedQuery {
  // Every group must match; within a group, any item (items joined by OR).
  std::vector<std::vector<QueryItem>> groups;
  // No result may match any of these.
  std::vector<QueryItem> excluded;
  // lang: filter ("ur", "fa", "en"), empty for none.
  std::string lang;
  // doc: filters (globs over the document path); a result must match one of them.
  std::vector<std::string> doc_patterns;
  // One line for each repair made to the query (unbalanced quote, lone operator, ...).
  std::vector<std::string> notices;
};

// Queries longer than this are cut (with a notice).
inline constexpr std::size_t kMaxQueryBytes = 1000;

// Throws talash::UsageError for an unknown filter (word:...), an unknown lang: value or an empty
// doc: pattern.
ParsedQuery parse_query(std::string_view text);

}  // namespace talash::internal

#endif  // TALASH_QUERY_QUERY_PARSER_H_
