// talash-search: searches a Talash index.
#include "cli/exit_status.h"
#include "cli/query_marker.h"
#include "result_printer.h"

#include <talash/talash.h>

#include <boost/program_options.hpp>

#include <iostream>

#include <sys/ioctl.h>
#include <unistd.h>

namespace po = boost::program_options;

namespace {

// Exit codes follow grep: results found, none found, usage or query error; then index trouble
// and internal errors (cli/exit_status.h).
constexpr int kExitFound = talash::cli::kExitOk;
constexpr int kExitNone = talash::cli::kExitPartial;
constexpr int kExitUsage = talash::cli::kExitUsage;

// Whether to reorder right-to-left text for display. Terminals that lay out bidirectional text
// themselves (Konsole, mlterm, VTE 0.58 and later) get logical order; other terminals (xterm,
// tmux, most others) get visual order; a pipe gets logical order, as programs expect.
bool use_visual(const std::string& mode) {
  if (mode != "auto") {
    return mode == "visual";
  }
  if (isatty(STDOUT_FILENO) == 0) {
    return false;
  }
  const char* konsole = std::getenv("KONSOLE_VERSION");
  const char* vte = std::getenv("VTE_VERSION");
  const char* term = std::getenv("TERM");
  const bool bidi_terminal = konsole != nullptr || (vte != nullptr && std::atoi(vte) >= 5800) ||
                             (term != nullptr && std::string_view(term).starts_with("mlterm"));
  return !bidi_terminal;
}

bool use_color(const std::string& mode) {
  if (mode == "always") {
    return true;
  }
  if (mode == "never") {
    return false;
  }
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) != 0 && (no_color == nullptr || *no_color == '\0');
}

// Runs one query; returns its exit code.
int run_one(talash::Searcher& searcher, const std::string& query,
            const talash::SearchOptions& options, bool json,
            const talash::cli::PrintOptions& print) {
  try {
    const talash::SearchResults results = searcher.search(query, options);
    for (const std::string& notice : results.notices) {
      std::cerr << "talash-search: " << notice << '\n';
    }
    if (results.fallback) {
      std::cerr << "talash-search: no passage has every word of \"" << query
                << "\"; showing passages with any of them\n";
    }
    if (json) {
      talash::cli::print_json(std::cout, results);
    } else {
      talash::cli::print_text(std::cout, results, print);
    }
    return results.results.empty() ? kExitNone : kExitFound;
  } catch (const talash::UsageError& e) {
    // A QueryError says where the query is wrong; a bad option has no place in it.
    const auto* in_query = dynamic_cast<const talash::QueryError*>(&e);
    const std::optional<std::size_t> position =
        in_query != nullptr ? in_query->position() : std::nullopt;
    const std::size_t length = in_query != nullptr ? in_query->length() : 0;
    std::cerr << "talash-search: bad query \"" << query << "\": " << e.what() << '\n';
    if (position) {
      for (const std::string& line : talash::cli::mark_in_query(query, *position, length)) {
        std::cerr << "talash-search:   " << line << '\n';
      }
    }
    if (json) {
      talash::cli::print_json_error(std::cout, query, e.what(), position, length);
    }
    return kExitUsage;
  }
}

}  // namespace

int main(int argc, char** argv) try {
  po::options_description visible(
      "Usage: talash-search [--db DIR] [options] QUERY...\n"
      "Searches the index in DIR. Query words must all match; \"quoted phrases\" and =word match\n"
      "exactly; OR joins alternatives; -word or NOT word excludes; lang:ur|fa|en and doc:GLOB\n"
      "filter. Latin and Arabic-script spellings of a name find each other.\n"
      "Exit status: 0 results, 1 none, 2 usage or query error, 3 index missing or unusable,\n"
      "4 internal error. With --batch: 2 if any query was in error, else 0 if any found\n"
      "something, else 1.\n\n"
      "Options");
  std::string db;
  std::string color;
  std::string sort;
  std::string bidi;
  talash::SearchOptions options;
  talash::cli::PrintOptions print;
  // Read signed, so that -1 is refused rather than read as the largest size_t.
  long long limit = 0;
  long long offset = 0;
  long long per_doc = 0;
  long long context = 0;
  std::string names;
  visible.add_options()("help,h", "show this help and exit")("version",
                                                             "print the version and exit")(
      "db", po::value<std::string>(&db)->default_value(".talash-db"), "index directory")(
      "limit,n", po::value<long long>(&limit)->default_value(10), "number of results")(
      "offset", po::value<long long>(&offset)->default_value(0), "results to skip")(
      "per-doc", po::value<long long>(&per_doc)->default_value(3),
      "at most N passages per file (0: no limit)")("lang", po::value<std::string>(&options.lang),
                                                   "only passages in ur, fa or en")(
      "exact", "match the query's own spelling only: no stems, no transliteration")(
      "json", "print one JSON object per query")("batch", "read one query per line from stdin")(
      "explain", "show how each query word matched")("stats",
                                                     "print facts about the index and exit")(
      "color", po::value<std::string>(&color)->default_value("auto"), "auto, always or never")(
      "bidi", po::value<std::string>(&bidi)->default_value("auto"),
      "right-to-left text: logical (the terminal lays it out), visual (reordered here), or "
      "auto (by the terminal)")(
      "sort", po::value<std::string>(&sort)->default_value("relevance"),
      "relevance, or doc (by file and passage; no per-file cap unless --per-doc is given)")(
      "context,C", po::value<long long>(&context)->default_value(0),
      "also show N passages before and after each result")(
      "mix",
      "deal the first 10 places round the languages that have matches, and count each "
      "language's matches (slower: a ranking per language)")(
      "names", po::value<std::string>(&names),
      "a file of equivalent names, one group a line, spellings separated by commas "
      "(Joseph, Yusuf, یوسف): each finds the others");
  po::options_description hidden;
  hidden.add_options()("query", po::value<std::vector<std::string>>(), "query");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);
  po::variables_map vm;
  po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
  po::notify(vm);
  if (vm.count("help") != 0) {
    std::cout << visible << '\n';
    return kExitFound;
  }
  if (vm.count("version") != 0) {
    std::cout << "talash-search " << talash::version() << " (analysis "
              << talash::analysis_version() << ")\n";
    return kExitFound;
  }
  for (const auto& [name, value] :
       {std::pair{"--limit", limit}, std::pair{"--offset", offset}, std::pair{"--per-doc", per_doc},
        std::pair{"--context", context}}) {
    if (value < 0) {
      std::cerr << "talash-search: " << name << " must be 0 or more, not " << value << '\n';
      return kExitUsage;
    }
  }
  options.limit = static_cast<std::size_t>(limit);
  options.offset = static_cast<std::size_t>(offset);
  options.per_doc = static_cast<std::size_t>(per_doc);
  options.context = static_cast<std::size_t>(context);
  if (color != "auto" && color != "always" && color != "never") {
    std::cerr << "talash-search: --color must be auto, always or never\n";
    return kExitUsage;
  }
  if (!options.lang.empty() && options.lang != "ur" && options.lang != "fa" &&
      options.lang != "en") {
    std::cerr << "talash-search: --lang must be ur, fa or en\n";
    return kExitUsage;
  }
  if (bidi != "auto" && bidi != "logical" && bidi != "visual") {
    std::cerr << "talash-search: --bidi must be auto, logical or visual\n";
    return kExitUsage;
  }
  print.visual = use_visual(bidi);
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    print.width = size.ws_col;
  } else if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    print.width = static_cast<std::size_t>(std::max(0, std::atoi(columns)));
  }
  if (sort != "relevance" && sort != "doc") {
    std::cerr << "talash-search: --sort must be relevance or doc\n";
    return kExitUsage;
  }
  if (sort == "doc") {
    options.sort = talash::SearchOptions::Sort::kDocument;
    if (vm["per-doc"].defaulted()) {
      options.per_doc = 0;
    }
  }
  options.exact = vm.count("exact") != 0;
  options.mix_languages = vm.count("mix") != 0;
  if (!names.empty()) {
    // A bad line is a usage error (exit 2), an unreadable file an I/O error: report_failure maps
    // them, with the message naming the file and line.
    options.names = talash::read_name_groups(names);
  }
  const bool json = vm.count("json") != 0;
  const bool batch = vm.count("batch") != 0;
  print.color = use_color(color);
  print.explain = vm.count("explain") != 0;

  std::string query;
  if (vm.count("query") != 0) {
    for (const std::string& part : vm["query"].as<std::vector<std::string>>()) {
      query += (query.empty() ? "" : " ") + part;
    }
  }
  if (vm.count("stats") == 0 && !batch && query.find_first_not_of(" \t\r\n") == std::string::npos) {
    std::cerr << "talash-search: the query is empty; give words to search for (see --help)\n";
    return kExitUsage;
  }
  if (batch && !query.empty()) {
    std::cerr << "talash-search: --batch reads queries from stdin; do not also give one\n";
    return kExitUsage;
  }

  talash::Searcher searcher(db);
  if (vm.count("stats") != 0) {
    talash::cli::print_stats(std::cout, searcher.stats(), json);
    return kExitFound;
  }
  if (!batch) {
    return run_one(searcher, query, options, json, print);
  }
  // As grep with several files: 2 if any query was in error, else 0 if any found something,
  // else 1 (also for no queries at all).
  bool any_error = false;
  bool any_found = false;
  std::size_t line_no = 0;
  std::string line;
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    const int code = run_one(searcher, line, options, json, print);
    if (code == kExitUsage) {
      std::cerr << "talash-search: (stdin line " << line_no << ")\n";
      any_error = true;
    }
    any_found = any_found || code == kExitFound;
  }
  return any_error ? kExitUsage : any_found ? kExitFound : kExitNone;
} catch (...) {
  return talash::cli::report_failure("talash-search", std::cerr, false);
}
