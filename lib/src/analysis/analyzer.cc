// Implements the public talash::Analyzer over the internal TextAnalyzer.
#include "analysis/script.h"
#include "analysis/text_analyzer.h"
#include "analysis/translit_key.h"
#include "analysis/utf.h"

#include <talash/analyzer.h>
#include <talash/error.h>

#include <xapian.h>

namespace talash {

struct Analyzer::Impl {
  internal::TextAnalyzer chain;
};

Analyzer::Analyzer() try : impl_(std::make_unique<Impl>()) {
} catch (const Xapian::Error& e) {
  throw Error("cannot create the analyzer: " + e.get_description());
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<Token> Analyzer::tokenize(std::string_view text) const {
  std::vector<Token> out;
  for (internal::Word& w : impl_->chain.analyze(text, "")) {
    Token t;
    t.term = std::move(w.term);
    t.start = w.start;
    t.end = w.end;
    t.position = w.position;
    t.parts = std::move(w.parts);
    t.keys = std::move(w.keys);
    out.push_back(std::move(t));
  }
  return out;
}

std::string Analyzer::normalize(std::string_view word) const {
  auto words = impl_->chain.analyze(word, "");
  return words.empty() ? std::string() : std::move(words.front().term);
}

std::vector<std::string> Analyzer::transliteration_keys(std::string_view word) const {
  auto words = impl_->chain.analyze(word, "");
  return words.empty() ? std::vector<std::string>() : std::move(words.front().keys);
}

std::string Analyzer::detect_language(std::string_view text) {
  return internal::detect_language(text);
}

}  // namespace talash
