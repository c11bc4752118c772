// talash.Analyzer and talash.Token: the analysis chain that indexing and search share.
#include "bindings.h"
#include "text_offsets.h"

#include <talash/analyzer.h>

#include <string>
#include <vector>

#include <pybind11/stl.h>

namespace talash::python {

namespace {

// A token with str offsets into the analysed text.
struct PyToken {
  std::string term;
  py::str word;
  py::ssize_t start = 0;
  py::ssize_t end = 0;
  std::uint32_t position = 0;
  std::vector<std::string> parts;
  std::vector<std::string> keys;
};

std::vector<PyToken> tokens(const Analyzer& analyzer, const std::string& text) {
  std::vector<Token> found = analyzer.tokenize(text);
  std::vector<PyToken> out;
  out.reserve(found.size());
  StrOffsets offsets(text);
  for (Token& t : found) {
    PyToken p;
    p.start = offsets.at(t.start);
    p.end = offsets.at(t.end);
    p.word = to_str(std::string_view(text).substr(t.start, t.end - t.start));
    p.term = std::move(t.term);
    p.position = t.position;
    p.parts = std::move(t.parts);
    p.keys = std::move(t.keys);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

void bind_analyzer(py::module_& m) {
  py::class_<PyToken>(m, "Token", "One word of analysed text.")
      .def_readonly("term", &PyToken::term,
                    "The normalized form under which the word is indexed and searched.")
      .def_readonly("word", &PyToken::word, "The word as written: text[start:end].")
      .def_readonly("start", &PyToken::start, "Index of the word's first character in the text.")
      .def_readonly("end", &PyToken::end, "Index just past the word's last character.")
      .def_readonly("position", &PyToken::position,
                    "1-based word position in the text; phrases compare positions.")
      .def_readonly("parts", &PyToken::parts,
                    "The normalized parts of a word written with ZWNJ, pure affixes left out; "
                    "empty for other words.")
      .def_readonly("keys", &PyToken::keys,
                    "Transliteration keys: consonant skeletons under which spellings of one name "
                    "in Latin and Arabic script meet.")
      .def("__repr__", [](const PyToken& t) {
        return py::str("Token(term={!r}, word={!r}, start={}, end={}, position={})")
            .format(t.term, t.word, t.start, t.end, t.position);
      });

  py::class_<Analyzer>(
      m, "Analyzer",
      "The text analysis chain that indexing and search share: ICU word "
      "segmentation, then per word NFKC, case folding, removal of diacritics and "
      "invisible characters, folding of Arabic-script letter variants and digits.\n\n"
      "Calls hold the GIL, so an Analyzer may be shared by threads, which then take turns.")
      .def(py::init<>(), "Creates an analyzer. Raises talash.Error if ICU is broken.")
      .def("tokens", &tokens, py::arg("text"),
           "The words of `text` in order, as Token objects whose start and end index `text`.")
      .def("normalize", &Analyzer::normalize, py::arg("word"),
           "The normalized term of a single word (its first token); '' if it has no word "
           "characters.")
      .def("transliteration_keys", &Analyzer::transliteration_keys, py::arg("word"),
           "The transliteration keys of a single word, as a query word gets them.")
      .def_static("detect_language", &Analyzer::detect_language, py::arg("text"),
                  "'ur', 'fa' or 'en' from the letters `text` uses; '' when it has none.");
}

}  // namespace talash::python
