// Transliteration keys: consonant skeletons under which Latin and Arabic-script spellings of one
// name meet (Enver = Anwar = انور -> "Anvr"; Pasha = Paşa = پاشا -> "bxE"). A key keeps consonant
// classes, marks an initial vowel with A and a final vowel with E, and drops other vowels, which
// Arabic script does not write. Letters that are either a vowel or a consonant (medial و, final و
// and ه) give alternative keys. Keys find candidates; phone_similarity() then scores them.
#ifndef TALASH_ANALYSIS_TRANSLIT_KEY_H_
#define TALASH_ANALYSIS_TRANSLIT_KEY_H_

#include "analysis/phones.h"
#include "analysis/script.h"

#include <string>
#include <string_view>
#include <vector>

namespace talash::internal {

// At most this many alternative keys per word.
inline constexpr std::size_t kMaxKeys = 16;

// A spelling of a word as phones, possibly without an affix that names commonly take (plural -s,
// ها, ان; -istan, ستان; the nisba ی), and how much a match through that form is worth (1 for the
// word itself).
struct PhoneVariant {
  std::vector<Phone> phones;
  double weight = 1.0;
};

// The word itself first, then its affix-stripped forms. `text` is the raw word for Latin (to keep
// ş, ç) and the folded main term for Arabic script.
std::vector<PhoneVariant> phone_variants(std::u16string_view text, Script script);

// phone_variants() of an Arabic-script word that is already folded (fold_token); the word itself
// read with `doubles` (kMerged, the index's reading, for keys), its affix-stripped forms merged.
std::vector<PhoneVariant> arabic_variants(std::u16string_view folded,
                                          Doubles doubles = Doubles::kMerged);

// Keys of a word as written (raw token text), over all its phone variants. Empty for words of
// other scripts or without consonants.
std::vector<std::string> transliteration_keys(std::u16string_view raw, Script script);

// Keys over the given phone variants (at most kMaxKeys).
std::vector<std::string> keys_of_variants(const std::vector<PhoneVariant>& variants);

struct VariantMatch {
  double similarity = 0;
  // The best pairing used an affix-stripped form (Turkmen ~ Turkmenistan).
  bool stripped = false;
};

// Similarity of two words given their phone variants: the best pairing, weighted. At most one of
// the two may be affix-stripped (بلوچ‌ها, Baluchs, is no spelling of Baluchistan), and
// neither when both are in Arabic script.
// unwritten_free as for phone_similarity(); floor too: a best similarity below it may come back
// as any value below it (with any `stripped`), one at or above it exactly.
VariantMatch variant_similarity(const std::vector<PhoneVariant>& a,
                                const std::vector<PhoneVariant>& b, bool unwritten_free = false,
                                double floor = 0);

// Keys from phones (exposed for joining the keys of two words into one).
std::vector<std::string> keys_from_phones(const std::vector<Phone>& phones);

// Phone variants of an indexed word given its folded spelling (UTF-8, ZWNJ kept; a main term
// works too), by the script of its first letter.
std::vector<PhoneVariant> term_variants(std::string_view spelling);

// The same, given the spelling decoded (UTF-16).
std::vector<PhoneVariant> term_variants(std::u16string_view spelling);

// Number of consonants in a key (its letters other than the A and E markers).
std::size_t key_consonants(std::string_view key);

}  // namespace talash::internal

#endif  // TALASH_ANALYSIS_TRANSLIT_KEY_H_
