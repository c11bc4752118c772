#include "query/name_groups.h"

#include "analysis/utf.h"

#include <talash/error.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace talash {
namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\f\v");
  if (first == std::string_view::npos) {
    return {};
  }
  return s.substr(first, s.find_last_not_of(" \t\r\f\v") - first + 1);
}

}  // namespace

NameGroups parse_name_groups(std::string_view text, const std::string& source) {
  const internal::TextAnalyzer analyzer;
  NameGroups groups;
  std::size_t number = 0;
  while (!text.empty()) {
    ++number;
    const std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    const std::string where = source + ":" + std::to_string(number) + ": ";
    if (internal::sanitize_utf8(line) != line) {
      throw UsageError(where + "not valid UTF-8");
    }
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) {
      continue;
    }
    std::vector<std::string> group;
    for (std::size_t start = 0; start <= line.size();) {
      const std::size_t comma = std::min(line.find(',', start), line.size());
      const std::string_view spelling = trim(line.substr(start, comma - start));
      start = comma + 1;
      if (spelling.empty()) {
        continue;
      }
      const std::string s(spelling);
      if (analyzer.analyze(s, "").size() != 1) {
        throw UsageError(where + "\"" + s.substr(0, 60) +
                         "\" is not one word; a group lists one-word spellings, separated by "
                         "commas");
      }
      group.push_back(s);
    }
    if (group.size() < 2) {
      throw UsageError(where +
                       "a group needs two spellings or more, separated by commas (Joseph, یوسف)");
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

NameGroups read_name_groups(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw IoError("cannot read the names file " + path);
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    throw IoError("cannot read the names file " + path);
  }
  return parse_name_groups(text.str(), path);
}

namespace internal {

NameIndex::NameIndex(const NameGroups& groups, const TextAnalyzer& analyzer) {
  for (const std::vector<std::string>& group : groups) {
    std::vector<std::string> terms;
    for (const std::string& spelling : group) {
      const std::vector<Word> words = analyzer.analyze(spelling, "");
      if (words.size() == 1 &&
          std::find(terms.begin(), terms.end(), words.front().term) == terms.end()) {
        terms.push_back(words.front().term);
      }
    }
    for (const std::string& term : terms) {
      std::vector<std::string>& out = equivalents_[term];
      for (const std::string& other : terms) {
        if (other != term && std::find(out.begin(), out.end(), other) == out.end()) {
          out.push_back(other);
        }
      }
    }
  }
}

const std::vector<std::string>& NameIndex::equivalents(const std::string& term) const {
  static const std::vector<std::string> none;
  const auto it = equivalents_.find(term);
  return it == equivalents_.end() ? none : it->second;
}

}  // namespace internal
}  // namespace talash
