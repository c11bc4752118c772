// Symbol visibility for libtalash. The library is built with hidden visibility; every public class
// and function is marked TALASH_EXPORT so that it, and the typeinfo of the error classes, stays
// visible to programs that link the shared library.
#ifndef TALASH_EXPORT_H_
#define TALASH_EXPORT_H_

#if defined(_WIN32)
#define TALASH_EXPORT
#else
#define TALASH_EXPORT __attribute__((visibility("default")))
#endif

#endif  // TALASH_EXPORT_H_
