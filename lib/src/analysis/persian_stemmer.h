// A light Persian suffix stemmer of our own (spec 2.6): plural ها/های/ان, comparative تر/ترین,
// possessive clitics written with ZWNJ. It is deliberately timid: a stem must keep at least three
// letters (four for ان), so تنها, کرمان, دختر and گلستان stay whole.
#ifndef TALASH_ANALYSIS_PERSIAN_STEMMER_H_
#define TALASH_ANALYSIS_PERSIAN_STEMMER_H_

#include <string>
#include <string_view>

namespace talash::internal {

// Stems a folded Persian token that may still contain ZWNJ (the ZWNJ tells a suffix from a word
// that merely ends in the same letters). Returns the stem without ZWNJ.
std::u16string persian_stem(std::u16string_view folded);

// True when `part` (folded, no ZWNJ) is a pure affix: a part of a ZWNJ word that is no word on
// its own (می, ها, تر, clitic pronouns).
bool is_persian_affix(std::u16string_view part);

}  // namespace talash::internal

#endif  // TALASH_ANALYSIS_PERSIAN_STEMMER_H_
