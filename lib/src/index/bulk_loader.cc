#include "index/bulk_loader.h"

#include "fault_point.h"
#include "index/passage_record.h"
#include "index/term_schema.h"

#include <talash/error.h>

#include <xapian.h>

#include <filesystem>
#include <map>
#include <set>

namespace talash::internal {

namespace {

std::string block_path(const std::string& dir, std::size_t number) {
  return dir + "/" + std::to_string(number);
}

}  // namespace

BulkLoader::BulkLoader(std::string dir, std::size_t threads, std::uint32_t first_dictionary)
    : dir_(std::move(dir)),
      first_dictionary_(first_dictionary),
      capacity_(std::max<std::size_t>(threads, 1)) {
  std::error_code ec;
  if (!std::filesystem::create_directory(dir_, ec)) {
    throw DatabaseError("creating " + dir_ + ": " + (ec ? ec.message() : "it exists already"));
  }
  for (std::size_t i = 0; i < capacity_; ++i) {
    workers_.emplace_back([this] { work(); });
  }
}

BulkLoader::~BulkLoader() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  for (std::thread& t : workers_) {
    t.join();
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

void BulkLoader::rethrow_failure() {
  if (failure_) {
    std::rethrow_exception(failure_);
  }
}

void BulkLoader::add(Document doc, std::vector<ByteRange> ranges) {
  current_bytes_ += doc.text.size();
  current_.jobs.push_back({std::move(doc), std::move(ranges)});
  if (current_bytes_ >= kBlockBytes) {
    submit_current();
  }
}

void BulkLoader::submit_current() {
  current_.number = blocks_++;
  std::unique_lock<std::mutex> lock(mutex_);
  // A block waiting for each worker keeps them all busy; more would only hold memory.
  changed_.wait(lock, [this] { return failure_ || queue_.size() < capacity_; });
  rethrow_failure();
  queue_.push_back(std::move(current_));
  lock.unlock();
  changed_.notify_all();
  current_ = Block{};
  current_bytes_ = 0;
}

BulkLoader::Result BulkLoader::finish() {
  if (!current_.jobs.empty()) {
    submit_current();
  }
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
  }
  changed_.notify_all();
  for (std::thread& t : workers_) {
    t.join();
  }
  workers_.clear();
  rethrow_failure();
  Result result;
  for (std::size_t i = 0; i < blocks_; ++i) {
    result.blocks.push_back(block_path(dir_, i));
  }
  result.case_counts = std::move(case_counts_);
  return result;
}

void BulkLoader::work() {
  const TextAnalyzer analyzer;
  CaseTally counts;
  // The spellings whose synonym entries this worker's earlier blocks hold: the merge takes the
  // union of the blocks' tables, so one block having them is enough.
  std::unordered_set<std::string> registered;
  for (;;) {
    Block block;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [this] { return closing_ || failure_ || !queue_.empty(); });
      if (queue_.empty() || failure_) {
        break;
      }
      block = std::move(queue_.front());
      queue_.pop_front();
    }
    changed_.notify_all();
    try {
      write_block(block, analyzer, counts, registered);
    } catch (...) {
      const std::lock_guard<std::mutex> lock(mutex_);
      if (!failure_) {
        failure_ = std::current_exception();
      }
      changed_.notify_all();
      return;
    }
  }
  const std::lock_guard<std::mutex> lock(mutex_);
  add_case_counts(case_counts_, counts);
}

void BulkLoader::write_block(Block& block, const TextAnalyzer& analyzer, CaseTally& counts,
                             std::unordered_set<std::string>& registered) {
  // A block is private to this run and read once, by the merge, after it is closed: it need not
  // survive a crash (the run is redone), so Xapian may skip the syncs.
  Xapian::WritableDatabase db(block_path(dir_, block.number),
                              Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
  // Xapian merges each add_synonym() into the table's stored entry unless it is for the same
  // entry as the call before: adding them sorted, once per block, makes that one merge per entry.
  std::map<std::string, std::set<std::string>> synonyms;
  // The dictionary is trained on the block's records before they are analysed, so that each
  // document is written as soon as it is built; its language, when detected, is left out.
  std::vector<std::string> records;
  for (const Job& job : block.jobs) {
    for (std::size_t i = 0; i < job.ranges.size(); ++i) {
      const ByteRange& r = job.ranges[i];
      records.push_back(encode_passage({job.doc.path, i + 1, r.start, r.end, job.doc.lang,
                                        job.doc.text.substr(r.start, r.end - r.start)}));
    }
  }
  const auto id = first_dictionary_ + static_cast<std::uint32_t>(block.number);
  const std::optional<RecordDictionary> dictionary = train_record_dictionary(records, id);
  records = {};
  const RecordPacker packer = dictionary ? RecordPacker(*dictionary) : RecordPacker();
  if (dictionary) {
    db.set_metadata(schema::dictionary_key(id), dictionary->bytes);
  }
  for (Job& job : block.jobs) {
    PreparedDocument prepared = build_document(job.doc, job.ranges, analyzer, &registered);
    job = Job{};  // the text is in the passages now
    pack_records(prepared, packer);
    for (const Xapian::Document& passage : prepared.passages) {
      db.add_document(passage);
    }
    for (auto& [entry, value] : prepared.synonyms) {
      synonyms[entry].insert(std::move(value));
    }
    add_case_counts(counts, prepared.case_counts);
  }
  for (const auto& [entry, values] : synonyms) {
    for (const std::string& value : values) {
      db.add_synonym(entry, value);
    }
  }
  db.commit();
  db.close();
  fault_point("bulk-block");
}

}  // namespace talash::internal
