// The _talash extension module, one file per part of the public API it binds; this header is what
// those files share.
#ifndef TALASH_PYTHON_BINDINGS_H_
#define TALASH_PYTHON_BINDINGS_H_

#include <talash/error.h>

#include <cstddef>
#include <optional>
#include <string>

#include <pybind11/pybind11.h>

namespace talash::python {

namespace py = pybind11;

void bind_errors(py::module_& m);
void bind_analyzer(py::module_& m);
void bind_query(py::module_& m);
void bind_index_writer(py::module_& m);
void bind_searcher(py::module_& m);

// A search request the engine refused (a malformed or empty query, an unknown language): the
// engine's QueryError or UsageError, raised in Python as talash.QueryError with the part of the
// query at fault as its position and length attributes (None and 0 where there is none).
class QueryError : public UsageError {
 public:
  explicit QueryError(const std::string& message, std::optional<std::size_t> position = {},
                      std::size_t length = 0)
      : UsageError(message), position_(position), length_(length) {}
  std::optional<std::size_t> position() const { return position_; }
  std::size_t length() const { return length_; }

 private:
  std::optional<std::size_t> position_;
  std::size_t length_ = 0;
};

// `value` as a count, for an argument named `name`; throws UsageError (talash.UsageError, a
// ValueError) if it is negative.
std::size_t count_argument(const char* name, long long value);

}  // namespace talash::python

#endif  // TALASH_PYTHON_BINDINGS_H_
