#include "text_offsets.h"

#include <algorithm>

namespace talash::python {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Strict UTF-8 as Python decodes it: no overlong forms, no surrogates, nothing past U+10FFFF.
bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    unsigned cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size() || !is_continuation(s[i + k])) {
        return false;
      }
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (n == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

}  // namespace

py::str to_str(std::string_view text) {
  PyObject* s = PyUnicode_DecodeUTF8(text.data(), static_cast<py::ssize_t>(text.size()), "replace");
  if (s == nullptr) {
    throw py::error_already_set();
  }
  return py::reinterpret_steal<py::str>(s);
}

StrOffsets::StrOffsets(std::string_view text) : text_(text), valid_utf8_(valid_utf8(text)) {}

py::ssize_t StrOffsets::at(std::size_t byte) {
  byte = std::min(byte, text_.size());
  if (!valid_utf8_) {
    // Rare (only text indexed from invalid bytes): let Python's decoder say how many characters
    // the replacements make.
    return static_cast<py::ssize_t>(py::len(to_str(text_.substr(0, byte))));
  }
  if (byte < byte_) {
    byte_ = 0;
    index_ = 0;
  }
  for (; byte_ < byte; ++byte_) {
    if (!is_continuation(text_[byte_])) {
      ++index_;
    }
  }
  return index_;
}

}  // namespace talash::python
