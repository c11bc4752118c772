// The HTML reader on arbitrary bytes: no crash, no exception, and text that the analysis chain can
// take (its invalid UTF-8, if any, is what the source decoder reports, so only the size is
// bounded).
#include "fuzz_check.h"
#include "html_reader.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string page(reinterpret_cast<const char*>(data), size);
  const std::string text = talash::cli::html_text(page);
  // Entities expand, but never without bound: &#...; is at most 4 bytes for 4 or more of input,
  // the named ones at most 3 bytes of UTF-8 for 3 or more.
  talash::fuzz::check(text.size() <= 2 * size + 64, "text grew out of proportion");
  return 0;
}
