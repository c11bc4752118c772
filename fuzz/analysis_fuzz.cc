// The analysis chain on arbitrary bytes: no crash, every term and key valid UTF-8, offsets inside
// the input and in order, and normalization idempotent (a term analysed again is itself), which
// is what makes a word normalized at indexing time findable by the same word at query time. The
// tokenizer's shortcut for plain words finds exactly the words ICU finds.
#include "analysis/char_fold.h"
#include "analysis/tokenizer.h"
#include "analysis/utf.h"
#include "fuzz_check.h"

#include <talash/analyzer.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using talash::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const talash::Analyzer analyzer;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  const auto tokens = analyzer.tokenize(text);
  std::size_t last_end = 0;
  std::uint32_t last_position = 0;
  for (const auto& token : tokens) {
    check(!token.term.empty(), "empty term");
    check(talash::fuzz::valid_utf8(token.term), "term is not UTF-8", token.term);
    check(token.start < token.end && token.end <= size, "offsets outside the input", token.term);
    check(token.start >= last_end, "tokens overlap", token.term);
    check(token.position > last_position, "positions do not increase", token.term);
    last_end = token.end;
    last_position = token.position;
    for (const auto& part : token.parts) {
      check(!part.empty() && talash::fuzz::valid_utf8(part), "bad ZWNJ part", token.term);
    }
    for (const auto& key : token.keys) {
      check(!key.empty() && talash::fuzz::valid_utf8(key), "bad transliteration key", token.term);
    }
    const std::string again = analyzer.normalize(token.term);
    check(again == token.term, "normalizing a term changes it", token.term + " -> " + again);
  }

  const std::u16string decoded = talash::internal::decode_utf8(text).text;
  static const talash::internal::Tokenizer tokenizer;
  const auto fast = tokenizer.split(decoded);
  const auto icu = tokenizer.split_with_icu(decoded);
  check(fast.size() == icu.size() && std::equal(fast.begin(), fast.end(), icu.begin(),
                                                [](const auto& a, const auto& b) {
                                                  return a.begin == b.begin && a.end == b.end;
                                                }),
        "the tokenizer's shortcut and ICU disagree", std::string(text));

  // Folding on its own, on whatever UTF-16 the bytes decode to.
  const std::u16string folded = talash::internal::fold_token(decoded);
  check(talash::internal::fold_token(folded) == folded, "fold_token is not idempotent",
        talash::internal::to_utf8(folded));

  const std::string lang = talash::Analyzer::detect_language(text);
  check(lang.empty() || lang == "ur" || lang == "fa" || lang == "en", "unknown language", lang);
  return 0;
}
