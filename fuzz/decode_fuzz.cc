// The source decoder on arbitrary bytes (UTF-16 with either byte order mark, binary, invalid
// UTF-8): no exception, and what it hands on is either marked binary or keeps every byte of a
// UTF-8 file, so byte offsets stay those of the file.
#include "fuzz_check.h"
#include "source_decoder.h"

#include <cstddef>
#include <cstdint>
#include <string>

using talash::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const auto decoded = talash::cli::decode_source(bytes);
  if (decoded.binary) {
    return 0;
  }
  if (decoded.converted) {
    check(talash::fuzz::valid_utf8(decoded.text), "converted UTF-16 is not UTF-8");
    check(decoded.bad_sequences == 0, "converted text reported invalid UTF-8");
  } else {
    check(decoded.text == bytes, "UTF-8 text was changed");
    check(decoded.bad_sequences == 0 || !decoded.bad_lines.empty(), "bad bytes without a line");
    check((decoded.bad_sequences == 0) == talash::fuzz::valid_utf8(bytes),
          "invalid UTF-8 not reported, or valid UTF-8 reported");
  }
  return 0;
}
