#include "query/query_builder.h"

#include "analysis/utf.h"
#include "index/term_schema.h"
#include "query/bm25_source.h"
#include "query/proximity_source.h"
#include "query/translit_expander.h"

#include <talash/error.h>

#include <algorithm>
#include <optional>

namespace talash::internal {
namespace {

// Query words within this many positions of each other count as near (proximity ranking).
constexpr Xapian::termcount kProximityWindow = 8;

// A run of neighbours that may each be joined to the next is one part of the query, with one
// option per pair; a run is cut after this many words, so that a query of words that all join
// (با با با ...) stays as long as the query, not its square.
constexpr std::size_t kMaxRun = 4;

// Halves of a joined word must be at least this long (in UTF-16 units) to be tried apart, so that
// one-letter and two-letter words (به, از, را) do not split everything.
constexpr std::size_t kMinHalf = 3;

Xapian::Query any_of(const std::vector<Xapian::Query>& qs) {
  if (qs.empty()) {
    return {};
  }
  return qs.size() == 1 ? qs.front() : Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

Xapian::Query all_of(const std::vector<Xapian::Query>& qs) {
  if (qs.empty()) {
    return {};
  }
  return qs.size() == 1 ? qs.front() : Xapian::Query(Xapian::Query::OP_AND, qs.begin(), qs.end());
}

bool fits(const std::string& term) { return term.size() <= schema::kMaxTermBytes; }

// The first tier whose query holds the alternative.
std::size_t tier_of(const Alternative& a) {
  switch (a.kind) {
    case MatchKind::kExact:
    case MatchKind::kCompound:
      return 0;
    case MatchKind::kStem:
      return 1;
    case MatchKind::kTransliteration:
      return a.loose ? 3 : 2;
    case MatchKind::kName:
      return 2;
  }
  return 3;
}

// What an alternative's weight is multiplied by: a transliteration by the square of its
// similarity.
double weight_factor(const Alternative& a) {
  return a.kind == MatchKind::kTransliteration && a.similarity < 1.0 ? a.similarity * a.similarity
                                                                     : 1.0;
}

// A one-term alternative as the leaf alternative_query makes of it.
WeighedTerm weighed(const Alternative& a) {
  return {a.terms.front(), a.idf_termfreq, weight_factor(a)};
}

// The transliterations of one query word in one script stand in for one name, as OP_SYNONYM's
// variants do: each weighs with the idf of the most common of them. Left to its own idf, a rare
// joined form (انورالله) outranks the closer, more common word (انور) for Enver, its similarity
// notwithstanding. Each script keeps its own idf, so that a name rare in the English passages
// (Anwar) still reaches the first page beside the Persian ones.
// The closest candidates come first, then the others (tiers 3 and 4).
void add_transliterations(std::vector<Candidate> candidates, std::vector<Alternative>& out) {
  std::stable_partition(candidates.begin(), candidates.end(),
                        [](const Candidate& c) { return c.closest; });
  const auto script = [](const Candidate& c) { return is_latin_term(c.terms.front()) ? 0 : 1; };
  std::array<Xapian::doccount, 2> most{};
  for (const Candidate& c : candidates) {
    most[script(c)] = std::max(most[script(c)], c.termfreq);
  }
  for (Candidate& c : candidates) {
    const Xapian::doccount idf_termfreq = c.terms.size() == 1 ? most[script(c)] : 0;
    out.push_back(
        {std::move(c.terms), MatchKind::kTransliteration, c.similarity, idf_termfreq, !c.closest});
  }
}

}  // namespace

Xapian::Query QueryBuilder::alternative_query(const Alternative& a,
                                              const std::vector<Alternative>& all) const {
  Xapian::Query q;
  if (a.terms.size() == 1) {
    q = bm25_term(a.terms.front(), lengths_, a.idf_termfreq);
  } else {
    // Every tier that holds the phrase ORs it with the one-term alternatives of its tier and the
    // tiers before: the matcher's bound on the phrase's siblings counts them (Proximity::beside).
    std::vector<WeighedTerm> beside;
    for (const Alternative& other : all) {
      if (other.terms.size() == 1 && tier_of(other) <= tier_of(a)) {
        beside.push_back(weighed(other));
      }
    }
    q = positional_phrase(a.terms, lengths_, std::move(beside));
  }
  if (const double factor = weight_factor(a); factor != 1.0) {
    q = Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, factor);
  }
  return q;
}

TieredQuery QueryBuilder::single_word_query(const Word& w, const std::string& raw, Depth depth,
                                            std::vector<QueryWord>& words) const {
  const bool exact = depth == Depth::kSpelling;
  QueryWord qw{raw, {}};
  std::array<std::size_t, kTiers> tier_end{};
  qw.alternatives.push_back({{w.term}, MatchKind::kExact, 1.0});
  if (!exact) {
    qw.alternatives.push_back(
        {{std::string(schema::kPartPrefix) + w.term}, MatchKind::kCompound, 1.0});
    if (w.script == Script::kArabic) {
      const std::u16string u = decode_utf8(w.term).text;
      for (std::size_t cut = kMinHalf; cut + kMinHalf <= u.size(); ++cut) {
        const std::string a = to_utf8(u.substr(0, cut));
        const std::string b = to_utf8(u.substr(cut));
        if (db_.term_exists(a) && db_.term_exists(b)) {
          qw.alternatives.push_back({{a, b}, MatchKind::kCompound, 1.0});
        }
      }
    }
  }
  tier_end[0] = qw.alternatives.size();
  if (!exact) {
    const std::string& stem = w.stem.empty() ? w.term : w.stem;
    qw.alternatives.push_back({{std::string(schema::kStemPrefix) + stem}, MatchKind::kStem, 1.0});
    // An English plural also finds the singular, which Snowball leaves as it is (soviets ->
    // soviet). A Persian plural does not fall back to the bare form: the stripped ان or ها leaves
    // an unrelated word too often, while Z terms still join the inflected forms.
    if (w.script == Script::kLatin && !w.stem.empty() && db_.term_exists(w.stem)) {
      qw.alternatives.push_back({{w.stem}, MatchKind::kStem, 1.0});
    }
  }
  tier_end[1] = qw.alternatives.size();
  if (depth == Depth::kAll) {
    add_transliterations(expander_.expand(w, decode_utf8(raw).text), qw.alternatives);
    // A name the user joined to the word stands beside its closest transliterations.
    if (names_ != nullptr) {
      const auto first_loose =
          std::find_if(qw.alternatives.begin() + static_cast<long>(tier_end[1]),
                       qw.alternatives.end(), [](const Alternative& a) { return a.loose; });
      std::vector<Alternative> named;
      for (const std::string& term : names_->equivalents(w.term)) {
        const bool known =
            std::any_of(qw.alternatives.begin(), qw.alternatives.end(),
                        [&](const Alternative& a) { return a.terms == std::vector{term}; });
        if (!known && fits(term)) {
          named.push_back({{term}, MatchKind::kName, 1.0});
        }
      }
      qw.alternatives.insert(first_loose, named.begin(), named.end());
    }
  }
  tier_end[2] = static_cast<std::size_t>(
      std::find_if(qw.alternatives.begin() + static_cast<long>(tier_end[1]), qw.alternatives.end(),
                   [](const Alternative& a) { return a.loose; }) -
      qw.alternatives.begin());
  tier_end[3] = qw.alternatives.size();

  TieredQuery out;
  std::vector<Xapian::Query> parts;
  std::size_t next = 0;
  for (std::size_t t = 0; t < kTiers; ++t) {
    for (; next < tier_end[t]; ++next) {
      parts.push_back(alternative_query(qw.alternatives[next], qw.alternatives));
    }
    out[t] = any_of(parts);
  }
  words.push_back(std::move(qw));
  return out;
}

std::vector<Word> QueryBuilder::analyse(const std::string& text) const {
  std::vector<Word> analysed = analyzer_.analyze(text, "");
  std::erase_if(analysed, [](const Word& w) { return !fits(w.term); });
  return analysed;
}

TieredQuery QueryBuilder::item_query(const QueryItem& item, Depth depth,
                                     std::vector<QueryWord>& words,
                                     std::vector<Single>& singles) const {
  const std::vector<Word> analysed = analyse(item.text);
  if (analysed.empty()) {
    return {};
  }
  if (item.phrase || analysed.size() > 1) {
    std::vector<std::string> terms;
    for (const Word& w : analysed) {
      terms.push_back(w.term);
      words.push_back(
          {item.text.substr(w.start, w.end - w.start), {{{w.term}, MatchKind::kExact, 1.0}}});
    }
    const Xapian::Query q =
        terms.size() == 1 ? bm25_term(terms.front(), lengths_) : positional_phrase(terms, lengths_);
    return {q, q, q, q};
  }
  const Word& w = analysed.front();
  const std::string raw = item.text.substr(w.start, w.end - w.start);
  const Depth own = item.exact ? Depth::kSpelling : depth;
  if (own != Depth::kSpelling) {
    singles.push_back({w, raw});
  }
  return single_word_query(w, raw, own, words);
}

TieredQuery QueryBuilder::pair_query(const Single& a, const Single& b, Depth depth,
                                     std::vector<QueryWord>& words) const {
  QueryWord qw{a.raw + " " + b.raw, {}};
  const std::string joined = a.word.term + b.word.term;
  if (a.word.script == Script::kArabic && b.word.script == Script::kArabic && fits(joined) &&
      db_.term_exists(joined)) {
    qw.alternatives.push_back({{joined}, MatchKind::kCompound, 1.0});
  }
  const std::size_t exact_end = qw.alternatives.size();
  if (depth == Depth::kAll) {
    add_transliterations(
        expander_.expand_pair(a.word, decode_utf8(a.raw).text, b.word, decode_utf8(b.raw).text),
        qw.alternatives);
  }
  std::vector<Xapian::Query> exact_parts;
  std::vector<Xapian::Query> closest_parts;
  std::vector<Xapian::Query> all_parts;
  for (std::size_t i = 0; i < qw.alternatives.size(); ++i) {
    all_parts.push_back(alternative_query(qw.alternatives[i], qw.alternatives));
    if (i < exact_end) {
      exact_parts.push_back(all_parts.back());
    }
    if (tier_of(qw.alternatives[i]) <= 2) {
      closest_parts.push_back(all_parts.back());
    }
  }
  TieredQuery out{any_of(exact_parts), any_of(exact_parts), any_of(closest_parts),
                  any_of(all_parts)};
  if (!qw.alternatives.empty()) {
    words.push_back(std::move(qw));
  }
  return out;
}

TieredQuery QueryBuilder::near_query(const QueryNode& node, Depth depth,
                                     std::vector<QueryWord>& words) const {
  // Each word contributes the one-term alternatives of its tiers, any of which stands for it.
  std::array<std::vector<std::vector<std::string>>, kTiers> per_tier;
  for (const QueryNode& child : node.children) {
    const std::vector<Word> analysed = analyse(child.item.text);
    if (analysed.empty()) {
      continue;
    }
    const Word& w = analysed.front();
    const std::string raw = child.item.text.substr(w.start, w.end - w.start);
    std::vector<QueryWord> own;
    single_word_query(w, raw, child.item.exact ? Depth::kSpelling : depth, own);
    const QueryWord& qw = own.front();
    // The first tier each indexed one-term alternative belongs to.
    std::vector<std::pair<std::size_t, std::string>> usable;
    for (const Alternative& a : qw.alternatives) {
      if (a.terms.size() == 1 && db_.term_exists(a.terms[0])) {
        usable.emplace_back(tier_of(a), a.terms[0]);
      }
    }
    for (std::size_t t = 0; t < kTiers; ++t) {
      std::vector<std::string> terms;
      for (const auto& [tier, term] : usable) {
        if (tier <= t) {
          terms.push_back(term);
        }
      }
      if (terms.empty()) {
        terms.push_back(w.term);  // not indexed: matches nothing, keeps the NEAR's arity
      }
      per_tier[t].push_back(std::move(terms));
    }
    words.push_back(qw);
  }
  TieredQuery out;
  if (per_tier[0].size() < 2) {
    for (std::size_t t = 0; t < kTiers && !per_tier[t].empty(); ++t) {
      std::vector<Xapian::Query> any;
      for (const std::string& term : per_tier[t].front()) {
        any.push_back(bm25_term(term, lengths_));
      }
      out[t] = any_of(any);
    }
    return out;
  }
  for (std::size_t t = 0; t < kTiers; ++t) {
    const auto window = std::max<Xapian::termcount>(node.window, per_tier[t].size());
    out[t] = positional_near(std::move(per_tier[t]), window, lengths_);
  }
  return out;
}

TieredQuery QueryBuilder::and_query(const QueryNode& node, Depth depth, BuiltQuery& out,
                                    bool top) const {
  std::vector<TieredQuery> groups;
  // singles_of[g]: the group's word, when the group is one plain word (for pair joins); and its
  // place in out.words.
  std::vector<std::vector<Single>> singles_of;
  std::vector<std::size_t> word_of;
  std::vector<Xapian::Query> excluded;
  for (const QueryNode& child : node.children) {
    if (child.kind == QueryNode::Kind::kNot) {
      // An excluded word goes in its own spelling and its inflections (-Soviet also drops
      // Soviets), but not in transliterations, which are too loose to exclude by: so they are
      // not even looked up.
      BuiltQuery scratch;
      const TieredQuery x =
          node_query(child.children.front(), std::min(depth, Depth::kStems), scratch, false);
      if (!x[1].empty()) {
        excluded.push_back(x[1]);
      }
      continue;
    }
    std::vector<Single> singles;
    TieredQuery g;
    const std::size_t word = out.words.size();
    if (child.kind == QueryNode::Kind::kItem) {
      g = item_query(child.item, depth, out.words, singles);
    } else {
      g = node_query(child, depth, out, false);
    }
    if (g[0].empty()) {
      continue;  // punctuation only
    }
    groups.push_back(g);
    singles_of.push_back(singles.size() == 1 ? singles : std::vector<Single>{});
    word_of.push_back(word);
  }
  TieredQuery result;
  if (groups.empty()) {
    return result;
  }
  if (top) {
    out.groups = groups;
  }
  // pair_after[i]: groups i and i + 1 written as one word, if the index may hold it.
  std::vector<std::optional<TieredQuery>> pair_after(groups.size());
  std::size_t pair_word = 0;
  for (std::size_t i = 0; i + 1 < groups.size(); ++i) {
    if (singles_of[i].size() == 1 && singles_of[i + 1].size() == 1) {
      pair_word = out.words.size();
      TieredQuery p = pair_query(singles_of[i][0], singles_of[i + 1][0], depth, out.words);
      if (!p[2].empty()) {
        pair_after[i] = std::move(p);
      }
    }
  }
  const auto joins = [&](std::size_t i, std::size_t t) {
    return pair_after[i].has_value() && !(*pair_after[i])[t].empty();
  };
  // Words that stand near each other in their own spelling rank the passage higher: the boost
  // looks for each single word's exact alternative, which its group holds, as proximity_boost
  // requires. Beside it (Proximity::beside): the word's other one-term alternatives, which the
  // AND of all groups holds; and a pair's, when the pair alone is the other option (an AND of
  // it with more groups may leave the matcher before the passages it could have matched).
  std::vector<std::string> near_terms;
  std::array<std::vector<WeighedTerm>, kTiers> beside;
  const auto add_beside = [&](const QueryWord& qw) {
    for (const Alternative& a : qw.alternatives) {
      if (a.terms.size() == 1 && a.kind != MatchKind::kExact) {
        for (std::size_t t = tier_of(a); t < kTiers; ++t) {
          beside[t].push_back(weighed(a));
        }
      }
    }
  };
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (singles_of[g].size() == 1) {
      near_terms.push_back(singles_of[g].front().word.term);
      add_beside(out.words[word_of[g]]);
    }
  }
  if (groups.size() == 2 && pair_after[0].has_value()) {
    add_beside(out.words[pair_word]);
  }
  for (std::size_t t = 0; t < kTiers; ++t) {
    // A pair written as one word stands in for its two words. It competes only with them: each
    // run of neighbours joined by pairs is one part (every word of the run, or one pair in place
    // of its two), and the query is the AND of the parts, as long as the query.
    std::vector<Xapian::Query> parts;
    for (std::size_t begin = 0; begin < groups.size();) {
      std::size_t end = begin + 1;
      while (end < groups.size() && end - begin < kMaxRun && joins(end - 1, t)) {
        ++end;
      }
      std::vector<Xapian::Query> every;
      for (std::size_t j = begin; j < end; ++j) {
        every.push_back(groups[j][t]);
      }
      std::vector<Xapian::Query> options{all_of(every)};
      for (std::size_t i = begin; i + 1 < end; ++i) {
        std::vector<Xapian::Query> with_pair;
        for (std::size_t j = begin; j < end; ++j) {
          if (j == i) {
            with_pair.push_back((*pair_after[i])[t]);
          } else if (j != i + 1) {
            with_pair.push_back(groups[j][t]);
          }
        }
        options.push_back(all_of(with_pair));
      }
      parts.push_back(any_of(options));
      begin = end;
    }
    result[t] = all_of(parts);
    if (near_terms.size() >= 2) {
      result[t] = Xapian::Query(Xapian::Query::OP_AND_MAYBE, result[t],
                                proximity_boost(near_terms, beside[t], kProximityWindow, lengths_));
    }
  }
  const Xapian::Query no = any_of(excluded);
  if (!no.empty()) {
    for (Xapian::Query& t : result) {
      t = Xapian::Query(Xapian::Query::OP_AND_NOT, t, no);
    }
    if (top) {
      out.excluded = no;
    }
  }
  return result;
}

TieredQuery QueryBuilder::node_query(const QueryNode& node, Depth depth, BuiltQuery& out,
                                     bool top) const {
  switch (node.kind) {
    case QueryNode::Kind::kItem: {
      std::vector<Single> unused;
      return item_query(node.item, depth, out.words, unused);
    }
    case QueryNode::Kind::kAnd:
      return and_query(node, depth, out, top);
    case QueryNode::Kind::kOr: {
      std::array<std::vector<Xapian::Query>, kTiers> parts;
      for (const QueryNode& child : node.children) {
        if (child.kind == QueryNode::Kind::kNot) {
          throw internal::query_error(
              *source_, "NOT cannot stand on its own beside OR; write 'a -b' or 'a OR (c -b)'",
              child);
        }
        const TieredQuery c = node_query(child, depth, out, false);
        for (std::size_t t = 0; t < kTiers; ++t) {
          if (!c[t].empty()) {
            parts[t].push_back(c[t]);
          }
        }
      }
      TieredQuery t;
      for (std::size_t i = 0; i < kTiers; ++i) {
        t[i] = any_of(parts[i]);
      }
      return t;
    }
    case QueryNode::Kind::kNear:
      return near_query(node, depth, out.words);
    case QueryNode::Kind::kNot:
      throw internal::query_error(
          *source_, "the query only excludes words; give a word to search for too", node);
  }
  return {};
}

BuiltQuery QueryBuilder::build(const ParsedQuery& q, bool exact_mode,
                               const NameIndex& names) const {
  names_ = names.empty() ? nullptr : &names;
  source_ = &q;
  BuiltQuery out;
  out.tiers = node_query(q.root, exact_mode ? Depth::kSpelling : Depth::kAll, out, true);
  if (out.tiers[0].empty()) {
    // The whole query is at fault: every word of it was punctuation, or a filter.
    const std::size_t begin = q.source.find_first_not_of(" \t\n\r\f\v");
    const std::size_t end = q.source.find_last_not_of(" \t\n\r\f\v");
    throw begin == std::string::npos
        ? QueryError("the query has no words to search for")
        : internal::query_error(q, "the query has no words to search for", begin, end + 1);
  }
  // A top-level AND lists its parts; any other query falls back to itself.
  if (out.groups.empty()) {
    out.groups = {out.tiers};
  }
  return out;
}

}  // namespace talash::internal
