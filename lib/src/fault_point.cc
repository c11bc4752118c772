#include "fault_point.h"

#ifdef TALASH_FAULT_INJECTION

#include <atomic>
#include <charconv>
#include <csignal>
#include <cstdlib>
#include <string>
#include <string_view>

namespace talash::internal {
namespace {

struct Target {
  std::string name;
  long pass = 1;
};

// Read once: the variable names one point and one pass of it.
Target parse_target() {
  Target out;
  const char* spec = std::getenv("TALASH_FAULT");
  if (spec == nullptr) {
    return out;
  }
  std::string_view s(spec);
  if (const auto colon = s.rfind(':'); colon != std::string_view::npos) {
    long n = 0;
    const auto [end, ec] = std::from_chars(s.data() + colon + 1, s.data() + s.size(), n);
    if (ec == std::errc() && end == s.data() + s.size() && n > 0) {
      out.pass = n;
      s = s.substr(0, colon);
    }
  }
  out.name = std::string(s);
  return out;
}

}  // namespace

void fault_point(const char* name) {
  static const Target target = parse_target();
  static std::atomic<long> seen{0};
  if (!target.name.empty() && target.name == name && ++seen == target.pass) {
    std::raise(SIGKILL);
  }
}

}  // namespace talash::internal

#endif  // TALASH_FAULT_INJECTION
