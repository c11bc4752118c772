#include "index/index_layout.h"

#include "fault_point.h"

#include <talash/error.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace talash::internal {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStub = "XAPIANDB";
constexpr const char* kGenerationPrefix = "gen-";
// A flat index's version file: while it exists, Xapian opens the flat tables, not the stub.
constexpr const char* kFlatVersionFile = "iamglass";

// The number in a generation's directory name, or 0 if `name` is not one.
unsigned parse_generation(std::string_view name) {
  if (!name.starts_with(kGenerationPrefix)) {
    return 0;
  }
  name.remove_prefix(std::strlen(kGenerationPrefix));
  unsigned n = 0;
  const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), n);
  return ec == std::errc() && end == name.data() + name.size() ? n : 0;
}

// The generation the stub names; 0 when there is no stub. A stub that names anything else was not
// written by us.
unsigned stub_generation(const std::string& dir) {
  std::ifstream in(fs::path(dir) / kStub);
  if (!in) {
    return 0;
  }
  std::string type;
  std::string name;
  in >> type >> name;
  const unsigned n = parse_generation(name);
  if (type != "auto" || n == 0) {
    throw DatabaseCorruptError("the index at " + dir + " is damaged (its file " + kStub +
                               " names no generation); rebuild it with talash-index --rebuild");
  }
  return n;
}

bool is_flat(const std::string& dir) {
  std::error_code ec;
  return fs::exists(fs::path(dir) / kFlatVersionFile, ec);
}

// Makes sure what was written under `path` survives a crash of the machine, not only of the
// process: the rename that publishes a generation must not reach the disk before its contents.
void sync_path(const fs::path& path, bool directory) {
  const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

[[noreturn]] void fail(const std::string& what, const fs::path& path, const std::error_code& ec) {
  throw DatabaseError(what + " " + path.string() + ": " + ec.message());
}

// Before anything is written: the path cannot hold an index (a file, no permission), which is the
// caller's to fix, not damage to an index.
[[noreturn]] void fail_io(const std::string& what, const fs::path& path,
                          const std::error_code& ec) {
  throw IoError(what + " " + path.string() + ": " + ec.message());
}

}  // namespace

std::string current_generation(const std::string& dir) {
  if (is_flat(dir)) {
    return dir;
  }
  const unsigned n = stub_generation(dir);
  return n == 0 ? std::string() : generation_dir(dir, n);
}

unsigned generation_number(const std::string& dir) {
  return is_flat(dir) ? 0 : stub_generation(dir);
}

unsigned next_generation(const std::string& dir) {
  unsigned highest = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    highest = std::max(highest, parse_generation(entry.path().filename().string()));
  }
  return highest + 1;
}

std::string generation_dir(const std::string& dir, unsigned n) {
  return (fs::path(dir) / (kGenerationPrefix + std::to_string(n))).string();
}

void publish_generation(const std::string& dir, unsigned n) {
  const fs::path root(dir);
  const fs::path tmp = root / (std::string(kStub) + ".new");
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "auto " << kGenerationPrefix << n << '\n';
    out.close();
    if (!out) {
      fail("writing", tmp, std::make_error_code(std::errc::io_error));
    }
  }
  sync_path(generation_dir(dir, n), true);
  sync_path(tmp, false);
  std::error_code ec;
  fs::rename(tmp, root / kStub, ec);
  if (ec) {
    fail("publishing the new index generation as", root / kStub, ec);
  }
  fault_point("publish");
  if (is_flat(dir)) {
    // The stub is in place: removing the version file is the moment readers move to it.
    fs::remove(root / kFlatVersionFile, ec);
    if (ec) {
      fail("retiring the old index files in", root, ec);
    }
  }
  sync_path(root, true);
  for (const auto& entry : fs::directory_iterator(root, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".glass" || name == "flintlock") {
      fs::remove(entry.path(), ec);
    }
  }
  remove_stale_generations(dir, n);
}

void remove_stale_generations(const std::string& dir, unsigned keep) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const unsigned n = parse_generation(entry.path().filename().string());
    if (n != 0 && n != keep) {
      fs::remove_all(entry.path(), ec);
    }
  }
}

namespace {

// Opens the generation the stub names, retrying while a writer publishes another under us.
template <typename Open>
void open_current(const std::string& dir, std::string& generation, Open&& open) {
  constexpr int kTries = 5;
  for (int attempt = 1;; ++attempt) {
    const std::string before = current_generation(dir);
    try {
      open();
    } catch (const Xapian::DatabaseOpeningError&) {  // DatabaseNotFoundError too
      if (attempt == kTries || current_generation(dir) == before) {
        throw;
      }
      continue;
    }
    if (current_generation(dir) == before) {
      generation = before;
      return;
    }
    // Published while we opened: what we have may be either; open again to know which.
  }
}

}  // namespace

Xapian::Database open_for_reading(const std::string& dir, std::string& generation) {
  Xapian::Database db;
  open_current(dir, generation, [&] { db = Xapian::Database(dir); });
  return db;
}

bool reopen_for_reading(Xapian::Database& db, const std::string& dir, std::string& generation) {
  if (current_generation(dir) == generation) {
    try {
      return db.reopen();
    } catch (const Xapian::DatabaseOpeningError&) {
      // Removed since we looked: another generation is published.
    }
  }
  open_current(dir, generation, [&] { db = Xapian::Database(dir); });
  return true;
}

WriterLock::WriterLock(const std::string& dir, const std::string& context) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    fail_io(context + ": cannot create", dir, ec);
  }
  const fs::path file = fs::path(dir) / "talash.lock";
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    fail_io(context + ": cannot open", file, std::error_code(errno, std::generic_category()));
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK) {
      throw DatabaseLockError(context + ": another talash-index is writing to it");
    }
    fail(context + ": cannot lock", file, std::error_code(err, std::generic_category()));
  }
}

WriterLock::~WriterLock() {
  if (fd_ >= 0) {
    ::close(fd_);  // releases the lock
  }
}

WriterLock::WriterLock(WriterLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) {
      ::close(fd_);
    }
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

}  // namespace talash::internal
