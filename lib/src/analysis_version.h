// The version of the analysis chain. Bump it in the same commit as any change that can turn a word
// into different terms or keys (folding tables, tokenizer splits, stemmers, key rules), or that
// changes what a passage stores (term_schema.h): an index built by another version is then refused
// with a request to re-index.
#ifndef TALASH_ANALYSIS_VERSION_H_
#define TALASH_ANALYSIS_VERSION_H_

namespace talash::internal {

inline constexpr const char* kAnalysisVersion = "14";

}  // namespace talash::internal

#endif  // TALASH_ANALYSIS_VERSION_H_
