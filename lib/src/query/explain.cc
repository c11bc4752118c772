#include "query/explain.h"

#include "analysis/utf.h"
#include "index/term_schema.h"

#include <algorithm>
#include <map>

namespace talash::internal {
namespace {

// Lower rank is better: exact, normalized (an exact alternative spelled otherwise than the query
// word), compound, stem, transliteration or name.
int rank(MatchKind kind, bool normalized) {
  switch (kind) {
    case MatchKind::kExact:
      return normalized ? 1 : 0;
    case MatchKind::kCompound:
      return 2;
    case MatchKind::kStem:
      return 3;
    case MatchKind::kTransliteration:
    case MatchKind::kName:
      return 4;
  }
  return 4;
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
    case MatchKind::kName:
      return "name";
  }
  return "exact";
}

// One lookup per passage term (and per join, part and stem): trying each alternative against each
// word cost as much as analysing the passage for queries with many transliterations.
Explainer::Explainer(const std::vector<QueryWord>& words) : words_(words) {
  std::size_t order = 0;
  for (std::size_t qi = 0; qi < words.size(); ++qi) {
    for (const Alternative& alt : words[qi].alternatives) {
      if (!alt.terms.empty()) {
        wants_[alt.terms[0]].push_back({order, qi, &alt});
      }
      ++order;
    }
  }
}

std::vector<Match> Explainer::explain(std::string_view text, std::string_view lang,
                                      const TextAnalyzer& analyzer) const {
  const std::vector<Word> passage = analyzer.analyze(text, lang, false);
  struct Found {
    std::size_t order;
    std::size_t qi;
    std::size_t to;
    MatchKind kind;
    bool normalized;  // an exact alternative not spelled as the query word
    double similarity;
  };
  // (query word, passage word) -> best match so far.
  std::map<std::pair<std::size_t, std::size_t>, Found> best;
  std::vector<Found> found;
  const std::string part_prefix(schema::kPartPrefix);
  const std::string stem_prefix(schema::kStemPrefix);
  std::string key;
  auto look = [&](std::string_view term, auto&& take) {
    if (const auto it = wants_.find(term); it != wants_.end()) {
      for (const Want& want : it->second) {
        take(want);
      }
    }
  };
  for (std::size_t i = 0; i < passage.size(); ++i) {
    const Word& w = passage[i];
    found.clear();
    look(w.term, [&](const Want& want) {
      const Alternative& alt = *want.alt;
      if (alt.terms.size() == 2) {
        if (i + 1 < passage.size() && passage[i + 1].term == alt.terms[1]) {
          found.push_back({want.order, want.qi, i + 1, alt.kind, false, alt.similarity});
        }
      } else if (alt.kind == MatchKind::kExact) {
        const bool same = same_spelling(text.substr(w.start, w.end - w.start), words_[want.qi].raw);
        found.push_back({want.order, want.qi, i, MatchKind::kExact, !same, 1.0});
      } else {
        found.push_back({want.order, want.qi, i, alt.kind, false, alt.similarity});
      }
    });
    if (!w.join_next.empty() && i + 1 < passage.size()) {
      look(w.join_next, [&](const Want& want) {
        if (want.alt->terms.size() == 1) {
          found.push_back({want.order, want.qi, i + 1, MatchKind::kCompound, false, 1.0});
        }
      });
    }
    for (const std::string& part : w.parts) {
      key = part_prefix + part;
      look(key, [&](const Want& want) {
        if (want.alt->terms.size() == 1) {
          found.push_back({want.order, want.qi, i, MatchKind::kCompound, false, 1.0});
        }
      });
    }
    if (!w.stem.empty()) {
      key = stem_prefix + w.stem;
      look(key, [&](const Want& want) {
        if (want.alt->terms.size() == 1 && want.alt->kind == MatchKind::kStem) {
          found.push_back({want.order, want.qi, i, MatchKind::kStem, false, 1.0});
        }
      });
    }
    // In the order of the alternatives, so that of two equally good matches the first one found
    // by the query's own order is kept, whichever way each was found.
    std::sort(found.begin(), found.end(),
              [](const Found& a, const Found& b) { return a.order < b.order; });
    for (const Found& f : found) {
      auto [it, inserted] = best.try_emplace({f.qi, i}, f);
      if (!inserted && rank(f.kind, f.normalized) < rank(it->second.kind, it->second.normalized)) {
        it->second = f;
      }
    }
  }
  std::vector<Match> out;
  out.reserve(best.size());
  for (const auto& [key_of, f] : best) {
    Match m;
    m.query_word = words_[f.qi].raw;
    m.start = passage[key_of.second].start;
    m.end = passage[f.to].end;
    m.passage_word = std::string(text.substr(m.start, m.end - m.start));
    m.kind = f.normalized ? "normalized" : kind_name(f.kind);
    m.similarity = f.similarity;
    out.push_back(std::move(m));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Match& a, const Match& b) { return a.start < b.start; });
  return out;
}

}  // namespace talash::internal
