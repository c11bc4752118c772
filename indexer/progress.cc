#include "progress.h"

#include <cstdio>

namespace talash::cli {

Progress::Progress(bool enabled, std::uint64_t total_bytes, std::size_t total_files)
    : enabled_(enabled), total_bytes_(total_bytes), total_files_(total_files) {}

void Progress::file_done(std::uint64_t bytes) {
  done_bytes_ += bytes;
  file_bytes_ = 0;
  ++files_;
  draw();
}

void Progress::update(std::uint64_t bytes_in_file, std::size_t documents) {
  file_bytes_ = bytes_in_file;
  documents_ = documents;
  draw();
}

void Progress::clear() {
  if (drawn_) {
    std::fputs("\r\x1b[K", stderr);
    std::fflush(stderr);
    drawn_ = false;
  }
}

void Progress::draw() {
  if (!enabled_) {
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(200) && files_ < total_files_) {
    return;
  }
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double mb = static_cast<double>(done_bytes_ + file_bytes_) / 1e6;
  const double total_mb = static_cast<double>(total_bytes_) / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0;
  std::string left = "";
  if (rate > 0 && total_mb > mb) {
    const auto s = static_cast<long>((total_mb - mb) / rate);
    left = ", " + std::to_string(s / 60) + "m" + (s % 60 < 10 ? "0" : "") + std::to_string(s % 60) +
           "s left";
  }
  std::fprintf(stderr, "\r\x1b[Kfiles %zu/%zu, %zu documents, %.1f of %.1f MB, %.1f MB/s%s", files_,
               total_files_, documents_, mb, total_mb, rate, left.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace talash::cli
