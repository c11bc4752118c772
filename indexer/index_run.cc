#include "index_run.h"

#include "html_reader.h"
#include "source_decoder.h"

#include <talash/error.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>

namespace talash::cli {
namespace fs = std::filesystem;
namespace {

std::uint64_t hash_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw IoError("cannot read '" + path.string() + "'");
  }
  ContentHasher hasher;
  std::string buf(1 << 16, '\0');
  while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    hasher.add(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
  }
  return hasher.value();
}

// Tells the progress line a file is finished when it goes out of scope.
class FileDone {
 public:
  FileDone(Progress* progress, std::uint64_t bytes) : progress_(progress), bytes_(bytes) {}
  ~FileDone() {
    if (progress_ != nullptr) {
      progress_->file_done(bytes_);
    }
  }
  FileDone(const FileDone&) = delete;
  FileDone& operator=(const FileDone&) = delete;
  FileDone(FileDone&&) = delete;
  FileDone& operator=(FileDone&&) = delete;

 private:
  Progress* progress_;
  std::uint64_t bytes_;
};

std::string join_lines(const std::vector<std::size_t>& lines) {
  std::string out;
  for (std::size_t l : lines) {
    out += (out.empty() ? "" : ", ") + std::to_string(l);
  }
  return out;
}

}  // namespace

RunCounts run_index(IndexWriter& writer, const std::vector<InputFile>& inputs,
                    const std::vector<std::string>& roots, const JsonlFields& fields,
                    const RunOutput& out) {
  RunCounts counts;
  std::set<std::string> seen;
  for (const InputFile& input : inputs) {
    seen.insert(input.name);
    std::error_code size_error;
    const auto size = static_cast<std::uint64_t>(fs::file_size(input.path, size_error));
    // Whichever way this file's turn ends, the progress line counts it.
    const FileDone done(out.progress, size_error ? 0 : size);
    try {
      // Each call its own error code: a size that failed must never be stored as (uintmax_t)-1
      // because the next call succeeded.
      std::error_code time_error;
      const auto mtime = std::chrono::duration_cast<std::chrono::nanoseconds>(
                             fs::last_write_time(input.path, time_error).time_since_epoch())
                             .count();
      if (size_error || time_error) {
        throw IoError("cannot read '" + input.path.string() +
                      "': " + (size_error ? size_error : time_error).message());
      }
      const std::optional<SourceStamp> old = writer.stamp(input.name);
      if (old && old->size == size && old->mtime_ns == mtime) {
        ++counts.unchanged;
        continue;
      }
      SourceStamp stamp{input.name, input.root, size, mtime, 0};
      std::size_t passages = 0;
      if (is_jsonl(input.path)) {
        stamp.hash = hash_file(input.path);
        if (old && old->hash == stamp.hash) {
          writer.set_stamp(stamp);  // touched, not changed
          ++counts.unchanged;
          continue;
        }
        std::set<std::string> emitted;
        const auto stats = read_jsonl(
            input.path, input.name, fields,
            [&](Document&& doc) {
              emitted.insert(doc.path);
              passages += writer.add(std::move(doc)).passages;
            },
            out.warn,
            [&](std::uint64_t read) {
              if (out.progress != nullptr) {
                out.progress->update(read, counts.documents + emitted.size());
              }
            });
        counts.documents += stats.documents;
        if (stats.bad_lines > 0) {
          ++counts.problems;
        }
        // Documents the dump no longer holds: remove them one by one, since the rest of the dump
        // was just replaced in place.
        for (const std::string& path : writer.documents_of(input.name)) {
          if (emitted.count(path) == 0) {
            writer.remove(path);
          }
        }
      } else {
        Decoded d = decode_source(read_file(input.path));
        ContentHasher hasher;
        hasher.add(d.text);
        stamp.hash = hasher.value();
        if (old && old->hash == stamp.hash) {
          writer.set_stamp(stamp);
          ++counts.unchanged;
          continue;
        }
        if (d.binary) {
          out.warn(input.path.string() + ": not text (binary content); skipped");
          ++counts.skipped;
          if (old) {
            writer.remove_source(input.name);
          }
          continue;
        }
        if (d.bad_sequences > 0) {
          out.warn(input.path.string() + ": " + std::to_string(d.bad_sequences) +
                   " invalid UTF-8 sequences (line " + join_lines(d.bad_lines) +
                   (d.bad_sequences > d.bad_lines.size() ? ", ..." : "") +
                   "); indexed with U+FFFD in their place");
          ++counts.problems;
        }
        if (is_html(input.path)) {
          d.text = html_text(d.text);
        }
        passages = writer.add({input.name, std::move(d.text)}).passages;
        ++counts.documents;
      }
      writer.set_stamp(stamp);
      ++(old ? counts.updated : counts.added);
      counts.passages += passages;
      if (out.verbose) {
        out.verbose((old ? "updated " : "added ") + input.name + ": " + std::to_string(passages) +
                    " passages");
      }
    } catch (const IoError& e) {
      out.warn(e.what());
      ++counts.skipped;
      ++counts.problems;
    }
  }
  for (const SourceStamp& s : writer.stamps()) {
    if (!s.root.empty() && seen.count(s.source) == 0 &&
        std::find(roots.begin(), roots.end(), s.root) != roots.end()) {
      writer.remove_source(s.source);
      ++counts.removed;
      if (out.verbose) {
        out.verbose("removed " + s.source);
      }
    }
  }
  writer.commit();
  return counts;
}

}  // namespace talash::cli
