#include "api.h"

#include "cli/json_output.h"

#include <talash/talash.h>

#include <nlohmann/json.hpp>

#include <charconv>
#include <memory>
#include <optional>

namespace talash::serve {
namespace {

using Clock = std::chrono::steady_clock;

// The Searcher of the calling thread (Searchers are not thread-safe; the server's pool has a
// fixed set of threads, so each keeps one for its life).
struct Worker {
  std::string db;
  std::unique_ptr<Searcher> searcher;
  Clock::time_point checked;
};

// The thread's Searcher on `db`, opened, or moved to the newest commit when `every` has passed
// since it last looked. Throws talash::Error when the index cannot be read; the next call tries
// again from the start.
Searcher& searcher_for(const std::string& db, std::chrono::milliseconds every) {
  thread_local Worker w;
  const Clock::time_point now = Clock::now();
  if (w.searcher && w.db == db) {
    if (now - w.checked >= every) {
      w.checked = now;
      try {
        w.searcher->reopen();
      } catch (...) {
        w.searcher.reset();
        throw;
      }
    }
    return *w.searcher;
  }
  w.searcher.reset();
  w.searcher = std::make_unique<Searcher>(db);
  w.db = db;
  w.checked = now;
  return *w.searcher;
}

const std::string* find(const Params& p, const std::string& name) {
  const auto it = p.find(name);
  return it == p.end() ? nullptr : &it->second;
}

// A count parameter into `out` (left as it is when absent or empty); anything but a whole number
// up to `max` is a problem, returned as its message (a 400).
std::optional<std::string> read_count(const Params& p, const std::string& name, std::size_t max,
                                      std::size_t& out) {
  const std::string* v = find(p, name);
  if (v == nullptr || v->empty()) {
    return std::nullopt;
  }
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size() || n > max) {
    return name + " must be a whole number from 0 to " + std::to_string(max) + ", not \"" +
           v->substr(0, 40) + "\"";
  }
  out = n;
  return std::nullopt;
}

std::optional<std::string> read_flag(const Params& p, const std::string& name, bool& out) {
  const std::string* v = find(p, name);
  if (v == nullptr || v->empty()) {
    return std::nullopt;
  }
  if (*v == "1" || *v == "true" || *v == "yes") {
    out = true;
  } else if (*v == "0" || *v == "false" || *v == "no") {
    out = false;
  } else {
    return name + " must be 1 or 0 (true or false), not \"" + v->substr(0, 40) + "\"";
  }
  return std::nullopt;
}

// What a failure of the index means to a client: 503 for trouble reading it (it may come back:
// a rebuild in progress, a disk remounted), the message naming the index.
Response unavailable(const std::exception& e, const std::string& query = "") {
  return {503, error_body(e.what(), query)};
}

}  // namespace

std::string error_body(const std::string& message, const std::string& query,
                       std::optional<std::size_t> position, std::size_t length) {
  nlohmann::ordered_json j;
  if (!query.empty()) {
    j["query"] = query;
  }
  j["error"] = message;
  if (position) {
    j["position"] = *position;
    j["length"] = length;
  }
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Api::Api(std::string db, Limits limits) : db_(std::move(db)), limits_(limits) {}

Response Api::search(const Params& params) const {
  const std::string* q = find(params, "q");
  if (q == nullptr || q->find_first_not_of(" \t\r\n") == std::string::npos) {
    return {400, error_body("the query (q) is empty; give words to search for")};
  }
  if (q->size() > limits_.max_query_bytes) {
    return {400, error_body("the query is longer than " + std::to_string(limits_.max_query_bytes) +
                                " bytes",
                            q->substr(0, 100))};
  }
  SearchOptions options;
  options.time_limit = limits_.time_limit;
  bool explain = false;
  for (const auto& problem :
       {read_count(params, "limit", limits_.max_limit, options.limit),
        read_count(params, "offset", std::size_t{1} << 31, options.offset),
        read_count(params, "per_doc", std::size_t{1} << 31, options.per_doc),
        read_count(params, "context", limits_.max_context, options.context),
        read_flag(params, "exact", options.exact), read_flag(params, "explain", explain),
        read_flag(params, "mix", options.mix_languages)}) {
    if (problem) {
      return {400, error_body(*problem, *q)};
    }
  }
  if (const std::string* lang = find(params, "lang"); lang != nullptr) {
    options.lang = *lang;  // search() refuses an unknown one (400)
  }
  // The matches explain each hit and place its highlights: the page needs them either way, so
  // explain only says the client wants them, as --explain does for talash-search's JSON.
  (void)explain;
  try {
    const Query query(*q);
    if (!query.ok()) {
      return {400, error_body(query.error(), *q, query.error_position(), query.error_length())};
    }
    return {200, cli::results_json(searcher_for(db_, limits_.reopen_every).search(query, options))};
  } catch (const UsageError& e) {
    // A QueryError says where the query is wrong; a bad option (lang) has no place in it.
    const auto* in_query = dynamic_cast<const QueryError*>(&e);
    return {400, in_query == nullptr
                     ? error_body(e.what(), *q)
                     : error_body(e.what(), *q, in_query->position(), in_query->length())};
  } catch (const Error& e) {
    return unavailable(e, *q);
  }
}

Response Api::stats() const {
  try {
    return {200, cli::stats_json(searcher_for(db_, limits_.reopen_every).stats())};
  } catch (const Error& e) {
    return unavailable(e);
  }
}

Response Api::passage(const Params& params) const {
  const std::string* doc = find(params, "doc");
  if (doc == nullptr || doc->empty()) {
    return {400, error_body("doc is missing: the document's path, as results give it")};
  }
  std::size_t ordinal = 0;
  std::size_t context = 2;
  if (find(params, "passage") == nullptr) {
    return {400, error_body("passage is missing: the passage's number in its document")};
  }
  for (const auto& problem : {read_count(params, "passage", std::size_t{1} << 31, ordinal),
                              read_count(params, "context", limits_.max_context, context)}) {
    if (problem) {
      return {400, error_body(*problem)};
    }
  }
  try {
    const std::optional<Result> r =
        searcher_for(db_, limits_.reopen_every).passage(*doc, ordinal, context);
    if (!r) {
      return {404, error_body("no passage " + std::to_string(ordinal) + " in " + *doc)};
    }
    return {200, cli::passage_json(*r)};
  } catch (const Error& e) {
    return unavailable(e);
  }
}

Response Api::health() const {
  // Opening (or reopening) the index checks that it is there, readable and of this analysis
  // version; nothing more, so that a health probe costs next to nothing.
  try {
    searcher_for(db_, limits_.reopen_every);
    return {200, R"({"status": "ok"})"};
  } catch (const Error& e) {
    return unavailable(e);
  }
}

}  // namespace talash::serve
