#include "analysis/text_analyzer.h"

#include "analysis/char_fold.h"
#include "analysis/persian_stemmer.h"
#include "analysis/translit_key.h"
#include "analysis/utf.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

namespace talash::internal {
namespace {

bool starts_upper(std::u16string_view s) {
  if (s.empty()) {
    return false;
  }
  std::size_t i = 0;
  UChar32 c = 0;
  U16_NEXT(s.data(), i, s.size(), c);
  return u_isupper(c) || u_istitle(c);
}

// Only spaces (no punctuation, no line break) between two words lets them be one word written
// apart: می روم, کتاب ها.
bool only_spaces(std::u16string_view s) {
  if (s.empty()) {
    return false;
  }
  for (char16_t c : s) {
    if (c != ' ' && c != 0x00A0 && c != 0x202F && c != kZwnj && c != 0x200B) {
      return false;
    }
  }
  return true;
}

// A sentence ends at . ! ? ؟ ۔ or a line break; the word after it is capitalized as a matter of
// course, so its capital says nothing about it being a name.
bool ends_sentence(std::u16string_view gap) {
  return gap.find_first_of(u".!?\n\u061F\u06D4:") != std::u16string_view::npos;
}

bool joins_with_next(std::string_view term, std::string_view next) {
  return term == "می" || term == "نمی" || next == "ها" || next == "های" || next == "هایی" ||
         next == "تر" || next == "ترین";
}

}  // namespace

// Distinct words kept per analyzer: a few hundred bytes each, so tens of MB at most.
constexpr std::size_t kMaxCached = 200000;

TextAnalyzer::TextAnalyzer() : english_("english") {}
TextAnalyzer::~TextAnalyzer() = default;

TextAnalyzer::Forms& TextAnalyzer::forms(std::u16string_view raw) const {
  if (const auto it = cache_.find(raw); it != cache_.end()) {
    return it->second;
  }
  if (cache_.size() >= kMaxCached) {
    cache_.clear();
  }
  Forms f;
  const std::u16string folded = fold_token(raw);
  const std::u16string main = join_zwnj(folded);
  f.term = to_utf8(main);
  if (!main.empty()) {
    f.script = first_letter_script(folded);
    f.capitalized = starts_upper(raw);
    // The key table keeps Latin spellings with their letters' marks (Paşa: ş is sh), Arabic-script
    // ones with their ZWNJ (خواجه‌یف); the main term is derived from it by folding.
    if (f.script == Script::kLatin) {
      f.spelling = to_utf8(fold_token(raw, true));
    } else {
      f.spelling = folded.size() == main.size() ? f.term : to_utf8(folded);
    }
    if (folded.size() != main.size()) {
      std::size_t from = 0;
      while (from <= folded.size()) {
        std::size_t to = folded.find(kZwnj, from);
        if (to == std::u16string::npos) {
          to = folded.size();
        }
        const std::u16string_view part(folded.data() + from, to - from);
        if (!part.empty() && !is_persian_affix(part)) {
          f.parts.push_back(to_utf8(part));
        }
        from = to + 1;
      }
    }
    if (f.script == Script::kLatin) {
      std::string stem = english_(f.term);
      if (stem != f.term) {
        f.stem = std::move(stem);
      }
    } else if (f.script == Script::kArabic) {
      const std::u16string stem = persian_stem(folded);
      if (stem != main && !stem.empty()) {
        f.stem = to_utf8(stem);
      }
    }
  }
  return cache_.emplace(std::u16string(raw), std::move(f)).first->second;
}

std::vector<Word> TextAnalyzer::analyze(std::string_view text, std::string_view lang,
                                        bool with_keys) const {
  const Utf16Text u = decode_utf8(text);
  const std::vector<Span> spans = tokenizer_.split(u.text);
  std::vector<Word> words;
  std::vector<Span> kept;
  words.reserve(spans.size());
  for (const Span& span : spans) {
    const std::u16string_view raw(u.text.data() + span.begin, span.end - span.begin);
    Forms& f = forms(raw);
    if (f.term.empty()) {
      continue;
    }
    if (with_keys && !f.keys_done) {
      // An Arabic-script spelling is the folded word already: no need to fold it again.
      f.keys = f.script == Script::kArabic
                   ? keys_of_variants(arabic_variants(decode_utf8(f.spelling).text))
                   : transliteration_keys(raw, f.script);
      f.keys_done = true;
    }
    Word w;
    w.term = f.term;
    w.spelling = f.spelling;
    w.start = u.byte_offset[span.begin];
    w.end = u.byte_offset[span.end];
    w.position = static_cast<std::uint32_t>(words.size() + 1);
    w.script = f.script;
    w.capitalized = f.capitalized;
    const std::size_t gap_begin = kept.empty() ? 0 : kept.back().end;
    w.proper =
        f.capitalized && !kept.empty() &&
        !ends_sentence(std::u16string_view(u.text.data() + gap_begin, span.begin - gap_begin));
    w.parts = f.parts;
    // Urdu has no stemmer (spec 2.6): its words are never given the Persian stem.
    if (f.script == Script::kLatin || lang != "ur") {
      w.stem = f.stem;
    }
    if (with_keys) {
      w.keys = f.keys;
    }
    words.push_back(std::move(w));
    kept.push_back(span);
  }
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i].script != Script::kArabic || words[i + 1].script != Script::kArabic) {
      continue;
    }
    const std::u16string_view gap(u.text.data() + kept[i].end, kept[i + 1].begin - kept[i].end);
    if (only_spaces(gap) && joins_with_next(words[i].term, words[i + 1].term)) {
      words[i].join_next = words[i].term + words[i + 1].term;
    }
  }
  return words;
}

}  // namespace talash::internal
