// Turns a document into what the writer stores: one Xapian document per passage, and the entries
// of the key table and the capitalization registry its words call for. Pure: safe to run in any
// thread with that thread's own TextAnalyzer.
#ifndef TALASH_INDEX_DOCUMENT_BUILDER_H_
#define TALASH_INDEX_DOCUMENT_BUILDER_H_

#include "analysis/text_analyzer.h"
#include "index/passage_splitter.h"
#include "index/record_codec.h"

#include <talash/index_writer.h>

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace talash::internal {

// Latin words: (times capitalized inside a sentence, times in lower case).
using CaseTally = std::unordered_map<std::string, std::pair<std::uint64_t, std::uint64_t>>;

// Adds the counts of `from` to those of `into`.
inline void add_case_counts(CaseTally& into, const CaseTally& from) {
  for (const auto& [term, counts] : from) {
    auto& total = into[term];
    total.first += counts.first;
    total.second += counts.second;
  }
}

struct PreparedDocument {
  std::string path;
  // Without their data until pack_records() gives it.
  std::vector<Xapian::Document> passages;
  // Each passage's record (passage_record.h), as it is.
  std::vector<std::string> records;
  // Synonym-table entries (entry, value), deduplicated within the document.
  std::vector<std::pair<std::string, std::string>> synonyms;
  CaseTally case_counts;
};

// The passages of `text` as byte ranges of it (a UTF-8 byte order mark at the start skipped).
std::vector<ByteRange> passage_ranges(std::string_view text, std::size_t passage_chars);

// Builds the passages `ranges` (from passage_ranges) of `doc`. A word's synonym-table entries
// depend only on its spelling: given `registered`, the spellings whose entries were already
// written (to this or to a database merged with it later), a word in it brings none, and a word
// that brings them is added to it.
PreparedDocument build_document(const Document& doc, const std::vector<ByteRange>& ranges,
                                const TextAnalyzer& analyzer,
                                std::unordered_set<std::string>* registered = nullptr);

// Sets each passage's data: its record packed by `packer`.
void pack_records(PreparedDocument& doc, const RecordPacker& packer);

}  // namespace talash::internal

#endif  // TALASH_INDEX_DOCUMENT_BUILDER_H_
