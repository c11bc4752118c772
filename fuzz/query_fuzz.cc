// The query language on arbitrary bytes, parsed as a talash::Query and then run against a small
// index of the bundled corpus, through the public API only: no crash; a query that is not ok()
// says why; no exception but talash::UsageError (the documented query error; any other escapes
// and aborts the run), every result's highlights inside its passage, every snippet valid
// UTF-8. The time per input is bounded by libFuzzer's -timeout (scripts/fuzz sets it).
#include "fuzz_check.h"

#include <talash/error.h>
#include <talash/index_writer.h>
#include <talash/query.h>
#include <talash/searcher.h>
#include <talash/snippet.h>

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

using talash::fuzz::check;

namespace {

namespace fs = std::filesystem;

fs::path g_db;
std::unique_ptr<talash::Searcher> g_searcher;

// The head of each corpus file keeps the index small, so each input runs in milliseconds.
constexpr std::size_t kHeadBytes = 40000;

void remove_db() {
  g_searcher.reset();
  std::error_code ec;
  fs::remove_all(g_db.parent_path(), ec);
}

void build_index() {
  std::string dir = (fs::temp_directory_path() / "talash-fuzz-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) {
    talash::fuzz::fail("mkdtemp");
  }
  g_db = fs::path(dir) / "db";
  {
    talash::IndexWriter writer(g_db.string());
    for (const auto& entry : fs::directory_iterator(TALASH_CORPUS_DIR)) {
      if (!entry.is_regular_file() || entry.path().filename() == "README.md") {
        continue;
      }
      std::ifstream in(entry.path(), std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (text.size() > kHeadBytes) {
        text.resize(text.rfind('\n', kHeadBytes) + 1);
      }
      writer.add(talash::Document(entry.path().filename().string(), std::move(text)));
    }
    writer.commit();
  }
  g_searcher = std::make_unique<talash::Searcher>(g_db.string());
  std::atexit(remove_db);
}

void check_results(const talash::SearchResults& found) {
  for (const auto& result : found.results) {
    check(result.start <= result.end, "passage range reversed", result.doc);
    for (const auto& match : result.matches) {
      check(match.start <= match.end && match.end <= result.text.size(),
            "highlight outside its passage", match.passage_word);
    }
    check(talash::fuzz::valid_utf8(talash::snippet(result, "[", "]")), "snippet is not UTF-8",
          result.doc);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  build_index();
  return 0;
}

// An input whose first line starts with '#' gives the page's numbers there, as the CLI's --limit,
// --offset, --context and --per-doc would: "#LIMIT OFFSET CONTEXT PER_DOC\nquery" (any of them
// as large as 64 bits hold; missing ones keep their defaults). The rest is the query.
std::string_view take_options(std::string_view input, talash::SearchOptions& options) {
  if (input.empty() || input.front() != '#') {
    return input;
  }
  const std::size_t eol = std::min(input.find('\n'), input.size());
  std::string_view line = input.substr(1, eol - 1);
  std::size_t* fields[] = {&options.limit, &options.offset, &options.context, &options.per_doc};
  for (std::size_t* field : fields) {
    while (!line.empty() && line.front() == ' ') {
      line.remove_prefix(1);
    }
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), n);
    if (ec != std::errc()) {
      break;
    }
    *field = static_cast<std::size_t>(n);
    line.remove_prefix(static_cast<std::size_t>(end - line.data()));
  }
  return input.substr(std::min(eol + 1, input.size()));
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  talash::SearchOptions page;
  const std::string_view text =
      take_options(std::string_view(reinterpret_cast<const char*>(data), size), page);
  const talash::Query query{std::string(text)};
  if (!query.ok()) {
    check(!query.error().empty(), "a query that is not ok() says nothing");
    check(talash::fuzz::valid_utf8(query.error()), "error is not UTF-8", query.error());
    return 0;
  }
  for (const auto& notice : query.notices()) {
    check(talash::fuzz::valid_utf8(notice), "notice is not UTF-8", notice);
  }
  for (const bool exact : {false, true}) {
    talash::SearchOptions options = page;
    options.exact = exact;
    if (page.context == 0) {
      options.context = exact ? 1 : 0;
    }
    try {
      check_results(g_searcher->search(query, options));
    } catch (const talash::UsageError&) {
      // A query that parses may still hold no word to search for ("", "!!!").
      return 0;
    }
  }
  return 0;
}
