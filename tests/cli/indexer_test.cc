// End-to-end tests of talash-index on corpora written by the tests: formats, encodings, bad
// input, incremental updates and the write lock.
#include "../support/temp_dir.h"
#include "cli_run.h"
#include "index/stamp_codec.h"
#include "index/term_schema.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <fstream>
#include <set>
#include <thread>

#include <zlib.h>

namespace {

using talash::test::found;
using talash::test::quote;
using talash::test::run;
using talash::test::Run;
using talash::test::run_index;
using talash::test::search_bin;
using talash::test::TempDir;
using talash::test::write;

// Moves a file's modification time, as an editor saving it a second later would.
void bump_mtime(const std::filesystem::path& p) {
  std::filesystem::last_write_time(p,
                                   std::filesystem::last_write_time(p) + std::chrono::seconds(2));
}

}  // namespace

TEST_CASE("Re-running indexes only what changed and removes what is gone", "[cli][indexer]") {
  TempDir dir;
  const auto docs = dir.path() / "docs";
  write(docs / "a.txt", "Samarkand was a city of scholars.");
  write(docs / "b.txt", "Bukhara had many madrasas.");
  const std::string db = dir / "db";
  const std::string args = quote(docs.string());

  Run r = run_index(db, args);
  CHECK(r.code == 0);
  CHECK(r.out.find("2 added, 0 updated, 0 unchanged, 0 removed") != std::string::npos);

  r = run_index(db, args);
  CHECK(r.out.find("0 added, 0 updated, 2 unchanged, 0 removed") != std::string::npos);

  write(docs / "a.txt", "Samarkand fell to the Red Army.");
  bump_mtime(docs / "a.txt");
  bump_mtime(docs / "b.txt");  // touched, content unchanged
  r = run_index(db, args);
  CHECK(r.out.find("0 added, 1 updated, 1 unchanged, 0 removed") != std::string::npos);
  CHECK(found(db, "scholars").empty());
  CHECK(found(db, "Red Army") == std::set<std::string>{"a.txt"});

  std::filesystem::remove(docs / "b.txt");
  r = run_index(db, args);
  CHECK(r.out.find("0 added, 0 updated, 1 unchanged, 1 removed") != std::string::npos);
  CHECK(found(db, "Bukhara").empty());

  r = run_index(db, "--rebuild " + args);
  CHECK(r.out.find("1 added") != std::string::npos);
}

TEST_CASE("Files of another root are left alone", "[cli][indexer]") {
  TempDir dir;
  write(dir.path() / "one" / "a.txt", "Khiva");
  write(dir.path() / "two" / "b.txt", "Kokand");
  const std::string db = dir / "db";
  REQUIRE(run_index(db, quote(dir / "one")).code == 0);
  REQUIRE(run_index(db, quote(dir / "two")).code == 0);
  CHECK(found(db, "Khiva") == std::set<std::string>{"a.txt"});
  CHECK(found(db, "Kokand") == std::set<std::string>{"b.txt"});
}

TEST_CASE("Encodings: UTF-8 with BOM, UTF-16 both ways, CRLF, empty files", "[cli][indexer]") {
  TempDir dir;
  const auto docs = dir.path() / "docs";
  write(docs / "bom.txt", "\xef\xbb\xbfبخارا شهر بزرگی بود.");
  // "Herat" in UTF-16LE and UTF-16BE, each with its byte order mark.
  write(docs / "le.txt", std::string("\xff\xfeH\0e\0r\0a\0t\0", 12));
  write(docs / "be.txt", std::string("\xfe\xff\0H\0e\0r\0a\0t", 12));
  write(docs / "crlf.txt", "Termez\r\n\r\nKulob\r\n");
  write(docs / "empty.txt", "");
  const std::string db = dir / "db";
  const Run r = run_index(db, quote(docs.string()));
  CHECK(r.code == 0);
  CHECK(found(db, "بخارا") == std::set<std::string>{"bom.txt"});
  CHECK(found(db, "Herat") == std::set<std::string>{"be.txt", "le.txt"});
  CHECK(found(db, "Kulob") == std::set<std::string>{"crlf.txt"});
  const auto j =
      nlohmann::json::parse(run(search_bin + " --json --db " + quote(db) + " Termez").out);
  REQUIRE(j["results"].size() == 1);
  CHECK(j["results"][0]["text"] == "Termez");
}

TEST_CASE("Invalid UTF-8 is indexed and reported with file and line", "[cli][indexer]") {
  TempDir dir;
  write(dir.path() / "docs" / "bad.txt", "first line\nHisar \xff\xfe fortress\n");
  const std::string db = dir / "db";
  const Run r = run_index(db, quote(dir / "docs"));
  CHECK(r.code == 1);
  CHECK(r.err.find("bad.txt") != std::string::npos);
  CHECK(r.err.find("line 2") != std::string::npos);
  CHECK(found(db, "fortress") == std::set<std::string>{"bad.txt"});
}

TEST_CASE("Binary files are skipped with a notice", "[cli][indexer]") {
  TempDir dir;
  write(dir.path() / "docs" / "image.txt", std::string("\x89PNG\0\0\0\rIHDR", 12));
  write(dir.path() / "docs" / "ok.txt", "Kabul");
  const Run r = run_index(dir / "db", quote(dir / "docs"));
  CHECK(r.err.find("image.txt") != std::string::npos);
  CHECK(r.err.find("binary") != std::string::npos);
  CHECK(r.out.find("1 skipped") != std::string::npos);
}

TEST_CASE("File names in Arabic script", "[cli][indexer][fa]") {
  TempDir dir;
  write(dir.path() / "docs" / "تاریخ بخارا.txt", "Bukhara");
  const std::string db = dir / "db";
  REQUIRE(run_index(db, quote(dir / "docs")).code == 0);
  CHECK(found(db, "Bukhara") == std::set<std::string>{"تاریخ بخارا.txt"});
}

TEST_CASE("JSONL dumps, plain and gzipped, keep their languages and report bad lines",
          "[cli][indexer]") {
  TempDir dir;
  const auto docs = dir.path() / "docs";
  const std::string lines =
      "{\"id\": \"d1\", \"lang\": \"fa\", \"title\": \"Herat\", \"text\": \"هرات شهری در خراسان "
      "است.\"}\n"
      "not json at all\n"
      "{\"id\": \"d2\", \"text\": \"Ghazni and Herat\"}\n";
  write(docs / "dump.jsonl", lines);
  const std::string gz = (docs / "dump2.jsonl.gz").string();
  gzFile f = gzopen(gz.c_str(), "wb");
  gzwrite(f, lines.data(), static_cast<unsigned>(lines.size()));
  gzclose(f);
  const std::string db = dir / "db";
  const Run r = run_index(db, quote(docs.string()));
  CHECK(r.code == 1);
  CHECK(r.err.find("dump.jsonl:2") != std::string::npos);
  CHECK(found(db, "Ghazni") == std::set<std::string>{"dump.jsonl#d2", "dump2.jsonl.gz#d2"});
  const auto j = nlohmann::json::parse(
      run(search_bin + " --json --lang fa --db " + quote(db) + " خراسان").out);
  REQUIRE(j["results"].size() == 2);
  CHECK(j["results"][0]["lang"] == "fa");

  // A changed dump: documents it no longer holds go, the others are replaced.
  write(docs / "dump.jsonl", "{\"id\": \"d1\", \"text\": \"Balkh\"}\n");
  bump_mtime(docs / "dump.jsonl");
  REQUIRE(run_index(db, quote(docs.string())).code == 0);
  CHECK(found(db, "Ghazni") == std::set<std::string>{"dump2.jsonl.gz#d2"});
  CHECK(found(db, "Balkh") == std::set<std::string>{"dump.jsonl#d1"});
}

TEST_CASE("JSONL field names can be given", "[cli][indexer]") {
  TempDir dir;
  write(dir.path() / "docs" / "x.jsonl", "{\"key\": \"k9\", \"body\": \"Merv oasis\"}\n");
  const std::string db = dir / "db";
  REQUIRE(run_index(db, "--jsonl-fields id=key,text=body " + quote(dir / "docs")).code == 0);
  CHECK(found(db, "Merv") == std::set<std::string>{"x.jsonl#k9"});
  CHECK(run_index(db, "--jsonl-fields colour=red " + quote(dir / "docs")).code == 2);
}

TEST_CASE("Include and exclude globs choose the files of a folder", "[cli][indexer]") {
  TempDir dir;
  write(dir.path() / "docs" / "keep.txt", "Nasaf");
  write(dir.path() / "docs" / "drafts" / "draft.txt", "Nasaf");
  write(dir.path() / "docs" / "notes.md", "Nasaf");
  const std::string db = dir / "db";
  REQUIRE(run_index(db, "--include '*.txt' --exclude 'drafts/*' " + quote(dir / "docs")).code == 0);
  CHECK(found(db, "Nasaf") == std::set<std::string>{"keep.txt"});
  // Without filters, every text format of the folder is taken, Markdown included.
  const std::string all = dir / "all";
  REQUIRE(run_index(all, quote(dir / "docs")).code == 0);
  CHECK(found(all, "Nasaf") == std::set<std::string>{"keep.txt", "drafts/draft.txt", "notes.md"});
}

TEST_CASE("A second writer fails at once with a clear message", "[cli][indexer]") {
  TempDir dir;
  write(dir.path() / "docs" / "a.txt", "Osh");
  const std::string db = dir / "db";
  REQUIRE(run_index(db, quote(dir / "docs")).code == 0);
  Xapian::WritableDatabase holder(db);
  const Run r = run_index(db, quote(dir / "docs"));
  CHECK(r.code == 3);
  CHECK(r.err.find("another talash-index is writing") != std::string::npos);
  // Searching while a writer holds the lock works.
  CHECK(found(db, "Osh") == std::set<std::string>{"a.txt"});
}

TEST_CASE("HTML pages are indexed by their text and title, without scripts and styles",
          "[cli][indexer]") {
  TempDir dir;
  write(dir.path() / "docs" / "page.html",
        "<!DOCTYPE html><html><head><title>Battle of Kofarnihon</title>"
        "<style>p { color: red }</style><script>var Tashkent = 1;</script></head>"
        "<body><h1>Basmachi</h1><p>Enver Pasha fought near <b>Dushanbe</b>.</p>"
        "<p dir=\"rtl\">انور پاشا در دوشنبه جنگید.</p></body></html>");
  write(dir.path() / "docs" / "old.htm", "<p>Kulob &amp; Baljuvon");
  const std::string db = dir / "db";
  REQUIRE(run_index(db, quote(dir / "docs")).code == 0);
  CHECK(found(db, "Kofarnihon") == std::set<std::string>{"page.html"});
  CHECK(found(db, "دوشنبه") == std::set<std::string>{"page.html"});
  CHECK(found(db, "Tashkent").empty());
  CHECK(found(db, "color").empty());
  CHECK(found(db, "Baljuvon") == std::set<std::string>{"old.htm"});
  const auto j =
      nlohmann::json::parse(run(search_bin + " --json --db " + quote(db) + " Dushanbe").out);
  REQUIRE(!j["results"].empty());
  CHECK(j["results"][0]["text"] == "Enver Pasha fought near Dushanbe.");
}

TEST_CASE("A source's stamp records its size and the FNV-1a hash of its text", "[cli][indexer]") {
  TempDir dir;
  const auto docs = dir.path() / "docs";
  write(docs / "a.txt", "foobar");
  const std::string db = dir / "db";
  REQUIRE(run_index(db, "-q " + quote(docs.string())).code == 0);
  const Xapian::Database index(db);
  const auto stamp = talash::internal::decode_stamp(
      index.get_metadata(talash::internal::schema::stamp_key("a.txt")));
  REQUIRE(stamp);
  CHECK(stamp->size == 6);
  // FNV-1a 64 of "foobar", a published test vector: the indexer once hashed with an offset basis
  // one digit short, a hash of its own that nothing else in the project computed.
  CHECK(stamp->hash == 0x85944171f73967e8ULL);
}
