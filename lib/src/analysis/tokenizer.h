// Word segmentation: ICU's UAX#29 word break iterator, plus the splits it does not make that search
// needs: at changes between Latin and Arabic script (PDFفایل), between Arabic letters and digits
// (1922ء, the Urdu year sign), and before an English possessive ('s).
#ifndef TALASH_ANALYSIS_TOKENIZER_H_
#define TALASH_ANALYSIS_TOKENIZER_H_

#include <unicode/brkiter.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace talash::internal {

// A word as a UTF-16 index range [begin, end) of the tokenized text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;
  Tokenizer(Tokenizer&&) = delete;
  Tokenizer& operator=(Tokenizer&&) = delete;

  // Returns the words of `text` in order; punctuation and whitespace are not words.
  std::vector<Span> split(std::u16string_view text) const;

  // split() with every word found by ICU, none by the shortcut for plain words: the same result,
  // for tests to hold split() to.
  std::vector<Span> split_with_icu(std::u16string_view text) const;

 private:
  // Appends the words of text[begin, end) found by ICU.
  void icu_words(std::u16string_view text, std::size_t begin, std::size_t end,
                 std::vector<Span>& out) const;

  std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace talash::internal

#endif  // TALASH_ANALYSIS_TOKENIZER_H_
