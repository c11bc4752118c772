// Percent-encoding of a query-string value, for programs that call talash-serve (its tests and
// bench/serve_load).
#ifndef TALASH_SERVE_PERCENT_ENCODE_H_
#define TALASH_SERVE_PERCENT_ENCODE_H_

#include <cctype>
#include <string>

namespace talash::serve {

// `s` with every byte but the unreserved ones (RFC 3986: letters, digits, - _ . ~) as %XX.
inline std::string percent_encode(const std::string& s) {
  static const char* const hex = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace talash::serve

#endif  // TALASH_SERVE_PERCENT_ENCODE_H_
