// Kills aimed at each named step of a build (lib/src/fault_point.h): a fresh bulk build, a bulk
// rebuild, a single-writer rebuild and an incremental run over text files and a JSONL dump. After
// each kill the index is the previous commit or the new one, exactly as a clean build of that
// state answers, and running the same command again finishes the job.
//
// TALASH_KILL_ROUNDS=N repeats every row N times (CI runs one round; 20 in a row were run by hand).
#include "../support/temp_dir.h"
#include "cli_run.h"
#include "index/record_reader.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <csignal>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using talash::test::quote;
using talash::test::run;
using talash::test::search_bin;
using talash::test::TempDir;

const char* const kWords[] = {"Samarkand", "Bukhara", "Khiva",  "Basmachi", "revolt",
                              "army",      "city",    "سمرقند", "بخارا",    "خیوه",
                              "جنبش",      "باسماچی", "شهر",    "ارتش",     "قیام"};

std::string paragraph(std::mt19937& rng) {
  std::string out;
  for (int w = 0; w < 120; ++w) {
    out += kWords[rng() % std::size(kWords)];
    out += w % 15 == 14 ? ". " : " ";
  }
  return out;
}

// `files` text files of six paragraphs (about 5 KB each: 700 make a bulk build of the first MiB
// and two blocks) and a JSONL dump of `dump_docs` documents, from `seed`.
void make_corpus(const fs::path& dir, std::size_t files, std::size_t dump_docs, unsigned seed) {
  std::mt19937 rng(seed);
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (std::size_t f = 0; f < files; ++f) {
    std::ofstream out(dir / ("doc" + std::to_string(f) + ".txt"));
    for (int para = 0; para < 6; ++para) {
      out << paragraph(rng) << "\n\n";
    }
  }
  std::ofstream dump(dir / "zz-dump.jsonl");
  for (std::size_t d = 0; d < dump_docs; ++d) {
    dump << nlohmann::json{{"id", std::to_string(d)}, {"text", paragraph(rng)}}.dump() << '\n';
  }
}

// The next version of a corpus made with `seed`: some files rewritten, some gone, some new, and a
// third of the dump rewritten and some of its documents gone.
void change_corpus(const fs::path& dir, unsigned seed) {
  std::mt19937 rng(seed + 1000);
  for (int f = 0; f < 20; ++f) {
    std::ofstream(dir / ("doc" + std::to_string(f * 7) + ".txt")) << paragraph(rng) << "\n";
  }
  for (int f = 0; f < 10; ++f) {
    fs::remove(dir / ("doc" + std::to_string(f * 7 + 3) + ".txt"));
    std::ofstream(dir / ("new" + std::to_string(f) + ".txt")) << paragraph(rng) << "\n";
  }
  std::ifstream in(dir / "zz-dump.jsonl");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  in.close();
  std::ofstream dump(dir / "zz-dump.jsonl", std::ios::trunc);
  for (std::size_t d = 0; d < lines.size(); ++d) {
    if (d % 10 == 9) {
      continue;  // gone from the dump
    }
    dump << (d % 3 == 0 ? nlohmann::json{{"id", std::to_string(d)}, {"text", paragraph(rng)}}.dump()
                        : lines[d])
         << '\n';
  }
  // An editor saving a second later: the stamps must see every change.
  for (const auto& e : fs::directory_iterator(dir)) {
    fs::last_write_time(e.path(), fs::last_write_time(e.path()) + std::chrono::seconds(2));
  }
}

using Passage = std::tuple<std::string, std::uint64_t, std::string>;

// What a user can see of an index: its passages (each file's ordinals 1..n exactly once), and
// the pages talash-search gives for a few queries, scores included. An index never made is
// empty.
struct View {
  std::set<Passage> passages;
  std::map<std::string, std::string> pages;
  bool operator==(const View&) const = default;
};

// For a failure message: the pages and how many passages.
std::string describe(const View& v) {
  std::string out = std::to_string(v.passages.size()) + " passages";
  for (const auto& [q, page] : v.pages) {
    out += "\n" + q + ": " + page.substr(0, 200);
  }
  return out;
}

View view(const std::string& db, bool with_scores = true) {
  View v;
  // A common word in each script, with NEAR: scores and order depend on every statistic.
  const char* const queries[] = {"Samarkand", "خیوه NEAR قیام"};
  if (!fs::exists(db) || talash::internal::current_generation(db).empty()) {
    for (const char* q : queries) {
      v.pages[q] = "0";  // as an empty index answers
    }
    return v;
  }
  const Xapian::Database index(db);
  talash::internal::RecordReader records(index);
  std::map<std::string, std::vector<std::uint64_t>> ordinals;
  for (auto it = index.postlist_begin(""); it != index.postlist_end(""); ++it) {
    const auto record = records.read(index.get_document(*it));
    REQUIRE(record);
    ordinals[record->path].push_back(record->ordinal);
    v.passages.emplace(record->path, record->ordinal, record->text);
  }
  for (auto& [path, ords] : ordinals) {
    std::sort(ords.begin(), ords.end());
    for (std::size_t i = 0; i < ords.size(); ++i) {
      CAPTURE(path);
      REQUIRE(ords[i] == i + 1);
    }
  }
  for (const char* q : queries) {
    const auto r =
        run(search_bin + " --json --limit 30 --per-doc 0 --db " + quote(db) + " " + quote(q));
    REQUIRE((r.code == 0 || r.code == 1));
    const auto j = nlohmann::json::parse(r.out);
    std::string page = std::to_string(j["total"].get<std::size_t>());
    std::set<std::string> unordered;
    for (const auto& x : j["results"]) {
      std::string hit = x["doc"].get<std::string>() + "#" + std::to_string(x["passage"].get<int>());
      if (with_scores) {
        page += " " + hit + "=" + std::to_string(x["score"].get<double>());
      } else {
        unordered.insert(hit);
      }
    }
    for (const std::string& hit : unordered) {
      page += " " + hit;
    }
    v.pages[q] = page;
  }
  return v;
}

// Runs talash-index with `args` and TALASH_FAULT=`fault`; returns whether the fault point killed
// it (a run that ends before reaching the point exits by itself).
bool index_with_fault(const std::string& fault, const std::vector<std::string>& args) {
  std::vector<std::string> argv_s{TALASH_INDEX_BIN, "-q"};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    setenv("TALASH_FAULT", fault.c_str(), 1);
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    execv(TALASH_INDEX_BIN, argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

int rounds() {
  const char* n = std::getenv("TALASH_KILL_ROUNDS");
  return n != nullptr && std::atoi(n) > 0 ? std::atoi(n) : 1;
}

// A copy of the index `from` (or no index) at `to`.
void restore(const std::string& from, const std::string& to) {
  fs::remove_all(to);
  if (!from.empty()) {
    fs::copy(from, to, fs::copy_options::recursive);
  }
}

struct Row {
  const char* fault;
  bool published;  // the kill comes after the new state is published
};

struct Scenario {
  std::string before;  // the index the command starts from ("": none)
  std::string after;   // a clean build of what the command indexes
  std::vector<std::string> args;
};

void aim(const Scenario& s, const std::string& db, const std::vector<Row>& rows) {
  const View before = view(s.before);  // "" is no index: an empty one
  const View after = view(s.after);
  const View after_unordered = view(s.after, false);
  REQUIRE(before != after);
  for (int round = 0; round < rounds(); ++round) {
    for (const Row& row : rows) {
      CAPTURE(row.fault, round);
      restore(s.before, db);
      std::vector<std::string> args{"--db", db};
      args.insert(args.end(), s.args.begin(), s.args.end());
      REQUIRE(index_with_fault(row.fault, args));
      const View killed = view(db);
      const View& expected = row.published ? after : before;
      CAPTURE(describe(killed), describe(expected));
      CHECK(killed == expected);
      // The same command again, without the fault, finishes the job. (After an incremental run
      // the passages have other ids than in a clean build: equal scores may come in another
      // order.)
      REQUIRE_FALSE(index_with_fault("", args));
      CHECK(view(db, false) == after_unordered);
    }
  }
}

// Corpora A and B and clean builds of them, made as a test needs them.
struct Corpora {
  TempDir dir;
  std::string a = dir / "a";
  std::string b = dir / "b";
  std::string a_db = dir / "a-db";
  std::string b_db = dir / "b-db";
  enum Need { kA = 1, kB = 2, kIndexes = 4 };
  explicit Corpora(int need) {
    if ((need & kA) != 0) {
      make_corpus(a, 700, 300, 1);
    }
    if ((need & kB) != 0) {
      make_corpus(b, 700, 300, 2);
    }
    if ((need & kIndexes) != 0) {
      if ((need & kA) != 0) {
        REQUIRE_FALSE(index_with_fault("", {"--db", a_db, a}));
      }
      if ((need & kB) != 0) {
        REQUIRE_FALSE(index_with_fault("", {"--db", b_db, b}));
      }
    }
  }
};

}  // namespace

TEST_CASE("A kill at each step of a fresh bulk build leaves no index or the whole one",
          "[cli][indexer][kill]") {
  const Corpora c(Corpora::kB | Corpora::kIndexes);
  TempDir work;
  REQUIRE(view(c.b_db).passages.size() > 4000);
  aim({"", c.b_db, {c.b}}, work / "db",
      {{"document:1", false},
       {"bulk-block:1", false},
       {"bulk-block:2", false},
       {"bulk-merge:1", false},
       {"bulk-merge:4", false},
       {"bulk-merged", false},
       {"publish", true},
       {"commit", true}});
}

TEST_CASE("A kill at each step of a rebuild leaves the old index or the new one, never a mix",
          "[cli][indexer][kill]") {
  const Corpora c(Corpora::kA | Corpora::kB | Corpora::kIndexes);
  TempDir work;
  aim({c.a_db, c.b_db, {"--rebuild", c.b}}, work / "db",
      {{"document:1", false},
       {"bulk-block:1", false},
       {"bulk-merge:2", false},
       {"bulk-merged", false},
       {"publish", true},
       {"commit", true}});
}

TEST_CASE("A kill at each step of a single-writer rebuild leaves the old index or the new one",
          "[cli][indexer][kill]") {
  const Corpora c(Corpora::kA | Corpora::kB | Corpora::kIndexes);
  TempDir work;
  // One thread: no bulk build; the rebuild's generation is published after its commit.
  aim({c.a_db, c.b_db, {"-j", "1", "--rebuild", c.b}}, work / "db",
      {{"document:5", false}, {"commit", false}, {"publish", true}});
}

TEST_CASE("A kill at each step of an incremental run leaves the previous commit",
          "[cli][indexer][kill]") {
  const Corpora c(Corpora::kA);
  TempDir work;
  const std::string changed = work / "a";
  fs::copy(c.a, changed, fs::copy_options::recursive);
  // The index of A, then the same folder changed, and a clean build of it as changed.
  const std::string before = work / "before";
  REQUIRE_FALSE(index_with_fault("", {"--db", before, changed}));
  change_corpus(changed, 1);
  const std::string clean = work / "clean";
  REQUIRE_FALSE(index_with_fault("", {"--db", clean, changed}));
  // 30 text files change first; the dump's documents follow (document:60 is inside it).
  aim({before, clean, {changed}}, work / "db",
      {{"document:3", false}, {"document:60", false}, {"commit", false}});
}
