#include "analysis/tokenizer.h"

#include "analysis/icu_status.h"
#include "analysis/script.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
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

// What a UTF-16 code unit below U+0700 (Latin, Latin-1, Arabic) is to the shortcut in split().
enum class Unit : unsigned char {
  kOther,  // left to ICU
  kLatin,  // a letter (UAX#29 ALetter) of one kind, neither mark nor punctuation
  kArabic,
  // Space, line ends, and punctuation that UAX#29 never joins to a letter on either side
  // (Word_Break Other, WSegSpace, CR, LF, Newline, MidNum: MidNum only joins digits), and that
  // ICU does not count as a word on its own (as it does an emoji).
  kSeparator,
};

constexpr char16_t kTableEnd = 0x700;

bool is_word_alone(icu::BreakIterator& words, char16_t c) {
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, &c, 1, &status);
  words.setText(&ut, status);
  words.first();
  const bool word =
      words.next() != icu::BreakIterator::DONE && words.getRuleStatus() >= UBRK_WORD_NUMBER;
  utext_close(&ut);
  return U_FAILURE(status) != 0 || word;
}

Unit unit_of(char16_t c) {
  static const std::array<Unit, kTableEnd> table = [] {
    std::array<Unit, kTableEnd> t{};
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<icu::BreakIterator> words(
        icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) != 0) {
      return t;  // every unit left to ICU, which will report the failure
    }
    for (char16_t u = 0; u < kTableEnd; ++u) {
      const auto wb = static_cast<UWordBreakValues>(u_getIntPropertyValue(u, UCHAR_WORD_BREAK));
      const Kind kind = kind_of(u);
      if (wb == U_WB_ALETTER && !is_mark(u) && !is_edge_junk(u) &&
          (kind == Kind::kLatin || kind == Kind::kArabic)) {
        t[u] = kind == Kind::kLatin ? Unit::kLatin : Unit::kArabic;
      } else if ((wb == U_WB_OTHER || wb == U_WB_WSEGSPACE || wb == U_WB_CR || wb == U_WB_LF ||
                  wb == U_WB_NEWLINE || wb == U_WB_MIDNUM) &&
                 !is_word_alone(*words, u)) {
        t[u] = Unit::kSeparator;
      }
    }
    return t;
  }();
  return c < kTableEnd ? table[c] : Unit::kOther;
}

bool separates(std::u16string_view text, std::size_t i) {
  return i == text.size() || unit_of(text[i]) == Unit::kSeparator;
}

bool is_latin_letter(char16_t c) { return kind_of(c) == Kind::kLatin && u_isalpha(c) != 0; }

// English renderings of Arabic names often write ʿayn as a grave accent between two letters (four
// thousand times in the bench corpus), which UAX#29 does not join to letters as it does the
// apostrophe. Two Latin pieces with one grave accent between them are one word
// again, and folding drops the accent as it drops an apostrophe. A lone s after it is left as a
// piece of its own, as an English possessive written so.
void join_at_grave_accents(std::u16string_view text, std::vector<Span>& words) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Span w = words[i];
    if (kept > 0) {
      Span& last = words[kept - 1];
      const bool lone_s = w.end == w.begin + 1 && (text[w.begin] | 0x20) == 's';
      if (w.begin == last.end + 1 && text[last.end] == u'`' && !lone_s &&
          is_latin_letter(text[last.end - 1]) && is_latin_letter(text[w.begin])) {
        last.end = w.end;
        continue;
      }
    }
    words[kept++] = w;
  }
  words.resize(kept);
}

}  // namespace

Tokenizer::Tokenizer() {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  throw_if_failure(status, "creating the ICU word break iterator");
}

Tokenizer::~Tokenizer() = default;

// Most words of a passage are letters of one script between spaces or plain punctuation (the
// same one, as far as word breaks go, as a text's start or end). No UAX#29 rule joins such a
// word to its neighbours, nor splits it, and none of refine()'s splits or trims apply: it is a
// word, found without ICU, whose break iterator and per-letter lookups are most of the cost of
// analysing a passage. What lies between such words, unless it is only separators, goes to ICU as
// a text of its own; it starts and ends with a separator, whose breaks do not depend on what is
// beyond it.
std::vector<Span> Tokenizer::split(std::u16string_view text) const {
  std::vector<Span> out;
  std::size_t pending = 0;  // where the text not yet segmented starts
  // Separators alone hold no word.
  const auto segment_up_to = [&](std::size_t end) {
    if (!std::all_of(text.begin() + static_cast<std::ptrdiff_t>(pending),
                     text.begin() + static_cast<std::ptrdiff_t>(end),
                     [](char16_t c) { return unit_of(c) == Unit::kSeparator; })) {
      icu_words(text, pending, end, out);
    }
  };
  for (std::size_t i = 0; i < text.size();) {
    const Unit unit = unit_of(text[i]);
    if ((unit != Unit::kLatin && unit != Unit::kArabic) || (i > 0 && !separates(text, i - 1))) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && unit_of(text[end]) == unit) {
      ++end;
    }
    if (separates(text, end)) {
      segment_up_to(i);
      out.push_back({i, end});
      pending = end;
    }
    i = end;
  }
  segment_up_to(text.size());
  join_at_grave_accents(text, out);
  return out;
}

std::vector<Span> Tokenizer::split_with_icu(std::u16string_view text) const {
  std::vector<Span> out;
  icu_words(text, 0, text.size(), out);
  join_at_grave_accents(text, out);
  return out;
}

void Tokenizer::icu_words(std::u16string_view text, std::size_t begin, std::size_t end,
                          std::vector<Span>& out) const {
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUChars(&ut, text.data() + begin, static_cast<int64_t>(end - begin), &status);
  words_->setText(&ut, status);
  throw_if_failure(status, "segmenting text into words");
  int32_t from = words_->first();
  for (int32_t to = words_->next(); to != icu::BreakIterator::DONE;
       from = to, to = words_->next()) {
    // Rule status below 100 marks spaces and punctuation; letters, numbers, kana and ideographs
    // are above.
    if (words_->getRuleStatus() >= UBRK_WORD_NUMBER) {
      refine(text, {begin + static_cast<std::size_t>(from), begin + static_cast<std::size_t>(to)},
             out);
    }
  }
  utext_close(&ut);
}

}  // namespace talash::internal
