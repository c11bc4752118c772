// talash-index: builds or updates a Talash index from text files.
#include "corpus_reader.h"
#include "jsonl_reader.h"

#include <talash/talash.h>

#include <boost/program_options.hpp>

#include <iostream>

namespace po = boost::program_options;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitIndex = 3;

}  // namespace

int main(int argc, char** argv) try {
  po::options_description visible(
      "Usage: talash-index [--db DIR] [options] [PATH...]\n"
      "Indexes text files (.txt, .md) under each PATH (default: corpus/) into the index in DIR.\n"
      "Hidden files and a folder's README are skipped (name a README to index it).\n"
      "A file indexed before is replaced by its new passages.\n\nOptions");
  std::string db;
  std::size_t passage_chars = 0;
  std::string jsonl_fields;
  visible.add_options()("help,h", "show this help and exit")("version",
                                                             "print the version and exit")(
      "db", po::value<std::string>(&db)->default_value(".talash-db"), "index directory")(
      "rebuild", "start from an empty index")(
      "passage-chars", po::value<std::size_t>(&passage_chars)->default_value(600),
      "target passage length in characters")("quiet,q", "print only warnings and errors")(
      "verbose,v", "list each file as it is indexed")(
      "jsonl-fields", po::value<std::string>(&jsonl_fields),
      "JSONL field names: id=...,text=...,title=...,lang=... (defaults: id, text, title, lang)");
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
  const bool quiet = vm.count("quiet") != 0;
  const bool verbose = vm.count("verbose") != 0;
  std::vector<std::string> paths = vm.count("path") != 0 ? vm["path"].as<std::vector<std::string>>()
                                                         : std::vector<std::string>{"corpus"};

  std::vector<std::string> problems;
  const auto inputs = talash::cli::find_inputs(paths, problems);
  for (const auto& p : problems) {
    std::cerr << "talash-index: " << p << '\n';
  }
  if (inputs.empty()) {
    std::cerr << "talash-index: nothing to index in "
              << (paths.size() == 1 ? paths[0] : "the paths given")
              << (problems.empty() ? " (no .txt or .md files)" : "") << '\n';
    return kExitUsage;
  }

  const talash::cli::JsonlFields fields = talash::cli::parse_jsonl_fields(jsonl_fields);
  talash::IndexOptions options;
  options.rebuild = vm.count("rebuild") != 0;
  options.passage_chars = passage_chars;
  talash::IndexWriter writer(db, options);
  std::size_t files = 0;
  std::size_t documents = 0;
  std::size_t passages = 0;
  for (const auto& input : inputs) {
    try {
      std::size_t file_passages = 0;
      if (talash::cli::is_jsonl(input.path)) {
        const auto stats = talash::cli::read_jsonl(
            input.path, input.name, fields,
            [&](talash::Document&& doc) { file_passages += writer.add(doc).passages; },
            [&](const std::string& warning) { std::cerr << "talash-index: " << warning << '\n'; });
        documents += stats.documents;
        if (stats.bad_lines > 0) {
          problems.push_back(input.name + ": " + std::to_string(stats.bad_lines) +
                             " lines skipped");
        }
      } else {
        const std::string text = talash::cli::read_file(input.path);
        file_passages = writer.add({input.name, text, ""}).passages;
        ++documents;
      }
      ++files;
      passages += file_passages;
      if (verbose) {
        std::cerr << "indexed " << input.name << ": " << file_passages << " passages\n";
      }
    } catch (const talash::IoError& e) {
      std::cerr << "talash-index: " << e.what() << '\n';
      problems.push_back(e.what());
    }
  }
  writer.commit();
  if (!quiet) {
    std::cout << "talash-index: indexed " << files << " files, " << documents << " documents, "
              << passages << " passages into " << db << '\n';
  }
  return problems.empty() ? kExitOk : kExitSomeFailed;
} catch (const po::error& e) {
  std::cerr << "talash-index: " << e.what() << " (see --help)\n";
  return kExitUsage;
} catch (const talash::UsageError& e) {
  std::cerr << "talash-index: " << e.what() << '\n';
  return kExitUsage;
} catch (const talash::DatabaseError& e) {
  std::cerr << "talash-index: " << e.what() << '\n';
  return kExitIndex;
} catch (const std::exception& e) {
  std::cerr << "talash-index: " << e.what() << '\n';
  return kExitSomeFailed;
}
