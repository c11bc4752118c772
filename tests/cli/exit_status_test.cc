// The exit statuses both programs share (cli/exit_status.h): the mapping of each failure, and the
// status of a batch as a whole.
#include "cli/exit_status.h"

#include "../support/temp_dir.h"
#include "cli_run.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <sstream>

namespace {

using talash::test::quote;
using talash::test::run;
using talash::test::Run;
using talash::test::run_index;
using talash::test::search_bin;
using talash::test::TempDir;

struct Row {
  std::exception_ptr failure;
  int status;
  const char* said;  // what the message must contain
  const char* why;
};

template <typename E>
std::exception_ptr failure(const char* what) {
  return std::make_exception_ptr(E(what));
}

// A thrown value of no exception class at all.
std::exception_ptr odd_failure() {
  try {
    throw 42;
  } catch (...) {
    return std::current_exception();
  }
}

}  // namespace

TEST_CASE("Each failure maps to one exit status, the same in both programs", "[cli]") {
  const Row rows[] = {
      {failure<talash::UsageError>("bad"), 2, "prog: bad\n", "the caller's mistake"},
      {failure<talash::IoError>("cannot read 'x'"), 2, "cannot read 'x'", "an input it was given"},
      {failure<talash::DatabaseLockError>("locked"), 3, "locked", "index trouble"},
      {failure<talash::VersionMismatchError>("v"), 3, "v", "index trouble"},
      {failure<talash::DatabaseError>("disk full"), 3, "keeps what its last commit holds",
       "a failed write says what survived it"},
      {std::make_exception_ptr(std::bad_alloc()), 4, "out of memory", "not the index's fault"},
      {failure<std::out_of_range>("stoul"), 4, "internal error (stoul); please report it",
       "once 1 from talash-index and 3 from talash-search"},
      {odd_failure(), 4, "internal error", "not even a std::exception"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.why);
    for (const bool writer : {true, false}) {
      std::ostringstream err;
      int status = -1;
      try {
        std::rethrow_exception(row.failure);
      } catch (...) {
        status = talash::cli::report_failure("prog", err, writer);
      }
      CAPTURE(writer, err.str());
      CHECK(status == row.status);
      if (writer || std::string_view(row.said) != "keeps what its last commit holds") {
        CHECK(err.str().find(row.said) != std::string::npos);
      } else {
        CHECK(err.str().find(row.said) == std::string::npos);  // a reader wrote nothing
      }
    }
  }
}

TEST_CASE("A batch exits 0 if any query found something, 1 if none did, 2 on any bad query",
          "[cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  talash::test::write(dir.path() / "docs" / "a.txt", "Samarkand and Khujand");
  REQUIRE(run_index(db, "-q " + quote(dir / "docs")).code == 0);
  const std::string batch = search_bin + " --db " + quote(db) + " --batch --json";
  CHECK(run(batch, "Zzyzx\nQwertyuiop\n").code == 1);  // exited 0 before
  CHECK(run(batch, "").code == 1);
  CHECK(run(batch, "Zzyzx\nSamarkand\n").code == 0);
  const Run bad = run(batch, "Samarkand\n-Khujand\n");
  CHECK(bad.code == 2);
  CHECK(bad.err.find("stdin line 2") != std::string::npos);
}

TEST_CASE("A NEAR distance too large for any integer is a notice, not an index error", "[cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  talash::test::write(dir.path() / "docs" / "a.txt", "Enver Pasha came to Bukhara.");
  REQUIRE(run_index(db, "-q " + quote(dir / "docs")).code == 0);
  const Run r = run(search_bin + " --db " + quote(db) + " " +
                    quote("Enver NEAR/999999999999999999999 Pasha"));
  CHECK(r.code == 0);  // was 3, with the message "stoul"
  CHECK(r.err.find("read as NEAR/100") != std::string::npos);
  CHECK(r.out.find("Enver") != std::string::npos);
}

TEST_CASE("A damaged commit time is reported as a damaged index", "[cli][bad-input]") {
  TempDir dir;
  const std::string db = dir / "db";
  talash::test::write(dir.path() / "docs" / "a.txt", "Samarkand");
  REQUIRE(run_index(db, "-q " + quote(dir / "docs")).code == 0);
  {
    Xapian::WritableDatabase w(talash::internal::current_generation(db));
    w.set_metadata("talash.committed", "99999999999999999999999");
    w.commit();
  }
  const Run r = run(search_bin + " --db " + quote(db) + " --stats");
  CHECK(r.code == 3);
  CHECK(r.err.find("damaged") != std::string::npos);  // was std::stoll's "stoll"
  CHECK(r.err.find(db) != std::string::npos);
}

TEST_CASE("Page numbers of any size are honoured or refused, never wrapped", "[cli]") {
  TempDir dir;
  const std::string db = dir / "db";
  talash::test::write(dir.path() / "docs" / "a.txt", "Enver Pasha came to Bukhara.");
  REQUIRE(run_index(db, "-q " + quote(dir / "docs")).code == 0);
  const std::string search = search_bin + " --db " + quote(db) + " Enver ";
  struct Row {
    const char* options;
    int status;
    const char* why;
  };
  const Row rows[] = {
      {"--limit 4294967296", 0, "past 32 bits: all there is (it once found nothing)"},
      {"--limit 9223372036854775807 --offset 0", 0, "the largest signed 64-bit count"},
      {"--offset 9223372036854775807", 1, "a page past the end is empty, not a wrapped sum"},
      {"-C 9223372036854775807 --per-doc 9223372036854775807", 0, "context and cap as large"},
      {"--limit -1", 2, "a negative count is refused, not read as the largest size_t"},
      {"--offset -5", 2, "the same for each count"},
      {"--limit 99999999999999999999999", 2, "past 64 bits: refused with the option named"},
  };
  for (const Row& row : rows) {
    CAPTURE(row.options, row.why);
    const Run r = run(search + row.options);
    CHECK(r.code == row.status);
    if (row.status == 2) {
      const std::string option(row.options);
      CHECK(r.err.find(option.substr(0, option.find(' '))) != std::string::npos);
    }
  }
}
