// Parses the query language into a tree: words, "phrases", =exact words, implicit AND, OR, NOT or
// -word, parentheses, NEAR (a NEAR b, NEAR/n for a window of n words), and the lang: and doc:
// filters. It never fails on odd input it can repair (unbalanced quotes or parentheses, lone
// operators, control characters, invalid UTF-8, over-long text), and says so in `notices`;
// UsageError is thrown only for what it cannot repair.
#ifndef TALASH_QUERY_QUERY_PARSER_H_
#define TALASH_QUERY_QUERY_PARSER_H_

#include <talash/error.h>

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

struct QueryNode {
  enum class Kind { kItem, kAnd, kOr, kNot, kNear };
  Kind kind = Kind::kAnd;
  QueryItem item;                   // kItem
  std::vector<QueryNode> children;  // kAnd, kOr, kNear (items), kNot (one)
  unsigned window = 10;             // kNear: the words stand within this many positions
  // Where the node was written, in bytes of ParsedQuery::source (kItem and kNot only; 0 and 0
  // for every node of a query built in code).
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct ParsedQuery {
  // Never a bare kNot: a query must find something before it can exclude.
  QueryNode root;
  // lang: filter ("ur", "fa", "en"), empty for none.
  std::string lang;
  // doc: filters (globs over the document path); a result must match one of them.
  std::vector<std::string> doc_patterns;
  // One line for each repair made to the query.
  std::vector<std::string> notices;
  // The text the nodes' spans point into (the query as read: invalid bytes replaced, controls
  // read as spaces, cut to kMaxQueryBytes); empty for a query built in code, which has none.
  std::string source;
};

// A QueryError for the bytes [begin, end) of q.source, its position in code points; without a
// position if q has no source.
QueryError query_error(const ParsedQuery& q, const std::string& message, std::size_t begin,
                       std::size_t end);
// The same for a node of q.
QueryError query_error(const ParsedQuery& q, const std::string& message, const QueryNode& node);

// Queries longer than this are cut (with a notice).
inline constexpr std::size_t kMaxQueryBytes = 1000;

// The largest n of NEAR/n: a larger one, or 0, is brought within range with a notice.
inline constexpr unsigned kMaxNearWindow = 100;

// Throws talash::QueryError, with the part at fault, for an unknown filter (word:...), an unknown
// lang: value, an empty doc: pattern, or a query that only excludes.
ParsedQuery parse_query(std::string_view text);

}  // namespace talash::internal

#endif  // TALASH_QUERY_QUERY_PARSER_H_
