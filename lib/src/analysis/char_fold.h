// Character folding of one token: stages A and C of the normalization spec (NFKC, case folding,
// deletion of diacritics and invisible characters, letter-variant folding, digits to ASCII). It
// does not depend on the language, so a word gets the same term in every document and in every
// query.
#ifndef TALASH_ANALYSIS_CHAR_FOLD_H_
#define TALASH_ANALYSIS_CHAR_FOLD_H_

#include <string>
#include <string_view>

namespace talash::internal {

inline constexpr char16_t kZwnj = 0x200C;

// Folds one token. ZWNJ survives only between two Arabic-script letters (runs collapsed to one);
// callers derive the joined main term by deleting it. Idempotent: fold(fold(x)) == fold(x).
// Latin diacritics are removed unless keep_latin_marks, which transliteration keys need (ş, ç).
std::u16string fold_token(std::u16string_view token, bool keep_latin_marks = false);

// fold_token without its shortcuts (for words of ASCII letters and digits, and of plain Arabic
// letters): the whole chain, which the tests hold the shortcuts to.
std::u16string fold_token_in_full(std::u16string_view token, bool keep_latin_marks = false);

// Returns `folded` without ZWNJ: the main term.
std::u16string join_zwnj(std::u16string_view folded);

}  // namespace talash::internal

#endif  // TALASH_ANALYSIS_CHAR_FOLD_H_
