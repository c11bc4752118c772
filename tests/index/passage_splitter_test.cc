#include "index/passage_splitter.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

using talash::internal::split_passages;

std::vector<std::string> passages(const std::string& text, std::size_t target) {
  std::vector<std::string> out;
  for (const auto& r : split_passages(text, target)) {
    out.push_back(text.substr(r.start, r.end - r.start));
  }
  return out;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

}  // namespace

TEST_CASE("A blank line ends a passage, and each passage comes once", "[index]") {
  struct Row {
    const char* text;
    std::vector<std::string> expected;
    const char* why;
  };
  const Row rows[] = {
      {"one\n\ntwo\n", {"one", "two"}, "one blank line between"},
      {"one\n\ntwo\n\n", {"one", "two"}, "a blank line at the end (once kept the last twice)"},
      {"one\n\n\n\ntwo", {"one", "two"}, "several blank lines between (once kept the first again)"},
      {"one\n \n\t\ntwo", {"one", "two"}, "blank lines of spaces and tabs"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.why);
    CHECK(passages(row.text, 600) == row.expected);
  }
}

TEST_CASE("Short lines of one block are merged; long lines stand alone", "[index]") {
  SECTION("hard-wrapped text is one passage") {
    CHECK(passages("a short line\nanother short line\n", 600) ==
          std::vector<std::string>{"a short line\nanother short line"});
  }
  SECTION("one paragraph per line stays one passage per line") {
    const std::string para = repeat("word ", 50);  // 250 characters
    const auto p = passages(para + "\n" + para + "\n", 600);
    CHECK(p.size() == 2);
  }
}

TEST_CASE("Long paragraphs are cut at sentence ends", "[index][fa][ur]") {
  const std::string fa =
      repeat("این جمله‌ای است که به پایان می‌رسد. ", 40);
  const std::string ur = repeat("یہ ایک جملہ ہے جو ختم ہوتا ہے۔ ", 40);
  for (const std::string& text : {fa, ur}) {
    const auto p = passages(text, 600);
    REQUIRE(p.size() > 1);
    for (const auto& s : p) {
      CHECK(s.size() < std::size_t{2} * 600 * 2);  // code points are at most 2 bytes here
      const bool ends_at_sentence = s.ends_with(".") || s.ends_with("۔");
      CHECK(ends_at_sentence);
    }
  }
}

TEST_CASE("Text without punctuation or line breaks is still cut", "[index]") {
  const auto p = passages(repeat("x", 5000), 600);
  REQUIRE(p.size() >= 4);
  for (const auto& s : p) {
    CHECK(s.size() <= 1200);
  }
}

TEST_CASE("Passage byte ranges cover the text they report", "[index]") {
  const std::string text = "  first paragraph  \r\n\r\nsecond\r\n";
  const auto r = split_passages(text, 600);
  REQUIRE(r.size() == 2);
  CHECK(text.substr(r[0].start, r[0].end - r[0].start) == "first paragraph");
  CHECK(text.substr(r[1].start, r[1].end - r[1].start) == "second");
}

TEST_CASE("Empty and blank text has no passages", "[index]") {
  CHECK(split_passages("", 600).empty());
  CHECK(split_passages(" \n\n\t\n", 600).empty());
}
