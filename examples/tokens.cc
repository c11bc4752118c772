// Prints the normalized tokens of its input (standard input, or the arguments), one per line:
// the word as written, its byte offsets, its term, and its transliteration keys. Programs that
// keep their own index can normalize words exactly as Talash does.
#include <talash/analyzer.h>

#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  std::string text;
  if (argc > 1) {
    for (int i = 1; i < argc; ++i) {
      text += std::string(i > 1 ? " " : "") + argv[i];
    }
  } else {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  const talash::Analyzer analyzer;
  std::cout << "language: " << talash::Analyzer::detect_language(text) << '\n';
  for (const talash::Token& t : analyzer.tokenize(text)) {
    std::cout << text.substr(t.start, t.end - t.start) << '\t' << t.start << '-' << t.end << '\t'
              << t.term;
    for (const std::string& key : t.keys) {
      std::cout << '\t' << key;
    }
    std::cout << '\n';
  }
  return 0;
}
