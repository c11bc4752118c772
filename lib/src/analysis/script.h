// Which script a character belongs to, as far as analysis cares, and language detection.
#ifndef TALASH_ANALYSIS_SCRIPT_H_
#define TALASH_ANALYSIS_SCRIPT_H_

#include <unicode/umachine.h>

#include <string>
#include <string_view>

namespace talash::internal {

enum class Script { kOther, kLatin, kArabic };

// Script of a letter; marks, digits and punctuation are kOther.
Script letter_script(UChar32 c);

// Script of the first letter of `s` (UTF-16); kOther when it has none.
Script first_letter_script(std::u16string_view s);

// True for an Arabic-script letter (any of Arabic, Persian, Urdu).
bool is_arabic_letter(UChar32 c);

// True for letters only Urdu uses among the languages we handle (ے ں ٹ ڈ ڑ ھ ہ).
bool is_urdu_letter(UChar32 c);

// "ur", "fa", "en" or "" (see talash::Analyzer::detect_language).
std::string detect_language(std::string_view utf8);

// What may not stand at the edge of a word's span or term: punctuation (ICU keeps it between two
// letters, as in U.S.A) and invisible format characters (BOM, ZWJ, ZWNJ).
bool is_edge_junk(UChar32 c);

// A combining mark (general category M): it belongs to the character before it.
bool is_mark(UChar32 c);

}  // namespace talash::internal

#endif  // TALASH_ANALYSIS_SCRIPT_H_
