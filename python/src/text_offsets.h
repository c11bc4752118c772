// Python str indices of the UTF-8 byte offsets the engine reports, and str objects of its UTF-8
// text. Python indexes a str by code point; the engine counts bytes.
#ifndef TALASH_PYTHON_TEXT_OFFSETS_H_
#define TALASH_PYTHON_TEXT_OFFSETS_H_

#include <cstddef>
#include <string_view>

#include <pybind11/pybind11.h>

namespace talash::python {

namespace py = pybind11;

// `text` as a str. Bytes that are not UTF-8 (a document indexed from bytes in C++) become U+FFFD,
// as Python's "replace" error handler makes them, so reading a result never fails.
py::str to_str(std::string_view text);

// Converts byte offsets in one text to indices in to_str(text). Offsets asked in increasing order
// cost the bytes between them; an earlier one starts again from the beginning. Offsets must fall
// on character boundaries, as the engine's do. Needs the GIL.
class StrOffsets {
 public:
  explicit StrOffsets(std::string_view text);

  // The index in to_str(text) of the character at byte `byte` (text.size() for the end).
  py::ssize_t at(std::size_t byte);

 private:
  std::string_view text_;
  bool valid_utf8_;
  std::size_t byte_ = 0;
  py::ssize_t index_ = 0;
};

}  // namespace talash::python

#endif  // TALASH_PYTHON_TEXT_OFFSETS_H_
