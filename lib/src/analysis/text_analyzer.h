// The analysis chain used by both indexing and querying: tokenizer -> per-token folding -> terms
// (main term, ZWNJ parts, joins across a space, stems, transliteration keys). Keeping one chain is
// what guarantees a word is normalized the same way in documents and in queries.
#ifndef TALASH_ANALYSIS_TEXT_ANALYZER_H_
#define TALASH_ANALYSIS_TEXT_ANALYZER_H_

#include "analysis/script.h"
#include "analysis/tokenizer.h"

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace talash::internal {

struct Word {
  // Main term: folded, ZWNJ deleted (UTF-8).
  std::string term;
  // The spelling the key table keeps (UTF-8): for Arabic script the folded word with ZWNJ kept
  // where it separates parts, for Latin the case-folded word with its diacritics; folding it
  // (fold_token + join_zwnj) gives the main term. Equal to term for most words.
  std::string spelling;
  // Byte range of the word in the analysed text.
  std::size_t start = 0;
  std::size_t end = 0;
  std::uint32_t position = 0;
  Script script = Script::kOther;
  // The word as written started with an upper-case letter.
  bool capitalized = false;
  // Capitalized, and not at the start of a sentence: in Latin text, the mark of a name.
  bool proper = false;
  // Non-affix parts of a word written with ZWNJ (spec C7).
  std::vector<std::string> parts;
  // Term formed with the next word when the two are one word written with a space (spec D1/D2:
  // می روم, کتاب ها); "" otherwise.
  std::string join_next;
  // Stem when it differs from the term; "" otherwise.
  std::string stem;
  // Transliteration keys (see translit_key.h); filled for Arabic-script words and Latin words.
  std::vector<std::string> keys;
};

class TextAnalyzer {
 public:
  TextAnalyzer();
  ~TextAnalyzer();
  TextAnalyzer(const TextAnalyzer&) = delete;
  TextAnalyzer& operator=(const TextAnalyzer&) = delete;
  TextAnalyzer(TextAnalyzer&&) = delete;
  TextAnalyzer& operator=(TextAnalyzer&&) = delete;

  // Analyses `text`. `lang` selects stemming: "fa" or "" (a query, language unknown) stem
  // Arabic-script words with the Persian stemmer, "ur" does not stem them; Latin words always get
  // the English stemmer. Word::keys is filled only when `with_keys` (they are the costly part,
  // and explaining a result needs none).
  std::vector<Word> analyze(std::string_view text, std::string_view lang,
                            bool with_keys = true) const;

 private:
  // What a word is, independent of where it stands: the expensive part of analysis, done once per
  // distinct token and cached (text repeats its words: the cache turns most tokens into a lookup).
  struct Forms {
    std::string term;
    std::string spelling;
    Script script = Script::kOther;
    bool capitalized = false;
    std::vector<std::string> parts;
    std::string stem;  // Snowball English for Latin, the Persian stem for Arabic script
    std::vector<std::string> keys;
    bool keys_done = false;
  };
  Forms& forms(std::u16string_view raw) const;

  // Hashes a word as written, stored or looked up by view: a lookup copies nothing.
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::u16string_view w) const {
      return std::hash<std::u16string_view>{}(w);
    }
  };

  Tokenizer tokenizer_;
  Xapian::Stem english_;
  // Bounded: cleared when it reaches kMaxCached entries.
  mutable std::unordered_map<std::u16string, Forms, WordHash, std::equal_to<>> cache_;
};

}  // namespace talash::internal

#endif  // TALASH_ANALYSIS_TEXT_ANALYZER_H_
