// Builds the documents of a fresh index on several threads. Xapian allows one writer per database
// and its writer, not analysis, is what limits a single-writer build, so each worker writes
// databases of its own: the documents are cut, in the order they are added, into blocks of
// consecutive documents; a free worker takes the next block, analyses it and writes it into a new
// database; finish() hands back the blocks' databases in order, for the caller to merge with
// Xapian's compactor, which renumbers them one after another, so that every passage gets the
// document id a single writer would have given it. Each block's records are compressed with a
// dictionary trained on them (record_codec.h), kept in the block's metadata, which the merge
// carries over.
#ifndef TALASH_INDEX_BULK_LOADER_H_
#define TALASH_INDEX_BULK_LOADER_H_

#include "index/document_builder.h"

#include <talash/index_writer.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace talash::internal {

class BulkLoader {
 public:
  // Text per block: large enough that a block's database and its share of the merge cost little,
  // small enough that the workers finish close together at the end.
  static constexpr std::size_t kBlockBytes = std::size_t{2} << 20;

  // Starts `threads` workers writing block databases under `dir` (created; it must not exist).
  // Block n's record dictionary, if it has one (too little text has none), gets the id
  // first_dictionary + n; the merged index then has the highest id of all.
  BulkLoader(std::string dir, std::size_t threads, std::uint32_t first_dictionary);
  // Stops the workers and removes `dir` with everything in it.
  ~BulkLoader();
  BulkLoader(const BulkLoader&) = delete;
  BulkLoader& operator=(const BulkLoader&) = delete;
  BulkLoader(BulkLoader&&) = delete;
  BulkLoader& operator=(BulkLoader&&) = delete;

  // Queues `doc`, split at `ranges`; waits while the workers are a block behind. Rethrows the
  // error of a worker that failed (a Xapian::Error as thrown).
  void add(Document doc, std::vector<ByteRange> ranges);

  struct Result {
    // The block databases, in the order of their documents.
    std::vector<std::string> blocks;
    CaseTally case_counts;
  };
  // Waits until every document is written and its database committed and closed. Rethrows a
  // worker's error. Nothing may be added after.
  Result finish();

 private:
  struct Job {
    Document doc;
    std::vector<ByteRange> ranges;
  };
  struct Block {
    std::size_t number = 0;
    std::vector<Job> jobs;
  };

  void work();
  void write_block(Block& block, const TextAnalyzer& analyzer, CaseTally& counts,
                   std::unordered_set<std::string>& registered);
  void submit_current();
  void rethrow_failure();

  std::string dir_;
  Block current_;
  std::size_t current_bytes_ = 0;
  std::size_t blocks_ = 0;
  std::uint32_t first_dictionary_;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Block> queue_;
  std::size_t capacity_;
  bool closing_ = false;
  std::exception_ptr failure_;
  CaseTally case_counts_;
  std::vector<std::thread> workers_;
};

}  // namespace talash::internal

#endif  // TALASH_INDEX_BULK_LOADER_H_
