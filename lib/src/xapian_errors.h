// The one place that turns Xapian exceptions into talash::Error subclasses.
#ifndef TALASH_XAPIAN_ERRORS_H_
#define TALASH_XAPIAN_ERRORS_H_

#include <xapian.h>

#include <string>
#include <utility>

namespace talash::internal {

// Throws the talash::Error that corresponds to `e`; `context` says what was being done
// ("opening the index at db/").
[[noreturn]] void rethrow_xapian(const Xapian::Error& e, const std::string& context);

// Runs `f`, translating any Xapian::Error it throws.
template <typename F>
auto guard_xapian(const std::string& context, F&& f) -> decltype(f()) {
  try {
    return std::forward<F>(f)();
  } catch (const Xapian::Error& e) {
    rethrow_xapian(e, context);
  }
}

}  // namespace talash::internal

#endif  // TALASH_XAPIAN_ERRORS_H_
