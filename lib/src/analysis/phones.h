// A word as a sequence of phones: the common ground on which a Latin spelling and an Arabic-script
// spelling of a name can be compared. Latin words keep their written vowels; Arabic-script words
// have only long vowels (ا و ی), a carrier for an initial vowel (ا ع) and final ه, because short
// vowels are not written. Consonants are grouped into classes of letters that transliterations
// mix up (ک گ ق غ خ = k, g, q, kh, gh, x), with the exact letter kept for finer scoring.
#ifndef TALASH_ANALYSIS_PHONES_H_
#define TALASH_ANALYSIS_PHONES_H_

#include <string>
#include <string_view>
#include <vector>

namespace talash::internal {

enum class PhoneType : unsigned char {
  kConsonant,
  kShortVowel,  // a written Latin vowel: a e i o u
  kLongVowel,   // ا (a) ی (i) و (u): an Arabic-script vowel letter inside the word
  kCarrier,     // initial ا or ع: an initial vowel, or a glottal stop
  kFinalVowel,  // a word-final vowel letter (ا ه ی ے و), or a final Latin vowel
};

struct Phone {
  PhoneType type = PhoneType::kConsonant;
  // Consonant class (b t s z j c x k h d r f l m n v y) or vowel quality (a i u, e for Latin).
  char cls = 0;
  // The exact letter behind the class (e.g. 'q' for ق, 'x' for خ/kh), for finer scoring.
  char sub = 0;
  // Arabic-script و or ی inside a word: may be the consonant v/y as well as the vowel u/i.
  bool may_be_consonant = false;
  bool arabic = false;
  // An Urdu aspirated consonant, written with ھ after the letter (بھ, کھ): another sound than the
  // plain letter, to tell two Arabic-script spellings apart (بیگ is not بھیگ "wet"). For a Latin
  // consonant: written with an h (kh, th, sh), as romanizations write an aspirate (ٹھ th).
  bool aspirated = false;
};

// Whether `p` is Latin th, or ث: one letter that the consonant classes put in two (t and s, as
// th is read in English and as ث is in Persian), and that romanizations write th.
inline bool is_th_letter(const Phone& p) {
  return p.arabic ? p.cls == 's' && p.sub == 'c' : p.cls == 't' && p.sub == 'h';
}

// Whether `p` is Latin d, or ض: one letter that the consonant classes put in two (d and z: Arabic
// reads ض as an emphatic d, Persian and Urdu as z), and that romanizations of Arabic write d.
inline bool is_dad_letter(const Phone& p) {
  return p.arabic ? p.cls == 'z' && p.sub == 'D' : p.cls == 'd' && p.sub == 'd';
}

// For a letter of two classes (is_th_letter, is_dad_letter), its class in the other script's
// keys; 0 for any other letter.
inline char other_script_class(const Phone& p) {
  if (is_th_letter(p)) {
    return p.arabic ? 't' : 's';
  }
  if (is_dad_letter(p)) {
    return p.arabic ? 'd' : 'z';
  }
  return 0;
}

// How a consonant letter written twice in a row is read.
enum class Doubles : unsigned char {
  kMerged,  // one phone (الله, Allah): how the index keys words
  kKept,    // two phones (لینن, Lenin)
  // One phone inside the word, two at its start or end. Arabic script writes a doubled consonant
  // (gemination) as one letter; two letters in a row are two consonants, except where a prefix or
  // the article meets the stem inside a word (الله). A word cannot begin or end in such a join:
  // ممشاد is Mamshad, not Mashhad, and ببخارا "to Bukhara" is not Bukhara.
  kMergedInside,
};

// Phones of a word in Arabic script, given its folded spelling (UTF-16; a ZWNJ marks where a part
// ends, so خواجه‌یف has the vowel ه of خواجه). Urdu-only letters are mapped to their
// Persian counterparts (ٹ t, ڈ d, ڑ r, ں n, ے final i). Doubled letters are read as `doubles`
// says; only kMerged is the index's reading, the others are for scoring.
std::vector<Phone> arabic_phones(std::u16string_view folded, Doubles doubles = Doubles::kMerged);

// Phones of a Latin word as written (case and diacritics as given: ş ç ğ ı, x q oʻ gʻ, kh zh).
std::vector<Phone> latin_phones(std::u16string_view raw);

// Other readings of a Latin word than latin_phones(), for query words (the index keys words by
// latin_phones() alone): a digraph read as two letters (Ishaq as Is-haq: اسحاق), and an h after a
// digraph kept (Mashhad: مشهد, where latin_phones() reads the h as the digraph's doubling).
std::vector<std::vector<Phone>> latin_other_readings(std::u16string_view raw);

// How alike two spellings sound, in [0, 1]: 1 - (weighted edit distance / length). Unwritten
// short vowels cost little; a long vowel against the wrong Latin vowel costs more; a different
// consonant class costs a whole phone.
// unwritten_free: a written Latin short vowel costs nothing against no letter (the skeleton of
// the comparison: رستم and روستم are then alike for Rustam, کابل and قبول are not for Kabul).
// floor: a similarity below it is not wanted; the comparison may stop early and return 0 for it.
// A similarity at or above the floor is returned exactly.
double phone_similarity(const std::vector<Phone>& a, const std::vector<Phone>& b,
                        bool unwritten_free = false, double floor = 0);

// The best phone_similarity(a, head) over the heads of `b` (its first n phones, for
// min_length <= n < b.size(), a vowel at the end of a head read as word-final), or 0 if there is
// none: how well `a` matches the start of a word written joined to another. One pass over `b`,
// with the same values as computing each head's similarity apart.
double best_head_similarity(const std::vector<Phone>& a, const std::vector<Phone>& b,
                            std::size_t min_length);

}  // namespace talash::internal

#endif  // TALASH_ANALYSIS_PHONES_H_
