// The _talash extension module: libtalash for Python. The package talash (python/talash) is
// what users import; it re-exports everything defined here.
#include "bindings.h"

#include <talash/names.h>
#include <talash/version.h>

#include <pybind11/stl.h>

namespace talash::python {

std::size_t count_argument(const char* name, long long value) {
  if (value < 0) {
    throw UsageError(std::string(name) + " must be 0 or more, not " + std::to_string(value));
  }
  return static_cast<std::size_t>(value);
}

}  // namespace talash::python

PYBIND11_MODULE(_talash, m) {
  using namespace talash::python;
  m.doc() = "Talash's engine, bound from libtalash; import talash rather than this module.";
  m.def("version", &talash::version, "The library's release version, e.g. '0.1.0'.");
  m.def("analysis_version", &talash::analysis_version,
        "The version of the analysis chain; an index built by another one must be rebuilt.");
  m.def("read_name_groups", &talash::read_name_groups, py::arg("path"),
        "Reads a names file (one group of spellings of one name a line, separated by commas) "
        "for Searcher.search(names=...). Raises IoError if it cannot be read, UsageError naming "
        "the file and line for a bad line.");
  bind_errors(m);
  bind_analyzer(m);
  bind_query(m);
  bind_index_writer(m);
  bind_searcher(m);
}
