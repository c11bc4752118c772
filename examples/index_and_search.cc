// Indexes a few strings into a temporary index and searches them: the smallest complete use of
// libtalash. Usage: index_and_search [QUERY]   (default query: Samarkand)
#include <talash/talash.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

int main(int argc, char** argv) {
  const std::string query = argc > 1 ? argv[1] : "Samarkand";
  const std::filesystem::path db = std::filesystem::temp_directory_path() / "talash-example-db";
  try {
    {
      talash::IndexOptions options;
      options.rebuild = true;  // start from an empty index each run
      talash::IndexWriter writer(db.string(), options);
      writer.add({"travel.txt", "The caravan left Samarkand at dawn and reached Bukhara in May."});
      writer.add({"safar.txt", "کاروان سحرگاه از سمرقند بیرون رفت."});
      writer.add({"urdu.txt", "قافلہ صبح سویرے سمرقند سے روانہ ہوا۔"});
      writer.commit();
    }
    talash::Searcher searcher(db.string());
    const talash::SearchResults found = searcher.search(query);
    for (const std::string& notice : found.notices) {
      std::cerr << "note: " << notice << '\n';
    }
    for (const talash::Result& r : found.results) {
      std::cout << r.doc << " [" << r.lang << "] " << talash::snippet(r, "[", "]") << '\n';
      for (const talash::Match& m : r.matches) {
        std::cout << "  " << m.query_word << " -> " << m.passage_word << " (" << m.kind << ")\n";
      }
    }
    std::filesystem::remove_all(db);
    return found.results.empty() ? 1 : 0;
  } catch (const talash::UsageError& e) {
    std::cerr << "bad query: " << e.what() << '\n';
    return 2;
  } catch (const talash::Error& e) {
    std::cerr << "error: " << e.what() << '\n';
    return 3;
  }
}
