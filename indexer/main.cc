// talash-index: builds or updates a Talash index from text files and JSONL dumps.
#include "cli/exit_status.h"
#include "corpus_reader.h"
#include "index_run.h"
#include "jsonl_reader.h"

#include <talash/talash.h>

#include <boost/program_options.hpp>

#include <csignal>
#include <iostream>

#include <unistd.h>

namespace po = boost::program_options;
using talash::cli::kExitOk;
using talash::cli::kExitPartial;
using talash::cli::kExitUsage;

int main(int argc, char** argv) try {
  // Past a file-size limit, a write should fail with EFBIG and be reported like a full disk,
  // with the previous commit intact, rather than kill the process.
  std::signal(SIGXFSZ, SIG_IGN);
  po::options_description visible(
      "Usage: talash-index [--db DIR] [options] [PATH...]\n"
      "Indexes text files (.txt, .md, .text) and JSONL dumps (.jsonl, .jsonl.gz) under each PATH\n"
      "(default: corpus/) into the index in DIR. Hidden files and a folder's README are skipped\n"
      "(name a README to index it). Run again, it indexes only what changed and removes what is\n"
      "gone from the folders given.\n\nOptions");
  std::string db;
  std::size_t passage_chars = 0;
  std::size_t threads = 0;
  std::string jsonl_fields;
  talash::cli::FileFilter filter;
  visible.add_options()("help,h", "show this help and exit")("version",
                                                             "print the version and exit")(
      "db", po::value<std::string>(&db)->default_value(".talash-db"), "index directory")(
      "rebuild", "start from an empty index")(
      "passage-chars", po::value<std::size_t>(&passage_chars)->default_value(600),
      "target passage length in characters")(
      "threads,j", po::value<std::size_t>(&threads)->default_value(0),
      "threads to use (0: one per core); one writes, the others analyse (a fresh index: each "
      "writes blocks, merged at the end)")("include",
                                           po::value<std::vector<std::string>>(&filter.include),
                                           "only files matching this glob (repeatable)")(
      "exclude", po::value<std::vector<std::string>>(&filter.exclude),
      "skip files matching this glob (repeatable)")(
      "jsonl-fields", po::value<std::string>(&jsonl_fields),
      "JSONL field names: id=...,text=...,title=...,lang=... (defaults: id, text, title, lang)")(
      "quiet,q", "print only warnings and errors")("verbose,v", "list each file as it is indexed");
  po::options_description hidden;
  hidden.add_options()("path", po::value<std::vector<std::string>>(), "paths");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
  po::notify(vm);
  if (vm.count("help") != 0) {
    std::cout << visible << '\n';
    return kExitOk;
  }
  if (vm.count("version") != 0) {
    std::cout << "talash-index " << talash::version() << " (analysis " << talash::analysis_version()
              << ")\n";
    return kExitOk;
  }
  if (passage_chars < 50) {
    std::cerr << "talash-index: --passage-chars must be at least 50\n";
    return kExitUsage;
  }
  const talash::cli::JsonlFields fields = talash::cli::parse_jsonl_fields(jsonl_fields);
  const bool quiet = vm.count("quiet") != 0;
  const bool verbose = vm.count("verbose") != 0;
  const std::vector<std::string> paths = vm.count("path") != 0
                                             ? vm["path"].as<std::vector<std::string>>()
                                             : std::vector<std::string>{"corpus"};

  std::vector<std::string> problems;
  std::vector<std::string> roots;
  const auto inputs = talash::cli::find_inputs(paths, filter, roots, problems);
  for (const auto& p : problems) {
    std::cerr << "talash-index: " << p << '\n';
  }
  if (inputs.empty() && roots.empty()) {
    std::cerr << "talash-index: nothing to index in "
              << (paths.size() == 1 ? paths[0] : "the paths given") << '\n';
    return kExitUsage;
  }

  talash::IndexOptions options;
  options.rebuild = vm.count("rebuild") != 0;
  options.passage_chars = passage_chars;
  options.threads = threads;
  talash::IndexWriter writer(db, options);
  std::uint64_t total_bytes = 0;
  for (const auto& input : inputs) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(input.path, ec);
    total_bytes += ec ? 0 : size;
  }
  talash::cli::Progress progress(!quiet && !verbose && isatty(STDERR_FILENO) != 0, total_bytes,
                                 inputs.size());
  talash::cli::RunOutput out;
  out.progress = &progress;
  out.warn = [&](const std::string& line) {
    progress.clear();
    std::cerr << "talash-index: " << line << '\n';
  };
  if (verbose) {
    out.verbose = [](const std::string& line) { std::cerr << line << '\n'; };
  }
  const auto c = talash::cli::run_index(writer, inputs, roots, fields, out);
  progress.clear();
  if (!quiet) {
    std::cout << "talash-index: indexed " << c.added + c.updated << " files (" << c.added
              << " added, " << c.updated << " updated, " << c.unchanged << " unchanged, "
              << c.removed << " removed, " << c.skipped << " skipped): " << c.documents
              << " documents, " << c.passages << " passages into " << db << '\n';
  }
  return problems.empty() && c.problems == 0 ? kExitOk : kExitPartial;
} catch (...) {
  return talash::cli::report_failure("talash-index", std::cerr, true);
}
