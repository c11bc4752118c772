// The files of an index directory, and the one rename that moves an index from one state to the
// next.
//
// An index is a directory DIR holding:
//   DIR/XAPIANDB      a Xapian stub file naming the current generation ("auto gen-N");
//   DIR/gen-N/        that generation: a glass database;
//   DIR/talash.lock   locked (flock) by the one writer for as long as it is open;
//   DIR/talash-bulk/  a bulk build's block databases while it runs.
// A bulk build, or a rebuild, writes a new generation beside the current one and publishes it by
// renaming a new stub over the old: one rename, so a reader opens one whole generation, never a
// mix of two, and a kill at any moment leaves either the old commit or the new one. Generations
// no stub names are left by a run that was cut short; the next writer removes them.
//
// Indexes written before generations existed hold the glass database in DIR itself ("flat").
// They are read and updated in place. Since Xapian opens a directory's own tables before a stub
// in it, publishing a generation over a flat index writes the stub first and then removes
// DIR/iamglass, the flat database's version file: again one step that readers see at once.
#ifndef TALASH_INDEX_INDEX_LAYOUT_H_
#define TALASH_INDEX_INDEX_LAYOUT_H_

#include <xapian.h>

#include <string>

namespace talash::internal {

// The glass database readers of `dir` open now: dir/gen-N, or `dir` itself for a flat index;
// empty if `dir` holds neither (no index there).
std::string current_generation(const std::string& dir);

// The number of the generation `dir` names (0 for a flat index or none).
unsigned generation_number(const std::string& dir);

// A number no generation directory in `dir` has yet: one more than the highest there.
unsigned next_generation(const std::string& dir);

// The directory of generation `n` of `dir`.
std::string generation_dir(const std::string& dir, unsigned n);

// Makes generation `n` the one readers of `dir` open. The caller holds the writer lock, and the
// generation's last commit is what readers should see. Then removes every other generation, and
// a flat index's tables, which no new reader can reach any more (open readers keep their files).
void publish_generation(const std::string& dir, unsigned n);

// Removes generations of `dir` that are not current (left by a run cut short). The caller holds
// the writer lock.
void remove_stale_generations(const std::string& dir, unsigned keep);

// Opens `dir` for reading and sets `generation` to current_generation() of what was opened. A
// writer may publish a generation between reading the stub and opening what it names: the open
// is then tried again on the new stub. Xapian errors propagate.
Xapian::Database open_for_reading(const std::string& dir, std::string& generation);

// Brings `db`, opened by open_for_reading(dir, generation), to the newest commit: Xapian's
// reopen() while the generation is the same, a new open once another is published (updating
// `generation`). Returns whether anything may have changed. Xapian errors propagate.
bool reopen_for_reading(Xapian::Database& db, const std::string& dir, std::string& generation);

// The write lock of an index directory: an exclusive flock on dir/talash.lock, released when the
// object is destroyed or the process ends (a kill included).
class WriterLock {
 public:
  // Creates `dir` if needed and takes the lock. Throws DatabaseLockError (naming `context`) when
  // another writer holds it, IoError when the directory or lock file cannot be made.
  WriterLock(const std::string& dir, const std::string& context);
  ~WriterLock();
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;
  WriterLock(WriterLock&& other) noexcept;
  WriterLock& operator=(WriterLock&& other) noexcept;

 private:
  int fd_ = -1;
};

}  // namespace talash::internal

#endif  // TALASH_INDEX_INDEX_LAYOUT_H_
