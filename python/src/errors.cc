// talash.Error and its subclasses, and the translation of libtalash's exceptions into them. The
// Python tree follows the C++ one; UsageError is also a ValueError, IoError an OSError and
// DatabaseNotFoundError a FileNotFoundError, so that code catching the built-in kinds sees them.
#include "bindings.h"

#include <exception>

namespace talash::python {

namespace {

// The exception types, made once when the module is imported; kept alive by the module.
struct ErrorTypes {
  PyObject* error = nullptr;
  PyObject* usage = nullptr;
  PyObject* query = nullptr;
  PyObject* io = nullptr;
  PyObject* database = nullptr;
  PyObject* not_found = nullptr;
  PyObject* lock = nullptr;
  PyObject* corrupt = nullptr;
  PyObject* version = nullptr;
};

ErrorTypes types;

PyObject* make_type(py::module_& m, const char* name, const char* doc, py::tuple bases,
                    const py::dict& attributes = py::dict()) {
  const std::string qualified = std::string("talash.") + name;
  PyObject* type = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), attributes.ptr());
  if (type == nullptr) {
    throw py::error_already_set();
  }
  m.add_object(name, py::handle(type));
  return type;
}

py::tuple bases(PyObject* a, PyObject* b = nullptr) {
  return b == nullptr ? py::make_tuple(py::handle(a))
                      : py::make_tuple(py::handle(a), py::handle(b));
}

}  // namespace

void bind_errors(py::module_& m) {
  types.error = make_type(m, "Error",
                          "Base of every error Talash raises; str(e) is a sentence naming the "
                          "file, index or query involved.",
                          bases(PyExc_RuntimeError));
  types.usage = make_type(m, "UsageError",
                          "The caller asked for something invalid: a bad argument value, a closed "
                          "writer.",
                          bases(types.error, PyExc_ValueError));
  types.query = make_type(m, "QueryError",
                          "A search the engine refused: an empty or malformed query, an unknown "
                          "language. position and length: the part of the query at fault, in "
                          "code points (query[position:position + length]), or None and 0.",
                          bases(types.usage),
                          py::dict(py::arg("position") = py::none(), py::arg("length") = 0));
  types.io = make_type(m, "IoError", "Reading or writing an input or output file failed.",
                       bases(types.error, PyExc_OSError));
  types.database = make_type(m, "DatabaseError", "Something is wrong with the index itself.",
                             bases(types.error));
  types.not_found = make_type(m, "DatabaseNotFoundError",
                              "There is no index at the path (or it is not a Talash index).",
                              bases(types.database, PyExc_FileNotFoundError));
  types.lock = make_type(m, "DatabaseLockError", "Another writer holds the index's write lock.",
                         bases(types.database));
  types.corrupt = make_type(m, "DatabaseCorruptError",
                            "The index's files are damaged or truncated.", bases(types.database));
  types.version = make_type(m, "VersionMismatchError",
                            "The index was built by another version of the analysis chain; "
                            "rebuild it.",
                            bases(types.database));

  // Most derived first: the first handler that matches raises.
  // pybind11 takes a plain function of std::exception_ptr by value.
  // NOLINTNEXTLINE(performance-unnecessary-value-param)
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) {
        std::rethrow_exception(p);
      }
    } catch (const QueryError& e) {
      // The instance made here rather than by PyErr_SetString, to carry where the query is wrong.
      py::object error = py::reinterpret_borrow<py::object>(types.query)(e.what());
      error.attr("position") = e.position() ? py::object(py::int_(*e.position())) : py::none();
      error.attr("length") = py::int_(e.length());
      PyErr_SetObject(types.query, error.ptr());
    } catch (const UsageError& e) {
      PyErr_SetString(types.usage, e.what());
    } catch (const IoError& e) {
      PyErr_SetString(types.io, e.what());
    } catch (const DatabaseNotFoundError& e) {
      PyErr_SetString(types.not_found, e.what());
    } catch (const DatabaseLockError& e) {
      PyErr_SetString(types.lock, e.what());
    } catch (const DatabaseCorruptError& e) {
      PyErr_SetString(types.corrupt, e.what());
    } catch (const VersionMismatchError& e) {
      PyErr_SetString(types.version, e.what());
    } catch (const DatabaseError& e) {
      PyErr_SetString(types.database, e.what());
    } catch (const Error& e) {
      PyErr_SetString(types.error, e.what());
    }
  });
}

}  // namespace talash::python
