#include "index/stamp_codec.h"

#include <vector>

namespace talash::internal {

// The fields separated by NUL, which no path contains: source, root, size, mtime, hash.
std::string encode_stamp(const SourceStamp& s) {
  std::string out = s.source;
  for (const std::string& f :
       {s.root, std::to_string(s.size), std::to_string(s.mtime_ns), std::to_string(s.hash)}) {
    out.push_back('\0');
    out += f;
  }
  return out;
}

std::optional<SourceStamp> decode_stamp(const std::string& v) {
  std::vector<std::string> f;
  std::size_t from = 0;
  for (std::size_t at = v.find('\0'); at != std::string::npos; at = v.find('\0', from)) {
    f.push_back(v.substr(from, at - from));
    from = at + 1;
  }
  f.push_back(v.substr(from));
  if (f.size() != 5) {
    return std::nullopt;
  }
  try {
    return SourceStamp{f[0], f[1], std::stoull(f[2]), std::stoll(f[3]), std::stoull(f[4])};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

}  // namespace talash::internal
