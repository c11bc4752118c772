// Invisible and look-alike characters, named so that test tables say what they contain.
#ifndef TALASH_TESTS_SUPPORT_CHARS_H_
#define TALASH_TESTS_SUPPORT_CHARS_H_

#define ZWNJ "\xe2\x80\x8c"             // U+200C zero width non-joiner
#define ZWJ "\xe2\x80\x8d"              // U+200D zero width joiner
#define ZWSP "\xe2\x80\x8b"             // U+200B zero width space
#define NNBSP "\xe2\x80\xaf"            // U+202F narrow no-break space (a Persian half-space)
#define LRM "\xe2\x80\x8e"              // U+200E left-to-right mark
#define RLM "\xe2\x80\x8f"              // U+200F right-to-left mark
#define SHY "\xc2\xad"                  // U+00AD soft hyphen
#define BOM "\xef\xbb\xbf"              // U+FEFF byte order mark
#define TATWEEL "\xd9\x80"              // U+0640 ـ
#define SYRIAC_FEMININE_DOT "\xdd\x80"  // U+0740, a combining mark outside the Arabic block
#define FATHA "\xd9\x8e"                // U+064E
#define KASRA "\xd9\x90"                // U+0650
#define DAMMATAN "\xd9\x8c"             // U+064C
#define SHADDA "\xd9\x91"               // U+0651
#define SUPERSCRIPT_ALEF "\xd9\xb0"     // U+0670 ٰ
#define HAMZA_ABOVE "\xd9\x94"          // U+0654
#define ARABIC_YEH "\xd9\x8a"           // U+064A ي
#define ALEF_MAKSURA "\xd9\x89"         // U+0649 ى
#define FARSI_YEH "\xdb\x8c"            // U+06CC ی
#define YEH_BARREE "\xdb\x92"           // U+06D2 ے
#define ARABIC_KAF "\xd9\x83"           // U+0643 ك
#define KEHEH "\xda\xa9"                // U+06A9 ک
#define HEH "\xd9\x87"                  // U+0647 ه
#define HEH_GOAL "\xdb\x81"             // U+06C1 ہ
#define HEH_DOACHASHMEE "\xda\xbe"      // U+06BE ھ
#define TEH_MARBUTA "\xd8\xa9"          // U+0629 ة
#define AE "\xdb\x95"                   // U+06D5 ە
#define ALEF_WASLA "\xd9\xb1"           // U+0671 ٱ
#define ARABIC_DECIMAL "\xd9\xab"       // U+066B ٫

#endif  // TALASH_TESTS_SUPPORT_CHARS_H_
