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
#include <unordered_set>

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
    impl_->db.delete_document(schema::file_term(doc.path));
    AddResult result;
    const auto ranges =
        internal::split_passages(text.substr(skipped), impl_->options.passage_chars);
    for (std::size_t i = 0; i < ranges.size(); ++i) {
      internal::ByteRange r{ranges[i].start + skipped, ranges[i].end + skipped};
      impl_->add_passage(doc, text, r, i + 1);
      ++result.passages;
    }
    return result;
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
