// Implements talash::IndexWriter over a Xapian::WritableDatabase.
#include "analysis/script.h"
#include "analysis/text_analyzer.h"
#include "analysis_version.h"
#include "index/passage_splitter.h"
#include "index/term_schema.h"
#include "xapian_errors.h"

#include <talash/error.h>
#include <talash/index_writer.h>

#include <xapian.h>

#include <chrono>
#include <optional>
#include <set>
#include <unordered_set>
#include <vector>

namespace talash {

using internal::guard_xapian;
namespace schema = internal::schema;

struct IndexWriter::Impl {
  std::string path;
  IndexOptions options;
  Xapian::WritableDatabase db;
  internal::TextAnalyzer analyzer;
  // (key, term) pairs already written to the synonym table in this session: the table is a set,
  // and re-adding a pair for every occurrence of a word would dominate indexing time.
  std::unordered_set<std::string> keys_written;

  void add_passage(const Document& doc, std::string_view text, internal::ByteRange range,
                   std::size_t ordinal);
  // Writes a one-word registry entry to the synonym table, once per session.
  void note(const std::string& entry) {
    if (keys_written.insert(entry).second) {
      db.add_synonym(entry, "1");
    }
  }
};

IndexWriter::IndexWriter(const std::string& db_path, const IndexOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = db_path;
  impl_->options = options;
  const std::string context = "opening the index at " + db_path + " for writing";
  guard_xapian(context, [&] {
    const int flags = options.rebuild ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN;
    impl_->db = Xapian::WritableDatabase(db_path, flags);
    const std::string built = impl_->db.get_metadata(schema::kMetaAnalysisVersion);
    if (impl_->db.get_doccount() > 0 && built != internal::kAnalysisVersion) {
      throw VersionMismatchError(context + ": it was built by analysis version " +
                                 (built.empty() ? "unknown" : built) + ", this is version " +
                                 internal::kAnalysisVersion +
                                 "; re-index with talash-index --rebuild");
    }
    impl_->db.set_metadata(schema::kMetaAnalysisVersion, internal::kAnalysisVersion);
  });
}

IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

IndexWriter::~IndexWriter() {
  if (!impl_) {
    return;  // moved from
  }
  try {
    commit();
  } catch (...) {  // NOLINT(bugprone-empty-catch): documented; callers who care call commit()
  }
}

void IndexWriter::Impl::add_passage(const Document& doc, std::string_view text,
                                    internal::ByteRange range, std::size_t ordinal) {
  const std::string_view passage = text.substr(range.start, range.end - range.start);
  const std::string lang = doc.lang.empty() ? internal::detect_language(passage) : doc.lang;
  Xapian::Document xdoc;
  xdoc.set_data(std::string(passage));
  xdoc.add_value(schema::kSlotPath, doc.path);
  xdoc.add_value(schema::kSlotOrdinal, Xapian::sortable_serialise(static_cast<double>(ordinal)));
  xdoc.add_value(schema::kSlotStart, Xapian::sortable_serialise(static_cast<double>(range.start)));
  xdoc.add_value(schema::kSlotEnd, Xapian::sortable_serialise(static_cast<double>(range.end)));
  xdoc.add_value(schema::kSlotLang, lang);
  xdoc.add_boolean_term(schema::file_term(doc.path));
  xdoc.add_boolean_term(schema::source_term(doc.source.empty() ? doc.path : doc.source));
  if (!lang.empty()) {
    xdoc.add_boolean_term(std::string(schema::kLangPrefix) + lang);
  }
  auto fits = [](const std::string& t) { return t.size() <= schema::kMaxTermBytes; };
  for (const internal::Word& w : analyzer.analyze(passage, lang)) {
    if (!fits(w.term)) {
      continue;
    }
    xdoc.add_posting(w.term, w.position);
    for (const std::string& part : w.parts) {
      if (fits(part)) {
        xdoc.add_posting(std::string(schema::kPartPrefix) + part, w.position);
      }
    }
    if (!w.join_next.empty() && fits(w.join_next)) {
      xdoc.add_posting(w.join_next, w.position);
    }
    if (!w.stem.empty() && fits(w.stem)) {
      xdoc.add_term(std::string(schema::kStemPrefix) + w.stem);
    }
    // Lower-case Latin words never enter the key table: English "inner" must not answer a query
    // for انور. A capitalized one does, and the capitalization registry lets the searcher drop
    // "Heart" (seen in lower case, never capitalized inside a sentence) while keeping "Enver".
    if (w.script == internal::Script::kLatin) {
      if (w.proper) {
        note(schema::proper_entry(w.term));
      } else if (!w.capitalized) {
        note(schema::lowercase_entry(w.term));
      }
    }
    if (w.script == internal::Script::kArabic || w.capitalized) {
      for (const std::string& key : w.keys) {
        std::string pair = key + '\0' + w.spelling;
        if (keys_written.insert(std::move(pair)).second) {
          db.add_synonym(schema::key_entry(key), w.spelling);
        }
      }
    }
  }
  db.add_document(xdoc);
}

AddResult IndexWriter::add(const Document& doc) {
  if (doc.path.empty()) {
    throw UsageError("cannot index a document without a path");
  }
  std::string_view text = doc.text;
  std::size_t skipped = 0;
  if (text.starts_with("\xEF\xBB\xBF")) {
    skipped = 3;
  }
  return guard_xapian("indexing " + doc.path + " into " + impl_->path, [&] {
    // One transaction per document: its old passages go and its new ones come together, so a
    // reader or a crash never sees half of it. Unflushed: it becomes durable with the next commit.
    impl_->db.begin_transaction(false);
    try {
      impl_->db.delete_document(schema::file_term(doc.path));
      AddResult result;
      const auto ranges =
          internal::split_passages(text.substr(skipped), impl_->options.passage_chars);
      for (std::size_t i = 0; i < ranges.size(); ++i) {
        internal::ByteRange r{ranges[i].start + skipped, ranges[i].end + skipped};
        impl_->add_passage(doc, text, r, i + 1);
        ++result.passages;
      }
      impl_->db.commit_transaction();
      return result;
    } catch (...) {
      impl_->db.cancel_transaction();
      throw;
    }
  });
}

bool IndexWriter::remove(std::string_view path) {
  return guard_xapian("removing " + std::string(path) + " from " + impl_->path, [&] {
    const std::string term = schema::file_term(path);
    if (impl_->db.get_termfreq(term) == 0) {
      return false;
    }
    impl_->db.delete_document(term);
    return true;
  });
}

std::size_t IndexWriter::remove_source(std::string_view source) {
  return guard_xapian("removing " + std::string(source) + " from " + impl_->path, [&] {
    const std::string term = schema::source_term(source);
    const std::size_t n = impl_->db.get_termfreq(term);
    impl_->db.begin_transaction(false);
    impl_->db.delete_document(term);
    impl_->db.set_metadata(schema::stamp_key(source), "");
    impl_->db.commit_transaction();
    return n;
  });
}

std::vector<std::string> IndexWriter::documents_of(std::string_view source) {
  return guard_xapian("reading the index at " + impl_->path, [&] {
    std::set<std::string> paths;
    const std::string term = schema::source_term(source);
    for (auto it = impl_->db.postlist_begin(term); it != impl_->db.postlist_end(term); ++it) {
      paths.insert(impl_->db.get_document(*it).get_value(schema::kSlotPath));
    }
    return std::vector<std::string>(paths.begin(), paths.end());
  });
}

namespace {

// A stamp is stored as its fields separated by NUL: source, root, size, mtime, hash.
std::string encode(const SourceStamp& s) {
  std::string out = s.source;
  for (const std::string& f :
       {s.root, std::to_string(s.size), std::to_string(s.mtime_ns), std::to_string(s.hash)}) {
    out.push_back('\0');
    out += f;
  }
  return out;
}

std::optional<SourceStamp> decode(const std::string& v) {
  std::vector<std::string> f;
  std::size_t from = 0;
  for (std::size_t at = v.find('\0'); at != std::string::npos; at = v.find('\0', from)) {
    f.push_back(v.substr(from, at - from));
    from = at + 1;
  }
  f.push_back(v.substr(from));
  if (f.size() != 5) {
    return std::nullopt;
  }
  try {
    return SourceStamp{f[0], f[1], std::stoull(f[2]), std::stoll(f[3]), std::stoull(f[4])};
  } catch (const std::exception&) {
    return std::nullopt;  // written by something else: treated as unknown, so re-indexed
  }
}

}  // namespace

std::optional<SourceStamp> IndexWriter::stamp(std::string_view source) {
  return guard_xapian("reading the index at " + impl_->path,
                      [&] { return decode(impl_->db.get_metadata(schema::stamp_key(source))); });
}

void IndexWriter::set_stamp(const SourceStamp& stamp) {
  guard_xapian("writing the index at " + impl_->path,
               [&] { impl_->db.set_metadata(schema::stamp_key(stamp.source), encode(stamp)); });
}

std::vector<SourceStamp> IndexWriter::stamps() {
  return guard_xapian("reading the index at " + impl_->path, [&] {
    std::vector<SourceStamp> out;
    const std::string prefix(schema::kStampPrefix);
    for (auto it = impl_->db.metadata_keys_begin(prefix); it != impl_->db.metadata_keys_end(prefix);
         ++it) {
      if (auto s = decode(impl_->db.get_metadata(*it))) {
        out.push_back(std::move(*s));
      }
    }
    return out;
  });
}

void IndexWriter::commit() {
  guard_xapian("committing the index at " + impl_->path, [&] {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    impl_->db.set_metadata(
        schema::kMetaCommitted,
        std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now).count()));
    impl_->db.commit();
  });
}

}  // namespace talash
