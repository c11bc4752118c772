#include "jsonl_reader.h"

#include <talash/error.h>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <memory>

#include <zlib.h>

namespace talash::cli {
namespace {

using Json = nlohmann::json;

// gzread reads plain files as they are, so one reader serves both.
struct GzCloser {
  void operator()(gzFile_s* f) const { gzclose(f); }
};

std::string field_string(const Json& doc, const std::string& field) {
  const auto it = doc.find(field);
  if (it == doc.end() || it->is_null()) {
    return "";
  }
  if (it->is_string()) {
    return it->get<std::string>();
  }
  return it->dump();
}

}  // namespace

bool is_jsonl(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  return name.ends_with(".jsonl") || name.ends_with(".jsonl.gz");
}

JsonlFields parse_jsonl_fields(const std::string& spec) {
  JsonlFields fields;
  std::size_t from = 0;
  while (from <= spec.size() && !spec.empty()) {
    std::size_t to = spec.find(',', from);
    if (to == std::string::npos) {
      to = spec.size();
    }
    const std::string part = spec.substr(from, to - from);
    const std::size_t eq = part.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == part.size()) {
      throw UsageError("--jsonl-fields: '" + part + "' is not NAME=FIELD");
    }
    const std::string key = part.substr(0, eq);
    const std::string value = part.substr(eq + 1);
    if (key == "id") {
      fields.id = value;
    } else if (key == "text") {
      fields.text = value;
    } else if (key == "title") {
      fields.title = value;
    } else if (key == "lang") {
      fields.lang = value;
    } else {
      throw UsageError("--jsonl-fields: unknown name '" + key + "' (use id, text, title, lang)");
    }
    from = to + 1;
  }
  return fields;
}

JsonlStats read_jsonl(const std::filesystem::path& path, const std::string& name,
                      const JsonlFields& fields, const std::function<void(Document&&)>& emit,
                      const std::function<void(const std::string&)>& warn,
                      const std::function<void(std::uint64_t)>& read) {
  std::unique_ptr<gzFile_s, GzCloser> in(gzopen(path.c_str(), "rb"));
  if (!in) {
    throw IoError("cannot read '" + path.string() + "': " + std::strerror(errno));
  }
  gzbuffer(in.get(), 1 << 17);
  JsonlStats stats;
  std::string line;
  std::size_t line_no = 0;
  auto handle = [&] {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) {
      return;
    }
    const Json doc = Json::parse(line, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
      ++stats.bad_lines;
      warn(path.string() + ":" + std::to_string(line_no) + ": not a JSON object; line skipped");
      return;
    }
    const std::string body = field_string(doc, fields.text);
    if (body.empty() && doc.find(fields.text) == doc.end()) {
      ++stats.bad_lines;
      warn(path.string() + ":" + std::to_string(line_no) + ": no \"" + fields.text +
           "\" field; line skipped");
      return;
    }
    std::string id = field_string(doc, fields.id);
    if (id.empty()) {
      id = std::to_string(line_no);
    }
    const std::string title = field_string(doc, fields.title);
    std::string lang = field_string(doc, fields.lang);
    if (lang != "ur" && lang != "fa" && lang != "en") {
      lang.clear();
    }
    emit(Document(name + "#" + id, title.empty() ? body : title + "\n\n" + body, lang, name));
    ++stats.documents;
  };
  std::string chunk(1 << 16, '\0');
  for (;;) {
    const int n = gzread(in.get(), chunk.data(), static_cast<unsigned>(chunk.size()));
    if (n < 0) {
      int code = 0;
      const char* message = gzerror(in.get(), &code);
      throw IoError("error while reading '" + path.string() + "' near line " +
                    std::to_string(line_no + 1) + ": " + message);
    }
    if (n == 0) {
      break;
    }
    std::size_t from = 0;
    const std::string_view data(chunk.data(), static_cast<std::size_t>(n));
    for (std::size_t nl = data.find('\n'); nl != std::string_view::npos;
         nl = data.find('\n', from)) {
      line.append(data.substr(from, nl - from));
      handle();
      line.clear();
      from = nl + 1;
    }
    line.append(data.substr(from));
    if (read) {
      read(static_cast<std::uint64_t>(gzoffset(in.get())));
    }
  }
  if (!line.empty()) {
    handle();
  }
  return stats;
}

}  // namespace talash::cli
