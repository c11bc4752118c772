// SQLite FTS5 (unicode61 tokenizer, remove_diacritics 2) as a user would set it up: one table,
// bulk-loaded in one transaction and optimized; queries in FTS5's own syntax, ranked by bm25.
#include "driver.h"

#include <sqlite3.h>

namespace {

void check(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
  }
}

sqlite3* open_db(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    const std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw std::runtime_error("opening " + path + ": " + message);
  }
  return db;
}

void build(const std::string& docs, const std::string& path) {
  sqlite3* db = open_db(path);
  check(db,
        sqlite3_exec(db,
                     "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                     "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, lang, text,"
                     " tokenize = 'unicode61 remove_diacritics 2');"
                     "BEGIN",
                     nullptr, nullptr, nullptr),
        "creating the table");
  sqlite3_stmt* insert = nullptr;
  check(db, sqlite3_prepare_v2(db, "INSERT INTO docs VALUES (?, ?, ?)", -1, &insert, nullptr),
        "preparing");
  bench::for_each_doc(docs, [&](bench::Doc& d) {
    sqlite3_bind_text(insert, 1, d.id.data(), static_cast<int>(d.id.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, d.lang.data(), static_cast<int>(d.lang.size()), SQLITE_STATIC);
    sqlite3_bind_text(insert, 3, d.text.data(), static_cast<int>(d.text.size()), SQLITE_STATIC);
    check(db, sqlite3_step(insert), "inserting");
    sqlite3_reset(insert);
  });
  sqlite3_finalize(insert);
  check(db,
        sqlite3_exec(db, "COMMIT; INSERT INTO docs(docs) VALUES('optimize');", nullptr, nullptr,
                     nullptr),
        "committing");
  sqlite3_close(db);
}

class Fts5Searcher : public bench::Searcher {
 public:
  explicit Fts5Searcher(const std::string& path) : db_(open_db(path)) {
    check(db_,
          sqlite3_prepare_v2(db_,
                             "SELECT id, text FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10",
                             -1, &stmt_, nullptr),
          "preparing");
  }
  ~Fts5Searcher() override {
    sqlite3_finalize(stmt_);
    sqlite3_close(db_);
  }
  Fts5Searcher(const Fts5Searcher&) = delete;
  Fts5Searcher& operator=(const Fts5Searcher&) = delete;
  Fts5Searcher(Fts5Searcher&&) = delete;
  Fts5Searcher& operator=(Fts5Searcher&&) = delete;

  std::optional<std::size_t> search(const std::string& query) override {
    sqlite3_reset(stmt_);
    sqlite3_bind_text(stmt_, 1, query.data(), static_cast<int>(query.size()), SQLITE_STATIC);
    std::size_t n = 0;
    std::size_t bytes = 0;
    int rc = 0;
    while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW) {
      bytes += static_cast<std::size_t>(sqlite3_column_bytes(stmt_, 1));
      ++n;
    }
    if (rc != SQLITE_DONE) {
      return std::nullopt;  // a syntax error in the MATCH expression
    }
    return bytes > 0 ? n : 0;
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace

int main(int argc, char** argv) {
  return bench::main(argc, argv, "fts5_driver", build,
                     [](const std::string& db) { return std::make_unique<Fts5Searcher>(db); });
}
