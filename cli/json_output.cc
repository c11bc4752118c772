#include "cli/json_output.h"

#include "cli/json_writer.h"

#include <talash/snippet.h>

namespace talash::cli {
namespace {

void neighbours(JsonWriter& w, std::string_view name, const std::vector<Neighbour>& v) {
  w.key(name);
  w.begin_array();
  for (const Neighbour& n : v) {
    w.begin_object();
    w.field("passage", std::uint64_t{n.passage});
    w.field("start", std::uint64_t{n.start});
    w.field("end", std::uint64_t{n.end});
    w.field("text", std::string_view(n.text));
    w.end_object();
  }
  w.end_array();
}

void result(JsonWriter& w, const Result& r) {
  w.begin_object();
  w.field("doc", std::string_view(r.doc));
  w.field("passage", std::uint64_t{r.passage});
  w.field("start", std::uint64_t{r.start});
  w.field("end", std::uint64_t{r.end});
  w.field("lang", std::string_view(r.lang));
  w.field("score", r.score);
  w.field("text", std::string_view(r.text));
  w.field("snippet", std::string_view(snippet(r, kMatchOpen, kMatchClose, 0)));
  w.key("matches");
  w.begin_array();
  for (const Match& x : r.matches) {
    w.begin_object();
    w.field("query", std::string_view(x.query_word));
    w.field("word", std::string_view(x.passage_word));
    w.field("kind", std::string_view(x.kind));
    w.field("similarity", x.similarity);
    w.field("start", std::uint64_t{x.start});
    w.field("end", std::uint64_t{x.end});
    w.end_object();
  }
  w.end_array();
  neighbours(w, "before", r.before);
  neighbours(w, "after", r.after);
  w.end_object();
}

}  // namespace

std::string results_json(const SearchResults& results) {
  std::string out;
  out.reserve(1024 + 2048 * results.results.size());
  JsonWriter w(out);
  w.begin_object();
  w.field("query", std::string_view(results.query));
  w.field("total", std::uint64_t{results.total});
  w.key("total_by_lang");
  w.begin_object();
  for (const auto& [lang, n] : results.total_by_lang) {
    w.field(lang, std::uint64_t{n});
  }
  w.end_object();
  w.field("fallback", results.fallback);
  w.field("notices", results.notices);
  w.key("results");
  w.begin_array();
  for (const Result& r : results.results) {
    result(w, r);
  }
  w.end_array();
  w.end_object();
  return out;
}

std::string error_json(const std::string& query, const std::string& error,
                       std::optional<std::size_t> position, std::size_t length) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("query", std::string_view(query));
  w.field("error", std::string_view(error));
  if (position) {
    w.field("position", std::uint64_t{*position});
    w.field("length", std::uint64_t{length});
  }
  w.field("total", std::uint64_t{0});
  w.key("results");
  w.begin_array();
  w.end_array();
  w.end_object();
  return out;
}

std::string stats_json(const IndexStats& s) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.field("documents", std::uint64_t{s.documents});
  w.field("passages", std::uint64_t{s.passages});
  w.key("passages_by_lang");
  w.begin_object();
  w.field("ur", std::uint64_t{s.passages_ur});
  w.field("fa", std::uint64_t{s.passages_fa});
  w.field("en", std::uint64_t{s.passages_en});
  w.end_object();
  w.field("distinct_terms", std::uint64_t{s.distinct_terms});
  w.field("analysis_version", std::string_view(s.analysis_version));
  w.field("size_bytes", std::uint64_t{s.size_bytes});
  w.field("committed", std::string_view(s.committed));
  w.end_object();
  return out;
}

std::string passage_json(const Result& passage) {
  std::string out;
  JsonWriter w(out);
  result(w, passage);
  return out;
}

}  // namespace talash::cli
