// Analyzer: the text analysis chain that both indexing and searching use, exposed for programs that
// need to normalize words exactly as Talash does.
//
// The chain (see docs in README "Analysis"): ICU word segmentation with extra splits at
// Latin/Arabic script changes and between Arabic letters and digits; per token NFKC, case folding
// (Turkish dotted/dotless i to i), removal of diacritics, tatweel and invisible format characters,
// folding of Arabic/Persian/Urdu letter variants to one form while Urdu's distinct letters stay
// distinct, and all digits to ASCII. ZWNJ is kept inside a word: the main term is the joined form.
//
// Thread-safety: an Analyzer is not thread-safe (it owns an ICU break iterator); use one per
// thread. Distinct Analyzer objects may be used concurrently.
#ifndef TALASH_ANALYZER_H_
#define TALASH_ANALYZER_H_

#include <talash/export.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace talash {

// One word of analysed text.
struct Token {
  // The normalized form under which the word is indexed and searched (UTF-8).
  std::string term;
  // Byte offsets of the word in the analysed text: text.substr(start, end - start) is the word as
  // written, whatever the normalization removed or folded.
  std::size_t start = 0;
  std::size_t end = 0;
  // 1-based word position in the text; phrase matching compares positions.
  std::uint32_t position = 0;
  // The parts of a word written with ZWNJ (e.g. the noun of a noun+plural), each normalized,
  // excluding pure affixes; empty for words without ZWNJ.
  std::vector<std::string> parts;
  // The transliteration keys of the word: consonant skeletons under which spellings of the same
  // name in Latin and Arabic script meet ("Enver", "Anwar" and "انور" share "Anvr"). Empty for
  // words that are neither Latin nor Arabic script, or have no consonant (numbers).
  std::vector<std::string> keys;
};

class TALASH_EXPORT Analyzer {
 public:
  // Creates an analyzer. Throws talash::Error if ICU cannot provide its break iterator or
  // normalizer (a broken ICU installation).
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  // Splits UTF-8 text into normalized tokens in text order. Invalid UTF-8 bytes are treated as
  // U+FFFD and never produce a term. Punctuation and whitespace produce no tokens.
  std::vector<Token> tokenize(std::string_view text) const;

  // Returns the normalized main term of a single word (the first token of `word`), or "" when
  // `word` holds no word characters.
  std::string normalize(std::string_view word) const;

  // Returns the transliteration keys of a single word, as a query word would get them
  // (see Token::keys).
  std::vector<std::string> transliteration_keys(std::string_view word) const;

  // Detects the language of a passage from the letters it uses: "ur" when Arabic-script text uses
  // letters only Urdu has (ے ں ٹ ڈ ڑ ھ ہ), "fa" for other Arabic-script text, "en" for Latin text
  // (Turkish and Uzbek Latin letters included), "" when the text has no letters.
  static std::string detect_language(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace talash

#endif  // TALASH_ANALYZER_H_
