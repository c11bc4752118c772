#include "xapian_errors.h"

#include <talash/error.h>

namespace talash::internal {

void rethrow_xapian(const Xapian::Error& e, const std::string& context) {
  // Xapian::Error has no virtual functions to dynamic_cast on; its type name is the most derived.
  const std::string type = e.get_type();
  // The system's reason (a full disk, a file-size limit) is what the user can act on.
  const char* reason = e.get_error_string();
  const std::string message =
      context + ": " + e.get_msg() + (reason != nullptr ? std::string(": ") + reason : "");
  if (type == "DatabaseLockError") {
    throw DatabaseLockError(context + ": another talash-index is writing to it (" + e.get_msg() +
                            ")");
  }
  if (type == "DatabaseNotFoundError") {
    throw DatabaseNotFoundError(context + ": no index there (" + e.get_msg() + ")");
  }
  if (type == "DatabaseCorruptError" || type == "DatabaseVersionError") {
    throw DatabaseCorruptError(context + ": the index is damaged (" + e.get_msg() +
                               "); rebuild it with talash-index --rebuild");
  }
  if (type == "DatabaseOpeningError") {
    throw DatabaseNotFoundError(context + ": cannot open it as an index (" + e.get_msg() + ")");
  }
  if (type == "InvalidArgumentError" || type == "QueryParserError") {
    throw UsageError(message);
  }
  throw DatabaseError(message + " (" + type + ")");
}

}  // namespace talash::internal
