#include "cli/json_output.h"

#include <talash/snippet.h>

#include <nlohmann/json.hpp>

namespace talash::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& j) {
  // Stored passages may hold invalid UTF-8 from the source file; never fail on it.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json neighbours(const std::vector<Neighbour>& v) {
  Json a = Json::array();
  for (const Neighbour& n : v) {
    a.push_back({{"passage", n.passage}, {"start", n.start}, {"end", n.end}, {"text", n.text}});
  }
  return a;
}

Json result(const Result& r) {
  Json m = Json::array();
  for (const Match& x : r.matches) {
    m.push_back({{"query", x.query_word},
                 {"word", x.passage_word},
                 {"kind", x.kind},
                 {"similarity", x.similarity},
                 {"start", x.start},
                 {"end", x.end}});
  }
  return {{"doc", r.doc},
          {"passage", r.passage},
          {"start", r.start},
          {"end", r.end},
          {"lang", r.lang},
          {"score", r.score},
          {"text", r.text},
          {"snippet", snippet(r, kMatchOpen, kMatchClose, 0)},
          {"matches", m},
          {"before", neighbours(r.before)},
          {"after", neighbours(r.after)}};
}

}  // namespace

std::string results_json(const SearchResults& results) {
  Json j;
  j["query"] = results.query;
  j["total"] = results.total;
  j["fallback"] = results.fallback;
  j["notices"] = results.notices;
  j["results"] = Json::array();
  for (const Result& r : results.results) {
    j["results"].push_back(result(r));
  }
  return dump(j);
}

std::string error_json(const std::string& query, const std::string& error) {
  return dump(Json{{"query", query}, {"error", error}, {"total", 0}, {"results", Json::array()}});
}

std::string stats_json(const IndexStats& s) {
  return dump(Json{
      {"documents", s.documents},
      {"passages", s.passages},
      {"passages_by_lang", {{"ur", s.passages_ur}, {"fa", s.passages_fa}, {"en", s.passages_en}}},
      {"distinct_terms", s.distinct_terms},
      {"analysis_version", s.analysis_version},
      {"size_bytes", s.size_bytes},
      {"committed", s.committed}});
}

std::string passage_json(const Result& passage) { return dump(result(passage)); }

}  // namespace talash::cli
