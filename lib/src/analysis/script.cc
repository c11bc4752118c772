#include "analysis/script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace talash::internal {

Script letter_script(UChar32 c) {
  if (!u_isalpha(c)) {
    return Script::kOther;
  }
  UErrorCode status = U_ZERO_ERROR;
  switch (uscript_getScript(c, &status)) {
    case USCRIPT_LATIN:
      return Script::kLatin;
    case USCRIPT_ARABIC:
      return Script::kArabic;
    default:
      return Script::kOther;
  }
}

Script first_letter_script(std::u16string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    UChar32 c = 0;
    U16_NEXT(s.data(), i, s.size(), c);
    const Script script = letter_script(c);
    if (script != Script::kOther) {
      return script;
    }
  }
  return Script::kOther;
}

bool is_arabic_letter(UChar32 c) { return letter_script(c) == Script::kArabic; }

bool is_urdu_letter(UChar32 c) {
  switch (c) {
    case 0x06D2:  // ے
    case 0x06BA:  // ں
    case 0x0679:  // ٹ
    case 0x0688:  // ڈ
    case 0x0691:  // ڑ
    case 0x06BE:  // ھ
    case 0x06C1:  // ہ
      return true;
    default:
      return false;
  }
}

std::string detect_language(std::string_view utf8) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  std::size_t arabic = 0;
  std::size_t latin = 0;
  std::size_t urdu = 0;
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    switch (letter_script(c)) {
      case Script::kArabic:
        ++arabic;
        urdu += is_urdu_letter(c) ? 1 : 0;
        break;
      case Script::kLatin:
        ++latin;
        break;
      case Script::kOther:
        break;
    }
  }
  if (arabic == 0 && latin == 0) {
    return "";
  }
  if (latin > arabic) {
    return "en";
  }
  // In Urdu prose 8-12% of the letters are Urdu-only (ے ہ ں ...), in Persian prose none; a stray
  // one in Persian text (a quoted Urdu word, a Kurdish-keyboard ھ) should not make it Urdu.
  return urdu * 100 >= arabic * 5 ? "ur" : "fa";
}

bool is_edge_junk(UChar32 c) { return u_ispunct(c) || u_charType(c) == U_FORMAT_CHAR; }

bool is_mark(UChar32 c) { return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

}  // namespace talash::internal
