#include "index/document_builder.h"

#include "analysis/script.h"
#include "index/passage_record.h"
#include "index/passage_splitter.h"
#include "index/position_codec.h"
#include "index/term_schema.h"

#include <set>
#include <unordered_map>

namespace talash::internal {
namespace {

bool fits(const std::string& t) { return t.size() <= schema::kMaxTermBytes; }

}  // namespace

std::vector<ByteRange> passage_ranges(std::string_view text, std::size_t passage_chars) {
  const std::size_t skipped = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // UTF-8 byte order mark
  std::vector<ByteRange> ranges = split_passages(text.substr(skipped), passage_chars);
  for (ByteRange& r : ranges) {
    r.start += skipped;
    r.end += skipped;
  }
  return ranges;
}

PreparedDocument build_document(const Document& doc, const std::vector<ByteRange>& ranges,
                                const TextAnalyzer& analyzer,
                                std::unordered_set<std::string>* registered) {
  PreparedDocument out;
  out.path = doc.path;
  const std::string_view text = doc.text;
  std::set<std::pair<std::string, std::string>> synonyms;
  std::vector<TermPositions> positions;
  std::unordered_map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    const std::size_t start = ranges[i].start;
    const std::size_t end = ranges[i].end;
    const std::string_view passage = text.substr(start, end - start);
    const std::string lang = doc.lang.empty() ? detect_language(passage) : doc.lang;
    Xapian::Document xdoc;
    out.records.push_back(
        encode_passage({doc.path, i + 1, start, end, lang, std::string(passage)}));
    xdoc.add_value(schema::kSlotPath, schema::path_key(doc.path));
    xdoc.add_boolean_term(schema::file_term(doc.path));
    // A document that is its own source is found by its file term (schema::source_terms).
    if (!doc.source.empty() && doc.source != doc.path) {
      xdoc.add_boolean_term(schema::source_term(doc.source));
    }
    if (!lang.empty()) {
      xdoc.add_boolean_term(std::string(schema::kLangPrefix) + lang);
    }
    positions.clear();
    const auto at = [&](const std::string& term, std::uint32_t position) {
      xdoc.add_term(term);
      const auto [it, added] = index_of.try_emplace(term, positions.size());
      if (added) {
        positions.push_back({term, {}});
      }
      positions[it->second].second.push_back(position);
    };
    index_of.clear();
    for (const Word& w : analyzer.analyze(passage, lang)) {
      if (!fits(w.term)) {
        continue;
      }
      at(w.term, w.position);
      for (const std::string& part : w.parts) {
        if (fits(part)) {
          at(std::string(schema::kPartPrefix) + part, w.position);
        }
      }
      if (!w.join_next.empty() && fits(w.join_next)) {
        at(w.join_next, w.position);
      }
      if (!w.stem.empty() && fits(w.stem)) {
        xdoc.add_term(std::string(schema::kStemPrefix) + w.stem);
      }
      // Lower-case Latin words never enter the key table: English "inner" must not answer a
      // query for انور. A capitalized one does, and the capitalization counts let the searcher
      // drop "Heart" (mostly lower case) but keep "Enver" and "God".
      if (w.script == Script::kLatin) {
        if (w.proper) {
          ++out.case_counts[w.term].first;
        } else if (!w.capitalized) {
          ++out.case_counts[w.term].second;
        }
      }
      if ((w.script == Script::kArabic || w.capitalized) && !w.keys.empty() &&
          (registered == nullptr || registered->insert(w.spelling).second)) {
        for (const std::string& key : w.keys) {
          synonyms.emplace(schema::key_entry(key), w.spelling);
        }
      }
    }
    EncodedPositions encoded = encode_positions(positions);
    for (const TermPositions* spilled : encoded.spilled) {
      for (const std::uint32_t p : spilled->second) {
        xdoc.add_posting(spilled->first, p, 0);  // its wdf is counted already
      }
    }
    if (!encoded.value.empty()) {
      xdoc.add_value(schema::kSlotPositions, encoded.value);
    }
    out.passages.push_back(std::move(xdoc));
  }
  out.synonyms.assign(synonyms.begin(), synonyms.end());
  return out;
}

void pack_records(PreparedDocument& doc, const RecordPacker& packer) {
  for (std::size_t i = 0; i < doc.passages.size(); ++i) {
    doc.passages[i].add_value(schema::kSlotRecord, packer.pack(doc.records[i]));
  }
}

}  // namespace talash::internal
