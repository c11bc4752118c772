// Name equivalences a user supplies: spellings that name one person or place though no
// transliteration leads from one to the other (exonyms: Joseph and یوسف, Egypt and مصر, Jesus and
// عیسی). A search given groups of them (SearchOptions::names) finds each spelling of a group when
// the query has another, ranked as a close transliteration: after the query's own spelling and
// stems, beside the closest transliterations.
//
// A names file is UTF-8 text, one group per line, its spellings separated by commas, each one word
// in any script (Joseph, Yusuf, یوسف). A # starts a comment, to the end of the line; blank lines
// are skipped. Spellings are compared after the analysis chain's normalization (case, diacritics,
// letter variants), so one spelling stands for all that normalize alike.
#ifndef TALASH_NAMES_H_
#define TALASH_NAMES_H_

#include <talash/export.h>

#include <string>
#include <string_view>
#include <vector>

namespace talash {

// Groups of spellings of one name each, as read from a names file.
using NameGroups = std::vector<std::vector<std::string>>;

// Reads the names file at `path`. Throws IoError if it cannot be read, and UsageError naming the
// file and line ("names.txt:3: ...") for a line that is not valid UTF-8, has fewer than two
// spellings, or has a spelling that is not one word.
TALASH_EXPORT NameGroups read_name_groups(const std::string& path);

// Parses the text of a names file; `source` names it in error messages (as read_name_groups
// does with the path).
TALASH_EXPORT NameGroups parse_name_groups(std::string_view text, const std::string& source);

}  // namespace talash

#endif  // TALASH_NAMES_H_
