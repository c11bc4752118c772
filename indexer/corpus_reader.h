// Finds the files to index under the paths given on the command line, and reads them.
#ifndef TALASH_INDEXER_CORPUS_READER_H_
#define TALASH_INDEXER_CORPUS_READER_H_

#include <filesystem>
#include <string>
#include <vector>

namespace talash::cli {

struct InputFile {
  std::filesystem::path path;
  // The name the index reports: relative to the directory given, or the file name for a file given
  // directly.
  std::string name;
  // The directory given (absolute), or empty for a file given directly.
  std::string root;
};

// Which files of a directory walk are taken: globs over the name relative to the directory (or
// the file name alone). An empty include list takes every text file.
struct FileFilter {
  std::vector<std::string> include;
  std::vector<std::string> exclude;
};

// Expands each path: a directory recursively (hidden entries and .git skipped; .txt, .md, .text,
// .jsonl and .jsonl.gz files taken, except README files, which describe the folder), a file as
// itself. Problems
// (missing path, unreadable directory entry) are appended to `problems` as messages naming the
// path; the rest is still returned.
// `roots` receives the absolute path of every directory walked.
std::vector<InputFile> find_inputs(const std::vector<std::string>& paths, const FileFilter& filter,
                                   std::vector<std::string>& roots,
                                   std::vector<std::string>& problems);

// Reads a whole file. Throws talash::IoError naming the file if it cannot.
std::string read_file(const std::filesystem::path& path);

}  // namespace talash::cli

#endif  // TALASH_INDEXER_CORPUS_READER_H_
