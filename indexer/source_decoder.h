// Turns a file's bytes into the UTF-8 text to index: converts UTF-16 (with a byte order mark),
// recognizes binary files, and finds invalid UTF-8, which is indexed as it is (the analysis reads
// it as U+FFFD, results show U+FFFD) so that byte offsets stay those of the file.
#ifndef TALASH_INDEXER_SOURCE_DECODER_H_
#define TALASH_INDEXER_SOURCE_DECODER_H_

#include <cstddef>
#include <string>
#include <vector>

namespace talash::cli {

struct Decoded {
  // UTF-8 text (a UTF-8 byte order mark, if any, is left for the IndexWriter to skip).
  std::string text;
  // The file holds NUL bytes and no UTF-16 byte order mark: not text.
  bool binary = false;
  // It was UTF-16 and was converted: byte offsets refer to the UTF-8 text.
  bool converted = false;
  // 1-based line numbers with invalid UTF-8 (the first few) and how many sequences in all.
  std::vector<std::size_t> bad_lines;
  std::size_t bad_sequences = 0;
};

// Decodes `bytes`. Never throws for bad content; a UTF-16 file that does not convert is reported
// as binary.
Decoded decode_source(std::string bytes);

}  // namespace talash::cli

#endif  // TALASH_INDEXER_SOURCE_DECODER_H_
