// talash.Query: a search parsed from the query language or built in code. Building never raises:
// a query that cannot be run has ok False and says why in error, and search() raises QueryError
// for it, as the C++ API does.
#include "bindings.h"

#include <talash/query.h>

#include <string>
#include <vector>

#include <pybind11/stl.h>

namespace talash::python {

namespace {

std::vector<Query> parts_of(const py::iterable& parts) {
  std::vector<Query> out;
  for (const py::handle& p : parts) {
    out.push_back(p.cast<Query>());
  }
  return out;
}

}  // namespace

void bind_query(py::module_& m) {
  py::class_<Query>(m, "Query",
                    "A search request, parsed from the query language (Query('Enver \"Anwar "
                    "Pasha\" lang:fa')) or built from words so that user text never needs "
                    "quoting (Query.all_of([Query.word('Enver'), Query.phrase('Anwar Pasha')])). "
                    "Operators: a & b is all_of, a | b any_of, a - b but_not.\n\n"
                    "Immutable; may be shared by threads and Searchers.")
      .def(py::init<std::string_view>(), py::arg("text"),
           "Parses `text` in the query language (words, \"phrases\", =word, OR, NOT or -word, "
           "parentheses, NEAR and NEAR/n, lang: and doc: filters). Never raises: see ok and "
           "error.")
      .def_static("word", &Query::word, py::arg("word"),
                  "A word matched as default matching does: its spellings, stems, compounds and "
                  "its transliterations in the other script.")
      .def_static("exact_word", &Query::exact_word, py::arg("word"),
                  "A word matched in its own spelling only (normalized): =word.")
      .def_static("phrase", &Query::phrase, py::arg("words"),
                  "Words that must stand together, in order, spelled as given.")
      .def_static(
          "all_of", [](const py::iterable& parts) { return Query::all_of(parts_of(parts)); },
          py::arg("parts"), "Passages matching every one of `parts` (Query objects).")
      .def_static(
          "any_of", [](const py::iterable& parts) { return Query::any_of(parts_of(parts)); },
          py::arg("parts"), "Passages matching any of `parts`, ranked by how many.")
      .def_static(
          "near",
          [](const py::iterable& parts, long long window) {
            return Query::near(parts_of(parts),
                               static_cast<unsigned>(count_argument("window", window)));
          },
          py::arg("parts"), py::arg("window") = 10,
          "Passages where the words or phrases of `parts` stand within `window` words of each "
          "other.")
      .def("but_not", &Query::but_not, py::arg("excluded"),
           "Passages matching this query and not `excluded`.")
      .def("in_language", &Query::in_language, py::arg("lang"),
           "Passages of one language only: 'ur', 'fa' or 'en'.")
      .def("__and__",
           [](const Query& a, const Query& b) {
             return Query::all_of({a, b});
           })
      .def("__or__",
           [](const Query& a, const Query& b) {
             return Query::any_of({a, b});
           })
      .def("__sub__", &Query::but_not)
      .def_property_readonly("ok", &Query::ok, "True if the query can be run.")
      .def_property_readonly("error", &Query::error, "Why the query cannot be run; '' if it can.")
      .def_property_readonly("error_position", &Query::error_position,
                             "Where in text the error lies, in code points from 0; None if the "
                             "query is ok or was built in code.")
      .def_property_readonly("error_length", &Query::error_length,
                             "How many code points of text the error spans; 0 without a "
                             "position.")
      .def_property_readonly("notices", &Query::notices,
                             "One line for each repair made to the text while parsing.")
      .def_property_readonly("text", &Query::text,
                             "The text parsed, or a built query written in the query language.")
      .def("__str__", &Query::text)
      .def("__repr__", [](const Query& q) {
        return py::str(q.ok() ? "Query({!r})" : "Query({!r}, error={!r})")
            .format(q.text(), q.error());
      });
}

}  // namespace talash::python
