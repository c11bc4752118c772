// talash.IndexWriter: builds or updates an index; a context manager that commits when its block
// ends normally and rolls back when it ends by an exception.
#include "bindings.h"

#include <talash/index_writer.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <pybind11/stl.h>

namespace talash::python {

namespace {

// The writer, and a lock that makes calls from several Python threads take turns: the GIL is let
// go during them, and an IndexWriter must be used by one thread at a time.
class PyIndexWriter {
 public:
  PyIndexWriter(std::string path, bool rebuild, long long threads, long long passage_chars)
      : path_(std::move(path)) {
    IndexOptions options;
    options.rebuild = rebuild;
    options.threads = count_argument("threads", threads);
    options.passage_chars = count_argument("passage_chars", passage_chars);
    if (options.passage_chars == 0) {
      throw UsageError("passage_chars must be 1 or more");
    }
    py::gil_scoped_release release;
    writer_.emplace(path_, options);
  }

  std::size_t add(std::string doc, const std::string& text, const std::optional<std::string>& title,
                  const std::optional<std::string>& lang,
                  const std::optional<std::string>& source) {
    // As talash-index joins a JSONL record's title and text.
    std::string body = title && !title->empty() ? *title + "\n\n" + text : text;
    Document d(std::move(doc), std::move(body), lang.value_or(""), source.value_or(""));
    return locked([&](IndexWriter& w) { return w.add(std::move(d)).passages; });
  }

  bool remove(const std::string& doc) {
    return locked([&](IndexWriter& w) { return w.remove(doc); });
  }

  std::size_t remove_source(const std::string& source) {
    return locked([&](IndexWriter& w) { return w.remove_source(source); });
  }

  std::vector<std::string> documents_of(const std::string& source) {
    return locked([&](IndexWriter& w) { return w.documents_of(source); });
  }

  void commit() {
    locked([](IndexWriter& w) { w.commit(); });
  }

  // Commits, then closes: the lock is free for another writer at once.
  void close() {
    py::gil_scoped_release release;
    const std::lock_guard<std::mutex> hold(mutex_);
    if (writer_) {
      writer_->commit();
      writer_.reset();
    }
  }

  void rollback() {
    py::gil_scoped_release release;
    const std::lock_guard<std::mutex> hold(mutex_);
    if (writer_) {
      writer_->rollback();
      writer_.reset();
    }
  }

  bool closed() {
    const std::lock_guard<std::mutex> hold(mutex_);
    return !writer_;
  }

  const std::string& path() const { return path_; }

 private:
  template <typename F>
  auto locked(F&& f) -> decltype(f(std::declval<IndexWriter&>())) {
    py::gil_scoped_release release;
    const std::lock_guard<std::mutex> hold(mutex_);
    if (!writer_) {
      throw UsageError("the writer of the index at " + path_ +
                       " is closed; open a new IndexWriter to write again");
    }
    return f(*writer_);
  }

  std::string path_;
  std::mutex mutex_;
  std::optional<IndexWriter> writer_;
};

}  // namespace

void bind_index_writer(py::module_& m) {
  py::class_<PyIndexWriter>(
      m, "IndexWriter",
      "Builds or updates the index in a directory, creating it if missing.\n\n"
      "Use it as a context manager: the block's end commits, and an exception in the block rolls "
      "back everything added since the last commit (the index keeps what it held):\n\n"
      "    with talash.IndexWriter('my-index') as writer:\n"
      "        writer.add('notes.txt', 'Enver Pasha reached Dushanbe in 1922.')\n\n"
      "Only one writer, in any process, may have an index open (DatabaseLockError); Searchers may "
      "read it meanwhile and see its last commit. The GIL is released while it works. Calls from "
      "several threads take turns; the writer analyses on threads of its own (threads=0: one per "
      "core).")
      .def(py::init<std::string, bool, long long, long long>(), py::arg("path"), py::kw_only(),
           py::arg("rebuild") = false, py::arg("threads") = 0, py::arg("passage_chars") = 600,
           "Opens the index at `path` for writing. rebuild=True starts from an empty index (the "
           "old one stays readable until the first commit). Raises DatabaseLockError, "
           "VersionMismatchError (an index of another analysis version, unless rebuild), "
           "DatabaseError or IoError.")
      .def("add", &PyIndexWriter::add, py::arg("doc"), py::arg("text"), py::kw_only(),
           py::arg("title") = py::none(), py::arg("lang") = py::none(),
           py::arg("source") = py::none(),
           "Indexes `text` as document `doc` (the name results report), replacing what was "
           "indexed under that name; returns the number of passages. A title is indexed before "
           "the text, as talash-index does for JSONL. lang: 'ur', 'fa' or 'en' if known, else "
           "detected per passage. source: the file the document came from, for remove_source().")
      .def("remove", &PyIndexWriter::remove, py::arg("doc"),
           "Removes every passage of `doc`; True if there were any.")
      .def("remove_source", &PyIndexWriter::remove_source, py::arg("source"),
           "Removes every document that came from `source`; returns the passages removed.")
      .def("documents_of", &PyIndexWriter::documents_of, py::arg("source"),
           "The names of the documents that came from `source`.")
      .def("commit", &PyIndexWriter::commit,
           "Makes everything added so far durable and visible to searchers.")
      .def("rollback", &PyIndexWriter::rollback,
           "Discards everything since the last commit and closes the writer.")
      .def("close", &PyIndexWriter::close,
           "Commits and closes the writer, freeing the index for another writer. A closed writer "
           "raises UsageError.")
      .def_property_readonly("closed", &PyIndexWriter::closed, "True once closed or rolled back.")
      .def_property_readonly("path", &PyIndexWriter::path, "The index's directory.")
      .def("__enter__", [](py::object self) { return self; })
      .def(
          "__exit__",
          [](PyIndexWriter& self, const py::object& type, const py::object&, const py::object&) {
            if (type.is_none()) {
              self.close();
            } else {
              self.rollback();
            }
            return false;
          },
          py::arg("exc_type"), py::arg("exc"), py::arg("traceback"))
      .def("__repr__", [](PyIndexWriter& self) {
        return py::str("<talash.IndexWriter {!r}{}>")
            .format(self.path(), self.closed() ? " (closed)" : "");
      });
}

}  // namespace talash::python
