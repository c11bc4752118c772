// The JSONL reader on arbitrary bytes, read from a file as talash-index reads it: no crash, no
// exception, every line either a document or a warning, and every document's text and name valid
// for the IndexWriter.
#include "fuzz_check.h"
#include "jsonl_reader.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <unistd.h>

using talash::fuzz::check;

namespace {

std::string g_path;

void remove_file() { std::remove(g_path.c_str()); }

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  std::string pattern = (std::filesystem::temp_directory_path() / "talash-fuzz-XXXXXX").string();
  const int fd = mkstemp(pattern.data());
  if (fd < 0) {
    talash::fuzz::fail("mkstemp");
  }
  close(fd);
  g_path = pattern;
  std::atexit(remove_file);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::FILE* out = std::fopen(g_path.c_str(), "wb");
    check(out != nullptr, "cannot write the input file");
    check(std::fwrite(data, 1, size, out) == size, "short write");
    std::fclose(out);
  }
  std::size_t lines = 0;
  for (std::size_t i = 0; i < size; ++i) {
    lines += data[i] == '\n' ? 1 : 0;
  }
  std::size_t emitted = 0;
  std::size_t warned = 0;
  const auto stats = talash::cli::read_jsonl(
      g_path, "dump.jsonl", talash::cli::JsonlFields{},
      [&](talash::Document&& doc) {
        ++emitted;
        check(doc.path.rfind("dump.jsonl#", 0) == 0, "document name lost its file", doc.path);
        check(doc.lang.empty() || doc.lang == "ur" || doc.lang == "fa" || doc.lang == "en",
              "unknown language passed on", doc.lang);
      },
      [&](const std::string& /*message*/) { ++warned; });
  check(stats.documents == emitted && stats.bad_lines == warned, "counts do not add up");
  check(emitted + warned <= lines + 1, "more documents than lines");
  return 0;
}
