#include "analysis/utf.h"

#include <talash/snippet.h>

#include <unicode/ubidi.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <vector>

namespace talash {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Moves `i` back (or forward) to a code point boundary.
std::size_t boundary(std::string_view s, std::size_t i, bool forward) {
  while (i > 0 && i < s.size() && is_continuation(s[i])) {
    i += forward ? 1 : -1;
  }
  return std::min(i, s.size());
}

// Byte offset `n` code points away from `from` (negative: backwards).
std::size_t advance(std::string_view s, std::size_t from, long n) {
  std::size_t i = from;
  for (; n > 0 && i < s.size(); --n) {
    ++i;
    while (i < s.size() && is_continuation(s[i])) {
      ++i;
    }
  }
  for (; n < 0 && i > 0; ++n) {
    --i;
    while (i > 0 && is_continuation(s[i])) {
      --i;
    }
  }
  return i;
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return !is_continuation(c); }));
}

}  // namespace

std::vector<SnippetPiece> snippet_pieces(const Result& result, std::size_t max_chars) {
  const std::string_view text = result.text;
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const Match& m : result.matches) {
    if (m.start < m.end && m.end <= text.size()) {
      spans.emplace_back(m.start, m.end);
    }
  }
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<std::size_t, std::size_t>> merged;
  for (const auto& s : spans) {
    if (!merged.empty() && s.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, s.second);
    } else {
      merged.push_back(s);
    }
  }

  std::size_t from = 0;
  std::size_t to = text.size();
  if (max_chars > 0 && code_points(text) > max_chars) {
    const std::size_t anchor = merged.empty() ? 0 : merged.front().first;
    from = merged.empty() ? 0 : advance(text, anchor, -static_cast<long>(max_chars / 4));
    to = advance(text, from, static_cast<long>(max_chars));
    if (to == text.size()) {
      from = advance(text, to, -static_cast<long>(max_chars));
    }
    // Prefer to cut at a space within a few characters.
    if (from > 0) {
      const std::size_t space = text.find(' ', from);
      if (space != std::string_view::npos && space < anchor && space - from < 40) {
        from = space + 1;
      }
    }
    if (to < text.size()) {
      const std::size_t space = text.rfind(' ', to);
      if (space != std::string_view::npos && space > from && to - space < 40) {
        to = space;
      }
    }
    from = boundary(text, from, true);
    to = boundary(text, to, false);
  }

  std::vector<SnippetPiece> out;
  auto add = [&](std::size_t a, std::size_t b, bool match) {
    std::string piece;
    for (std::size_t i = a; i < b; ++i) {
      piece.push_back(text[i] == '\n' || text[i] == '\r' || text[i] == '\t' ? ' ' : text[i]);
    }
    if (!piece.empty()) {
      out.push_back({std::move(piece), match});
    }
  };
  if (from > 0) {
    out.push_back({"… ", false});
  }
  std::size_t at = from;
  for (const auto& [s, e] : merged) {
    if (e <= from || s >= to) {
      continue;
    }
    const std::size_t a = std::max(s, from);
    const std::size_t b = std::min(e, to);
    add(at, a, false);
    add(a, b, true);
    at = b;
  }
  add(at, to, false);
  if (to < text.size()) {
    out.push_back({" …", false});
  }
  return out;
}

std::vector<SnippetPiece> visual_order(const std::vector<SnippetPiece>& pieces) {
  std::u16string line;
  std::vector<bool> match;
  for (const SnippetPiece& p : pieces) {
    const std::u16string u = internal::decode_utf8(p.text).text;
    line += u;
    match.insert(match.end(), u.size(), p.match);
  }
  if (line.empty()) {
    return {};
  }
  UErrorCode status = U_ZERO_ERROR;
  const auto length = static_cast<int32_t>(line.size());
  UBiDi* bidi = ubidi_openSized(length, 0, &status);
  ubidi_setPara(bidi, line.data(), length, UBIDI_DEFAULT_LTR, nullptr, &status);
  std::u16string visual(line.size(), u'\0');
  ubidi_writeReordered(bidi, visual.data(), length, UBIDI_DO_MIRRORING, &status);
  std::vector<int32_t> map(line.size());
  ubidi_getVisualMap(bidi, map.data(), &status);
  ubidi_close(bidi);
  if (U_FAILURE(status) != 0) {
    return pieces;  // a display nicety: the logical order is still correct text
  }
  std::vector<SnippetPiece> out;
  for (std::size_t i = 0; i < visual.size(); ++i) {
    const bool m = map[i] >= 0 && match[static_cast<std::size_t>(map[i])];
    if (out.empty() || out.back().match != m) {
      out.push_back({"", m});
    }
    // Reordering keeps surrogate pairs together; copy them as a whole.
    std::size_t n = 1;
    if (U16_IS_LEAD(visual[i]) && i + 1 < visual.size() && U16_IS_TRAIL(visual[i + 1])) {
      n = 2;
    }
    out.back().text += internal::to_utf8(std::u16string_view(visual.data() + i, n));
    i += n - 1;
  }
  return out;
}

std::string snippet(const Result& result, std::string_view open, std::string_view close,
                    std::size_t max_chars) {
  std::string out;
  for (const SnippetPiece& p : snippet_pieces(result, max_chars)) {
    if (p.match) {
      out += open;
      out += p.text;
      out += close;
    } else {
      out += p.text;
    }
  }
  return out;
}

}  // namespace talash
