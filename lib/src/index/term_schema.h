// The layout of a Talash database: term prefixes, value slots, metadata keys. The single source of
// truth shared by the writer and the searcher.
//
// Per passage (one Xapian document):
//   data            none: the record is a value (below), where Xapian does not try zlib on it
//   terms           main terms (no prefix) with positions; joins across a space (می روم -> میروم)
//                   at the first word's position, also unprefixed; ZWNJ parts under XP with
//                   positions; stems under Z without positions; boolean XF<hash of path>,
//                   XL<lang>, and XS<source> when the passage came from another file than <path>
//   positions       of the terms with positions, in the positions value (position_codec.h);
//                   only a term whose fingerprint another term of the passage shares has its
//                   positions in Xapian's position table
//   values          the hash of the path (path_key), for the per-file cap; the positions; the
//                   record: a PassageRecord (passage_record.h) with path, ordinal, byte range,
//                   language and the passage's text, verbatim, packed by record_codec.h.
//                   The path itself is only in the record: in a term and a value besides, it
//                   took 4% of the benchmark's index. A 64-bit hash may in principle be shared by
//                   two paths, so what acts on one file (replacing or removing it, or reading
//                   the passages around one) checks the path in the records. A file's passages
//                   have consecutive document ids, as one writer adds them together.
// Per database:
//   synonym table   "K:<key>" -> the folded spelling (ZWNJ kept) of every word with that
//                   transliteration key; its main term is the spelling without ZWNJ (the
//                   vocabulary that transliteration draws its candidates from)
//   metadata        analysis version, time of the last commit; "S:<source>" -> the source's
//                   stamp (root, size, mtime, content hash) for incremental updates;
//                   "C:<term>" -> "P L" for a Latin word: how often it was seen capitalized
//                   inside a sentence (P) and in lower case (L). It counts as a name (a
//                   transliteration candidate) when P >= L: Herat and God are names, heart is not.
//                   Counts only grow (a removed document's words are not taken back).
//                   "talash.doclen.<n>" -> the lengths of documents n * 65536 onwards, and
//                   "talash.doclen_upto" -> the last id they cover (see doc_lengths.h).
//                   "talash.dictionary.<id>" -> a zstd dictionary of passage records
//                   (record_codec.h); the one with the highest id is the newest.
#ifndef TALASH_INDEX_TERM_SCHEMA_H_
#define TALASH_INDEX_TERM_SCHEMA_H_

#include <xapian.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace talash::internal::schema {

inline constexpr std::string_view kPartPrefix = "XP";
inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kFilePrefix = "XF";
inline constexpr std::string_view kLangPrefix = "XL";
inline constexpr std::string_view kSourcePrefix = "XS";

inline constexpr Xapian::valueno kSlotPath = 0;
// Slot 1 held the passage's ordinal until analysis version 12; it is in the record now.
inline constexpr Xapian::valueno kSlotPositions = 2;
inline constexpr Xapian::valueno kSlotRecord = 3;

// Whether `term` is indexed with positions: main terms and ZWNJ parts.
inline bool is_positional(std::string_view term) {
  return !term.empty() && term.front() != 'Z' && (term.front() != 'X' || term.starts_with("XP"));
}

inline constexpr const char* kMetaAnalysisVersion = "talash.analysis_version";
inline constexpr const char* kMetaCommitted = "talash.committed";

// The value of kMetaCommitted: seconds since the epoch, in decimal. decode_committed() returns
// nothing for anything else (a damaged index).
std::string encode_committed(std::int64_t seconds);
std::optional<std::int64_t> decode_committed(std::string_view value);

// Xapian rejects terms over 245 bytes; longer words are not indexed (nor searched).
inline constexpr std::size_t kMaxTermBytes = 240;

// FNV-1a of `s`: the same on every machine and with every standard library, for hashes that are
// stored (std::hash is neither).
std::uint64_t stable_hash(std::string_view s);

// The boolean term naming a document path: XF and the path's stable_hash, 8 bytes.
std::string file_term(std::string_view path);

// The value naming a document path (kSlotPath): its stable_hash, 8 bytes.
std::string path_key(std::string_view path);

// The boolean term naming the source file of a document that came from another file (a JSONL
// dump); a document that is its own source has only its file term.
std::string source_term(std::string_view source);

// The terms of every document that came from `source`: its source term, and the file term of a
// document that is `source` itself.
std::array<std::string, 2> source_terms(std::string_view source);

// The metadata key of the record dictionary with id `id`, and what all those keys start with.
std::string dictionary_key(std::uint32_t id);
inline constexpr std::string_view kDictionaryPrefix = "talash.dictionary.";

// The metadata key of a source's stamp.
std::string stamp_key(std::string_view source);
inline constexpr std::string_view kStampPrefix = "S:";

// The synonym-table entry under which words with transliteration key `key` are listed.
std::string key_entry(std::string_view key);

// The metadata key of a Latin word's capitalization counts (see above), and the counts' value.
std::string case_key(std::string_view term);
struct CaseCounts {
  std::uint64_t proper = 0;
  std::uint64_t lower = 0;
};
std::string encode_case_counts(CaseCounts c);
// nullopt when the word has no counts (never seen in lower case nor capitalized mid-sentence).
std::optional<CaseCounts> decode_case_counts(const std::string& value);

// Throws VersionMismatchError (with `context` and a request to re-index) if `db` holds passages
// built by another analysis version.
void require_analysis_version(const Xapian::Database& db, const std::string& context);

}  // namespace talash::internal::schema

#endif  // TALASH_INDEX_TERM_SCHEMA_H_
