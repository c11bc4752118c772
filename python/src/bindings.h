// The _talash extension module, one file per part of the public API it binds; this header is what
// those files share.
#ifndef TALASH_PYTHON_BINDINGS_H_
#define TALASH_PYTHON_BINDINGS_H_

#include <talash/error.h>

#include <cstddef>
#include <string>

#include <pybind11/pybind11.h>

namespace talash::python {

namespace py = pybind11;

void bind_errors(py::module_& m);
void bind_analyzer(py::module_& m);
void bind_query(py::module_& m);
void bind_index_writer(py::module_& m);
void bind_searcher(py::module_& m);

// `value` as a count, for an argument named `name`; throws UsageError (talash.UsageError, a
// ValueError) if it is negative.
std::size_t count_argument(const char* name, long long value);

}  // namespace talash::python

#endif  // TALASH_PYTHON_BINDINGS_H_
