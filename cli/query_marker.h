// Shows a person where in a query an error lies, under the message as compilers do. A caret line
// is right only where each code point takes one column in reading order, so a query with
// right-to-left or wide text gets the part at fault quoted instead.
#ifndef TALASH_CLI_QUERY_MARKER_H_
#define TALASH_CLI_QUERY_MARKER_H_

#include <cstddef>
#include <string>
#include <vector>

namespace talash::cli {

// The lines that mark code points [position, position + length) of `query`, without prefix or
// newline: the query and a line of carets under the part, or one line "at character N: «part»"
// (counting from 1). Empty if the span lies outside the query. A length of 0 marks one character.
std::vector<std::string> mark_in_query(const std::string& query, std::size_t position,
                                       std::size_t length);

}  // namespace talash::cli

#endif  // TALASH_CLI_QUERY_MARKER_H_
