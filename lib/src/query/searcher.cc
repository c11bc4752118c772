// Implements talash::Searcher over a Xapian::Database.
#include "analysis/text_analyzer.h"
#include "index/index_layout.h"
#include "index/passage_record.h"
#include "index/record_reader.h"
#include "index/term_schema.h"
#include "query/explain.h"
#include "query/language_filter.h"
#include "query/query_builder.h"
#include "query/query_impl.h"
#include "query/query_parser.h"
#include "query/ranker.h"
#include "xapian_errors.h"

#include <talash/error.h>
#include <talash/searcher.h>

#include <xapian.h>

#include <array>
#include <ctime>
#include <filesystem>
#include <optional>

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
  internal::Ranker ranker{db, path, records, languages};

  SearchResults run(const std::string& query, internal::ParsedQuery parsed,
                    const SearchOptions& options);
  // Fills r.before and r.after with up to n passages on each side of r, passage `id`.
  void add_context(Result& r, Xapian::docid id, std::size_t n);
  // The stored record of `doc`; throws DatabaseCorruptError when it does not decode.
  internal::PassageRecord record(const Xapian::Document& doc) const { return ranker.record(doc); }
  internal::TieredQuery any_word_tiers(const internal::BuiltQuery& built);
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
    hits = ranker.rank(tiers, own, decider, out);
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
    throw QueryError(query.error(), query.error_position(), query.error_length());
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
