// Named steps at which a test build can stop the process as a kill would, so that tests can aim a
// kill at each window of a build instead of hoping a random one lands there.
//
// With TALASH_FAULT=NAME in the environment the process sends itself SIGKILL the first time it
// passes the point NAME; with TALASH_FAULT=NAME:N, the N-th time. The points (tests/README.md
// lists them with their tests):
//   bulk-block     a bulk build's block database is committed (once per block)
//   bulk-merge     the merge of a bulk build has written one of its tables
//   bulk-merged    the merged generation is committed, not yet published
//   publish        the stub names the new generation; the old one is not yet removed
//   document       a document is written by the single writer (incremental runs, small builds)
//   commit         everything is written; Xapian's commit is next
// Compiled in only with the CMake option TALASH_FAULT_INJECTION (on where the tests are built);
// otherwise fault_point() does nothing and the variable is never read.
#ifndef TALASH_FAULT_POINT_H_
#define TALASH_FAULT_POINT_H_

namespace talash::internal {

#ifdef TALASH_FAULT_INJECTION
// Stops the process with SIGKILL if TALASH_FAULT names this pass of point `name`. Thread-safe.
void fault_point(const char* name);
#else
inline void fault_point(const char* /*name*/) {}
#endif

}  // namespace talash::internal

#endif  // TALASH_FAULT_POINT_H_
