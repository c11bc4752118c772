// The bundled corpus (corpus/), read for tests that run over real text.
#ifndef TALASH_TESTS_SUPPORT_CORPUS_TEXTS_H_
#define TALASH_TESTS_SUPPORT_CORPUS_TEXTS_H_

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace talash::test {

// Each .txt file of `dir` (the folder's README is not one) as its file name and its text, in the
// order the directory lists them.
inline std::vector<std::pair<std::string, std::string>> corpus_texts(const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") {
      continue;
    }
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    out.emplace_back(entry.path().filename().string(), text.str());
  }
  return out;
}

}  // namespace talash::test

#endif  // TALASH_TESTS_SUPPORT_CORPUS_TEXTS_H_
