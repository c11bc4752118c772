// Turns a parsed query into Xapian queries at three tiers of looseness, and records for every
// query word which terms may match it and how, so that results can be explained and highlighted:
//   tier 1  the query's own spelling: the normalized term, the term as a ZWNJ part of a longer
//           word, the word split in two (نصرالله -> نصر الله), two words joined (نصر الله ->
//           نصرالله)
//   tier 2  + stems (armies ~ army, کتابها ~ کتاب)
//   tier 3  + the closest transliteration candidates (Enver ~ انور; Herat ~ هرات), and the
//           spellings a names file joins to the word (Joseph ~ یوسف)
//   tier 4  + the other transliteration candidates (Herat ~ حیرت)
// The searcher ranks every tier-1 match above every tier-2-only match, and so on.
#ifndef TALASH_QUERY_QUERY_BUILDER_H_
#define TALASH_QUERY_QUERY_BUILDER_H_

#include "analysis/text_analyzer.h"
#include "index/doc_lengths.h"
#include "query/name_groups.h"
#include "query/query_parser.h"
#include "query/translit_expander.h"

#include <xapian.h>

#include <array>
#include <string>
#include <vector>

namespace talash::internal {

// kName: a spelling a names file gives as the same name (name_groups.h).
enum class MatchKind { kExact, kCompound, kStem, kTransliteration, kName };

// Terms that match a query word: one term (possibly prefixed, XP or Z), or two that must stand
// together ("a b" as a phrase).
struct Alternative {
  std::vector<std::string> terms;
  MatchKind kind = MatchKind::kExact;
  double similarity = 1.0;
  // For one term: the passage count its idf is computed from, if not its own (bm25_term).
  Xapian::doccount idf_termfreq = 0;
  // A transliteration that is not among the closest (Candidate::closest): tier 4.
  bool loose = false;
};

struct QueryWord {
  // As the user wrote it ("a b" for a pair of words matched as one).
  std::string raw;
  std::vector<Alternative> alternatives;
};

inline constexpr std::size_t kTiers = 4;
using TieredQuery = std::array<Xapian::Query, kTiers>;

struct BuiltQuery {
  // Every group must match; tiers[0] ⊆ tiers[1] ⊆ tiers[2] in what they match.
  TieredQuery tiers;
  // The top-level AND's parts (or the whole query), for the any-word fallback.
  std::vector<TieredQuery> groups;
  // Excluded items (NOT, -word), or an empty query.
  Xapian::Query excluded;
  std::vector<QueryWord> words;
};

// How far a query word reaches: its own spelling (tier 1), also its stems (tier 2), also its
// transliterations (tiers 3 and 4). Tiers past the depth repeat the last one computed.
enum class Depth { kSpelling = 1, kStems = 2, kAll = 3 };

// Not thread-safe; keep one per Searcher, so that its expander's caches serve every query.
class QueryBuilder {
 public:
  QueryBuilder(const Xapian::Database& db, const TextAnalyzer& analyzer)
      : db_(db), analyzer_(analyzer), lengths_(db), expander_(db) {}

  // Forgets what was learnt about the index (its vocabulary, its passages' lengths); call after
  // reopening the database.
  void forget_vocabulary() {
    lengths_.forget();
    expander_.forget_vocabulary();
  }

  // Builds the query. exact_mode: every tier is tier 1. `names`: equivalent spellings to add to
  // each word, beside its transliterations. Throws QueryError when the query holds no word to
  // search for.
  BuiltQuery build(const ParsedQuery& q, bool exact_mode, const NameIndex& names) const;

 private:
  // A single word of the query, kept for joining with its neighbour.
  struct Single {
    Word word;
    std::string raw;
  };
  // The words of a query item, without those too long to be terms.
  std::vector<Word> analyse(const std::string& text) const;
  TieredQuery item_query(const QueryItem& item, Depth depth, std::vector<QueryWord>& words,
                         std::vector<Single>& singles) const;
  TieredQuery single_word_query(const Word& w, const std::string& raw, Depth depth,
                                std::vector<QueryWord>& words) const;
  TieredQuery pair_query(const Single& a, const Single& b, Depth depth,
                         std::vector<QueryWord>& words) const;
  TieredQuery node_query(const QueryNode& node, Depth depth, BuiltQuery& out, bool top) const;
  TieredQuery and_query(const QueryNode& node, Depth depth, BuiltQuery& out, bool top) const;
  TieredQuery near_query(const QueryNode& node, Depth depth, std::vector<QueryWord>& words) const;
  // Xapian query for one alternative (a term, or a phrase of two), one of `all`, the alternatives
  // of its query word, which its tiers OR together.
  Xapian::Query alternative_query(const Alternative& a, const std::vector<Alternative>& all) const;

  const Xapian::Database& db_;
  const TextAnalyzer& analyzer_;
  DocLengths lengths_;
  TranslitExpander expander_;
  // The names of the build in progress (build() is not reentrant: the builder is not
  // thread-safe).
  mutable const NameIndex* names_ = nullptr;
  // The query of the build in progress, whose source its errors point into.
  mutable const ParsedQuery* source_ = nullptr;
};

}  // namespace talash::internal

#endif  // TALASH_QUERY_QUERY_BUILDER_H_
