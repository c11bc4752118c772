#include "analysis/tokenizer.h"

#include "analysis/icu_status.h"
#include "analysis/script.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <cstdint>

namespace talash::internal {
namespace {

enum class Kind { kNone, kLatin, kArabic, kDigit };

Kind plain_kind(UChar32 c) {
  if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
    return Kind::kDigit;
  }
  switch (letter_script(c)) {
    case Script::kLatin:
      return Kind::kLatin;
    case Script::kArabic:
      return Kind::kArabic;
    case Script::kOther:
      return Kind::kNone;
  }
  return Kind::kNone;
}

// A character is split by what it folds to: Ⅻ is Latin "xii" once folded, and a word split only
// after folding would not analyse to itself when its term is searched.
Kind kind_of(UChar32 c) {
  const Kind kind = plain_kind(c);
  // Only letters, numbers and symbols (ⓧ is x) of other kinds can fold to Latin or Arabic
  // letters; marks, ZWNJ and punctuation, frequent in Arabic-script text, need no lookup.
  constexpr std::uint32_t kMayFold = U_GC_L_MASK | U_GC_N_MASK | U_GC_S_MASK;
  if (kind != Kind::kNone || c < 0x80 || (U_GET_GC_MASK(c) & kMayFold) == 0) {
    return kind;
  }
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString expansion;
  if (nfkc == nullptr || nfkc->getDecomposition(c, expansion) == 0) {
    return Kind::kNone;
  }
  for (int32_t i = 0; i < expansion.length(); i = expansion.moveIndex32(i, 1)) {
    const Kind k = plain_kind(expansion.char32At(i));
    if (k != Kind::kNone) {
      return k;
    }
  }
  return Kind::kNone;
}

bool must_split(Kind a, Kind b) {
  if (a == Kind::kNone || b == Kind::kNone || a == b) {
    return false;
  }
  // Latin letters and digits stay together (20th, B52); Arabic letters part from both.
  return a == Kind::kArabic || b == Kind::kArabic;
}

bool is_apostrophe(char16_t c) { return c == '\'' || c == 0x2019; }

// ICU keeps punctuation that stands between two letters (U.S.A, l'eau), also across invisible
// format characters, and lets marks attach to punctuation; when a script change splits the word
// there, or the word ends in such characters, they would stand at the edge of a piece. Trimmed
// here, they stay out of its span (and so out of highlights); fold_token keeps them out of terms.
void push_trimmed(std::u16string_view text, Span piece, std::vector<Span>& out) {
  // Leading junk, with the marks that hang on it.
  bool after_junk = false;
  while (piece.begin < piece.end) {
    UChar32 c = 0;
    std::size_t next = piece.begin;
    U16_NEXT(text.data(), next, piece.end, c);
    if (!is_edge_junk(c) && !(after_junk && is_mark(c))) {
      break;
    }
    after_junk = true;
    piece.begin = next;
  }
  // Trailing junk: a base character that is junk, and the marks after it.
  while (piece.begin < piece.end) {
    std::size_t base = piece.end;
    UChar32 c = 0;
    do {
      U16_PREV(text.data(), piece.begin, base, c);
    } while (is_mark(c) && base > piece.begin);
    if (!is_edge_junk(c)) {
      break;
    }
    piece.end = base;
  }
  if (piece.begin < piece.end) {
    out.push_back(piece);
  }
}

// Splits one ICU word at script changes and trims an English possessive.
void refine(std::u16string_view text, Span word, std::vector<Span>& out) {
  std::size_t begin = word.begin;
  Kind last = Kind::kNone;
  for (std::size_t i = word.begin; i < word.end;) {
    UChar32 c = 0;
    std::size_t next = i;
    U16_NEXT(text.data(), next, word.end, c);
    const Kind k = kind_of(c);
    if (must_split(last, k)) {
      push_trimmed(text, {begin, i}, out);
      begin = i;
    }
    if (k != Kind::kNone) {
      last = k;
    }
    i = next;
  }
  Span tail{begin, word.end};
  if (last == Kind::kLatin && tail.end - tail.begin > 3 && (text[tail.end - 1] | 0x20) == 's' &&
      is_apostrophe(text[tail.end - 2])) {
    tail.end -= 2;
  }
  push_trimmed(text, tail, out);
}

}  // namespace

Tokenizer::Tokenizer() {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  throw_if_failure(status, "creating the ICU word break iterator");
}

Tokenizer::~Tokenizer() = default;

std::vector<Span> Tokenizer::split(std::u16string_view text) const {
  std::vector<Span> out;
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  words_->setText(&ut, status);
  throw_if_failure(status, "segmenting text into words");
  int32_t begin = words_->first();
  for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
       begin = end, end = words_->next()) {
    // Rule status below 100 marks spaces and punctuation; letters, numbers, kana and ideographs
    // are above.
    if (words_->getRuleStatus() >= UBRK_WORD_NUMBER) {
      refine(text, {static_cast<std::size_t>(begin), static_cast<std::size_t>(end)}, out);
    }
  }
  utext_close(&ut);
  return out;
}

}  // namespace talash::internal
