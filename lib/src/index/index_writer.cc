// Implements talash::IndexWriter over a Xapian::WritableDatabase. Documents are analysed by a pool
// of worker threads and written by the calling thread, in the order they were added, through a
// bounded queue: analysis uses the other cores while Xapian, which allows one writer, writes.
// A fresh index (empty, or rebuilt) is built faster by a BulkLoader instead, whose workers both
// analyse and write, into databases of their own that the first commit merges.
#include "analysis_version.h"
#include "fault_point.h"
#include "index/analysis_pool.h"
#include "index/bulk_loader.h"
#include "index/doc_lengths.h"
#include "index/document_builder.h"
#include "index/index_layout.h"
#include "index/record_codec.h"
#include "index/record_reader.h"
#include "index/stamp_codec.h"
#include "index/term_schema.h"
#include "xapian_errors.h"

#include <talash/error.h>
#include <talash/index_writer.h>

#include <xapian.h>

#include <charconv>
#include <chrono>
#include <deque>
#include <filesystem>
#include <future>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace talash {

using internal::guard_xapian;
namespace schema = internal::schema;

namespace {

// Documents in flight per worker: enough to keep the workers busy, few enough to bound memory.
constexpr std::size_t kInFlightPerWorker = 4;

// Text added to a fresh index before it switches to a bulk build: below this, starting the
// workers and merging their blocks costs more than it saves.
constexpr std::size_t kBulkAfterBytes = std::size_t{1} << 20;

// Xapian's B-tree block size for the indexes we create and merge (its default is 8 KB). A query
// reads most blocks for a few bytes in them (a passage's positions or record), and every read
// copies the whole block from the page cache: half the block, half the copy. Measured on the
// benchmark: the median query 3 to 7% faster, the index no larger. Below 4 KB the trees deepen
// and queries slow down again.
constexpr unsigned kBlockSize = 4096;

// The merge of a bulk build reports each table it has written: a kill point between tables.
class MergeProgress : public Xapian::Compactor {
 public:
  void set_status(const std::string& /*table*/, const std::string& status) override {
    if (status.empty()) {  // empty while a table is under way; its summary when it is done
      return;
    }
    internal::fault_point("bulk-merge");
  }
};

// Records the time of the commit about to be made.
void set_committed_now(Xapian::WritableDatabase& db) {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  db.set_metadata(
      schema::kMetaCommitted,
      schema::encode_committed(std::chrono::duration_cast<std::chrono::seconds>(now).count()));
}

// The newest record dictionary of `db` (the one with the highest id), if it has any. Keys sort
// as text (10 before 9), so the ids are compared first and one dictionary is read.
std::optional<internal::RecordDictionary> newest_dictionary(const Xapian::Database& db) {
  const std::string prefix(schema::kDictionaryPrefix);
  std::optional<std::uint32_t> newest;
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    const std::string key = *it;
    std::uint32_t id = 0;
    const char* digits = key.data() + prefix.size();
    const auto [end, ec] = std::from_chars(digits, key.data() + key.size(), id);
    if (ec == std::errc() && end == key.data() + key.size() && id > newest.value_or(0)) {
      newest = id;
    }
  }
  if (!newest) {
    return std::nullopt;
  }
  return internal::RecordDictionary{*newest, db.get_metadata(schema::dictionary_key(*newest))};
}

}  // namespace

struct IndexWriter::Impl {
  std::string path;
  IndexOptions options;
  // Held from before the database is opened until the writer is gone: generations come and go
  // under it (index_layout.h).
  std::optional<internal::WriterLock> lock;
  // The generation written to (0: a flat index, written in place), its directory, and whether
  // readers see it yet: a rebuild writes a generation of its own, published at its first commit.
  unsigned generation = 0;
  std::string generation_dir;
  bool unpublished = false;
  void open(const std::string& context);
  Xapian::WritableDatabase db;
  // Entries already written to the synonym table in this session: the table is a set, and
  // re-adding a pair for every occurrence of a word would dominate indexing time.
  std::unordered_set<std::string> synonyms_written;
  // Capitalization counts of Latin words gathered since the last commit (see term_schema.h).
  internal::CaseTally case_counts;

  // Records are packed with the newest dictionary, trained on records written before; the
  // records written since are gathered until they are enough to train the next one.
  std::shared_ptr<const internal::RecordPacker> packer;
  std::uint32_t next_dictionary = 1;
  std::vector<std::string> samples;
  std::size_t sample_bytes = 0;
  void use_newest_dictionary();
  void learn(std::vector<std::string>&& records);
  internal::RecordReader records{db};

  // Deletes the passages of `path` (those under its file term whose record names it: another
  // path may share the term's hash); returns how many.
  std::size_t delete_file(std::string_view path);

  void write_case_counts();
  // Used when options.threads == 1: analysis on the calling thread.
  std::optional<internal::TextAnalyzer> analyzer;
  std::optional<internal::AnalysisPool> pool;
  std::size_t workers = 0;
  // Work not yet written, in the order it was added: a document being analysed, or a stamp.
  struct Pending {
    std::future<internal::PreparedDocument> document;
    std::optional<SourceStamp> stamp;
  };
  std::deque<Pending> pending;
  std::set<std::string> pending_stamps;

  // A fresh index is built in bulk once kBulkAfterBytes of text have been added (a smaller
  // corpus gains nothing from it), until anything but add() and the stamps needs the documents.
  // bulk_paths: the paths added so far, since adding one again must replace it, which the bulk
  // loader cannot do. bulk_stamps: stamps of sources whose documents are in the loader's
  // blocks, held back until the merge, so that no commit records a source as indexed before
  // its documents are in the index.
  bool bulk_eligible = false;
  std::size_t bulk_bytes = 0;
  std::unique_ptr<internal::BulkLoader> bulk;
  std::unordered_set<std::string> bulk_paths;
  std::map<std::string, SourceStamp, std::less<>> bulk_stamps;
  std::size_t bulk_threads = 0;
  std::string bulk_dir() const { return path + "/talash-bulk"; }
  void finish_bulk();

  // Set when a write failed: the database's state since its last commit is unknown, so nothing
  // more is written and, above all, nothing is committed (not even by Xapian's destructor).
  bool failed = false;
  // Set by rollback(): the writer is closed, by its user's choice.
  bool rolled_back = false;

  // guard_xapian, and on a database error, abandon().
  template <typename F>
  auto guard(const std::string& context, F&& f) -> decltype(f()) {
    if (rolled_back) {
      throw UsageError(context + ": the writer was rolled back; open a new one to write again");
    }
    if (failed) {
      throw DatabaseError(context + ": an earlier write to the index failed; it keeps what its " +
                          "last commit holds");
    }
    try {
      return guard_xapian(context, std::forward<F>(f));
    } catch (const DatabaseError&) {
      abandon();
      throw;
    }
  }

  void abandon() {
    failed = true;
    pending.clear();
    bulk.reset();
    // Closing a WritableDatabase commits, unless a transaction is open, which it aborts instead.
    try {
      db.begin_transaction(false);
    } catch (const Xapian::Error&) {  // NOLINT(bugprone-empty-catch): one is open already
    }
    try {
      db.close();
    } catch (const Xapian::Error&) {  // NOLINT(bugprone-empty-catch): closing is all that is left
    }
  }

  void write(internal::PreparedDocument&& doc);
  void write_front();
  // Ends bulk loading (merging what it holds) and writes everything pending, so that reads and
  // removals see it.
  void drain() {
    bulk_eligible = false;
    bulk_paths.clear();
    if (bulk) {
      finish_bulk();
    }
    write_pending();
  }
  void write_pending() {
    while (!pending.empty()) {
      write_front();
    }
  }
};

void IndexWriter::Impl::write(internal::PreparedDocument&& doc) {
  // One transaction per document: its old passages go and its new ones come together, so a
  // reader or a crash never sees half of it. Unflushed: it becomes durable with the next commit.
  db.begin_transaction(false);
  try {
    delete_file(doc.path);
    for (const Xapian::Document& passage : doc.passages) {
      db.add_document(passage);
    }
    db.commit_transaction();
  } catch (...) {
    db.cancel_transaction();
    throw;
  }
  internal::fault_point("document");
  learn(std::move(doc.records));
  internal::add_case_counts(case_counts, doc.case_counts);
  for (const auto& [entry, value] : doc.synonyms) {
    std::string key = entry;
    key.push_back('\0');
    key += value;
    if (synonyms_written.insert(std::move(key)).second) {
      db.add_synonym(entry, value);
    }
  }
}

std::size_t IndexWriter::Impl::delete_file(std::string_view path) {
  const std::string term = schema::file_term(path);
  std::vector<Xapian::docid> passages;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    const auto record = records.read(db.get_document(*it));
    // An unreadable record is taken to be the file's, as its term says: keeping it would leave
    // a passage behind that nothing can show or remove.
    if (!record || record->path == path) {
      passages.push_back(*it);
    }
  }
  for (const Xapian::docid id : passages) {
    db.delete_document(id);
  }
  return passages.size();
}

void IndexWriter::Impl::use_newest_dictionary() {
  std::optional<internal::RecordDictionary> newest = newest_dictionary(db);
  next_dictionary = newest ? newest->id + 1 : 1;
  packer = newest ? std::make_shared<const internal::RecordPacker>(*newest)
                  : std::make_shared<const internal::RecordPacker>();
}

void IndexWriter::Impl::learn(std::vector<std::string>&& records) {
  for (std::string& r : records) {
    sample_bytes += r.size();
    samples.push_back(std::move(r));
  }
  if (sample_bytes < internal::kDictionarySampleBytes) {
    return;
  }
  if (const auto dictionary = internal::train_record_dictionary(samples, next_dictionary)) {
    // It goes in with the records packed with it, at the next commit.
    db.set_metadata(schema::dictionary_key(dictionary->id), dictionary->bytes);
    packer = std::make_shared<const internal::RecordPacker>(*dictionary);
    ++next_dictionary;
  }
  samples.clear();
  sample_bytes = 0;
}

void IndexWriter::Impl::write_case_counts() {
  for (const auto& [term, counts] : case_counts) {
    const std::string key = schema::case_key(term);
    std::uint64_t proper = counts.first;
    std::uint64_t lower = counts.second;
    if (const auto old = schema::decode_case_counts(db.get_metadata(key))) {
      proper += old->proper;
      lower += old->lower;
    }
    db.set_metadata(key, schema::encode_case_counts({proper, lower}));
  }
  case_counts.clear();
}

void IndexWriter::Impl::finish_bulk() {
  internal::BulkLoader::Result blocks = bulk->finish();
  internal::add_case_counts(case_counts, blocks.case_counts);
  write_case_counts();
  db.commit();
  // The merge makes a new generation: the documents written so far (and the metadata: stamps,
  // counts, version) come first and the blocks follow in order, so that document ids come out as
  // one writer would have numbered them. Readers see the old generation until it is published
  // whole, with everything a commit holds.
  const unsigned merged = internal::next_generation(path);
  const std::string merged_dir = internal::generation_dir(path, merged);
  {
    Xapian::Database all(generation_dir);
    for (const std::string& block : blocks.blocks) {
      all.add_database(Xapian::Database(block));
    }
    // Blocks packed full: a bulk build's tables are written once and read many times; a later
    // change splits the blocks it needs to.
    MergeProgress progress;
    all.compact(merged_dir, Xapian::Compactor::FULL, kBlockSize, progress);
  }
  Xapian::WritableDatabase next(merged_dir, Xapian::DB_OPEN, kBlockSize);
  internal::write_doc_lengths(next, true);
  for (const auto& [source, stamp] : bulk_stamps) {
    next.set_metadata(schema::stamp_key(source), internal::encode_stamp(stamp));
  }
  set_committed_now(next);
  next.commit();
  internal::fault_point("bulk-merged");
  db.close();
  db = std::move(next);
  generation = merged;
  generation_dir = merged_dir;
  internal::publish_generation(path, merged);
  unpublished = false;
  records.forget();
  use_newest_dictionary();
  bulk.reset();
  bulk_stamps.clear();
}

void IndexWriter::Impl::open(const std::string& context) {
  std::string current;
  unsigned current_number = 0;
  try {
    current = internal::current_generation(path);
    current_number = internal::generation_number(path);
  } catch (const DatabaseCorruptError&) {
    if (!options.rebuild) {
      throw;
    }
    current.clear();  // a damaged stub: the rebuild replaces it
  }
  internal::remove_stale_generations(path, current_number);
  if (!current.empty() && !options.rebuild) {
    generation = current_number;
    generation_dir = current;
    db = Xapian::WritableDatabase(generation_dir, Xapian::DB_OPEN, kBlockSize);
    schema::require_analysis_version(db, context);
  } else {
    // Readers see a rebuild, or a new index, at its first commit: until then the index they had,
    // or none. A bulk build commits before its merge too, but only its own generation.
    generation = internal::next_generation(path);
    generation_dir = internal::generation_dir(path, generation);
    db = Xapian::WritableDatabase(generation_dir, Xapian::DB_CREATE_OR_OVERWRITE, kBlockSize);
    unpublished = true;
  }
  db.set_metadata(schema::kMetaAnalysisVersion, internal::kAnalysisVersion);
  use_newest_dictionary();
}

void IndexWriter::Impl::write_front() {
  Pending p = std::move(pending.front());
  pending.pop_front();
  if (p.stamp) {
    pending_stamps.erase(p.stamp->source);
    db.set_metadata(schema::stamp_key(p.stamp->source), internal::encode_stamp(*p.stamp));
  } else {
    write(p.document.get());
  }
}

void ContentHasher::add(std::string_view bytes) {
  for (const char c : bytes) {
    h_ = (h_ ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
}

IndexWriter::IndexWriter(const std::string& db_path, const IndexOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = db_path;
  impl_->options = options;
  const std::string context = "opening the index at " + db_path + " for writing";
  impl_->lock.emplace(db_path, context);
  guard_xapian(context, [&] { impl_->open(context); });
  const std::size_t threads =
      options.threads > 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  guard_xapian(context, [&] {
    // Left by a run that was cut short: it was never merged, so the index does not know it.
    std::error_code ec;
    std::filesystem::remove_all(impl_->bulk_dir(), ec);
    impl_->bulk_eligible = threads > 1 && impl_->db.get_doccount() == 0;
    impl_->bulk_threads = threads;
  });
  if (threads > 1) {
    // The calling thread writes; the others analyse.
    impl_->workers = threads - 1;
    impl_->pool.emplace(impl_->workers);
  } else {
    impl_->analyzer.emplace();
  }
}

IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

IndexWriter::~IndexWriter() {
  if (!impl_) {
    return;  // moved from
  }
  if (impl_->failed || impl_->rolled_back) {
    return;
  }
  try {
    commit();
  } catch (...) {  // NOLINT(bugprone-empty-catch): documented; callers who care call commit()
  }
}

AddResult IndexWriter::add(Document doc) {
  if (doc.path.empty()) {
    throw UsageError("cannot index a document without a path");
  }
  return impl_->guard("indexing " + doc.path + " into " + impl_->path, [&] {
    auto ranges = internal::passage_ranges(doc.text, impl_->options.passage_chars);
    const AddResult result{ranges.size()};
    if (impl_->bulk_eligible) {
      if (!impl_->bulk_paths.insert(doc.path).second) {
        impl_->drain();
      } else if (!impl_->bulk && (impl_->bulk_bytes += doc.text.size()) >= kBulkAfterBytes) {
        // The documents so far go to the index itself, and come first in the merge.
        impl_->write_pending();
        impl_->bulk = std::make_unique<internal::BulkLoader>(impl_->bulk_dir(), impl_->bulk_threads,
                                                             impl_->next_dictionary);
      }
    }
    if (impl_->bulk) {
      impl_->bulk->add(std::move(doc), std::move(ranges));
      return result;
    }
    if (impl_->analyzer) {
      internal::PreparedDocument prepared = internal::build_document(doc, ranges, *impl_->analyzer);
      internal::pack_records(prepared, *impl_->packer);
      impl_->write(std::move(prepared));
      return result;
    }
    impl_->pending.push_back(
        {impl_->pool->submit([doc = std::move(doc), ranges = std::move(ranges),
                              packer = impl_->packer](const internal::TextAnalyzer& analyzer) {
           internal::PreparedDocument prepared = internal::build_document(doc, ranges, analyzer);
           internal::pack_records(prepared, *packer);
           return prepared;
         }),
         std::nullopt});
    while (impl_->pending.size() > kInFlightPerWorker * impl_->workers) {
      impl_->write_front();
    }
    return result;
  });
}

bool IndexWriter::remove(std::string_view path) {
  return impl_->guard("removing " + std::string(path) + " from " + impl_->path, [&] {
    impl_->drain();
    return impl_->delete_file(path) > 0;
  });
}

std::size_t IndexWriter::remove_source(std::string_view source) {
  return impl_->guard("removing " + std::string(source) + " from " + impl_->path, [&] {
    impl_->drain();
    std::size_t n = 0;
    impl_->db.begin_transaction(false);
    const std::string term = schema::source_term(source);
    n += impl_->db.get_termfreq(term);
    impl_->db.delete_document(term);
    n += impl_->delete_file(source);
    impl_->db.set_metadata(schema::stamp_key(source), "");
    impl_->db.commit_transaction();
    return n;
  });
}

std::vector<std::string> IndexWriter::documents_of(std::string_view source) {
  return impl_->guard("reading the index at " + impl_->path, [&] {
    impl_->drain();
    std::set<std::string> paths;
    const std::array<std::string, 2> terms = schema::source_terms(source);
    for (const std::string& term : terms) {
      for (auto it = impl_->db.postlist_begin(term); it != impl_->db.postlist_end(term); ++it) {
        auto record = impl_->records.read(impl_->db.get_document(*it));
        // Under the file term, only the source itself (another path may share the hash).
        if (record && (term == terms[0] || record->path == source)) {
          paths.insert(std::move(record->path));
        }
      }
    }
    return std::vector<std::string>(paths.begin(), paths.end());
  });
}

std::optional<SourceStamp> IndexWriter::stamp(std::string_view source) {
  return impl_->guard("reading the index at " + impl_->path, [&]() -> std::optional<SourceStamp> {
    if (const auto it = impl_->bulk_stamps.find(source); it != impl_->bulk_stamps.end()) {
      return it->second;
    }
    if (impl_->pending_stamps.count(std::string(source)) != 0) {
      impl_->drain();
    }
    return internal::decode_stamp(impl_->db.get_metadata(schema::stamp_key(source)));
  });
}

void IndexWriter::set_stamp(const SourceStamp& stamp) {
  impl_->guard("writing the index at " + impl_->path, [&] {
    if (impl_->bulk) {
      impl_->bulk_stamps[stamp.source] = stamp;
      return;
    }
    if (impl_->pending.empty()) {
      impl_->db.set_metadata(schema::stamp_key(stamp.source), internal::encode_stamp(stamp));
      return;
    }
    // After the source's documents, which may still be in the queue.
    impl_->pending_stamps.insert(stamp.source);
    impl_->pending.push_back({{}, stamp});
  });
}

std::vector<SourceStamp> IndexWriter::stamps() {
  return impl_->guard("reading the index at " + impl_->path, [&] {
    impl_->drain();
    std::vector<SourceStamp> out;
    const std::string prefix(schema::kStampPrefix);
    for (auto it = impl_->db.metadata_keys_begin(prefix); it != impl_->db.metadata_keys_end(prefix);
         ++it) {
      if (auto s = internal::decode_stamp(impl_->db.get_metadata(*it))) {
        out.push_back(std::move(*s));
      }
    }
    return out;
  });
}

void IndexWriter::rollback() noexcept {
  if (impl_->rolled_back) {
    return;
  }
  impl_->rolled_back = true;
  if (!impl_->failed) {
    impl_->abandon();
  }
  std::error_code ec;
  std::filesystem::remove_all(impl_->bulk_dir(), ec);
  if (impl_->unpublished) {
    // A rebuild or a new index that was never published: readers never saw it.
    std::filesystem::remove_all(impl_->generation_dir, ec);
  }
  impl_->lock.reset();
}

void IndexWriter::commit() {
  impl_->guard("committing the index at " + impl_->path, [&] {
    impl_->drain();
    impl_->write_case_counts();
    internal::write_doc_lengths(impl_->db);
    set_committed_now(impl_->db);
    internal::fault_point("commit");
    impl_->db.commit();
    if (impl_->unpublished) {
      internal::publish_generation(impl_->path, impl_->generation);
      impl_->unpublished = false;
    }
  });
}

}  // namespace talash
