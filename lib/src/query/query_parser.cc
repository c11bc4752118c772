#include "query/query_parser.h"

#include <algorithm>

#include "analysis/utf.h"

#include <talash/error.h>

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
  return s;
}

}  // namespace

ParsedQuery parse_query(std::string_view raw) {
  ParsedQuery q;
  std::string text = clean(raw, q.notices);
  // Every word costs a lookup of its spellings; a pasted page is not a query.
  if (text.size() > kMaxQueryBytes) {
    std::size_t cut = kMaxQueryBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    text.resize(cut);
    q.notices.push_back("the query is longer than " + std::to_string(kMaxQueryBytes) +
                        " bytes; only its beginning was used");
  }
  // Parentheses are not supported yet: they are read as spaces, and said so.
  if (text.find_first_of("()") != std::string::npos) {
    for (char& c : text) {
      if (c == '(' || c == ')') {
        c = ' ';
      }
    }
    q.notices.emplace_back("parentheses are not supported yet and were ignored");
  }
  bool pending_or = false;
  bool pending_not = false;
  auto add = [&](QueryItem item, bool negated) {
    if (negated || pending_not) {
      q.excluded.push_back(std::move(item));
      pending_not = false;
      pending_or = false;
      return;
    }
    if (pending_or && !q.groups.empty()) {
      q.groups.back().push_back(std::move(item));
    } else {
      q.groups.push_back({std::move(item)});
    }
    pending_or = false;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      ++i;
      continue;
    }
    bool negated = false;
    if (text[i] == '-' && i + 1 < text.size() && !is_space(text[i + 1])) {
      negated = true;
      ++i;
    }
    if (text[i] == '"') {
      std::size_t close = text.find('"', i + 1);
      if (close == std::string::npos) {
        q.notices.emplace_back("unbalanced quote: the phrase runs to the end of the query");
        close = text.size();
      }
      add({text.substr(i + 1, close - i - 1), true, true}, negated);
      i = close + 1;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end]) && text[end] != '"') {
      ++end;
    }
    const std::string word = text.substr(i, end - i);
    i = end;
    if (!negated && word == "OR") {
      if (q.groups.empty() || pending_or) {
        q.notices.emplace_back("OR without a word before it was ignored");
      } else {
        pending_or = true;
      }
      continue;
    }
    if (!negated && (word == "NOT")) {
      pending_not = true;
      continue;
    }
    if (!negated && word == "AND") {
      continue;  // words are ANDed anyway
    }
    if (word.starts_with("lang:")) {
      const std::string lang = word.substr(5);
      if (lang != "ur" && lang != "fa" && lang != "en") {
        throw UsageError("unknown language in '" + word + "': use lang:ur, lang:fa or lang:en");
      }
      q.lang = lang;
      continue;
    }
    if (word.starts_with("doc:")) {
      if (word.size() == 4) {
        throw UsageError("doc: needs a file pattern, e.g. doc:*.txt");
      }
      q.doc_patterns.push_back(word.substr(4));
      continue;
    }
    if (const std::size_t colon = word.find(':');
        colon != std::string::npos && colon > 0 && colon + 1 < word.size() &&
        std::all_of(word.begin(), word.begin() + static_cast<long>(colon),
                    [](char c) { return c >= 'a' && c <= 'z'; })) {
      throw UsageError("unknown filter '" + word.substr(0, colon + 1) +
                       "': the filters are lang: and doc:");
    }
    if (word.size() > 1 && word[0] == '=') {
      add({word.substr(1), false, true}, negated);
      continue;
    }
    add({word, false, false}, negated);
  }
  if (pending_or) {
    q.notices.emplace_back("OR at the end of the query was ignored");
  }
  if (pending_not) {
    q.notices.emplace_back("NOT at the end of the query was ignored");
  }
  return q;
}

}  // namespace talash::internal
