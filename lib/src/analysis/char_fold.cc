#include "analysis/char_fold.h"

#include "analysis/icu_status.h"
#include "analysis/script.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <vector>

namespace talash::internal {
namespace {

const icu::Normalizer2& normalizer(const char* name, UNormalization2Mode mode) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getInstance(nullptr, name, mode, status);
  throw_if_failure(status, "loading the ICU normalizer");
  return *n;
}

bool in(UChar32 c, UChar32 lo, UChar32 hi) { return c >= lo && c <= hi; }

// Arabic harakat, Quranic annotation signs and the combining diacritics of Latin, Greek and
// Cyrillic: never part of how a word is spelled for search (spec C4).
bool is_removable_mark(UChar32 c) {
  return in(c, 0x0610, 0x061A) || in(c, 0x064B, 0x065F) || c == 0x0670 || in(c, 0x06D6, 0x06DC) ||
         in(c, 0x06DF, 0x06E4) || in(c, 0x06E7, 0x06E8) || in(c, 0x06EA, 0x06ED) ||
         in(c, 0x08D3, 0x08E1) || in(c, 0x08E3, 0x08FF);
}

bool is_latin_mark(UChar32 c) {
  return in(c, 0x0300, 0x036F) || in(c, 0x1AB0, 0x1AFF) || in(c, 0x1DC0, 0x1DFF) ||
         in(c, 0x20D0, 0x20FF) || in(c, 0xFE20, 0xFE2F);
}

// Format and invisible characters, plus tatweel and high hamza (spec A4, C4): ICU keeps them inside
// words, so without this کـتاب and کتاب would be different terms.
bool is_removable_invisible(UChar32 c) {
  return c == 0x200B || c == 0x200D || c == 0x200E || c == 0x200F || c == 0x061C ||
         in(c, 0x202A, 0x202E) || in(c, 0x2066, 0x2069) || c == 0x2060 || c == 0xFEFF ||
         c == 0x00AD || in(c, 0x0600, 0x0605) || c == 0x06DD || c == 0x08E2 || c == 0x0640 ||
         c == 0x0674;
}

// Apostrophes inside a word (O'zbek, Qoʻqon, don't, and a grave accent written for ʿayn, which
// the tokenizer joins) are spelled with any of these, or left out; dropping them lets every
// spelling meet.
bool is_apostrophe(UChar32 c) {
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x02BB || c == 0x2018 || c == '`';
}

UChar32 fold_letter(UChar32 c) {
  switch (c) {
    case 0x064A:  // ي Arabic yeh
    case 0x0649:  // ى alef maksura
    case 0x06CD:
    case 0x06CE:
    case 0x06D0:
    case 0x0620:
      return 0x06CC;  // ی
    case 0x0643:      // ك Arabic kaf
    case 0x06AA:
    case 0x063B:
    case 0x063C:
      return 0x06A9;  // ک
    case 0x06C1:      // ہ Urdu heh goal
    case 0x06D5:      // ە (also ۀ after its hamza is removed)
    case 0x0629:      // ة
    case 0x06C3:      // ۃ
      return 0x0647;  // ه
    case 0x0671:
    case 0x0672:
    case 0x0673:
      return 0x0627;  // ا
    default:
      return c;
  }
}

bool is_digit(UChar32 c) { return c >= '0' && c <= '9'; }

// The nearest code point before (step -1) or after (step 1) cps[i] that is not a ZWNJ, or 0.
UChar32 beside(const std::vector<UChar32>& cps, std::size_t i, int step) {
  for (std::size_t j = i + static_cast<std::size_t>(step); j < cps.size();
       j += static_cast<std::size_t>(step)) {
    if (cps[j] != kZwnj) {
      return cps[j];
    }
  }
  return 0;
}

bool is_separator(UChar32 c) {
  return u_isUWhiteSpace(c) || u_ispunct(c) || (U_GET_GC_MASK(c) & U_GC_S_MASK) != 0;
}

bool has_separator(const icu::UnicodeString& s) {
  for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
    if (is_separator(s.char32At(i))) {
      return true;
    }
  }
  return false;
}

// The rules after normalization: marks, invisibles and apostrophes out, letters folded, digits
// made ASCII, junk off the edges, ZWNJ only between two Arabic letters, ezafe.
std::u16string fold_normalized(std::u16string_view s, bool keep_latin_marks) {
  std::vector<UChar32> cps;
  cps.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    UChar32 c = 0;
    U16_NEXT(s.data(), i, s.size(), c);
    if (is_removable_mark(c) || is_removable_invisible(c) || is_apostrophe(c)) {
      continue;
    }
    if (!keep_latin_marks && is_latin_mark(c)) {
      continue;
    }
    if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
      c = '0' + u_charDigitValue(c);
    }
    cps.push_back(fold_letter(c));
  }
  // Punctuation that ICU kept inside a word (U.S.A) is at the edge once what stood beside it is
  // deleted (a tatweel, a BOM); left there, the term would not analyse to itself.
  // A ZWNJ at the edge is dropped below anyway, so it does not shield punctuation from this.
  // Marks go with the character before them: at the start they have none, at the end they go
  // with the punctuation they follow. A token of marks alone (a Syriac dot after a tatweel) thus
  // leaves no term.
  for (;;) {
    auto base = std::find_if_not(cps.rbegin(), cps.rend(), is_mark);
    if (base == cps.rend() || !is_edge_junk(*base)) {
      break;
    }
    cps.erase(std::prev(base.base()), cps.end());
  }
  cps.erase(cps.begin(), std::find_if_not(cps.begin(), cps.end(),
                                          [](UChar32 c) { return is_edge_junk(c) || is_mark(c); }));
  // ھ carries aspiration only after a consonant; at the start of a word it is a miswritten ه (ھے).
  if (!cps.empty() && cps.front() == 0x06BE) {
    cps.front() = 0x0647;
  }

  std::u16string out;
  out.reserve(cps.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    UChar32 c = cps[i];
    const UChar32 prev = i > 0 ? cps[i - 1] : 0;
    if (c == 0x066B || c == 0x066C || c == 0x060C || c == 0x066A) {
      // Arabic decimal and thousands separators only between digits (A5); a ZWNJ beside them is
      // dropped below, so it must not hide the digits.
      if (is_digit(beside(cps, i, -1)) && (is_digit(beside(cps, i, 1)) || c == 0x066A)) {
        c = c == 0x066B ? UChar32{'.'} : c == 0x066A ? UChar32{'%'} : UChar32{','};
      }
    } else if (c == kZwnj) {
      // A ZWNJ is kept once between two Arabic letters, and dropped anywhere else (A6).
      std::size_t j = i + 1;
      while (j < cps.size() && cps[j] == kZwnj) {
        ++j;
      }
      const UChar32 after = j < cps.size() ? cps[j] : 0;
      if (out.empty() || out.back() == kZwnj || !is_arabic_letter(prev) ||
          !is_arabic_letter(after)) {
        continue;
      }
    }
    if (U_IS_BMP(c)) {
      out.push_back(static_cast<char16_t>(c));
    } else {
      out.push_back(U16_LEAD(c));
      out.push_back(U16_TRAIL(c));
    }
  }
  // Ezafe written ه‌ی is the same as ۀ and هٔ, which fold to ه (C3).
  if (out.size() > 3 && out.ends_with(u"\u0647\u200C\u06CC")) {
    out.resize(out.size() - 2);
  }
  return out;
}

// A word of the Arabic letters that normalization leaves as they are (no hamza or madda
// composed in, no compatibility or presentation forms, no marks) and ZWNJ: what Persian and
// Urdu text is mostly made of.
bool is_plain_arabic(char16_t c) {
  return c == 0x0621 || (c >= 0x0627 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) ||
         c == 0x0679 || c == 0x067E || c == 0x0686 || c == 0x0688 || c == 0x0691 || c == 0x0698 ||
         c == 0x06A9 || c == 0x06AF || c == 0x06BA || c == 0x06BE || c == 0x06C1 || c == 0x06CC ||
         c == 0x06D2 || c == kZwnj;
}

}  // namespace

std::u16string fold_token(std::u16string_view token, bool keep_latin_marks) {
  // A word of ASCII letters and digits, most of English text, only changes case: every rule of
  // the full chain leaves it as it is otherwise, and the chain costs many times more than this.
  const auto ascii_alnum = [](char16_t c) {
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
  };
  if (std::all_of(token.begin(), token.end(), ascii_alnum)) {
    std::u16string out(token);
    for (char16_t& c : out) {
      if (c >= u'A' && c <= u'Z') {
        c = static_cast<char16_t>(c - u'A' + u'a');
      }
    }
    return out;
  }
  // A word of plain Arabic letters is as normalization leaves it: only the rules after it apply,
  // and no mark is left for the last composition to join.
  if (!token.empty() && std::all_of(token.begin(), token.end(), is_plain_arabic)) {
    return fold_normalized(token, keep_latin_marks);
  }
  return fold_token_in_full(token, keep_latin_marks);
}

std::u16string fold_token_in_full(std::u16string_view token, bool keep_latin_marks) {
  static const icu::Normalizer2& nfkc = normalizer("nfkc", UNORM2_COMPOSE);
  static const icu::Normalizer2& nfd = normalizer("nfc", UNORM2_DECOMPOSE);
  static const icu::Normalizer2& nfc = normalizer("nfc", UNORM2_COMPOSE);

  icu::UnicodeString s;
  icu::UnicodeString expansion;
  for (std::size_t i = 0; i < token.size();) {
    UChar32 c = 0;
    U16_NEXT(token.data(), i, token.size(), c);
    if (c == 0xFDFA || c == 0xFDFB) {
      continue;  // honorific ligatures: NFKC would turn them into several words (A1)
    }
    if (c == 0x202F) {
      c = kZwnj;  // NNBSP is typed as a half-space on some layouts (A2)
    }
    // Some compatibility characters expand to a space, punctuation or a symbol next to their
    // letters (ﹰ is space + fathatan, ⑴ is "(1)", ℅ is "c/o"). Those would make a term that the
    // tokenizer splits when the term itself is searched, so only the letters are kept.
    if (c >= 0x80 && !is_separator(c) && nfkc.getDecomposition(c, expansion) != 0 &&
        has_separator(expansion)) {
      for (int32_t k = 0; k < expansion.length(); k = expansion.moveIndex32(k, 1)) {
        if (!is_separator(expansion.char32At(k))) {
          s.append(expansion.char32At(k));
        }
      }
      continue;
    }
    s.append(c);
  }
  UErrorCode status = U_ZERO_ERROR;
  s = nfkc.normalize(s, status);
  // Dotted and dotless Turkish i fold to i before case folding, which would otherwise turn İ
  // into i + U+0307 and keep ı.
  s.findAndReplace(u"\u0130", u"i");
  s.findAndReplace(u"\u0131", u"i");
  s.foldCase(U_FOLD_CASE_DEFAULT);
  // ۓ is ی + ے in Urdu spelling (spec C2): آۓ and آئے are the same word.
  s.findAndReplace(u"\u06D3", u"\u06CC\u06D2");
  s = nfd.normalize(s, status);
  throw_if_failure(status, "normalizing a token");

  std::u16string out =
      fold_normalized(std::u16string_view(reinterpret_cast<const char16_t*>(s.getBuffer()),
                                          static_cast<std::size_t>(s.length())),
                      keep_latin_marks);
  icu::UnicodeString composed(UBool{0}, out.data(), static_cast<int32_t>(out.size()));
  composed = nfc.normalize(composed, status);
  throw_if_failure(status, "normalizing a token");
  return {reinterpret_cast<const char16_t*>(composed.getBuffer()),
          static_cast<std::size_t>(composed.length())};
}

std::u16string join_zwnj(std::u16string_view folded) {
  std::u16string out;
  out.reserve(folded.size());
  for (char16_t c : folded) {
    if (c != kZwnj) {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace talash::internal
