// The exit statuses of Talash's programs and the one mapping from a failure to a status, shared by
// talash-index and talash-search so that a script can read either the same way.
//
//   0  done (talash-search: results found)
//   1  done in part (talash-index: some inputs skipped, each named) or nothing found
//      (talash-search)
//   2  usage error, a query that cannot be searched, nothing to index
//   3  the index: missing, locked by another writer, damaged, from another analysis version, or
//      a write that failed (the index keeps its last commit)
//   4  anything else: out of memory, or a fault of the program itself (a bug to report)
#ifndef TALASH_CLI_EXIT_STATUS_H_
#define TALASH_CLI_EXIT_STATUS_H_

#include <talash/error.h>

#include <boost/program_options/errors.hpp>

#include <exception>
#include <new>
#include <ostream>
#include <string>
#include <typeinfo>

namespace talash::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitPartial = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitIndex = 3;
inline constexpr int kExitInternal = 4;

// Reports the exception being handled (call it inside a catch block) on `err` as `program: ...`
// and returns the exit status it maps to. `writer`: the program writes the index, so a failed
// write is followed by the reassurance that the last commit is intact.
inline int report_failure(const std::string& program, std::ostream& err, bool writer) {
  try {
    throw;
  } catch (const boost::program_options::error& e) {
    err << program << ": " << e.what() << " (see --help)\n";
    return kExitUsage;
  } catch (const UsageError& e) {
    err << program << ": " << e.what() << '\n';
    return kExitUsage;
  } catch (const IoError& e) {
    err << program << ": " << e.what() << '\n';
    return kExitUsage;
  } catch (const DatabaseError& e) {
    err << program << ": " << e.what() << '\n';
    // The subclasses (missing, locked, damaged, other version) are refusals before any write; a
    // plain DatabaseError is a write that failed, and the user wants to know what survived it.
    if (writer && typeid(e) == typeid(DatabaseError)) {
      err << program << ": the index keeps what its last commit holds\n";
    }
    return kExitIndex;
  } catch (const std::bad_alloc&) {
    err << program << ": out of memory\n";
    return kExitInternal;
  } catch (const std::exception& e) {
    err << program << ": internal error (" << e.what() << "); please report it\n";
    return kExitInternal;
  } catch (...) {
    err << program << ": internal error (an unknown exception); please report it\n";
    return kExitInternal;
  }
}

}  // namespace talash::cli

#endif  // TALASH_CLI_EXIT_STATUS_H_
