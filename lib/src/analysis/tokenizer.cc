#include "analysis/tokenizer.h"

#include "analysis/icu_status.h"
#include "analysis/script.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

namespace talash::internal {
namespace {

enum class Kind { kNone, kLatin, kArabic, kDigit };

Kind kind_of(UChar32 c) {
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

bool must_split(Kind a, Kind b) {
  if (a == Kind::kNone || b == Kind::kNone || a == b) {
    return false;
  }
  // Latin letters and digits stay together (20th, B52); Arabic letters part from both.
  return a == Kind::kArabic || b == Kind::kArabic;
}

bool is_apostrophe(char16_t c) { return c == '\'' || c == 0x2019; }

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
      out.push_back({begin, i});
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
  out.push_back(tail);
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
