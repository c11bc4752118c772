// The progress line talash-index shows on a terminal: files, documents, MB, rate and time left,
// redrawn in place at most a few times a second. Silent when stderr is not a terminal.
#ifndef TALASH_INDEXER_PROGRESS_H_
#define TALASH_INDEXER_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace talash::cli {

class Progress {
 public:
  // `enabled`: draw at all (a terminal, not --quiet). `total_bytes`, `total_files`: the run's size.
  Progress(bool enabled, std::uint64_t total_bytes, std::size_t total_files);

  // A file was finished (indexed, skipped or found unchanged).
  void file_done(std::uint64_t bytes);
  // Progress inside the current file: its bytes read so far, and documents indexed so far in all.
  void update(std::uint64_t bytes_in_file, std::size_t documents);
  // Clears the line (before a warning is printed, and at the end).
  void clear();

 private:
  void draw();

  bool enabled_;
  std::uint64_t total_bytes_;
  std::size_t total_files_;
  std::uint64_t done_bytes_ = 0;
  std::uint64_t file_bytes_ = 0;
  std::size_t files_ = 0;
  std::size_t documents_ = 0;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace talash::cli

#endif  // TALASH_INDEXER_PROGRESS_H_
