// Passage lengths kept where a query can read them cheaply. BM25 needs the length of every passage
// it scores; Xapian reads it from the postlist table, a B-tree lookup per passage that costs more
// than the rest of scoring together (measured: 2.2 of 3.0 ms for a word in 3,832 passages). The
// writer stores the lengths again as metadata, two bytes per document id in chunks of 65,536 ids,
// and the searcher loads a chunk the first time a query needs it.
//
// A document id's length never changes (Talash removes and adds passages, never replaces one in
// place), so stored lengths are never wrong, only missing for ids written after them: those, and
// lengths of 65,535 or more, are read from Xapian as before.
#ifndef TALASH_INDEX_DOC_LENGTHS_H_
#define TALASH_INDEX_DOC_LENGTHS_H_

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace talash::internal {

// Stores the lengths of the documents added since the last call (all of them the first time, or
// when `rebuild`: after a merge that renumbered the documents). Call before committing; costs one
// pass over the new documents' lengths.
void write_doc_lengths(Xapian::WritableDatabase& db, bool rebuild = false);

// Not thread-safe: one per Searcher.
class DocLengths {
 public:
  // `db` must outlive this object.
  explicit DocLengths(const Xapian::Database& db) : db_(db) {}

  // The length of document `did`, as Xapian::Database::get_doclength() gives it.
  Xapian::termcount get(Xapian::docid did) const;

  // False for a database of several shards (a stub file): their document ids are not the ids the
  // lengths were stored under, so use each shard's own get_doclength() instead.
  bool usable() const { return db_.size() == 1; }

  // The database searched, all its shards together.
  const Xapian::Database& database() const { return db_; }

  // Drops what was loaded; call after the database is reopened.
  void forget() { chunks_.clear(); }

 private:
  const Xapian::Database& db_;
  // Per chunk: nullptr until loaded, then its stored bytes (two a length, low byte first); a
  // loaded chunk may be shorter than a full one.
  mutable std::vector<std::unique_ptr<std::string>> chunks_;
};

}  // namespace talash::internal

#endif  // TALASH_INDEX_DOC_LENGTHS_H_
