// End-to-end tests of the bad-input catalogue (tests/README.md) that other files do not already
// cover: special files, unreadable files, a huge file with no line break, a full disk and damaged
// indexes. Each checks the message, the exit code, and that an existing index is not lost.
#include "../support/temp_dir.h"
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include <sys/stat.h>

namespace {

namespace fs = std::filesystem;
using talash::test::found;
using talash::test::index_bin;
using talash::test::quote;
using talash::test::run;
using talash::test::Run;
using talash::test::run_index;
using talash::test::search_bin;
using talash::test::TempDir;
using talash::test::write;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every file of an index with its bytes, to show that a failed command changed nothing.
std::map<std::string, std::string> snapshot(const fs::path& db) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(db)) {
    if (e.is_regular_file()) {
      files[fs::relative(e.path(), db).string()] = slurp(e.path());
    }
  }
  return files;
}

// What a user sees of an index: its statistics and the answer to a query.
std::string answer(const std::string& db, const std::string& query) {
  const Run stats = run(search_bin + " --stats --json --db " + quote(db));
  nlohmann::json j = nlohmann::json::parse(stats.out);
  j.erase("size_bytes");  // a failed write may leave unused blocks behind the last commit
  return j.dump() + run(search_bin + " --json --db " + quote(db) + " " + quote(query)).out;
}

}  // namespace

TEST_CASE("Special files in a folder are reported, not read, and the rest is indexed",
          "[cli][indexer][bad-input]") {
  TempDir dir;
  const fs::path docs = dir.path() / "docs";
  write(docs / "a.txt", "Samarkand");
  REQUIRE(mkfifo((docs / "pipe.txt").c_str(), 0600) == 0);  // reading it would block forever
  fs::create_symlink("/dev/zero", docs / "zero.txt");       // a device that never ends
  fs::create_symlink("loop-b.txt", docs / "loop-a.txt");    // a symlink loop
  fs::create_symlink("loop-a.txt", docs / "loop-b.txt");
  fs::create_symlink("gone.txt", docs / "dangling.txt");  // leads nowhere
  fs::create_directory(docs / "sub");
  fs::create_directory_symlink("..", docs / "sub" / "up");  // a directory loop, not followed
  const std::string db = dir / "db";
  const Run r = run_index(db, quote(docs.string()));
  CHECK(r.code == 1);
  CHECK(r.err.find("pipe.txt': a FIFO, not a regular file") != std::string::npos);
  CHECK(r.err.find("zero.txt': a device, not a regular file") != std::string::npos);
  CHECK(r.err.find("loop-a.txt': Too many levels of symbolic links") != std::string::npos);
  CHECK(r.err.find("dangling.txt'") != std::string::npos);
  CHECK(found(db, "Samarkand") == std::set<std::string>{"a.txt"});
}

TEST_CASE("Special paths named on the command line are refused with exit code 2",
          "[cli][indexer][bad-input]") {
  TempDir dir;
  REQUIRE(mkfifo((dir / "pipe").c_str(), 0600) == 0);
  fs::create_symlink("loop2", dir.path() / "loop1");
  fs::create_symlink("loop1", dir.path() / "loop2");
  for (const std::string& path : {dir / "pipe", std::string("/dev/null"), dir / "loop1"}) {
    CAPTURE(path);
    const Run r = run_index(dir / "db", quote(path));
    CHECK(r.code == 2);
    CHECK(r.err.find(path) != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir.path() / "db"));
}

TEST_CASE("An index path where no index can be made is refused with exit code 2, naming it",
          "[cli][indexer][bad-input]") {
  TempDir dir;
  write(dir / "file", "a file in the way");
  write(dir / "doc.txt", "Samarkand");
  for (const std::string& db : {dir / "file", dir / "file/sub"}) {
    CAPTURE(db);
    const Run r = run_index(db, quote(dir / "doc.txt"));
    CHECK(r.code == 2);
    CHECK(r.err.find("cannot create " + db + ": Not a directory") != std::string::npos);
    // Nothing was written, so there is no last commit to speak of.
    CHECK(r.err.find("last commit") == std::string::npos);
  }
  CHECK(slurp(dir.path() / "file") == "a file in the way");
}

TEST_CASE("A file that fails to read is reported, never indexed as empty",
          "[cli][indexer][bad-input]") {
  TempDir dir;
  const fs::path docs = dir.path() / "docs";
  write(docs / "a.txt", "Samarkand");
  // A regular file whose every read fails (EIO), as a failing disk's would; unlike a file with
  // no read permission, it stays unreadable for root.
  fs::create_symlink("/proc/self/mem", docs / "mem.txt");
  const std::string db = dir / "db";
  const Run r = run_index(db, quote(docs.string()));
  CHECK(r.code == 1);
  CHECK(r.err.find("error while reading '" + (docs / "mem.txt").string() + "'") !=
        std::string::npos);
  const auto stats =
      nlohmann::json::parse(run(search_bin + " --stats --json --db " + quote(db)).out);
  CHECK(stats["documents"] == 1);
}

TEST_CASE("A 100 MB file with no line break is indexed in bounded passages",
          "[cli][indexer][bad-input]") {
  TempDir dir;
  const std::string unit = "lorem " + std::string(90, '-') + " ";
  {
    std::ofstream out(dir / "huge.txt", std::ios::binary);
    for (std::size_t written = 0; written < 100'000'000; written += unit.size()) {
      out << unit;
    }
  }
  const std::string db = dir / "db";
  const Run r = run_index(db, "-q " + quote(dir / "huge.txt"));
  REQUIRE(r.code == 0);
  const auto stats =
      nlohmann::json::parse(run(search_bin + " --stats --json --db " + quote(db)).out);
  CHECK(stats["documents"] == 1);
  // About 600 characters a passage: neither one giant passage nor a passage per word.
  CHECK(stats["passages"] > 100'000);
  CHECK(stats["passages"] < 400'000);
  const auto j = nlohmann::json::parse(
      run(search_bin + " --json --limit 3 --per-doc 3 --db " + quote(db) + " lorem").out);
  REQUIRE(j["results"].size() == 3);
  for (const auto& result : j["results"]) {
    CHECK(result["text"].get<std::string>().size() <= 2 * 600 + 200);
  }
}

TEST_CASE("A full disk fails the indexer cleanly and the index keeps its last commit",
          "[cli][indexer][bad-input]") {
  TempDir dir;
  const fs::path docs = dir.path() / "docs";
  write(docs / "a.txt", "Samarkand and Khujand");
  const std::string db = dir / "db";
  REQUIRE(run_index(db, "-q " + quote(docs.string())).code == 0);
  const std::string before = answer(db, "Samarkand");

  std::string more;
  for (int i = 0; i < 40'000; ++i) {
    more += "word" + std::to_string(i) + " Samarkand\n";
  }
  write(docs / "b.txt", more);
  std::uintmax_t largest = 0;
  for (const auto& e : fs::recursive_directory_iterator(db)) {
    largest = std::max(largest, e.is_regular_file() ? e.file_size() : 0);
  }
  // The file-size limit makes every write past it fail with EFBIG, as a full disk fails with
  // ENOSPC: the same path through Xapian, without needing a file system to fill.
  const Run r = run("prlimit --fsize=" + std::to_string(largest + 16384) + " " + index_bin +
                    " --db " + quote(db) + " " + quote(docs.string()));
  CHECK(r.code == 3);
  CHECK(r.err.find("File too large") != std::string::npos);
  CHECK(r.err.find("keeps what its last commit holds") != std::string::npos);
  CHECK(answer(db, "Samarkand") == before);

  // With room again, the same command completes.
  REQUIRE(run_index(db, "-q " + quote(docs.string())).code == 0);
  CHECK(found(db, "Khujand") == std::set<std::string>{"a.txt"});
  CHECK(found(db, "word39999") == std::set<std::string>{"b.txt"});
}

TEST_CASE("A damaged index is refused by both commands and left as it was", "[cli][bad-input]") {
  TempDir dir;
  const fs::path docs = dir.path() / "docs";
  write(docs / "a.txt", "Samarkand");
  struct Damage {
    const char* what;
    void (*apply)(const fs::path& table);
  };
  const Damage damages[] = {
      {"truncated", [](const fs::path& t) { fs::resize_file(t, fs::file_size(t) / 2); }},
      {"overwritten",
       [](const fs::path& t) {
         const auto size = fs::file_size(t);
         std::ofstream(t, std::ios::binary | std::ios::trunc) << std::string(size, '\xa5');
       }},
      {"emptied", [](const fs::path& t) { fs::resize_file(t, 0); }},
  };
  for (const Damage& damage : damages) {
    CAPTURE(damage.what);
    const std::string db = dir / (std::string("db-") + damage.what);
    REQUIRE(run_index(db, "-q " + quote(docs.string())).code == 0);
    damage.apply(talash::test::index_table(db, "postlist.glass"));
    const auto damaged = snapshot(db);

    const Run search = run(search_bin + " --db " + quote(db) + " Samarkand");
    CHECK(search.code == 3);
    CHECK(search.err.find(db) != std::string::npos);
    write(docs / "b.txt", "Khujand");
    const Run index = run_index(db, quote(docs.string()));
    CHECK(index.code == 3);
    CHECK(index.err.find(db) != std::string::npos);
    CHECK(snapshot(db) == damaged);
    fs::remove(docs / "b.txt");
  }
}
