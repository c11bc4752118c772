// Version numbers of the library and of its analysis chain.
#ifndef TALASH_VERSION_H_
#define TALASH_VERSION_H_

#include <talash/export.h>

#include <string>

namespace talash {

// The library's release version, e.g. "0.1.0". Thread-safe.
TALASH_EXPORT std::string version();

// The version of the analysis chain (tokenization, folding, stemming, transliteration keys).
// It changes whenever a word could be turned into different terms than before; an index records the
// version it was built with, and a Searcher refuses an index built by another one. Thread-safe.
TALASH_EXPORT std::string analysis_version();

}  // namespace talash

#endif  // TALASH_VERSION_H_
