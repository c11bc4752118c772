// Killing talash-index (SIGKILL) at random moments never leaves a broken index: after each kill
// the index opens and is consistent, and a re-run ends equal to a clean build.
#include "../support/temp_dir.h"
#include "cli_run.h"
#include "index/index_layout.h"
#include "index/record_reader.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>
#include <tuple>

#include <sys/wait.h>
#include <unistd.h>

namespace {

using talash::test::quote;
using talash::test::run;
using talash::test::run_index;
using talash::test::TempDir;

// A corpus big enough that indexing takes a while: files of varied Persian and English text.
void make_corpus(const std::filesystem::path& dir, std::size_t files) {
  const char* words[] = {"Samarkand", "Bukhara", "Khiva",  "Basmachi", "revolt",
                         "army",      "city",    "سمرقند", "بخارا",    "خیوه",
                         "جنبش",      "باسماچی", "شهر",    "ارتش",     "قیام"};
  std::mt19937 rng(42);
  std::filesystem::create_directories(dir);
  for (std::size_t f = 0; f < files; ++f) {
    std::ofstream out(dir / ("doc" + std::to_string(f) + ".txt"));
    for (int para = 0; para < 6; ++para) {
      for (int w = 0; w < 120; ++w) {
        out << words[rng() % std::size(words)] << (w % 15 == 14 ? ". " : " ");
      }
      out << "\n\n";
    }
  }
}

using Passage = std::tuple<std::string, double, std::string>;

// Opens the index and checks it: every passage has a path, and each path's ordinals are 1..n
// exactly once (no file indexed twice). Returns the passages.
std::set<Passage> check(const std::string& db_path) {
  Xapian::Database db(db_path);
  // Records as they read back: runs cut short compress them with other dictionaries.
  talash::internal::RecordReader records(db);
  std::map<std::string, std::vector<double>> ordinals;
  std::set<Passage> passages;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const auto record = records.read(db.get_document(*it));
    REQUIRE(record);
    REQUIRE_FALSE(record->path.empty());
    const auto ordinal = static_cast<double>(record->ordinal);
    ordinals[record->path].push_back(ordinal);
    passages.emplace(record->path, ordinal, record->text);
  }
  for (auto& [path, ords] : ordinals) {
    std::sort(ords.begin(), ords.end());
    for (std::size_t i = 0; i < ords.size(); ++i) {
      CAPTURE(path);
      REQUIRE(ords[i] == static_cast<double>(i + 1));
    }
  }
  return passages;
}

// Starts the indexer, kills it after `ms` milliseconds (if still running); returns whether it was
// killed.
bool index_and_kill(const std::string& db, const std::string& docs, int ms) {
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    execl(TALASH_INDEX_BIN, TALASH_INDEX_BIN, "-q", "--db", db.c_str(), docs.c_str(), nullptr);
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  const bool killed = kill(pid, SIGKILL) == 0;
  int status = 0;
  waitpid(pid, &status, 0);
  return killed && WIFSIGNALED(status);
}

}  // namespace

TEST_CASE("Killing the indexer at random moments leaves a consistent index",
          "[cli][indexer][kill]") {
  TempDir dir;
  const std::string docs = dir / "docs";
  make_corpus(docs, 1500);
  const std::string clean = dir / "clean";
  REQUIRE(run_index(clean, "-q " + quote(docs)).code == 0);
  const std::set<Passage> expected = check(clean);
  REQUIRE(expected.size() > 1500);

  const std::string db = dir / "db";
  std::mt19937 rng(7);
  int kills = 0;
  for (int round = 0; round < 6; ++round) {
    const int ms = 50 + static_cast<int>(rng() % 1500);
    CAPTURE(round, ms);
    kills += index_and_kill(db, docs, ms) ? 1 : 0;
    // Killed during its first build, before its first commit, there is no index yet.
    if (std::filesystem::exists(db) && !talash::internal::current_generation(db).empty()) {
      check(db);
    }
  }
  CHECK(kills > 0);
  REQUIRE(run_index(db, "-q " + quote(docs)).code == 0);
  CHECK(check(db) == expected);
}
