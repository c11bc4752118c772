#include "index/passage_splitter.h"

#include "analysis/utf.h"

#include <string>

namespace talash::internal {
namespace {

bool is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

ByteRange trim(std::string_view text, ByteRange r) {
  while (r.start < r.end && is_space(static_cast<unsigned char>(text[r.start]))) {
    ++r.start;
  }
  while (r.end > r.start && is_space(static_cast<unsigned char>(text[r.end - 1]))) {
    --r.end;
  }
  return r;
}

// Length in bytes of a sentence terminator starting at `i`, or 0.
std::size_t terminator_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == '.' || c == '?' || c == '!') {
    return 1;
  }
  if (s.substr(i, 2) == "\xd8\x9f" /* ؟ */ || s.substr(i, 2) == "\xdb\x94" /* ۔ */) {
    return 2;
  }
  return 0;
}

// Splits one over-long paragraph into sentences, then packs them into pieces of about `target`.
void cut_paragraph(std::string_view text, ByteRange para, std::size_t target,
                   std::vector<ByteRange>& out) {
  std::vector<ByteRange> sentences;
  std::size_t begin = para.start;
  for (std::size_t i = para.start; i < para.end;) {
    const std::size_t t = terminator_at(text, i);
    if (t == 0) {
      ++i;
      continue;
    }
    std::size_t j = i + t;
    while (j < para.end && terminator_at(text, j) != 0) {
      j += terminator_at(text, j);  // ?! and ... end one sentence
    }
    if (j == para.end || is_space(static_cast<unsigned char>(text[j]))) {
      sentences.push_back({begin, j});
      begin = j;
    }
    i = j;
  }
  if (begin < para.end) {
    sentences.push_back({begin, para.end});
  }

  ByteRange current{para.start, para.start};
  std::size_t current_chars = 0;
  auto flush = [&] {
    const ByteRange r = trim(text, current);
    if (r.start < r.end) {
      out.push_back(r);
    }
    current = {current.end, current.end};
    current_chars = 0;
  };
  for (ByteRange s : sentences) {
    // A run-on sentence (or a file with no punctuation at all) is cut at spaces, else anywhere
    // between code points, so that no passage grows without bound.
    // The count is kept, not recounted per cut: a file of one 100 MB line must stay linear.
    std::size_t remaining = code_points(text.substr(s.start, s.end - s.start));
    while (remaining > 2 * target) {
      std::size_t cut = s.start;
      std::size_t n = 0;
      std::size_t last_space = 0;
      while (cut < s.end && n < target) {
        if (is_space(static_cast<unsigned char>(text[cut]))) {
          last_space = cut;
        }
        ++cut;
        while (cut < s.end && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
          ++cut;
        }
        ++n;
      }
      if (last_space > s.start) {
        cut = last_space;
      }
      remaining -= code_points(text.substr(s.start, cut - s.start));
      flush();
      current = {s.start, cut};
      flush();
      s.start = cut;
    }
    const std::size_t n = remaining;
    if (current_chars > 0 && current_chars + n > target) {
      flush();
    }
    if (current_chars == 0) {
      current.start = s.start;
    }
    current.end = s.end;
    current_chars += n;
  }
  flush();
}

}  // namespace

std::vector<ByteRange> split_passages(std::string_view text, std::size_t target_chars) {
  const std::size_t target = target_chars == 0 ? 1 : target_chars;
  const std::size_t long_line = target / 3;
  std::vector<ByteRange> out;
  ByteRange current{};
  std::size_t current_chars = 0;
  bool current_long = false;
  auto flush = [&] {
    const ByteRange r = trim(text, current);
    if (r.start < r.end) {
      if (code_points(text.substr(r.start, r.end - r.start)) > target) {
        cut_paragraph(text, r, target, out);
      } else {
        out.push_back(r);
      }
    }
    current_chars = 0;
    current_long = false;
  };
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    const std::size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    const ByteRange line = trim(text, {pos, line_end});
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (line.start == line.end) {
      // A blank line ends the paragraph; a second one, or one before the end, has none to end.
      if (current_chars > 0) {
        flush();
      }
      continue;
    }
    const std::size_t n = code_points(text.substr(line.start, line.end - line.start));
    const bool is_long = n >= long_line;
    if (current_chars > 0 && (current_long || is_long || current_chars + n > target)) {
      flush();
    }
    if (current_chars == 0) {
      current = line;
    } else {
      current.end = line.end;
    }
    current_chars += n + 1;
    current_long = is_long;
  }
  if (current_chars > 0) {
    flush();
  }
  return out;
}

}  // namespace talash::internal
