#include "results.h"

#include "bindings.h"
#include "text_offsets.h"

#include <talash/snippet.h>

#include <cstdio>

namespace talash::python {

namespace {

py::list neighbours(const std::vector<Neighbour>& from) {
  py::list out;
  for (const Neighbour& n : from) {
    out.append(PyNeighbour{n.passage, n.start, n.end, to_str(n.text)});
  }
  return out;
}

// The line talash-search --explain prints for a match.
std::string explain_line(const Match& m) {
  std::string line = m.query_word + " -> " + m.passage_word + " (" + m.kind;
  if (m.kind == "transliteration") {
    char buf[16];
    std::snprintf(buf, sizeof buf, " %.2g", m.similarity);
    line += buf;
  }
  return line + ")";
}

}  // namespace

PyResult::PyResult(Result r, bool explain) : result(std::move(r)), text(to_str(result.text)) {
  StrOffsets offsets(result.text);
  for (const Match& m : result.matches) {
    matches.append(PyMatch{m.query_word, m.passage_word, offsets.at(m.start), offsets.at(m.end),
                           m.kind, m.similarity});
    if (explain) {
      explanation.append(explain_line(m));
    }
  }
  before = neighbours(result.before);
  after = neighbours(result.after);
}

PySearchResults to_python(SearchResults found, bool explain) {
  PySearchResults out;
  out.query = std::move(found.query);
  out.total = found.total;
  out.fallback = found.fallback;
  for (const auto& [lang, n] : found.total_by_lang) {
    out.total_by_lang[py::str(lang)] = n;
  }
  for (const std::string& n : found.notices) {
    out.notices.append(n);
  }
  for (Result& r : found.results) {
    out.results.append(PyResult(std::move(r), explain));
  }
  return out;
}

void bind_results(py::module_& m) {
  py::class_<PyMatch>(m, "Match", "How one query word matched one word of a passage.")
      .def_readonly("query_word", &PyMatch::query_word, "The query word as the user wrote it.")
      .def_readonly("word", &PyMatch::word, "The passage's word as written: text[start:end].")
      .def_readonly("start", &PyMatch::start, "Index of the word in the Result's text.")
      .def_readonly("end", &PyMatch::end, "Index just past the word.")
      .def_readonly("kind", &PyMatch::kind,
                    "'exact', 'normalized' (letter variants, diacritics, digits, ZWNJ), "
                    "'compound', 'stem' or 'transliteration'.")
      .def_readonly("similarity", &PyMatch::similarity,
                    "Similarity of the two spellings for a transliteration, in (0, 1]; 1 "
                    "otherwise.")
      .def("__repr__", [](const PyMatch& x) {
        return py::str("Match({!r} -> {!r}, {}, {}:{})")
            .format(x.query_word, x.word, x.kind, x.start, x.end);
      });

  py::class_<PyNeighbour>(m, "Neighbour", "A passage next to a result, returned for context.")
      .def_readonly("passage", &PyNeighbour::passage, "1-based ordinal in its document.")
      .def_readonly("text", &PyNeighbour::text, "The passage's text.")
      .def_property_readonly(
          "byte_range",
          [](const PyNeighbour& n) { return py::make_tuple(n.byte_start, n.byte_end); },
          "(start, end): the passage's place in its document's UTF-8 bytes.");

  py::class_<PyResult>(m, "Result", "A passage found by a search.")
      .def_property_readonly(
          "doc", [](const PyResult& r) { return r.result.doc; }, "The document's name, as indexed.")
      .def_property_readonly(
          "passage", [](const PyResult& r) { return r.result.passage; },
          "1-based ordinal of the passage in its document.")
      .def_property_readonly(
          "lang", [](const PyResult& r) { return r.result.lang; },
          "The passage's language: 'ur', 'fa' or 'en'.")
      .def_property_readonly(
          "score", [](const PyResult& r) { return r.result.score; },
          "Relevance (BM25 based); comparable only within one search.")
      .def_readonly("text", &PyResult::text, "The passage's text, verbatim.")
      .def_readonly("matches", &PyResult::matches,
                    "The matched words (Match objects), in text order.")
      .def_readonly("before", &PyResult::before,
                    "With context=N: the N passages before this one (Neighbour objects).")
      .def_readonly("after", &PyResult::after, "With context=N: the N passages after this one.")
      .def_readonly("explanation", &PyResult::explanation,
                    "With explain=True: a line per match, 'Enver -> انور (transliteration "
                    "0.8)', as talash-search --explain prints them.")
      .def_property_readonly(
          "byte_range",
          [](const PyResult& r) { return py::make_tuple(r.result.start, r.result.end); },
          "(start, end): the passage's place in its document's UTF-8 bytes.")
      .def(
          "snippet",
          [](const PyResult& r, std::string_view before, std::string_view after,
             long long max_chars) {
            return to_str(snippet(r.result, before, after, count_argument("max_chars", max_chars)));
          },
          py::arg("before") = "[", py::arg("after") = "]", py::arg("max_chars") = 0,
          "The text with each match between `before` and `after`; with max_chars, cut to about "
          "that many characters around the first match, '…' where text was left out.")
      .def("__repr__", [](const PyResult& r) {
        return py::str("<talash.Result {!r} #{} {} score={:.3f}>")
            .format(r.result.doc, r.result.passage, r.result.lang, r.result.score);
      });

  py::class_<PySearchResults>(m, "SearchResults",
                              "A page of results: iterate it, index it, or take len().")
      .def_readonly("query", &PySearchResults::query, "The query as given.")
      .def_readonly("total", &PySearchResults::total,
                    "Estimated number of matching passages (before the per-document cap).")
      .def_readonly("total_by_lang", &PySearchResults::total_by_lang,
                    "With mix_languages: matching passages by language ('en', 'fa', 'ur'), exact "
                    "up to 1,000 each; else empty.")
      .def_readonly("fallback", &PySearchResults::fallback,
                    "True when no passage matched every word, so these match any word.")
      .def_readonly("notices", &PySearchResults::notices,
                    "A line for each repair made to the query, for the user to see.")
      .def_readonly("results", &PySearchResults::results, "The Result objects, best first.")
      .def("__len__", [](const PySearchResults& s) { return py::len(s.results); })
      .def("__iter__", [](const PySearchResults& s) { return s.results.attr("__iter__")(); })
      .def("__getitem__",
           [](const PySearchResults& s, const py::object& i) { return s.results[i]; })
      .def("__repr__", [](const PySearchResults& s) {
        return py::str("<talash.SearchResults {!r}: {} of about {}>")
            .format(s.query, py::len(s.results), s.total);
      });
}

}  // namespace talash::python
