// talash.Searcher: runs queries against an index.
#include "bindings.h"
#include "results.h"

#include <talash/query.h>
#include <talash/searcher.h>

#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <pybind11/stl.h>

namespace talash::python {

namespace {

// The searcher, and a lock that makes calls from several Python threads take turns: the GIL is
// let go during a search, and a Searcher must be used by one thread at a time. Threads that want
// to search in parallel open a Searcher each.
class PySearcher {
 public:
  explicit PySearcher(std::string path) : path_(std::move(path)) {
    py::gil_scoped_release release;
    searcher_.emplace(path_);
  }

  PySearchResults search(const std::variant<std::string, Query>& query, long long limit,
                         long long offset, const std::optional<std::string>& lang, bool exact,
                         long long per_doc, bool explain, long long context,
                         const std::string& sort, const std::vector<std::string>& docs,
                         bool highlight, double time_limit, bool mix_languages,
                         const NameGroups& names) {
    SearchOptions options;
    options.limit = count_argument("limit", limit);
    options.offset = count_argument("offset", offset);
    options.per_doc = count_argument("per_doc", per_doc);
    options.context = count_argument("context", context);
    options.lang = lang.value_or("");
    options.exact = exact;
    if (sort == "relevance") {
      options.sort = SearchOptions::Sort::kRelevance;
    } else if (sort == "document") {
      options.sort = SearchOptions::Sort::kDocument;
    } else {
      throw UsageError("sort must be 'relevance' or 'document', not '" + sort + "'");
    }
    options.doc_patterns = docs;
    options.highlight = highlight || explain;
    if (time_limit < 0) {
      throw UsageError("time_limit must be 0 (none) or more");
    }
    options.time_limit = time_limit;
    options.mix_languages = mix_languages;
    options.names = names;
    SearchResults found;
    {
      py::gil_scoped_release release;
      const std::lock_guard<std::mutex> hold(mutex_);
      Searcher& searcher = open();
      try {
        found = std::holds_alternative<Query>(query)
                    ? searcher.search(std::get<Query>(query), options)
                    : searcher.search(std::get<std::string>(query), options);
      } catch (const QueryError&) {
        throw;
      } catch (const UsageError& e) {
        // A bad option of the search (lang) is refused as a query is: talash.QueryError.
        throw QueryError(e.what());
      }
    }
    return to_python(std::move(found), explain);
  }

  std::optional<PyResult> passage(const std::string& doc, long long ordinal, long long context) {
    const std::size_t n = count_argument("passage", ordinal);
    const std::size_t around = count_argument("context", context);
    std::optional<Result> found;
    {
      py::gil_scoped_release release;
      const std::lock_guard<std::mutex> hold(mutex_);
      found = open().passage(doc, n, around);
    }
    if (!found) {
      return std::nullopt;
    }
    return PyResult(std::move(*found), false);
  }

  py::dict stats() {
    IndexStats s;
    {
      py::gil_scoped_release release;
      const std::lock_guard<std::mutex> hold(mutex_);
      s = open().stats();
    }
    // The keys and values of talash-search --stats --json.
    py::dict by_lang;
    by_lang["ur"] = s.passages_ur;
    by_lang["fa"] = s.passages_fa;
    by_lang["en"] = s.passages_en;
    py::dict out;
    out["documents"] = s.documents;
    out["passages"] = s.passages;
    out["passages_by_lang"] = by_lang;
    out["distinct_terms"] = s.distinct_terms;
    out["analysis_version"] = s.analysis_version;
    out["size_bytes"] = s.size_bytes;
    out["committed"] = s.committed;
    return out;
  }

  bool reopen() {
    py::gil_scoped_release release;
    const std::lock_guard<std::mutex> hold(mutex_);
    return open().reopen();
  }

  void close() {
    py::gil_scoped_release release;
    const std::lock_guard<std::mutex> hold(mutex_);
    searcher_.reset();
  }

  const std::string& path() const { return path_; }

 private:
  Searcher& open() {
    if (!searcher_) {
      throw UsageError("the searcher of the index at " + path_ + " is closed");
    }
    return *searcher_;
  }

  std::string path_;
  std::mutex mutex_;
  std::optional<Searcher> searcher_;
};

}  // namespace

void bind_searcher(py::module_& m) {
  bind_results(m);
  py::class_<PySearcher>(
      m, "Searcher",
      "Runs queries against the index in a directory and returns ranked passages.\n\n"
      "A Searcher reads the commit that was newest when it was opened; reopen() moves it to the "
      "newest. The GIL is released during a search. Calls from several threads on one Searcher "
      "take turns; to search in parallel, open one Searcher per thread. Also a context manager "
      "(closing at the block's end).")
      .def(py::init<std::string>(), py::arg("path"),
           "Opens the index at `path`. Raises DatabaseNotFoundError, DatabaseCorruptError or "
           "VersionMismatchError (an index built by another analysis version).")
      .def("search", &PySearcher::search, py::arg("query"), py::kw_only(), py::arg("limit") = 10,
           py::arg("offset") = 0, py::arg("lang") = py::none(), py::arg("exact") = false,
           py::arg("per_doc") = 3, py::arg("explain") = false, py::arg("context") = 0,
           py::arg("sort") = "relevance", py::arg("docs") = std::vector<std::string>{},
           py::arg("highlight") = true, py::arg("time_limit") = 0.0,
           py::arg("mix_languages") = false, py::arg("names") = NameGroups{},
           "Runs `query` (a str in the query language, or a Query) and returns a SearchResults "
           "page.\n\n"
           "limit, offset: the page; lang: 'ur', 'fa' or 'en' only; exact: the query's own "
           "spelling only (no stems, no transliteration); per_doc: at most this many passages per "
           "document (0: no cap); explain: fill each Result's explanation; context: also return "
           "this many neighbouring passages on each side; sort: 'relevance' or 'document'; docs: "
           "globs the document names must match; highlight=False leaves matches empty and costs "
           "about half as much; time_limit: seconds after which the best found so far are "
           "returned; mix_languages: deal the first 10 places round the languages that have "
           "matches, and count each language's (total_by_lang), at the cost of a ranking per "
           "language; names: groups of spellings of one name each (read_name_groups()), each "
           "finding the others.\n\n"
           "Raises QueryError for an empty, malformed or unrunnable query or a bad option, "
           "DatabaseError if the index cannot be read.")
      .def("passage", &PySearcher::passage, py::arg("doc"), py::arg("passage"), py::kw_only(),
           py::arg("context") = 0,
           "Passage `passage` (1-based) of document `doc` as a Result (score 0, no matches), with "
           "`context` neighbours on each side; None if there is no such passage.")
      .def("stats", &PySearcher::stats,
           "Facts about the index, as a dict with the keys of talash-search --stats --json.")
      .def("reopen", &PySearcher::reopen,
           "Moves to the index's newest commit; False if nothing changed.")
      .def("close", &PySearcher::close, "Closes the index; later calls raise UsageError.")
      .def_property_readonly("path", &PySearcher::path, "The index's directory.")
      .def("__enter__", [](py::object self) { return self; })
      .def(
          "__exit__",
          [](PySearcher& self, const py::object&, const py::object&, const py::object&) {
            self.close();
            return false;
          },
          py::arg("exc_type"), py::arg("exc"), py::arg("traceback"))
      .def("__repr__",
           [](const PySearcher& s) { return py::str("<talash.Searcher {!r}>").format(s.path()); });
}

}  // namespace talash::python
