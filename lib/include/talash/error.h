// The exceptions libtalash throws. No Xapian or ICU exception ever leaves the library: they are
// translated at the boundary into one of these. The tree separates caller mistakes (UsageError and
// below) from failures of the environment (DatabaseError and below), as Xapian's own tree does, but
// is rooted at std::runtime_error so that `catch (const std::exception&)` sees everything.
#ifndef TALASH_ERROR_H_
#define TALASH_ERROR_H_

#include <talash/export.h>

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
