// talash-serve: a Talash index over HTTP, as a JSON API (/api/v1/) and a search page (/).
#include "api.h"
#include "cli/exit_status.h"
#include "page.h"

#include <talash/talash.h>

#include <boost/program_options.hpp>

#include <csignal>
#include <iostream>
#include <thread>

#include <httplib.h>

namespace po = boost::program_options;

namespace {

httplib::Server* g_server = nullptr;

void stop(int /*signal*/) {
  if (g_server != nullptr) {
    g_server->stop();
  }
}

talash::serve::Params params_of(const httplib::Request& req) {
  talash::serve::Params p;
  for (const auto& [name, value] : req.params) {
    p.emplace(name, value);  // the first of a repeated name
  }
  return p;
}

void reply(httplib::Response& res, const talash::serve::Response& r) {
  res.status = r.status;
  res.set_content(r.body, "application/json; charset=utf-8");
}

// Splits HOST:PORT (the port may be 0: any free one).
bool split_listen(const std::string& listen, std::string& host, int& port) {
  const std::size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return false;
  }
  host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  try {
    std::size_t used = 0;
    port = std::stoi(listen.substr(colon + 1), &used);
    return used == listen.size() - colon - 1 && port >= 0 && port <= 65535;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

int main(int argc, char** argv) try {
  po::options_description visible(
      "Usage: talash-serve [--db DIR] [--listen HOST:PORT] [--threads N]\n"
      "Serves the index in DIR: a search page at / and a JSON API under /api/v1/ (search, stats,\n"
      "passage) and /healthz. Listens on loopback unless told otherwise. Ctrl-C stops it.\n\n"
      "Options");
  std::string db;
  std::string listen;
  std::size_t threads = 0;
  talash::serve::Limits limits;
  visible.add_options()("help,h", "show this help and exit")("version",
                                                             "print the version and exit")(
      "db", po::value<std::string>(&db)->default_value(".talash-db"), "index directory")(
      "listen", po::value<std::string>(&listen)->default_value("127.0.0.1:8080"),
      "address and port (port 0: any free one; the address used is printed)")(
      "threads", po::value<std::size_t>(&threads)->default_value(0),
      "worker threads, each with its own Searcher (0: one per core, at least 2)")(
      "time-limit", po::value<double>(&limits.time_limit)->default_value(1.0),
      "seconds one search may take before it answers with what it found (0: no limit)");
  po::variables_map vm;
  po::store(po::parse_command_line(argc, argv, visible), vm);
  po::notify(vm);
  if (vm.count("help") != 0) {
    std::cout << visible << '\n';
    return talash::cli::kExitOk;
  }
  if (vm.count("version") != 0) {
    std::cout << "talash-serve " << talash::version() << " (analysis " << talash::analysis_version()
              << ")\n";
    return talash::cli::kExitOk;
  }
  std::string host;
  int port = 0;
  if (!split_listen(listen, host, port)) {
    std::cerr << "talash-serve: --listen must be HOST:PORT (e.g. 127.0.0.1:8080), not " << listen
              << '\n';
    return talash::cli::kExitUsage;
  }
  if (threads == 0) {
    threads = std::max(2U, std::thread::hardware_concurrency());
  }
  // Refuse at once an index that is not there or not readable: a typo in --db should not start a
  // server that answers 503 to everything. (Later trouble, a rebuild say, is a 503 until it ends.)
  { talash::Searcher check(db); }
  const talash::serve::Api api(db, limits);
  httplib::Server server;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Headers and body go out in separate writes: without this, Nagle and delayed ACKs add 40 ms.
  server.set_tcp_nodelay(true);
  server.set_payload_max_length(64 * 1024);
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  server.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'self' 'unsafe-inline'; "
                   "style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:");
    res.set_content(talash::serve::page(), "text/html; charset=utf-8");
  });
  server.Get("/api/v1/search", [&](const httplib::Request& req, httplib::Response& res) {
    reply(res, api.search(params_of(req)));
  });
  server.Get("/api/v1/stats",
             [&](const httplib::Request&, httplib::Response& res) { reply(res, api.stats()); });
  server.Get("/api/v1/passage", [&](const httplib::Request& req, httplib::Response& res) {
    reply(res, api.passage(params_of(req)));
  });
  server.Get("/healthz",
             [&](const httplib::Request&, httplib::Response& res) { reply(res, api.health()); });
  // Whatever else: JSON errors with the status httplib chose (404 no such path, 414 a request
  // line too long, 400 a malformed request), unless a handler wrote a body already.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) {
      return;
    }
    const std::string what = res.status == 404   ? "no such page: " + req.path
                             : res.status == 414 ? "the request line is too long"
                                                 : "the request could not be read";
    res.set_content(talash::serve::error_body(what), "application/json; charset=utf-8");
  });
  const int bound = port == 0                         ? server.bind_to_any_port(host)
                    : server.bind_to_port(host, port) ? port
                                                      : -1;
  if (bound < 0) {
    std::cerr << "talash-serve: cannot listen on " << listen
              << " (in use, or not an address of this machine)\n";
    return talash::cli::kExitUsage;
  }
  g_server = &server;
  std::signal(SIGINT, stop);
  std::signal(SIGTERM, stop);
  const std::string shown = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  std::cout << "talash-serve: serving " << db << " on http://" << shown << ":" << bound << "/"
            << std::endl;
  server.listen_after_bind();
  return talash::cli::kExitOk;
} catch (...) {
  return talash::cli::report_failure("talash-serve", std::cerr, false);
}
