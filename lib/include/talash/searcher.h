// Searcher: runs queries against a Talash index and returns ranked passages with highlights and an
// explanation of how each query word matched.
//
// Query language (see README): words, all of which must match (when that finds nothing, any word
// may match and SearchResults::fallback says so); "quoted phrases" and =word match exactly (no
// stemming, no transliteration); lang:ur|fa|en filters by language. A query word matches its
// spelling variants (normalization), joined and split compounds, stems, and spellings in the other
// script (transliteration); passages matching the query's own spelling rank first.
//
// Thread-safety: a Searcher is not thread-safe; use one per thread (each holds its own database
// handle). Results are plain values and may be passed between threads.
#ifndef TALASH_SEARCHER_H_
#define TALASH_SEARCHER_H_

#include <talash/export.h>
#include <talash/names.h>
#include <talash/query.h>

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace talash {

struct SearchOptions {
  // Number of results to return.
  std::size_t limit = 10;
  // Number of ranked results to skip (paging).
  std::size_t offset = 0;
  // At most this many passages per document; 0 for no cap.
  std::size_t per_doc = 3;
  // Only passages in this language ("ur", "fa", "en"); empty for all; anything else makes search()
  // throw UsageError. A lang: filter in the query text does the same.
  std::string lang;
  // Match only the query's own spelling (after normalization): no stems, no transliteration.
  bool exact = false;
  // Order of the results: by relevance (default), or by document and passage, for reading a
  // file's hits in sequence. By relevance, passages matching the query's own spelling come before
  // those matching only a stem, and those before transliterations.
  // With mix_languages, the first 10 places are dealt round the languages that have matches
  // (unless `lang` names one), one passage of each in turn, each in its own order, so that a
  // name's Persian and Urdu spellings are on the first page of a Latin query and its English one
  // on an Arabic-script query's. Places 11 onwards continue the ranking without the passages
  // already shown: every page cut from it with `offset` and `limit` is a part of one sequence.
  enum class Sort { kRelevance, kDocument };
  Sort sort = Sort::kRelevance;
  // Deal the first page round the languages (see `sort`) and count the matches of each language
  // (SearchResults::total_by_lang: exact up to 1,000 each, estimated past that). Off by default
  // for now: it costs a counting pass, and a ranking of its own for a language the plain ranking
  // shows too little of, about 4 times a plain search at the median on the benchmark.
  bool mix_languages = false;
  // Also return this many passages before and after each result (Result::before/after).
  std::size_t context = 0;
  // Only passages of documents whose path matches one of these globs (fnmatch, "*" crosses "/");
  // empty for all. doc: filters in the query add to the list.
  std::vector<std::string> doc_patterns;
  // Fill Result::matches, the words each query word matched, by analysing each result's text
  // again. A program that needs only the ranked passages and their text can turn it off: the
  // matches are then left empty, and a page of results costs about half as much.
  bool highlight = true;
  // Groups of spellings of one name each (talash/names.h: read_name_groups reads them from a
  // file): a query word with one spelling of a group also finds the others, ranked as close
  // transliterations. Empty for none. The Searcher keeps what it derived from the last groups it
  // was given, so passing the same groups to search after search costs little.
  NameGroups names;
  // Stop looking for better passages after about this many seconds (0: no limit), so that one
  // pathological query cannot hold a server's worker. Past it the page holds the best passages
  // found so far, and `total` is an estimate from what was seen.
  double time_limit = 0;
};

// A passage next to a result, returned for context.
struct Neighbour {
  std::size_t passage = 0;
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
};

// How one query word matched one word of a passage.
struct Match {
  // The query word as the user wrote it.
  std::string query_word;
  // The passage's word as written, and its byte offsets within Result::text.
  std::string passage_word;
  std::size_t start = 0;
  std::size_t end = 0;
  // "exact" (same spelling), "normalized" (same after folding letter variants, diacritics, digits,
  // ZWNJ), "compound" (joined or split spelling), "stem" (same stem), "transliteration", or
  // "name" (a spelling SearchOptions::names gives as the same name).
  std::string kind;
  // Similarity of the two spellings for "transliteration" (0..1]; 1 for the other kinds.
  double similarity = 1.0;
};

struct Result {
  // The document's path as indexed.
  std::string doc;
  // 1-based ordinal of the passage in its document.
  std::size_t passage = 0;
  // Byte range of the passage in the document's text.
  std::size_t start = 0;
  std::size_t end = 0;
  // Language of the passage.
  std::string lang;
  // Relevance score (BM25 based); higher is better; comparable only within one query.
  double score = 0;
  // The passage's original text, verbatim.
  std::string text;
  // Matched words, in text order (a word matched by several query words appears once per word).
  std::vector<Match> matches;
  // With SearchOptions::context: the neighbouring passages of the same document, in order.
  std::vector<Neighbour> before;
  std::vector<Neighbour> after;
};

struct SearchResults {
  // The query as given.
  std::string query;
  // Estimated number of matching passages (before the per-document cap).
  std::size_t total = 0;
  // With SearchOptions::mix_languages (else empty): matching passages by language ("en", "fa",
  // "ur"; languages with none left out), exact up to 1,000 each, estimated past that. The first
  // page shows the best passages of each (see SearchOptions::sort), and a caller can offer `lang`
  // for the rest.
  std::map<std::string, std::size_t> total_by_lang;
  // True when no passage matched every word and the results match any word instead.
  bool fallback = false;
  // One line for each repair made to the query (unbalanced quote, lone operator, text cut to
  // length, ...), for the user to see.
  std::vector<std::string> notices;
  std::vector<Result> results;
};

// Facts about an index, for `talash-search --stats`.
struct IndexStats {
  std::size_t passages = 0;
  std::size_t documents = 0;
  std::size_t passages_ur = 0;
  std::size_t passages_fa = 0;
  std::size_t passages_en = 0;
  std::size_t distinct_terms = 0;
  std::string analysis_version;
  // Bytes the index's files take on disk.
  std::uint64_t size_bytes = 0;
  // When the index was last committed, UTC, as "YYYY-MM-DDTHH:MM:SSZ" (empty if unknown).
  std::string committed;
};

class TALASH_EXPORT Searcher {
 public:
  // Opens the index in directory `db_path` for reading.
  // Throws DatabaseNotFoundError if there is none, DatabaseCorruptError if it cannot be read,
  // VersionMismatchError if it was built by another analysis version.
  explicit Searcher(const std::string& db_path);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;
  // Moving transfers the open database; the moved-from object may only be destroyed.
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  // Runs `query`, in the query language. Throws QueryError (a UsageError) for an empty or
  // malformed query, what() naming the problem and position() where it lies; UsageError for a bad
  // option; DatabaseError if the index cannot be read.
  SearchResults search(const std::string& query, const SearchOptions& options = {});

  // Runs a parsed or built query. Throws QueryError if !query.ok() (what() is query.error(),
  // position() query.error_position()) or if it holds no word to search for; UsageError for a bad
  // option; DatabaseError if the index cannot be read.
  SearchResults search(const Query& query, const SearchOptions& options = {});

  // Returns statistics of the index.
  IndexStats stats();

  // The passage `ordinal` (1-based) of document `doc` as indexed, with `context` passages on each
  // side (Result::before/after), for showing a hit in its place. Score 0, no matches. Empty if
  // the index has no such passage. Throws DatabaseError if the index cannot be read.
  std::optional<Result> passage(const std::string& doc, std::size_t ordinal,
                                std::size_t context = 0);

  // Moves to the index's newest commit. A Searcher reads the commit that was newest when it was
  // opened (or last reopened), so a long-lived one (a server, a notebook) calls this to see what a
  // writer has committed since; search() also reopens by itself when the writer has moved so far
  // on that the old commit can no longer be read. Returns false if nothing changed. Throws
  // DatabaseError if the index can no longer be read, VersionMismatchError if it was rebuilt by
  // another analysis version.
  bool reopen();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace talash

#endif  // TALASH_SEARCHER_H_
