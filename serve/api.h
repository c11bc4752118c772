// The HTTP API of talash-serve, apart from the HTTP server: each endpoint takes the request's
// parameters and returns a status and a JSON body, so that it can be tested and reasoned about
// without sockets. Thread-safe: each thread that calls it gets a Searcher of its own, opened on
// its first request and moved to the index's newest commit at most once a second.
#ifndef TALASH_SERVE_API_H_
#define TALASH_SERVE_API_H_

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace talash::serve {

struct Limits {
  // The longest query (bytes of q) answered; a longer one is refused with 400.
  std::size_t max_query_bytes = 2000;
  // The largest page (limit) and context (passages on each side) one request may ask for.
  std::size_t max_limit = 1000;
  std::size_t max_context = 10;
  // Seconds one search may spend looking for better passages (SearchOptions::time_limit).
  double time_limit = 1.0;
  // How often a worker looks for a newer commit of the index.
  std::chrono::milliseconds reopen_every{1000};
};

struct Response {
  int status = 200;
  std::string body;  // JSON
};

// Parameters of a request: the query string's, decoded; a repeated name keeps its first value.
using Params = std::map<std::string, std::string>;

class Api {
 public:
  // Answers from the index in `db` (opened lazily: a server may start before its index exists).
  Api(std::string db, Limits limits);

  // GET /api/v1/search: q (required), limit, offset, lang, exact, per_doc, context, explain.
  // 200 with talash-search --json's object (notices included), 400 for a bad query or
  // parameter ({"error": ...}), 503 while the index cannot be read.
  Response search(const Params& params) const;

  // GET /api/v1/stats: talash-search --stats --json's object; 503 while the index is unreadable.
  Response stats() const;

  // GET /api/v1/passage: doc and passage (required), context (default 2). 404 if there is no
  // such passage.
  Response passage(const Params& params) const;

  // GET /healthz: 200 {"status": "ok", ...} when the index answers, 503 with the reason if not.
  Response health() const;

 private:
  std::string db_;
  Limits limits_;
};

// A JSON error body: {"query", "error"} ("query" when given), and for a query at fault "position"
// and "length", the part of it in code points from 0 (QueryError::position()).
std::string error_body(const std::string& message, const std::string& query = "",
                       std::optional<std::size_t> position = std::nullopt, std::size_t length = 0);

}  // namespace talash::serve

#endif  // TALASH_SERVE_API_H_
