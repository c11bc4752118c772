// One run of talash-index over a set of input files: indexes what is new or changed, skips what is
// not, and removes what is gone from the directories walked.
#ifndef TALASH_INDEXER_INDEX_RUN_H_
#define TALASH_INDEXER_INDEX_RUN_H_

#include "corpus_reader.h"
#include "jsonl_reader.h"
#include "progress.h"

#include <talash/index_writer.h>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace talash::cli {

struct RunCounts {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t removed = 0;
  // Not indexed: binary, unreadable.
  std::size_t skipped = 0;
  std::size_t documents = 0;
  std::size_t passages = 0;
  // Files read with a problem worth a non-zero exit (unreadable, invalid UTF-8, bad JSONL lines).
  std::size_t problems = 0;
};

struct RunOutput {
  // A warning or notice, one line (without "talash-index: ").
  std::function<void(const std::string&)> warn;
  // One line per file in --verbose mode.
  std::function<void(const std::string&)> verbose;
  // Shown while indexing, or null.
  Progress* progress = nullptr;
};

// Indexes `inputs` into `writer`. A file whose size and modification time match its stamp is not
// read; one whose content hash matches is not re-indexed. Sources recorded under any of `roots`
// but not among `inputs` are removed. Commits at the end.
RunCounts run_index(IndexWriter& writer, const std::vector<InputFile>& inputs,
                    const std::vector<std::string>& roots, const JsonlFields& fields,
                    const RunOutput& out);

}  // namespace talash::cli

#endif  // TALASH_INDEXER_INDEX_RUN_H_
