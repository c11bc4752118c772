// Implements talash::Searcher over a Xapian::Database.
#include "analysis/text_analyzer.h"
#include "index/index_layout.h"
#include "index/passage_record.h"
#include "index/record_reader.h"
#include "index/term_schema.h"
#include "query/explain.h"
#include "query/language_count.h"
#include "query/language_filter.h"
#include "query/page_mixer.h"
#include "query/query_builder.h"
#include "query/query_impl.h"
#include "query/query_parser.h"
#include "xapian_errors.h"

#include <talash/error.h>
#include <talash/searcher.h>

#include <xapian.h>

#include <array>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <unordered_set>

#include <fnmatch.h>

namespace talash {

using internal::guard_xapian;
namespace schema = internal::schema;

namespace {

// The options with every count brought within the index's ids: a count past them asks for all
// there is and gets it, and the page arithmetic (offset + limit, twice that, Xapian's 32-bit
// counts) cannot overflow whatever a caller passes (--limit 4294967296 once found nothing).
SearchOptions bounded(SearchOptions o, Xapian::docid last) {
  const std::size_t n = std::max<std::size_t>(last, 1);
  o.limit = std::min(o.limit, n);
  o.offset = std::min(o.offset, n);
  o.per_doc = std::min(o.per_doc, n);
  o.context = std::min(o.context, n);
  return o;
}

// A result with the passage `rec` describes (no score, no matches yet).
Result result_of(internal::PassageRecord&& rec) {
  Result r;
  r.doc = std::move(rec.path);
  r.passage = rec.ordinal;
  r.start = rec.start;
  r.end = rec.end;
  r.lang = std::move(rec.lang);
  r.text = std::move(rec.text);
  return r;
}

// Reopens a search or a reopen may take while a writer keeps committing under it.
constexpr int kRetries = 4;

class PathFilter : public Xapian::MatchDecider {
 public:
  PathFilter(const std::vector<std::string>& patterns, internal::RecordReader& records)
      : patterns_(patterns), records_(records) {}
  bool operator()(const Xapian::Document& doc) const override {
    const auto record = records_.read(doc);
    if (!record) {
      return false;
    }
    const std::string& path = record->path;
    const std::string base = std::filesystem::path(path).filename().string();
    for (const std::string& p : patterns_) {
      if (fnmatch(p.c_str(), path.c_str(), 0) == 0 || fnmatch(p.c_str(), base.c_str(), 0) == 0) {
        return true;
      }
    }
    return false;
  }

 private:
  const std::vector<std::string>& patterns_;
  internal::RecordReader& records_;
};

// Document order: by path, then by the passage's place in its file. The path is in the record
// only, so this reads the record of every match: sorting a common word's matches this way costs
// a few microseconds each.
class DocumentOrder : public Xapian::KeyMaker {
 public:
  explicit DocumentOrder(internal::RecordReader& records) : records_(records) {}
  std::string operator()(const Xapian::Document& doc) const override {
    const auto record = records_.read(doc);
    if (!record) {
      return {};
    }
    // The path's bytes with 0 doubled, then 0 1: a path sorts before any path it is the start of.
    std::string key;
    for (const char c : record->path) {
      key += c;
      if (c == '\0') {
        key += '\0';
      }
    }
    key += std::string("\0\1", 2);
    return key + Xapian::sortable_serialise(static_cast<double>(record->ordinal));
  }

 private:
  internal::RecordReader& records_;
};

}  // namespace

using internal::Hit;

struct Searcher::Impl {
  std::string path;
  Xapian::Database db;
  // The generation `db` was opened from (index_layout.h).
  std::string generation;
  // Brings db to the newest commit and drops what was read from the old one.
  bool reopen();
  internal::TextAnalyzer analyzer;
  internal::QueryBuilder builder{db, analyzer};
  // The names of the last search that gave any, and what the builder uses of them.
  NameGroups name_groups;
  internal::NameIndex names;
  // Reading records is part of reading a result: a const Searcher still loads dictionaries.
  mutable internal::RecordReader records{db};
  internal::LanguagePassages languages{db};

  SearchResults run(const std::string& query, internal::ParsedQuery parsed,
                    const SearchOptions& options);
  // Fills r.before and r.after with up to n passages on each side of r, passage `id`.
  void add_context(Result& r, Xapian::docid id, std::size_t n);
  // The stored record of `doc`; throws DatabaseCorruptError when it does not decode.
  internal::PassageRecord record(const Xapian::Document& doc) const;
  internal::TieredQuery any_word_tiers(const internal::BuiltQuery& built);
  // The best `count` hits of `q`, found in ranking tier `tier`; `estimate`: how many match, exact
  // up to `check` matches (Xapian's check_at_least).
  std::vector<Hit> pass(const Xapian::Query& q, std::size_t count, std::size_t tier,
                        const SearchOptions& options, const Xapian::MatchDecider* decider,
                        Xapian::doccount check, Xapian::doccount& estimate);
  std::vector<Hit> ranked_hits(const internal::TieredQuery& tiers, const SearchOptions& options,
                               const Xapian::MatchDecider* decider, Xapian::doccount check,
                               std::size_t& total);
  // The ranking with the first page dealt round the languages (page_mixer.h), and how many
  // passages of each language match.
  std::vector<Hit> mixed_hits(const internal::TieredQuery& tiers, const SearchOptions& options,
                              const Xapian::MatchDecider* decider, SearchResults& out);
};

// When no passage has every word, passages with any of them are shown; but a word found in a
// large share of all passages (in, the, و, کے) would then bring back nearly everything, so such
// words are left out of the fallback unless all the words are that common.
internal::TieredQuery Searcher::Impl::any_word_tiers(const internal::BuiltQuery& built) {
  constexpr double kCommonShare = 0.2;
  const double limit = kCommonShare * static_cast<double>(db.get_doccount());
  std::array<std::vector<Xapian::Query>, internal::kTiers> rare;
  std::array<std::vector<Xapian::Query>, internal::kTiers> all;
  for (const internal::TieredQuery& g : built.groups) {
    Xapian::Enquire probe(db);
    probe.set_query(g[0]);
    const bool common = static_cast<double>(probe.get_mset(0, 0).get_matches_estimated()) > limit;
    for (std::size_t t = 0; t < internal::kTiers; ++t) {
      all[t].push_back(g[t]);
      if (!common) {
        rare[t].push_back(g[t]);
      }
    }
  }
  internal::TieredQuery out;
  for (std::size_t t = 0; t < internal::kTiers; ++t) {
    const auto& parts = rare[t].empty() ? all[t] : rare[t];
    out[t] = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    if (!built.excluded.empty()) {
      out[t] = Xapian::Query(Xapian::Query::OP_AND_NOT, out[t], built.excluded);
    }
  }
  return out;
}

Searcher::Searcher(const std::string& db_path) : impl_(std::make_unique<Impl>()) {
  impl_->path = db_path;
  const std::string context = "opening the index at " + db_path;
  std::error_code ec;
  if (!std::filesystem::exists(db_path, ec)) {
    throw DatabaseNotFoundError(context + ": no such directory; build it with talash-index --db " +
                                db_path + " PATH...");
  }
  guard_xapian(context, [&] {
    impl_->db = internal::open_for_reading(db_path, impl_->generation);
    schema::require_analysis_version(impl_->db, context);
  });
}

bool Searcher::Impl::reopen() {
  const bool changed = internal::reopen_for_reading(db, path, generation);
  if (changed) {
    builder.forget_vocabulary();
    records.forget();
    languages.forget();
  }
  return changed;
}

bool Searcher::reopen() {
  const std::string context = "reopening the index at " + impl_->path;
  return guard_xapian(context, [&] {
    // A writer committing twice while we read the version moves us on again: retry, a few times.
    bool changed = false;
    for (int attempt = 1;; ++attempt) {
      try {
        changed = impl_->reopen() || changed;
        if (changed) {
          schema::require_analysis_version(impl_->db, context);
        }
        return changed;
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == kRetries) {
          throw;
        }
      }
    }
  });
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

std::vector<Hit> Searcher::Impl::pass(const Xapian::Query& q, std::size_t count, std::size_t tier,
                                      const SearchOptions& options,
                                      const Xapian::MatchDecider* decider, Xapian::doccount check,
                                      Xapian::doccount& estimate) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  if (options.time_limit > 0) {
    enquire.set_time_limit(options.time_limit);
  }
  DocumentOrder by_position(records);
  const bool by_relevance = options.sort == SearchOptions::Sort::kRelevance;
  if (!by_relevance) {
    enquire.set_sort_by_key(&by_position, false);
  }
  const auto per_doc = static_cast<Xapian::doccount>(options.per_doc);
  if (per_doc > 0 && by_relevance) {
    // Xapian's collapse reads the path of every passage that could enter the page, a third of a
    // typical query's time here; most pages are filled by passages of different files, so the
    // cap is applied to twice the page first, reading only those paths. Taking the best passages
    // in rank order while their file has room is what the collapse does, so the result is the
    // same whenever the longer page holds enough passages.
    const Xapian::MSet mset =
        enquire.get_mset(0, static_cast<Xapian::doccount>(2 * count), check, nullptr, decider);
    estimate = mset.get_matches_estimated();
    std::map<std::string, Xapian::doccount> per_file;
    std::vector<Hit> hits;
    for (auto it = mset.begin(); it != mset.end() && hits.size() < count; ++it) {
      // The record, not the path key: a passage taken is shown, and its record read only once.
      internal::PassageRecord rec = record(it.get_document());
      std::string key = schema::path_key(rec.path);
      if (per_file[key]++ < per_doc) {
        hits.push_back({*it, it.get_weight(), tier, std::move(key), std::move(rec)});
      }
    }
    if (hits.size() == count || mset.size() < 2 * count) {
      return hits;
    }
  }
  if (per_doc > 0) {
    enquire.set_collapse_key(schema::kSlotPath, per_doc);
  }
  const Xapian::MSet mset =
      enquire.get_mset(0, static_cast<Xapian::doccount>(count), check, nullptr, decider);
  // Before the cap, as the first try above counts: the total is of matching passages.
  estimate = mset.get_uncollapsed_matches_estimated();
  std::vector<Hit> hits;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    hits.push_back({*it, it.get_weight(), tier, it.get_collapse_key(), std::nullopt});
  }
  return hits;
}

// Ranks tier by tier: passages matching the query's own spelling (tier 1) first; then, only while
// the page is not full, those matched only through stems (tier 2), then only through
// transliteration (tier 3). Most name queries fill the page from tier 1 alone and then cost little
// more than --exact; and no rare transliterated word can outrank an exact match. The per-file cap
// holds across the passes.
std::vector<Hit> Searcher::Impl::ranked_hits(const internal::TieredQuery& tiers,
                                             const SearchOptions& options,
                                             const Xapian::MatchDecider* decider,
                                             Xapian::doccount check, std::size_t& total) {
  const std::size_t want = options.offset + options.limit;
  Xapian::doccount estimate = 0;
  if (options.sort == SearchOptions::Sort::kDocument) {
    const std::size_t tier = options.exact ? 0 : internal::kTiers - 1;
    std::vector<Hit> hits = pass(tiers[tier], want, tier, options, decider, check, estimate);
    total = estimate;
    return hits;
  }
  if (options.exact) {
    std::vector<Hit> hits = pass(tiers[0], want, 0, options, decider, check, estimate);
    total = estimate;
    return hits;
  }
  // A tier may add nothing to the one before it (words with no stem and no transliteration in the
  // index, as many Arabic-script queries have): its pass, or count, would repeat the last one.
  // Equal descriptions mean equal queries: every leaf describes itself with its term.
  std::array<std::string, internal::kTiers> described;
  for (std::size_t t = 0; t < internal::kTiers; ++t) {
    described[t] = tiers[t].get_description();
  }
  // Counting exactly up to `check` costs matching that many passages: only a pass over the whole
  // query, whose count is the total, is asked to.
  const auto check_of = [&](std::size_t t) {
    return described[t] == described[internal::kTiers - 1] ? check : 0;
  };
  std::vector<Hit> hits = pass(tiers[0], want, 0, options, decider, check_of(0), estimate);
  total = estimate;
  std::map<std::string, std::size_t> per_file;
  std::unordered_set<Xapian::docid> seen;
  for (const Hit& h : hits) {
    ++per_file[h.path];
    seen.insert(h.did);
  }
  const Xapian::doccount earlier = total;
  for (std::size_t t = 1; t < internal::kTiers; ++t) {
    if (described[t] == described[t - 1]) {
      continue;
    }
    if (hits.size() >= want) {
      // The page is full: only the estimate of everything that matches is still needed.
      Xapian::Enquire count(db);
      count.set_query(tiers[internal::kTiers - 1]);
      if (options.time_limit > 0) {
        count.set_time_limit(options.time_limit);
      }
      total = std::max<std::size_t>(
          earlier, count.get_mset(0, 0, check, nullptr, decider).get_matches_estimated());
      break;
    }
    // The tier's query matches the earlier tiers' passages too (cheaper than excluding them in
    // the matcher); each of them, and each passage a full file refuses, can take one place of
    // this pass, so fetch that many more.
    const std::size_t reserve = 2 * hits.size();
    std::vector<Hit> more =
        pass(tiers[t], want - hits.size() + reserve, t, options, decider, check_of(t), estimate);
    total = std::max<std::size_t>(total, estimate);
    for (Hit& h : more) {
      if (hits.size() >= want) {
        break;
      }
      if (!seen.insert(h.did).second) {
        continue;
      }
      if (options.per_doc > 0 && per_file[h.path]++ >= options.per_doc) {
        continue;
      }
      hits.push_back(std::move(h));
    }
  }
  return hits;
}

// The passages of each language are counted exactly up to this many, and estimated past it.
constexpr Xapian::doccount kCountedExactly = 1000;

std::vector<Hit> Searcher::Impl::mixed_hits(const internal::TieredQuery& tiers,
                                            const SearchOptions& options,
                                            const Xapian::MatchDecider* decider,
                                            SearchResults& out) {
  static const std::vector<std::string> mixed_languages = {"en", "fa", "ur"};
  out.total_by_lang.clear();
  // Mixing filters a language's ranking by the passage ids in memory (language_filter.h), which a
  // plain --lang, filtering once, has no need of.
  const auto filtered = [&](const std::string& lang) {
    internal::TieredQuery t = tiers;
    const Xapian::Query filter = options.mix_languages
                                     ? internal::language_filter(languages.of(lang), lang)
                                     : Xapian::Query(std::string(schema::kLangPrefix) + lang);
    for (Xapian::Query& q : t) {
      q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter);
    }
    return t;
  };
  if (!options.mix_languages) {
    // The ranking as it stands, one pass a tier; no counts by language.
    std::size_t total = 0;
    std::vector<Hit> hits = ranked_hits(options.lang.empty() ? tiers : filtered(options.lang),
                                        options, decider, 0, total);
    out.total = total;
    return hits;
  }
  internal::CountLimits limits;
  limits.exactly = kCountedExactly;
  limits.time_limit = options.time_limit;
  if (!options.lang.empty()) {
    std::size_t estimate = 0;
    std::vector<Hit> hits = ranked_hits(filtered(options.lang), options, decider, 0, estimate);
    const Xapian::doccount n = internal::count_by_language(
        db, tiers[internal::kTiers - 1], {options.lang}, languages, decider, limits)[0];
    out.total = n;
    if (n > 0) {
      out.total_by_lang[options.lang] = n;
    }
    return hits;
  }
  const bool by_relevance = options.sort == SearchOptions::Sort::kRelevance;
  const std::size_t want = options.offset + options.limit;
  // The whole ranking, far enough for the window and for the page after it (the window's
  // passages are among the ranking's, or take the place of as many of them).
  SearchOptions whole = options;
  whole.offset = 0;
  whole.limit = !by_relevance                 ? want
                : want > internal::kMixWindow ? want + internal::kMixWindow
                                              : internal::kMixWindow;
  std::size_t ranked_total = 0;
  std::vector<Hit> ranked = ranked_hits(tiers, whole, decider, 0, ranked_total);
  const std::vector<Xapian::doccount> counts = internal::count_by_language(
      db, tiers[internal::kTiers - 1], mixed_languages, languages, decider, limits);
  std::vector<std::size_t> totals(counts.begin(), counts.end());
  std::size_t total = 0;
  for (std::size_t l = 0; l < mixed_languages.size(); ++l) {
    if (totals[l] > 0) {
      out.total_by_lang[mixed_languages[l]] = totals[l];
    }
    total += totals[l];
  }
  if (!by_relevance) {
    out.total = std::max(total, ranked_total);
    return ranked;
  }
  std::vector<std::vector<Hit>> by_language(mixed_languages.size());
  for (const Hit& h : ranked) {
    const std::size_t l = languages.language_of(h.did, mixed_languages);
    if (l < mixed_languages.size()) {
      by_language[l].push_back(h);
    }
  }
  std::vector<bool> used_up;
  std::vector<Hit> window = internal::mix_window(by_language, totals, options.per_doc, &used_up);
  bool ranked_alone = false;
  for (std::size_t l = 0; l < mixed_languages.size(); ++l) {
    if (used_up[l] && totals[l] > by_language[l].size()) {
      // The window could give this language more places than the whole ranking showed of it.
      SearchOptions own = options;
      own.offset = 0;
      own.limit = internal::kMixWindow;
      std::size_t n = 0;
      // Loose hits take no place in the window: the loose tier is not ranked (a tier equal to
      // the one before is passed over).
      internal::TieredQuery close = filtered(mixed_languages[l]);
      for (std::size_t t = internal::kLooseTier; t < internal::kTiers; ++t) {
        close[t] = close[internal::kLooseTier - 1];
      }
      by_language[l] = ranked_hits(close, own, decider, 0, n);
      ranked_alone = true;
    }
  }
  if (ranked_alone) {
    window = internal::mix_window(std::move(by_language), totals, options.per_doc);
  }
  if (want <= window.size()) {
    // The page lies inside the window.
    out.total = total;
    window.resize(want);
    return window;
  }
  if (ranked.size() == whole.limit && whole.limit < want + window.size()) {
    whole.limit = want + window.size();
    ranked = ranked_hits(tiers, whole, decider, 0, ranked_total);
  }
  out.total = std::max(total, ranked_total);
  return internal::after_window(std::move(window), std::move(ranked), want, options.per_doc);
}

internal::PassageRecord Searcher::Impl::record(const Xapian::Document& doc) const {
  std::optional<internal::PassageRecord> r = records.read(doc);
  if (!r) {
    throw DatabaseCorruptError("passage " + std::to_string(doc.get_docid()) + " of the index at " +
                               path +
                               " has no readable record (damaged, or written by another program "
                               "than talash-index); rebuild the index with talash-index --rebuild");
  }
  return std::move(*r);
}

void Searcher::Impl::add_context(Result& r, Xapian::docid id, std::size_t n) {
  // A file's passages have consecutive ids (the writer adds them together, and merges keep their
  // order), so its neighbours are the ids around; each must record the same path.
  const Xapian::docid first = id > n ? id - static_cast<Xapian::docid>(n) : 1;
  const Xapian::docid last = id + static_cast<Xapian::docid>(n);
  for (Xapian::docid d = first; d <= last && d <= db.get_lastdocid(); ++d) {
    if (d == id) {
      continue;
    }
    Xapian::Document doc;
    try {
      doc = db.get_document(d);
    } catch (const Xapian::DocNotFoundError&) {
      continue;  // removed
    }
    internal::PassageRecord rec = record(doc);
    if (rec.path != r.doc) {
      continue;
    }
    Neighbour nb;
    nb.passage = rec.ordinal;
    nb.start = rec.start;
    nb.end = rec.end;
    nb.text = std::move(rec.text);
    if (nb.passage < r.passage && nb.passage + n >= r.passage) {
      r.before.push_back(std::move(nb));
    } else if (nb.passage > r.passage && nb.passage <= r.passage + n) {
      r.after.push_back(std::move(nb));
    }
  }
}

SearchResults Searcher::Impl::run(const std::string& query, internal::ParsedQuery parsed,
                                  const SearchOptions& options) {
  parsed.doc_patterns.insert(parsed.doc_patterns.end(), options.doc_patterns.begin(),
                             options.doc_patterns.end());
  if (!options.lang.empty()) {
    parsed.lang = options.lang;
  }
  if (options.names != name_groups) {
    names = internal::NameIndex(options.names, analyzer);
    name_groups = options.names;
  }
  const internal::BuiltQuery built = builder.build(parsed, options.exact, names);
  const PathFilter filter(parsed.doc_patterns, records);
  const Xapian::MatchDecider* decider = parsed.doc_patterns.empty() ? nullptr : &filter;
  SearchResults out;
  out.query = query;
  out.notices = parsed.notices;
  std::vector<Hit> hits;
  for (int attempt = 0; attempt < 2; ++attempt) {
    const bool any_word = attempt == 1;
    internal::TieredQuery tiers = any_word ? any_word_tiers(built) : built.tiers;
    SearchOptions own = options;
    own.lang = parsed.lang;
    hits = mixed_hits(tiers, own, decider, out);
    if (!hits.empty() || any_word || built.groups.size() < 2) {
      out.fallback = any_word && !hits.empty();
      break;
    }
  }
  const internal::Explainer explainer(built.words);
  for (std::size_t i = options.offset; i < hits.size(); ++i) {
    // The matcher has just found the passage: no need to check that it exists.
    internal::PassageRecord rec =
        hits[i].record ? std::move(*hits[i].record)
                       : record(db.get_document(hits[i].did, Xapian::DOC_ASSUME_VALID));
    Result r = result_of(std::move(rec));
    r.score = hits[i].score;
    if (options.highlight) {
      r.matches = explainer.explain(r.text, r.lang, analyzer);
    }
    if (options.context > 0) {
      add_context(r, hits[i].did, options.context);
    }
    out.results.push_back(std::move(r));
  }
  return out;
}

SearchResults Searcher::search(const std::string& query, const SearchOptions& options) {
  return search(Query(query), options);
}

SearchResults Searcher::search(const Query& query, const SearchOptions& options) {
  if (!query.ok()) {
    throw UsageError(query.error());
  }
  if (!options.lang.empty() && options.lang != "ur" && options.lang != "fa" &&
      options.lang != "en") {
    // As lang: in the query is checked: an unknown language would filter on a term no passage
    // has and quietly find nothing.
    throw UsageError("unknown language \"" + options.lang.substr(0, 20) +
                     "\": lang must be ur, fa or en");
  }
  const internal::ParsedQuery& parsed = query.impl_->parsed;
  const std::string& text = query.text();
  const std::string context = "searching " + impl_->path + " for \"" + text + "\"";
  return guard_xapian(context, [&] {
    for (int attempt = 1;; ++attempt) {
      try {
        if (attempt > 1) {
          impl_->reopen();
          schema::require_analysis_version(impl_->db, context);
        }
        return impl_->run(text, parsed, bounded(options, impl_->db.get_lastdocid()));
      } catch (const Xapian::DatabaseModifiedError&) {
        // A writer committed so much that our snapshot was recycled: reopen and retry.
        if (attempt == kRetries) {
          throw;
        }
      } catch (const Xapian::DatabaseOpeningError&) {
        // A table first read now is gone: a writer published another generation.
        if (attempt == kRetries || internal::current_generation(impl_->path) == impl_->generation) {
          throw;
        }
      }
    }
  });
}

std::optional<Result> Searcher::passage(const std::string& doc, std::size_t ordinal,
                                        std::size_t context) {
  return guard_xapian("reading " + doc + " from " + impl_->path, [&]() -> std::optional<Result> {
    const std::string term = schema::file_term(doc);
    for (auto it = impl_->db.postlist_begin(term); it != impl_->db.postlist_end(term); ++it) {
      internal::PassageRecord rec = impl_->record(impl_->db.get_document(*it));
      if (rec.path != doc || rec.ordinal != ordinal) {
        continue;  // another passage of the file, or another path with the same hash
      }
      Result r = result_of(std::move(rec));
      if (context > 0) {
        impl_->add_context(r, *it, std::min<std::size_t>(context, impl_->db.get_lastdocid()));
      }
      return r;
    }
    return std::nullopt;
  });
}

IndexStats Searcher::stats() {
  return guard_xapian("reading statistics of " + impl_->path, [&] {
    IndexStats s;
    s.passages = impl_->db.get_doccount();
    const std::string file_prefix(schema::kFilePrefix);
    for (auto it = impl_->db.allterms_begin(file_prefix); it != impl_->db.allterms_end(file_prefix);
         ++it) {
      ++s.documents;
    }
    const std::string lang(schema::kLangPrefix);
    s.passages_ur = impl_->db.get_termfreq(lang + "ur");
    s.passages_fa = impl_->db.get_termfreq(lang + "fa");
    s.passages_en = impl_->db.get_termfreq(lang + "en");
    for (auto it = impl_->db.allterms_begin(); it != impl_->db.allterms_end(); ++it) {
      const std::string t = *it;
      if (!t.empty() && !(t[0] >= 'A' && t[0] <= 'Z')) {
        ++s.distinct_terms;
      }
    }
    s.analysis_version = impl_->db.get_metadata(schema::kMetaAnalysisVersion);
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(impl_->generation, ec)) {
      if (entry.is_regular_file(ec)) {
        s.size_bytes += entry.file_size(ec);
      }
    }
    const std::string committed = impl_->db.get_metadata(schema::kMetaCommitted);
    if (!committed.empty()) {
      const std::optional<std::time_t> t = schema::decode_committed(committed);
      std::tm utc{};
      if (!t || gmtime_r(&*t, &utc) == nullptr) {
        throw DatabaseCorruptError("reading statistics of " + impl_->path +
                                   ": the index is damaged (its commit time reads \"" +
                                   committed.substr(0, 40) +
                                   "\"); rebuild it with talash-index --rebuild");
      }
      char buf[32];
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
      s.committed = buf;
    }
    return s;
  });
}

}  // namespace talash
