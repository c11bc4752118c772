// Talash under the benchmark protocol of peers/driver.h, through the public API as an embedding
// program uses it: IndexWriter with its default threads (one per core), Searcher with default
// options but highlight off: ten passages with their text per query, as the peers fetch them.
// query-highlight also finds each result's matched words (SearchOptions::highlight, what
// talash-search shows); query-exact turns transliteration and stems off; query-mix deals the
// first page round the languages and counts each (SearchOptions::mix_languages).
//
//   talash_driver build DOCS DB | query DB QUERIES | query-exact DB QUERIES
//                 | query-highlight DB QUERIES | query-mix DB QUERIES
#include "peers/driver.h"

#include <talash/talash.h>

#include <cstring>

namespace {

void build(const std::string& docs, const std::string& path) {
  talash::IndexOptions options;
  options.rebuild = true;
  talash::IndexWriter writer(path, options);
  bench::for_each_doc(
      docs, [&](bench::Doc& d) { writer.add(talash::Document(d.id, std::move(d.text), d.lang)); });
  writer.commit();
}

class TalashSearcher : public bench::Searcher {
 public:
  TalashSearcher(const std::string& path, bool exact, bool highlight, bool mix) : searcher_(path) {
    options_.exact = exact;
    options_.highlight = highlight;
    options_.mix_languages = mix;
  }

  std::optional<std::size_t> search(const std::string& query) override {
    try {
      return searcher_.search(query, options_).results.size();
    } catch (const talash::UsageError&) {
      return std::nullopt;
    }
  }

 private:
  talash::Searcher searcher_;
  talash::SearchOptions options_;
};

}  // namespace

int main(int argc, char** argv) {
  bool exact = false;
  bool highlight = false;
  bool mix = false;
  if (argc > 1 &&
      (std::strcmp(argv[1], "query-exact") == 0 || std::strcmp(argv[1], "query-highlight") == 0 ||
       std::strcmp(argv[1], "query-mix") == 0)) {
    exact = std::strcmp(argv[1], "query-exact") == 0;
    highlight = std::strcmp(argv[1], "query-highlight") == 0;
    mix = std::strcmp(argv[1], "query-mix") == 0;
    argv[1] = const_cast<char*>("query");  // NOLINT(cppcoreguidelines-pro-type-const-cast)
  }
  return bench::main(argc, argv, "talash_driver", build,
                     [exact, highlight, mix](const std::string& db) {
                       return std::make_unique<TalashSearcher>(db, exact, highlight, mix);
                     });
}
