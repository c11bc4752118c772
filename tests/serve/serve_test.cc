// End-to-end tests of talash-serve: the server started on a free loopback port, every endpoint
// and error status asked over HTTP, and an index updated under it while clients read.
#include "../cli/cli_run.h"
#include "../support/temp_dir.h"
#include "percent_encode.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <thread>

#include <httplib.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using talash::serve::percent_encode;

namespace fs = std::filesystem;
using Json = nlohmann::json;
using talash::test::quote;
using talash::test::run;
using talash::test::run_index;
using talash::test::TempDir;
using talash::test::write;

// talash-serve on `db`, on a port of its choosing, stopped (SIGTERM) when it goes out of scope.
class Server {
 public:
  explicit Server(const std::string& db) {
    int out[2];
    REQUIRE(pipe(out) == 0);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      prctl(PR_SET_PDEATHSIG, SIGTERM);  // never outlive a test that died
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      execl(TALASH_SERVE_BIN, TALASH_SERVE_BIN, "--db", db.c_str(), "--listen", "127.0.0.1:0",
            "--threads", "4", nullptr);
      _exit(127);
    }
    close(out[1]);
    // "talash-serve: serving DB on http://127.0.0.1:PORT/"
    std::string line;
    char c = 0;
    while (read(out[0], &c, 1) == 1 && c != '\n') {
      line += c;
    }
    close(out[0]);
    const std::size_t colon = line.rfind(':');
    REQUIRE(colon != std::string::npos);
    port_ = std::stoi(line.substr(colon + 1));
  }
  ~Server() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  Server(Server&&) = delete;
  Server& operator=(Server&&) = delete;

  // GET `path` (with its query string, encoded by the caller); the status, and the body as JSON.
  std::pair<int, Json> get(const std::string& path) const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    const auto res = client.Get(path);
    REQUIRE(res);
    CAPTURE(path, res->body);
    return {res->status, res->status == 200 && path == "/" ? Json() : Json::parse(res->body)};
  }
  // The same without Catch's macros, which are not thread-safe: for client threads. The status
  // (-1: no answer) and the body's "total" (-1: none).
  std::pair<int, long> total_of(const std::string& path) const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30, 0);
    const auto res = client.Get(path);
    if (!res) {
      return {-1, -1};
    }
    const Json j = Json::parse(res->body, nullptr, false);
    return {res->status, j.is_object() && j.contains("total") ? j["total"].get<long>() : -1};
  }
  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

const std::string corpus_dir = TALASH_CORPUS_DIR;

}  // namespace

TEST_CASE("The search API answers as talash-search --json does", "[serve]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(run_index(db, "-q " + quote(corpus_dir)).code == 0);
  const Server server(db);
  for (const std::string q : {"Enver Pasha", "انور پاشا", "بخارا lang:fa", "\"Soviet forces\""}) {
    CAPTURE(q);
    const auto [status, body] = server.get("/api/v1/search?q=" + percent_encode(q) + "&limit=5");
    CHECK(status == 200);
    const auto cli =
        run(talash::test::search_bin + " --json --limit 5 --db " + quote(db) + " " + quote(q));
    CHECK(body == Json::parse(cli.out));
  }
  // Every option, as the CLI's.
  const auto [status, body] =
      server.get("/api/v1/search?q=Bukhara&limit=3&offset=1&lang=en&exact=1&per_doc=2&context=1");
  CHECK(status == 200);
  const auto cli = run(talash::test::search_bin +
                       " --json --limit 3 --offset 1 --lang en --exact --per-doc 2 -C 1 --db " +
                       quote(db) + " Bukhara");
  CHECK(body == Json::parse(cli.out));
  REQUIRE_FALSE(body["results"].empty());
  CHECK(body["results"][0]["before"].size() + body["results"][0]["after"].size() > 0);
}

TEST_CASE("Stats, passages, health and the page", "[serve]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(run_index(db, "-q " + quote(corpus_dir)).code == 0);
  const Server server(db);
  const auto [s, stats] = server.get("/api/v1/stats");
  CHECK(s == 200);
  CHECK(stats["documents"] == 4);
  CHECK(stats["passages_by_lang"]["fa"].get<int>() > 0);
  const auto [h, health] = server.get("/healthz");
  CHECK(h == 200);
  CHECK(health["status"] == "ok");

  const auto [q, hit] = server.get("/api/v1/search?q=Enver&limit=1");
  REQUIRE(q == 200);
  const Json first = hit["results"][0];
  const auto [p, passage] =
      server.get("/api/v1/passage?doc=" + percent_encode(first["doc"].get<std::string>()) +
                 "&passage=" + std::to_string(first["passage"].get<int>()) + "&context=1");
  CHECK(p == 200);
  CHECK(passage["text"] == first["text"]);
  CHECK(passage["before"].size() + passage["after"].size() >= 1);

  httplib::Client client("127.0.0.1", server.port());
  const auto page = client.Get("/");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
  CHECK(page->body.find("dir=\"auto\"") != std::string::npos);
  CHECK(page->body.find("https://") == std::string::npos);
  CHECK(page->body.find("src=\"http") == std::string::npos);
}

TEST_CASE("Every error has its status and a JSON message", "[serve]") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(run_index(db, "-q " + quote(corpus_dir)).code == 0);
  const Server server(db);
  struct Row {
    std::string path;
    int status;
    const char* said;
    const char* why;
    // The part of the query at fault, in code points, for an error in the query; -1 for none.
    int position = -1;
    int length = 0;
  };
  const Row rows[] = {
      {"/api/v1/search", 400, "empty", "no query"},
      {"/api/v1/search?q=%20%20", 400, "empty", "only spaces"},
      {"/api/v1/search?q=-Bukhara", 400, "only excludes", "a query that cannot run", 0, 8},
      {"/api/v1/search?q=x%20title:y", 400, "title", "an unknown filter, named", 2, 6},
      {"/api/v1/search?q=%D8%9F%D8%8C", 400, "no words", "punctuation only", 0, 2},
      {"/api/v1/search?q=%D8%A7%D9%86%D9%88%D8%B1%20lang:xx", 400, "unknown language",
       "Arabic script: the position counts code points, not bytes", 10, 2},
      {"/api/v1/search?q=silk%20OR%20-cotton", 400, "beside OR",
       "an error found when the query is built, after parsing", 8, 7},
      {"/api/v1/search?q=x&limit=abc", 400, "limit", "a count that is not a number"},
      {"/api/v1/search?q=x&limit=5000", 400, "limit", "a page larger than allowed"},
      {"/api/v1/search?q=x&offset=-1", 400, "offset", "a negative count"},
      {"/api/v1/search?q=x&lang=de", 400, "lang", "an unknown language"},
      {"/api/v1/search?q=x&exact=maybe", 400, "exact", "a flag that is neither"},
      {"/api/v1/search?q=" + std::string(2500, 'a'), 400, "longer than", "a query past the cap"},
      {"/api/v1/search?q=" + std::string(9000, 'a'), 414, "too long", "a request line past 8 KB"},
      {"/api/v1/passage?passage=1", 400, "doc", "no document"},
      {"/api/v1/passage?doc=x.txt", 400, "passage", "no passage number"},
      {"/api/v1/passage?doc=nothing.txt&passage=1", 404, "no passage", "no such passage"},
      {"/api/v2/search?q=x", 404, "no such page", "an unknown path"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.path.substr(0, 80), row.why);
    const auto [status, body] = server.get(row.path);
    CHECK(status == row.status);
    CHECK(body["error"].get<std::string>().find(row.said) != std::string::npos);
    if (row.position < 0) {
      CHECK_FALSE(body.contains("position"));
    } else {
      CHECK(body["position"] == row.position);
      CHECK(body["length"] == row.length);
    }
  }
  // A query that needs repair is answered, with its notices, as the CLI does.
  const auto [status, body] = server.get("/api/v1/search?q=%22Enver%20Pasha");
  CHECK(status == 200);
  REQUIRE(body["notices"].size() == 1);
  CHECK(body["notices"][0].get<std::string>().find("quote") != std::string::npos);
}

TEST_CASE("While the index cannot be read the server answers 503, and recovers", "[serve]") {
  TempDir dir;
  const std::string db = dir / "db";
  const std::string moved = dir / "moved";
  REQUIRE(run_index(db, "-q " + quote(corpus_dir)).code == 0);
  const Server server(db);
  CHECK(server.get("/healthz").first == 200);
  fs::rename(db, moved);
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));  // past the once-a-second check
  for (int i = 0; i < 8; ++i) {                                  // every worker finds it gone
    const auto [status, body] = server.get("/api/v1/search?q=Enver");
    CHECK(status == 503);
    CHECK(body["error"].get<std::string>().find(db) != std::string::npos);
  }
  CHECK(server.get("/healthz").first == 503);
  fs::rename(moved, db);
  for (int i = 0; i < 8; ++i) {
    CHECK(server.get("/api/v1/search?q=Enver").first == 200);
  }
}

TEST_CASE("Clients read while the index is updated, and see the commit within a second",
          "[serve]") {
  TempDir dir;
  const std::string db = dir / "db";
  const fs::path docs = dir.path() / "docs";
  std::string text;
  for (int i = 0; i < 400; ++i) {
    text += "Samarkand was a city of scholars and of trade, number " + std::to_string(i) + ".\n\n";
  }
  for (int f = 0; f < 20; ++f) {
    write(docs / ("d" + std::to_string(f) + ".txt"), text);
  }
  REQUIRE(run_index(db, "-q " + quote(docs.string())).code == 0);
  const Server server(db);
  const int before = server.get("/api/v1/search?q=Samarkand&exact=1&limit=1").second["total"];
  REQUIRE(before == 20 * 400);

  std::atomic<bool> done{false};
  std::atomic<int> bad{0};
  std::atomic<int> answered{0};
  const auto client = [&] {
    while (!done) {
      const auto [status, total] = server.total_of("/api/v1/search?q=Samarkand&exact=1&limit=3");
      // One whole commit or the other: all twenty files, or ten of them.
      if (total != 20 * 400 && total != 10 * 400) {
        ++bad;
      }
      ++answered;
    }
  };
  std::vector<std::thread> clients;
  for (int i = 0; i < 3; ++i) {
    clients.emplace_back(client);
  }
  for (int f = 10; f < 20; ++f) {
    write(docs / ("d" + std::to_string(f) + ".txt"), "Bukhara had many madrasas.\n");
  }
  REQUIRE(run_index(db, "-q " + quote(docs.string())).code == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  done = true;
  for (std::thread& t : clients) {
    t.join();
  }
  CHECK(bad == 0);
  CHECK(answered > 10);
  // Every worker has looked again since the commit.
  for (int i = 0; i < 8; ++i) {
    CHECK(server.get("/api/v1/search?q=Samarkand&exact=1&limit=1").second["total"] == 10 * 400);
  }
}
