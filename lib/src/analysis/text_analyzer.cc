#include "analysis/text_analyzer.h"

#include "analysis/char_fold.h"
#include "analysis/persian_stemmer.h"
#include "analysis/translit_key.h"
#include "analysis/utf.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

namespace talash::internal {
namespace {

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

bool joins_with_next(const std::u16string& term, const std::u16string& next) {
  return term == u"می" || term == u"نمی" || next == u"ها" || next == u"های" || next == u"هایی" ||
         next == u"تر" || next == u"ترین";
}

}  // namespace

TextAnalyzer::TextAnalyzer() : english_("english") {}

std::vector<Word> TextAnalyzer::analyze(std::string_view text, std::string_view lang) const {
  const Utf16Text u = decode_utf8(text);
  const std::vector<Span> spans = tokenizer_.split(u.text);
  std::vector<Word> words;
  std::vector<std::u16string> mains;
  std::vector<Span> kept;
  words.reserve(spans.size());
  for (const Span& span : spans) {
    const std::u16string_view raw(u.text.data() + span.begin, span.end - span.begin);
    const std::u16string folded = fold_token(raw);
    std::u16string main = join_zwnj(folded);
    if (main.empty()) {
      continue;
    }
    Word w;
    w.term = to_utf8(main);
    w.script = first_letter_script(folded);
    // The key table keeps Latin spellings with their letters' marks (Paşa: ş is sh), Arabic-script
    // ones with their ZWNJ (خواجه‌یف); the main term is derived from it by folding.
    if (w.script == Script::kLatin) {
      w.spelling = to_utf8(fold_token(raw, true));
    } else {
      w.spelling = folded.size() == main.size() ? w.term : to_utf8(folded);
    }
    w.start = u.byte_offset[span.begin];
    w.end = u.byte_offset[span.end];
    w.position = static_cast<std::uint32_t>(words.size() + 1);
    w.capitalized = starts_upper(raw);
    if (folded.size() != main.size()) {
      std::size_t from = 0;
      while (from <= folded.size()) {
        std::size_t to = folded.find(kZwnj, from);
        if (to == std::u16string::npos) {
          to = folded.size();
        }
        const std::u16string_view part(folded.data() + from, to - from);
        if (!part.empty() && !is_persian_affix(part)) {
          w.parts.push_back(to_utf8(part));
        }
        from = to + 1;
      }
    }
    if (w.script == Script::kLatin) {
      std::string stem = english_(w.term);
      if (stem != w.term) {
        w.stem = std::move(stem);
      }
    } else if (w.script == Script::kArabic && lang != "ur") {
      const std::u16string stem = persian_stem(folded);
      if (stem != main && !stem.empty()) {
        w.stem = to_utf8(stem);
      }
    }
    w.keys = transliteration_keys(raw, w.script);
    words.push_back(std::move(w));
    mains.push_back(std::move(main));
    kept.push_back(span);
  }
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i].script != Script::kArabic || words[i + 1].script != Script::kArabic) {
      continue;
    }
    const std::u16string_view gap(u.text.data() + kept[i].end, kept[i + 1].begin - kept[i].end);
    if (only_spaces(gap) && joins_with_next(mains[i], mains[i + 1])) {
      words[i].join_next = words[i].term + words[i + 1].term;
    }
  }
  return words;
}

}  // namespace talash::internal
