#include "corpus_reader.h"

#include "html_reader.h"
#include "jsonl_reader.h"

#include <talash/error.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include <fcntl.h>
#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

namespace talash::cli {
namespace fs = std::filesystem;
namespace {

bool is_text_file(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".md" || ext == ".text" || is_jsonl(p) || is_html(p);
}

// A folder's README describes the folder (as corpus/README.md does); it is not one of its
// documents. Named on the command line, it is indexed like any file.
bool is_readme(const fs::path& p) {
  std::string stem = p.stem().string();
  std::transform(stem.begin(), stem.end(), stem.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  return stem == "README";
}

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

std::string kind_of(const fs::file_status& st) {
  switch (st.type()) {
    case fs::file_type::fifo:
      return "a FIFO";
    case fs::file_type::block:
    case fs::file_type::character:
      return "a device";
    case fs::file_type::socket:
      return "a socket";
    default:
      return "something else";
  }
}

bool matches(const std::vector<std::string>& globs, const std::string& name) {
  const std::string base = fs::path(name).filename().string();
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
    return fnmatch(g.c_str(), name.c_str(), 0) == 0 || fnmatch(g.c_str(), base.c_str(), 0) == 0;
  });
}

}  // namespace

std::vector<InputFile> find_inputs(const std::vector<std::string>& paths, const FileFilter& filter,
                                   std::vector<std::string>& roots,
                                   std::vector<std::string>& problems) {
  std::vector<InputFile> out;
  for (const std::string& given : paths) {
    const fs::path root(given);
    std::error_code ec;
    const fs::file_status st = fs::status(root, ec);
    if (ec || !fs::exists(st)) {
      problems.push_back("cannot read '" + given +
                         "': " + (ec ? ec.message() : std::string("no such file or directory")));
      continue;
    }
    if (fs::is_regular_file(st)) {
      out.push_back({root, root.filename().string(), ""});
      continue;
    }
    if (!fs::is_directory(st)) {
      problems.push_back("cannot index '" + given + "': not a regular file or directory");
      continue;
    }
    const std::string absolute = fs::absolute(root, ec).lexically_normal().string();
    roots.push_back(absolute);
    std::vector<InputFile> found;
    fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
    if (ec) {
      problems.push_back("cannot read directory '" + given + "': " + ec.message());
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) {
        problems.push_back("cannot read inside '" + given + "': " + ec.message());
        break;
      }
      const fs::path& p = it->path();
      if (is_hidden(p)) {
        if (it->is_directory(ec)) {
          it.disable_recursion_pending();
        }
        continue;
      }
      if (!is_text_file(p) || is_readme(p) || it->is_directory(ec)) {
        continue;
      }
      std::string name = fs::relative(p, root, ec).generic_string();
      if ((!filter.include.empty() && !matches(filter.include, name)) ||
          matches(filter.exclude, name)) {
        continue;
      }
      // A text file's name on something that is not one (a FIFO would block the reader, a
      // device may never end) is reported, not read; so is a symlink that leads nowhere.
      std::error_code status_ec;
      const fs::file_status target = it->status(status_ec);
      if (status_ec) {
        problems.push_back("cannot read '" + p.string() + "': " + status_ec.message());
        continue;
      }
      if (!fs::is_regular_file(target)) {
        problems.push_back("skipped '" + p.string() + "': " + kind_of(target) +
                           ", not a regular file");
        continue;
      }
      found.push_back({p, std::move(name), absolute});
    }
    std::sort(found.begin(), found.end(),
              [](const InputFile& a, const InputFile& b) { return a.name < b.name; });
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

std::string read_file(const fs::path& path) {
  // POSIX reads, because a stream copy (out << in.rdbuf()) takes a failed read for the end of the
  // file and would index a file that cannot be read as an empty one.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw IoError("cannot read '" + path.string() + "': " + std::strerror(errno));
  }
  const std::unique_ptr<const int, void (*)(const int*)> closer(&fd,
                                                                [](const int* f) { ::close(*f); });
  std::string text;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    text.reserve(static_cast<std::size_t>(st.st_size));
  }
  std::string block(1 << 16, '\0');
  for (;;) {
    const ssize_t n = ::read(fd, block.data(), block.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      throw IoError("error while reading '" + path.string() + "': " + std::strerror(errno));
    }
    if (n == 0) {
      return text;
    }
    text.append(block.data(), static_cast<std::size_t>(n));
  }
}

}  // namespace talash::cli
