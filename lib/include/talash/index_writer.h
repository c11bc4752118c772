// IndexWriter: builds or updates a Talash index (a Xapian database on disk).
//
// A document is split into passages (paragraphs; long ones cut at sentence ends). Each passage is
// stored with its document path, ordinal, byte range in the document, language and verbatim text,
// and indexed with word positions so that phrase queries work.
//
// Thread-safety: an IndexWriter must be used from one thread at a time. Only one IndexWriter (in
// any process) can have a database open; readers (Searcher) may search it meanwhile and see the
// last commit.
#ifndef TALASH_INDEX_WRITER_H_
#define TALASH_INDEX_WRITER_H_

#include <talash/export.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace talash {

struct IndexOptions {
  // Target passage length in characters (code points). Paragraphs longer than this are cut at
  // sentence ends (. ? ! ؟ ۔); short lines of one block are merged up to it.
  std::size_t passage_chars = 600;
  // Start from an empty database, discarding whatever the directory held.
  bool rebuild = false;
};

// A document to index.
struct Document {
  // The name results report for the document, e.g. a path relative to the indexed root. Adding a
  // document with a path already in the index replaces all of that path's passages.
  std::string path;
  // The document's text, UTF-8. Byte offsets of passages refer to this text. A UTF-8 byte order
  // mark at the start is skipped.
  std::string text;
  // The document's language ("ur", "fa", "en") if known; empty to detect it per passage.
  std::string lang;
};

// What add() did.
struct AddResult {
  std::size_t passages = 0;
};

class TALASH_EXPORT IndexWriter {
 public:
  // Opens the database in directory `db_path` for writing, creating it if missing.
  // Throws DatabaseLockError if another writer holds it, VersionMismatchError if it was built by
  // another analysis version (unless options.rebuild), DatabaseError/IoError otherwise.
  IndexWriter(const std::string& db_path, const IndexOptions& options = {});
  // Commits what was added. Errors during that final commit are swallowed; call commit() first to
  // see them.
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;
  // Moving transfers the open database; the moved-from object may only be destroyed.
  IndexWriter(IndexWriter&&) noexcept;
  IndexWriter& operator=(IndexWriter&&) noexcept;

  // Indexes `doc`, replacing any passages stored earlier under the same path.
  // Throws DatabaseError if writing fails.
  AddResult add(const Document& doc);

  // Removes every passage of `path`. Returns true if there were any.
  bool remove(std::string_view path);

  // Makes everything added so far durable and visible to searchers. Throws DatabaseError.
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace talash

#endif  // TALASH_INDEX_WRITER_H_
