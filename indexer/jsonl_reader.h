// Reads JSONL dumps (one JSON document per line), plain or gzip-compressed, as a stream: memory
// stays bounded by the longest line, whatever the file's size.
#ifndef TALASH_INDEXER_JSONL_READER_H_
#define TALASH_INDEXER_JSONL_READER_H_

#include <talash/index_writer.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace talash::cli {

// Which JSON fields hold what. Defaults fit ../shared/bench/bench_mixed.jsonl.gz.
struct JsonlFields {
  std::string id = "id";
  std::string text = "text";
  std::string title = "title";
  std::string lang = "lang";
};

// Parses "id=ID,text=BODY,title=NAME,lang=LANGUAGE" (any subset, any order) over the defaults.
// Throws talash::UsageError naming the bad part.
JsonlFields parse_jsonl_fields(const std::string& spec);

struct JsonlStats {
  std::size_t documents = 0;
  // Lines that are not a JSON object with a text field; each was reported through `warn`.
  std::size_t bad_lines = 0;
};

// Calls `emit` for each document of the file at `path`, reported as `name`#<id> (the line number
// when a document has no id). Its text is its title, a blank line, and its body; its language is
// the lang field when that is ur, fa or en. Throws talash::IoError if the file cannot be read.
// `read` (optional) is told, after each block, how many bytes of the file have been read.
JsonlStats read_jsonl(const std::filesystem::path& path, const std::string& name,
                      const JsonlFields& fields, const std::function<void(Document&&)>& emit,
                      const std::function<void(const std::string&)>& warn,
                      const std::function<void(std::uint64_t)>& read = {});

// True for names ending in .jsonl or .jsonl.gz.
bool is_jsonl(const std::filesystem::path& path);

}  // namespace talash::cli

#endif  // TALASH_INDEXER_JSONL_READER_H_
