#include <talash/snippet.h>

#include <catch2/catch.hpp>

namespace {

talash::Result result(const std::string& text, std::size_t start, std::size_t end) {
  talash::Result r;
  r.text = text;
  talash::Match m;
  m.start = start;
  m.end = end;
  r.matches.push_back(m);
  return r;
}

std::string join(const std::vector<talash::SnippetPiece>& pieces) {
  std::string out;
  for (const auto& p : pieces) {
    out += p.match ? "[" + p.text + "]" : p.text;
  }
  return out;
}

}  // namespace

TEST_CASE("Snippets mark matched words by their byte offsets", "[query]") {
  const std::string text = "Enver Pasha reached Bukhara.";
  CHECK(talash::snippet(result(text, 20, 27), "<", ">") == "Enver Pasha reached <Bukhara>.");
}

TEST_CASE("Visual order reverses right-to-left runs and keeps the matches", "[query][ur]") {
  // "انور پاشا" logically; on a terminal without bidi it must come out right to left.
  const std::string text = "انور پاشا";
  const auto logical = talash::snippet_pieces(result(text, 0, 8));
  CHECK(join(logical) == "[انور] پاشا");
  CHECK(join(talash::visual_order(logical)) == "اشاپ [رونا]");
}

TEST_CASE("Visual order keeps Latin words and digits left to right inside Urdu", "[query][ur]") {
  const std::string text = "یہ 1922 میں Enver تھا";
  const auto visual = talash::visual_order(talash::snippet_pieces(result(text, 0, 0)));
  // Right-to-left paragraph: the Urdu words reversed, 1922 and Enver kept as written.
  CHECK(join(visual) == "اھت Enver ںیم 1922 ہی");
}

TEST_CASE("Long passages are cut around the first match with an ellipsis", "[query]") {
  std::string text;
  for (int i = 0; i < 100; ++i) {
    text += "word ";
  }
  const std::size_t at = text.size();
  text += "Samarkand and more words after it";
  const std::string s = talash::snippet(result(text, at, at + 9), "<", ">", 60);
  CHECK(s.rfind("… ", 0) == 0);
  CHECK(s.find("<Samarkand>") != std::string::npos);
}
