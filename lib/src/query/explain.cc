#include "query/explain.h"

#include "analysis/utf.h"
#include "index/term_schema.h"

#include <algorithm>
#include <array>
#include <map>

namespace talash::internal {
namespace {

// Lower rank is better.
int rank(const std::string& kind) {
  constexpr std::array<std::string_view, 5> kOrder = {"exact", "normalized", "compound", "stem",
                                                      "transliteration"};
  return static_cast<int>(std::find(kOrder.begin(), kOrder.end(), kind) - kOrder.begin());
}

// Same spelling: equal as written, ignoring only letter case.
bool same_spelling(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto x = static_cast<unsigned char>(a[i]);
    const auto y = static_cast<unsigned char>(b[i]);
    if (x != y && !(x < 0x80 && y < 0x80 && std::tolower(x) == std::tolower(y))) {
      return false;
    }
  }
  return true;
}

}  // namespace

const char* kind_name(MatchKind kind) {
  switch (kind) {
    case MatchKind::kExact:
      return "exact";
    case MatchKind::kCompound:
      return "compound";
    case MatchKind::kStem:
      return "stem";
    case MatchKind::kTransliteration:
      return "transliteration";
  }
  return "exact";
}

std::vector<Match> explain(std::string_view text, std::string_view lang,
                           const std::vector<QueryWord>& words, const TextAnalyzer& analyzer) {
  const std::vector<Word> passage = analyzer.analyze(text, lang, false);
  // (query word, passage word start) -> best match so far.
  std::map<std::pair<std::size_t, std::size_t>, Match> best;
  auto offer = [&](std::size_t qi, std::size_t from, std::size_t to, std::string kind,
                   double similarity) {
    Match m;
    m.query_word = words[qi].raw;
    m.start = passage[from].start;
    m.end = passage[to].end;
    m.passage_word = std::string(text.substr(m.start, m.end - m.start));
    m.kind = std::move(kind);
    m.similarity = similarity;
    auto [it, inserted] = best.try_emplace({qi, m.start}, m);
    if (!inserted && rank(m.kind) < rank(it->second.kind)) {
      it->second = std::move(m);
    }
  };
  const std::string part_prefix(schema::kPartPrefix);
  const std::string stem_prefix(schema::kStemPrefix);
  for (std::size_t qi = 0; qi < words.size(); ++qi) {
    for (const Alternative& alt : words[qi].alternatives) {
      const std::string kind = kind_name(alt.kind);
      for (std::size_t i = 0; i < passage.size(); ++i) {
        const Word& w = passage[i];
        if (alt.terms.size() == 2) {
          if (i + 1 < passage.size() && w.term == alt.terms[0] &&
              passage[i + 1].term == alt.terms[1]) {
            offer(qi, i, i + 1, kind, alt.similarity);
          }
          continue;
        }
        const std::string& t = alt.terms[0];
        if (t == w.term) {
          if (alt.kind == MatchKind::kExact) {
            const bool same = same_spelling(text.substr(w.start, w.end - w.start), words[qi].raw);
            offer(qi, i, i, same ? "exact" : "normalized", 1.0);
          } else {
            offer(qi, i, i, kind, alt.similarity);
          }
        } else if (!w.join_next.empty() && t == w.join_next && i + 1 < passage.size()) {
          offer(qi, i, i + 1, "compound", 1.0);
        } else if (t.starts_with(part_prefix) &&
                   std::find(w.parts.begin(), w.parts.end(), t.substr(part_prefix.size())) !=
                       w.parts.end()) {
          offer(qi, i, i, "compound", 1.0);
        } else if (t.starts_with(stem_prefix) && alt.kind == MatchKind::kStem && !w.stem.empty() &&
                   t.substr(stem_prefix.size()) == w.stem) {
          offer(qi, i, i, "stem", 1.0);
        }
      }
    }
  }
  std::vector<Match> out;
  out.reserve(best.size());
  for (auto& [key, m] : best) {
    out.push_back(std::move(m));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Match& a, const Match& b) { return a.start < b.start; });
  return out;
}

}  // namespace talash::internal
