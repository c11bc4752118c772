// IndexWriter: builds or updates a Talash index (a Xapian database on disk).
//
// A document is split into passages (paragraphs; long ones cut at sentence ends). Each passage is
// stored with its document path, ordinal, byte range in the document, language and verbatim text,
// and indexed with word positions so that phrase queries work.
//
// Thread-safety: an IndexWriter must be used from one thread at a time (it runs its own analysis
// threads, see IndexOptions::threads). Only one IndexWriter (in
// any process) can have a database open; readers (Searcher) may search it meanwhile and see the
// last commit.
#ifndef TALASH_INDEX_WRITER_H_
#define TALASH_INDEX_WRITER_H_

#include <talash/export.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace talash {

struct IndexOptions {
  // Target passage length in characters (code points). Paragraphs longer than this are cut at
  // sentence ends (. ? ! ؟ ۔); short lines of one block are merged up to it.
  std::size_t passage_chars = 600;
  // Start from an empty database, discarding whatever the directory held.
  bool rebuild = false;
  // Threads to use: the calling thread writes, the others analyse documents. 0 means one per core
  // (std::thread::hardware_concurrency()); 1 analyses on the calling thread. With more than one,
  // a fresh index (empty when opened) is built in bulk once 1 MiB of text has been added: that
  // many workers each analyse and write blocks of documents into databases of their own (under
  // db_path/talash-bulk), which the next commit(), or any call that reads documents (remove,
  // remove_source, documents_of, stamps) or adding a path again, merges into the index in order,
  // compacted. Until then nothing added in bulk is visible to readers or survives a crash.
  std::size_t threads = 0;
};

// A document to index.
struct Document {
  Document() = default;
  // A document named `path` with `text`; optionally its language and source (see below).
  Document(std::string path, std::string text, std::string lang = "", std::string source = "")
      : path(std::move(path)),
        text(std::move(text)),
        lang(std::move(lang)),
        source(std::move(source)) {}

  // The name results report for the document, e.g. a path relative to the indexed root. Adding a
  // document with a path already in the index replaces all of that path's passages.
  std::string path;
  // The document's text, UTF-8. Byte offsets of passages refer to this text. A UTF-8 byte order
  // mark at the start is skipped.
  std::string text;
  // The document's language ("ur", "fa", "en") if known; empty to detect it per passage.
  std::string lang;
  // The file the document came from (e.g. a JSONL dump holding many documents), for
  // remove_source(); empty means `path` itself.
  std::string source;
};

// What the index remembers of a source file, to tell on the next run whether it changed.
struct SourceStamp {
  // The source's name, as in Document::source (or Document::path).
  std::string source;
  // The directory it was found under, as given to the indexer (empty for a file given alone):
  // a later run over the same root removes the sources that are gone from it.
  std::string root;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  // The content's ContentHasher value.
  std::uint64_t hash = 0;
};

// The content hash of SourceStamp::hash: 64-bit FNV-1a, the same on every machine and with every
// standard library, fed bytes in as many pieces as the caller likes. The index hashes the paths
// in its terms with the same function. A change detector, not a defence against anyone.
class TALASH_EXPORT ContentHasher {
 public:
  // Adds `bytes` to what was hashed so far.
  void add(std::string_view bytes);
  // The hash of everything added (of nothing: FNV-1a's offset basis).
  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 14695981039346656037ULL;
};

// What add() did.
struct AddResult {
  std::size_t passages = 0;
};

class TALASH_EXPORT IndexWriter {
 public:
  // Opens the database in directory `db_path` for writing, creating it if missing.
  // Throws DatabaseLockError if another writer holds it, VersionMismatchError if it was built by
  // another analysis version (unless options.rebuild), IoError if the directory cannot be made or
  // opened (a file is in the way, no permission), DatabaseError otherwise.
  IndexWriter(const std::string& db_path, const IndexOptions& options = {});
  // Commits what was added. Errors during that final commit are swallowed; call commit() first to
  // see them.
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;
  // Moving transfers the open database; the moved-from object may only be destroyed.
  IndexWriter(IndexWriter&&) noexcept;
  IndexWriter& operator=(IndexWriter&&) noexcept;

  // Indexes `doc`, replacing any passages stored earlier under the same path. The replacement is
  // atomic: a reader, or the index after a crash, sees the document either as before or as after.
  // Throws DatabaseError if writing fails.
  AddResult add(Document doc);

  // Removes every passage of `path`. Returns true if there were any.
  bool remove(std::string_view path);

  // Removes every passage of every document that came from `source`, and its stamp. Returns the
  // number of passages removed.
  std::size_t remove_source(std::string_view source);

  // The paths of the documents that came from `source`.
  std::vector<std::string> documents_of(std::string_view source);

  // The stamp recorded for `source`, if any.
  std::optional<SourceStamp> stamp(std::string_view source);

  // Records `stamp` for stamp.source. Write it after the source's documents, so that a run cut
  // short is redone.
  void set_stamp(const SourceStamp& stamp);

  // Every recorded stamp.
  std::vector<SourceStamp> stamps();

  // Makes everything added so far durable and visible to searchers. Throws DatabaseError.
  void commit();

  // Discards everything added, removed or stamped since the last commit() (or since the writer
  // was opened) and closes the writer: the index keeps what its last commit holds (a rebuild
  // leaves the old index as it was; a new index that was never committed is not created), and the
  // write lock is released. Every later call but rollback() throws UsageError; the destructor
  // commits nothing. Never throws.
  void rollback() noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace talash

#endif  // TALASH_INDEX_WRITER_H_
