#include "query/query_parser.h"

#include "analysis/utf.h"

#include <talash/error.h>

#include <algorithm>
#include <charconv>
#include <optional>

namespace talash::internal {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Control characters cannot be part of a word; they are read as spaces.
std::string clean(std::string_view text, std::vector<std::string>& notices) {
  std::string s = sanitize_utf8(text);
  if (s != text) {
    notices.emplace_back("the query is not valid UTF-8; invalid bytes were replaced");
  }
  bool controls = false;
  for (char& c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && !is_space(c)) || u == 0x7F) {
      c = ' ';
      controls = true;
    }
  }
  if (controls) {
    notices.emplace_back("control characters in the query were read as spaces");
  }
  if (s.size() > kMaxQueryBytes) {
    std::size_t cut = kMaxQueryBytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    s.resize(cut);
    notices.push_back("the query is longer than " + std::to_string(kMaxQueryBytes) +
                      " bytes; only its beginning was used");
  }
  return s;
}

struct Token {
  enum class Kind { kWord, kPhrase, kOpen, kClose, kOr, kAnd, kNot, kNear, kMinus };
  Kind kind;
  std::string text;
  unsigned window = 10;
  // The bytes of the query the token was read from.
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The n of NEAR/n (digits only, as the lexer checked), kept within 1..kMaxNearWindow: a number
// too large for any integer type is as much a typo as 101, and both say so.
unsigned near_window(std::string_view word, std::vector<std::string>& notices) {
  constexpr unsigned kDefault = 10;
  if (word.size() <= 5) {
    return kDefault;
  }
  const std::string_view digits = word.substr(5);
  unsigned long n = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec == std::errc() && n >= 1 && n <= kMaxNearWindow) {
    return static_cast<unsigned>(n);
  }
  const unsigned used = ec == std::errc() && n == 0 ? 1 : kMaxNearWindow;
  notices.push_back(std::string(word) + " asks for a distance outside 1 to " +
                    std::to_string(kMaxNearWindow) + " words; it was read as NEAR/" +
                    std::to_string(used));
  return used;
}

std::vector<Token> lex(const std::string& text, std::vector<std::string>& notices) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const std::size_t start = i;
    const std::size_t before = out.size();
    if (is_space(c)) {
      ++i;
    } else if (c == '(' || c == ')') {
      out.push_back({c == '(' ? Token::Kind::kOpen : Token::Kind::kClose, {}});
      ++i;
    } else if (c == '-' && i + 1 < text.size() && !is_space(text[i + 1])) {
      out.push_back({Token::Kind::kMinus, {}});
      ++i;
    } else if (c == '"') {
      std::size_t close = text.find('"', i + 1);
      if (close == std::string::npos) {
        notices.emplace_back("unbalanced quote: the phrase runs to the end of the query");
        close = text.size();
      }
      out.push_back({Token::Kind::kPhrase, text.substr(i + 1, close - i - 1)});
      i = close + 1;
    } else {
      std::size_t end = i;
      while (end < text.size() && !is_space(text[end]) && text[end] != '"' && text[end] != '(' &&
             text[end] != ')') {
        ++end;
      }
      std::string word = text.substr(i, end - i);
      i = end;
      if (word == "OR") {
        out.push_back({Token::Kind::kOr, {}});
      } else if (word == "AND") {
        out.push_back({Token::Kind::kAnd, {}});
      } else if (word == "NOT") {
        out.push_back({Token::Kind::kNot, {}});
      } else if (word == "NEAR" || (word.starts_with("NEAR/") && word.size() > 5 &&
                                    std::all_of(word.begin() + 5, word.end(), ::isdigit))) {
        out.push_back({Token::Kind::kNear, {}, near_window(word, notices)});
      } else {
        out.push_back({Token::Kind::kWord, std::move(word)});
      }
    }
    if (out.size() > before) {
      out.back().begin = start;
      out.back().end = std::min(i, text.size());
    }
  }
  return out;
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, ParsedQuery& q) : tokens_(std::move(tokens)), q_(q) {}

  QueryNode parse() {
    QueryNode root = parse_or();
    while (pos_ < tokens_.size()) {  // a ')' with no '(' before it
      q_.notices.emplace_back("a ')' without its '(' was ignored");
      ++pos_;
      QueryNode more = parse_or();
      root = join(QueryNode::Kind::kAnd, std::move(root), std::move(more));
    }
    return root;
  }

 private:
  bool at(Token::Kind k) const { return pos_ < tokens_.size() && tokens_[pos_].kind == k; }

  static QueryNode join(QueryNode::Kind kind, QueryNode a, QueryNode b) {
    QueryNode n;
    n.kind = kind;
    for (QueryNode* x : {&a, &b}) {
      if (x->kind == kind) {
        for (QueryNode& c : x->children) {
          n.children.push_back(std::move(c));
        }
      } else if (!(x->kind == QueryNode::Kind::kAnd && x->children.empty())) {
        n.children.push_back(std::move(*x));
      }
    }
    return n;
  }

  QueryNode parse_or() {
    QueryNode left = parse_and();
    while (at(Token::Kind::kOr)) {
      ++pos_;
      QueryNode right = parse_and();
      if (left.kind == QueryNode::Kind::kAnd && left.children.empty()) {
        q_.notices.emplace_back("OR without a word before it was ignored");
        left = std::move(right);
      } else if (right.kind == QueryNode::Kind::kAnd && right.children.empty()) {
        q_.notices.emplace_back("OR without a word after it was ignored");
      } else {
        left = join(QueryNode::Kind::kOr, std::move(left), std::move(right));
      }
    }
    return left;
  }

  QueryNode parse_and() {
    QueryNode n;
    n.kind = QueryNode::Kind::kAnd;
    while (pos_ < tokens_.size() && !at(Token::Kind::kOr) && !at(Token::Kind::kClose)) {
      if (at(Token::Kind::kAnd)) {
        ++pos_;
        continue;  // words are ANDed anyway
      }
      std::optional<QueryNode> u = parse_unary();
      if (u) {
        n.children.push_back(std::move(*u));
      }
    }
    return n.children.size() == 1 ? std::move(n.children.front()) : n;
  }

  std::optional<QueryNode> parse_unary() {
    if (at(Token::Kind::kNot) || at(Token::Kind::kMinus)) {
      const bool is_not = at(Token::Kind::kNot);
      const std::size_t begin = tokens_[pos_].begin;
      ++pos_;
      std::optional<QueryNode> operand = parse_unary();
      if (!operand) {
        q_.notices.emplace_back(is_not ? "NOT at the end of the query was ignored"
                                       : "a '-' with nothing after it was ignored");
        return std::nullopt;
      }
      QueryNode n;
      n.kind = QueryNode::Kind::kNot;
      n.begin = begin;
      n.end = tokens_[pos_ - 1].end;
      n.children.push_back(std::move(*operand));
      return n;
    }
    std::optional<QueryNode> left = parse_primary();
    while (left && at(Token::Kind::kNear)) {
      const unsigned window = tokens_[pos_].window;
      ++pos_;
      std::optional<QueryNode> right = parse_primary();
      if (!right || left->kind != QueryNode::Kind::kItem || left->item.phrase ||
          right->kind != QueryNode::Kind::kItem || right->item.phrase) {
        if (!(left->kind == QueryNode::Kind::kNear && right &&
              right->kind == QueryNode::Kind::kItem && !right->item.phrase)) {
          q_.notices.emplace_back("NEAR joins single words; it was read as AND");
          if (right) {
            left = join(QueryNode::Kind::kAnd, std::move(*left), std::move(*right));
          }
          continue;
        }
      }
      if (left->kind == QueryNode::Kind::kNear) {
        left->children.push_back(std::move(*right));
        left->window = std::max(left->window, window);
      } else {
        QueryNode n;
        n.kind = QueryNode::Kind::kNear;
        n.window = window;
        n.children.push_back(std::move(*left));
        n.children.push_back(std::move(*right));
        left = std::move(n);
      }
    }
    return left;
  }

  std::optional<QueryNode> parse_primary() {
    if (pos_ >= tokens_.size()) {
      return std::nullopt;
    }
    const Token& t = tokens_[pos_];
    switch (t.kind) {
      case Token::Kind::kOpen: {
        ++pos_;
        QueryNode inner = parse_or();
        if (at(Token::Kind::kClose)) {
          ++pos_;
        } else {
          q_.notices.emplace_back("a '(' without its ')' was closed at the end of the query");
        }
        if (inner.kind == QueryNode::Kind::kAnd && inner.children.empty()) {
          return std::nullopt;
        }
        return inner;
      }
      case Token::Kind::kPhrase: {
        ++pos_;
        QueryNode n;
        n.kind = QueryNode::Kind::kItem;
        n.item = {t.text, true, true};
        n.begin = t.begin;
        n.end = t.end;
        return n;
      }
      case Token::Kind::kWord: {
        ++pos_;
        return word(t);
      }
      case Token::Kind::kNear:
        ++pos_;
        q_.notices.emplace_back("NEAR without a word before it was ignored");
        return parse_primary();
      default:
        return std::nullopt;
    }
  }

  // A word, or a filter (which is no node of the tree).
  std::optional<QueryNode> word(const Token& t) {
    const std::string& w = t.text;
    if (w.starts_with("lang:")) {
      const std::string lang = w.substr(5);
      if (lang != "ur" && lang != "fa" && lang != "en") {
        throw query_error(q_, "unknown language in '" + w + "': use lang:ur, lang:fa or lang:en",
                          lang.empty() ? t.begin : t.begin + 5, t.end);
      }
      q_.lang = lang;
      return parse_primary_after_filter();
    }
    if (w.starts_with("doc:")) {
      if (w.size() == 4) {
        throw query_error(q_, "doc: needs a file pattern, e.g. doc:*.txt", t.begin, t.end);
      }
      q_.doc_patterns.push_back(w.substr(4));
      return parse_primary_after_filter();
    }
    if (const std::size_t colon = w.find(':');
        colon != std::string::npos && colon > 0 && colon + 1 < w.size() &&
        std::all_of(w.begin(), w.begin() + static_cast<long>(colon),
                    [](char c) { return c >= 'a' && c <= 'z'; })) {
      throw query_error(
          q_, "unknown filter '" + w.substr(0, colon + 1) + "': the filters are lang: and doc:",
          t.begin, t.begin + colon + 1);
    }
    QueryNode n;
    n.kind = QueryNode::Kind::kItem;
    if (w.size() > 1 && w[0] == '=') {
      n.item = {w.substr(1), false, true};
    } else {
      n.item = {w, false, false};
    }
    n.begin = t.begin;
    n.end = t.end;
    return n;
  }

  // Filters stand anywhere; the primary they sit in the place of is the next one, if any.
  std::optional<QueryNode> parse_primary_after_filter() {
    if (pos_ < tokens_.size() &&
        (at(Token::Kind::kWord) || at(Token::Kind::kPhrase) || at(Token::Kind::kOpen))) {
      return parse_primary();
    }
    return std::nullopt;
  }

  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  ParsedQuery& q_;
};

// The first exclusion of a query that only excludes, to point at.
const QueryNode& first_exclusion(const QueryNode& n) {
  return n.kind == QueryNode::Kind::kNot ? n : first_exclusion(n.children.front());
}

bool only_excludes(const QueryNode& n) {
  if (n.kind == QueryNode::Kind::kNot) {
    return true;
  }
  if (n.kind == QueryNode::Kind::kAnd) {
    return !n.children.empty() && std::all_of(n.children.begin(), n.children.end(), only_excludes);
  }
  return false;
}

}  // namespace

QueryError query_error(const ParsedQuery& q, const std::string& message, std::size_t begin,
                       std::size_t end) {
  if (q.source.empty() || begin >= end || end > q.source.size()) {
    return QueryError(message);
  }
  const std::string_view s = q.source;
  return {message, code_points(s.substr(0, begin)), code_points(s.substr(begin, end - begin))};
}

QueryError query_error(const ParsedQuery& q, const std::string& message, const QueryNode& node) {
  return query_error(q, message, node.begin, node.end);
}

ParsedQuery parse_query(std::string_view raw) {
  ParsedQuery q;
  q.source = clean(raw, q.notices);
  Parser parser(lex(q.source, q.notices), q);
  q.root = parser.parse();
  if (only_excludes(q.root)) {
    throw query_error(q, "the query only excludes words; give a word to search for too",
                      first_exclusion(q.root));
  }
  return q;
}

}  // namespace talash::internal
