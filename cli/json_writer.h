// Writes JSON straight into a string, in exactly the bytes nlohmann::json's dump() gives (no
// spaces, strings escaped as it escapes them, numbers formatted by its Grisu2), without building
// a document first: building and dumping nlohmann's document was an eighth of talash-search's
// time in a batch.
#ifndef TALASH_CLI_JSON_WRITER_H_
#define TALASH_CLI_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace talash::cli {

// Appends to `out`. The caller nests begin/end calls properly; commas are the writer's.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The key of the next value in an object.
  void key(std::string_view k);

  // A string; invalid UTF-8 becomes U+FFFD, as dump() with error_handler_t::replace makes it.
  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(std::uint64_t n);
  void value(double d);
  void value(bool b);
  void value(const std::vector<std::string>& strings);

  // key(k), then value(v).
  template <typename T>
  void field(std::string_view k, const T& v) {
    key(k);
    value(v);
  }

 private:
  void open(char c);
  void close(char c);
  void before_value();

  std::string& out_;
  // Per open container: whether it has an element yet. After key(), the value needs no comma.
  std::vector<bool> has_element_;
  bool after_key_ = false;
};

}  // namespace talash::cli

#endif  // TALASH_CLI_JSON_WRITER_H_
