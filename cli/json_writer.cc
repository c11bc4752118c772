#include "cli/json_writer.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>
#include <cstdio>

namespace talash::cli {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The length of the valid UTF-8 sequence at s[i] (as nlohmann's decoder accepts: no overlong
// forms, no surrogates, nothing past U+10FFFF), or 0.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  if (c < 0x80) {
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
  } else {
    return 0;
  }
  if (i + n > s.size()) {
    return 0;
  }
  for (std::size_t k = 1; k < n; ++k) {
    if (!is_continuation(static_cast<unsigned char>(s[i + k]))) {
      return 0;
    }
  }
  const auto c1 = static_cast<unsigned char>(s[i + 1]);
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
      (c == 0xF4 && c1 > 0x8F)) {
    return 0;
  }
  return n;
}

void escape_into(std::string& out, std::string_view s) {
  const std::size_t start = out.size();
  out.push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const char* escaped = nullptr;
    switch (c) {
      case '"':
        escaped = "\\\"";
        break;
      case '\\':
        escaped = "\\\\";
        break;
      case '\b':
        escaped = "\\b";
        break;
      case '\f':
        escaped = "\\f";
        break;
      case '\n':
        escaped = "\\n";
        break;
      case '\r':
        escaped = "\\r";
        break;
      case '\t':
        escaped = "\\t";
        break;
      default:
        break;
    }
    if (escaped != nullptr || c < 0x20) {
      out.append(s.data() + run, i - run);
      if (escaped != nullptr) {
        out += escaped;
      } else {
        std::array<char, 8> buf{};
        std::snprintf(buf.data(), buf.size(), "\\u%04x", c);
        out += buf.data();
      }
      run = ++i;
      continue;
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = sequence_length(s, i);
    if (n > 0) {
      i += n;
      continue;
    }
    // Invalid: nlohmann's replace handler is subtle about where a bad sequence ends; let it
    // write this string, so the bytes stay its own.
    out.resize(start);
    out += nlohmann::json(std::string(s))
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

}  // namespace

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!has_element_.empty()) {
    if (has_element_.back()) {
      out_.push_back(',');
    }
    has_element_.back() = true;
  }
}

void JsonWriter::open(char c) {
  before_value();
  out_.push_back(c);
  has_element_.push_back(false);
}

void JsonWriter::close(char c) {
  has_element_.pop_back();
  out_.push_back(c);
}

void JsonWriter::key(std::string_view k) {
  before_value();
  escape_into(out_, k);
  out_.push_back(':');
  after_key_ = true;
}

void JsonWriter::value(std::string_view s) {
  before_value();
  escape_into(out_, s);
}

void JsonWriter::value(std::uint64_t n) {
  before_value();
  std::array<char, 24> buf{};
  const int len = std::snprintf(buf.data(), buf.size(), "%llu", static_cast<unsigned long long>(n));
  out_.append(buf.data(), static_cast<std::size_t>(len));
}

void JsonWriter::value(double d) {
  before_value();
  if (!std::isfinite(d)) {
    out_ += "null";
    return;
  }
  // nlohmann's own Grisu2 (a detail of the header, but the only way to its exact digits).
  std::array<char, 64> buf{};
  char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), d);
  out_.append(buf.data(), static_cast<std::size_t>(end - buf.data()));
}

void JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonWriter::value(const std::vector<std::string>& strings) {
  begin_array();
  for (const std::string& s : strings) {
    value(std::string_view(s));
  }
  end_array();
}

}  // namespace talash::cli
