// The result types of talash.Searcher: a passage found, the words it matched, its neighbours, a
// page of them. Offsets are str indices into the passage's text; the passage's place in its
// document is a byte range (byte_range), since the document's text is not at hand.
#ifndef TALASH_PYTHON_RESULTS_H_
#define TALASH_PYTHON_RESULTS_H_

#include <talash/searcher.h>

#include <string>

#include <pybind11/pybind11.h>

namespace talash::python {

namespace py = pybind11;

struct PyMatch {
  std::string query_word;
  std::string word;
  py::ssize_t start = 0;
  py::ssize_t end = 0;
  std::string kind;
  double similarity = 1.0;
};

struct PyNeighbour {
  std::size_t passage = 0;
  std::size_t byte_start = 0;
  std::size_t byte_end = 0;
  py::str text;
};

// A result, kept whole for snippet(), with its matches, neighbours and text made into Python
// objects once. Made with the GIL held.
struct PyResult {
  PyResult(Result r, bool explain);
  Result result;
  py::str text;
  py::list matches;
  py::list before;
  py::list after;
  py::list explanation;
};

struct PySearchResults {
  std::string query;
  std::size_t total = 0;
  bool fallback = false;
  py::dict total_by_lang;
  py::list notices;
  py::list results;
};

// Makes a page of results into Python objects; `explain` fills each Result's explanation.
PySearchResults to_python(SearchResults found, bool explain);

void bind_results(py::module_& m);

}  // namespace talash::python

#endif  // TALASH_PYTHON_RESULTS_H_
