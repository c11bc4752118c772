// The exceptions libtalash throws. No Xapian or ICU exception ever leaves the library: they are
// translated at the boundary into one of these. The tree separates caller mistakes (UsageError and
// below) from failures of the environment (DatabaseError and below), as Xapian's own tree does, but
// is rooted at std::runtime_error so that `catch (const std::exception&)` sees everything.
#ifndef TALASH_ERROR_H_
#define TALASH_ERROR_H_

#include <talash/export.h>

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>

namespace talash {

// Base of every error thrown by libtalash. what() is a complete sentence for a person, naming the
// file, database or query involved.
class TALASH_EXPORT Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The caller asked for something invalid: a bad option value, an empty query, a malformed query.
class TALASH_EXPORT UsageError : public Error {
 public:
  using Error::Error;
};

// A query that cannot be run as written: an unknown filter or lang: value, an empty doc:
// pattern, NOT beside OR, a query that only excludes or has no words to search for. When the
// query was parsed from text, position() and length() mark the part at fault, counted in Unicode
// code points of that text from 0 (as Python and JavaScript index the query by code point); a
// query built in code (Query::word, all_of, ...) has no text to point into and no position.
class TALASH_EXPORT QueryError : public UsageError {
 public:
  explicit QueryError(const std::string& message) : UsageError(message) {}
  QueryError(const std::string& message, std::optional<std::size_t> position, std::size_t length)
      : UsageError(message), position_(position), length_(position ? length : 0) {}

  // The code point where the part at fault begins, or nullopt if there is none to show.
  std::optional<std::size_t> position() const { return position_; }
  // How many code points the part at fault spans (0 without a position).
  std::size_t length() const { return length_; }

 private:
  std::optional<std::size_t> position_;
  std::size_t length_ = 0;
};

// Reading or writing an input or output file failed (missing, unreadable, not a regular file).
class TALASH_EXPORT IoError : public Error {
 public:
  using Error::Error;
};

// Something is wrong with the index database itself.
class TALASH_EXPORT DatabaseError : public Error {
 public:
  using Error::Error;
};

// The database does not exist (or the path is not a Talash database).
class TALASH_EXPORT DatabaseNotFoundError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// Another process holds the database's write lock.
class TALASH_EXPORT DatabaseLockError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// The database's files are damaged or truncated.
class TALASH_EXPORT DatabaseCorruptError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

// The database was built by a different version of the analysis chain, so words in it are
// normalized differently from the queries this version would send. Re-index to fix it.
class TALASH_EXPORT VersionMismatchError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

}  // namespace talash

#endif  // TALASH_ERROR_H_
