// IndexWriter::rollback(): whatever the writer did since its last commit is gone, in every way a
// writer can be open (in place, a rebuild, a new index, a bulk build), and the lock is free.
#include "../support/temp_dir.h"

#include <talash/talash.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

namespace {

using talash::test::TempDir;

std::size_t passages_in(const std::string& db) { return talash::Searcher(db).stats().passages; }

std::size_t hits(const std::string& db, const std::string& query) {
  return talash::Searcher(db).search(query).results.size();
}

void add_numbered(talash::IndexWriter& writer, int from, int to, const std::string& word) {
  for (int i = from; i < to; ++i) {
    writer.add({"n" + std::to_string(i) + ".txt", word + " number " + std::to_string(i)});
  }
}

}  // namespace

TEST_CASE("A rollback discards what was added to an existing index since its last commit",
          "[index][rollback]") {
  TempDir dir;
  const std::string db = dir / "db";
  {
    talash::IndexWriter writer(db);
    writer.add({"kept.txt", "Samarkand stays"});
    writer.commit();
  }
  talash::IndexOptions one_thread;
  one_thread.threads = 1;
  {
    talash::IndexWriter writer(db, one_thread);
    writer.add({"gone.txt", "Bukhara goes"});
    writer.add({"kept.txt", "replaced, then restored"});
    CHECK(writer.remove("kept.txt"));
    writer.rollback();
    writer.rollback();  // a second one does nothing
    CHECK_THROWS_AS(writer.add({"late.txt", "too late"}), talash::UsageError);
    CHECK_THROWS_AS(writer.commit(), talash::UsageError);
    // The lock went with the rollback: another writer opens at once.
    talash::IndexWriter other(db, one_thread);
  }
  CHECK(passages_in(db) == 1);
  CHECK(hits(db, "Samarkand") == 1);
  CHECK(hits(db, "Bukhara") == 0);
}

TEST_CASE("A rollback holds past Xapian's own flush threshold", "[index][rollback]") {
  // Xapian commits by itself every 10,000 changes made outside a transaction; the writer's
  // transaction per document must keep those from reaching the disk.
  TempDir dir;
  const std::string db = dir / "db";
  talash::IndexOptions one_thread;
  one_thread.threads = 1;
  {
    talash::IndexWriter writer(db, one_thread);
    add_numbered(writer, 0, 10, "kept");
    writer.commit();
    add_numbered(writer, 10, 10'050, "dropped");
    writer.rollback();
  }
  CHECK(passages_in(db) == 10);
  CHECK(hits(db, "dropped") == 0);
}

TEST_CASE("A rolled-back rebuild leaves the old index as it was", "[index][rollback]") {
  TempDir dir;
  const std::string db = dir / "db";
  {
    talash::IndexWriter writer(db);
    writer.add({"old.txt", "Khiva of old"});
  }
  talash::IndexOptions rebuild;
  rebuild.rebuild = true;
  {
    talash::IndexWriter writer(db, rebuild);
    writer.add({"new.txt", "Herat anew"});
    writer.rollback();
  }
  CHECK(hits(db, "Khiva") == 1);
  CHECK(hits(db, "Herat") == 0);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(db)) {
    ++entries;
  }
  CHECK(entries == 3);  // the stub, its generation and the lock file: the rebuild's is gone
}

TEST_CASE("A rolled-back new index, in bulk or not, is never created", "[index][rollback]") {
  TempDir dir;
  const std::string db = dir / "db";
  talash::IndexOptions options;
  options.threads = GENERATE(1, 3);
  {
    talash::IndexWriter writer(db, options);
    // Past the 1 MiB after which a fresh index with several threads is built in bulk.
    const std::string para(4000, 'a');
    for (int i = 0; i < 400; ++i) {
      writer.add({"p" + std::to_string(i) + ".txt", "Balkh " + para});
    }
    writer.rollback();
    CHECK_FALSE(std::filesystem::exists(db + "/talash-bulk"));
  }
  CHECK_THROWS_AS(talash::Searcher(db), talash::DatabaseNotFoundError);
}
