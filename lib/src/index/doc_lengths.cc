#include "index/doc_lengths.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace talash::internal {
namespace {

constexpr unsigned kChunkBits = 16;
constexpr Xapian::docid kChunkSize = Xapian::docid{1} << kChunkBits;
// Stored for an id with no document, and for a length too large for two bytes: ask Xapian.
constexpr std::uint16_t kUnknown = 0xFFFF;

constexpr const char* kChunkPrefix = "talash.doclen.";
constexpr const char* kUptoKey = "talash.doclen_upto";

std::string chunk_key(Xapian::docid chunk) { return kChunkPrefix + std::to_string(chunk); }

std::string encode(const std::vector<std::uint16_t>& lengths) {
  std::string out(2 * lengths.size(), '\0');
  for (std::size_t i = 0; i < lengths.size(); ++i) {
    out[2 * i] = static_cast<char>(lengths[i] & 0xFF);
    out[2 * i + 1] = static_cast<char>(lengths[i] >> 8);
  }
  return out;
}

}  // namespace

void write_doc_lengths(Xapian::WritableDatabase& db, bool rebuild) {
  if (rebuild) {
    std::vector<std::string> stale;
    for (auto k = db.metadata_keys_begin(kChunkPrefix); k != db.metadata_keys_end(kChunkPrefix);
         ++k) {
      stale.push_back(*k);
    }
    for (const std::string& key : stale) {
      db.set_metadata(key, "");
    }
    db.set_metadata(kUptoKey, "");
  }
  const Xapian::docid last = db.get_lastdocid();
  const std::string upto_value = db.get_metadata(kUptoKey);
  Xapian::docid upto = 0;
  // Unreadable (written by something else): rewritten from the start.
  std::from_chars(upto_value.data(), upto_value.data() + upto_value.size(), upto);
  if (last <= upto) {
    return;
  }
  // The chunk holding the first new id is rewritten whole; the ones before it are complete. (An
  // id removed since keeps its length there: harmless, as no query matches it again.)
  Xapian::docid chunk = (upto + 1) >> kChunkBits;
  std::vector<std::uint16_t> lengths;
  auto it = db.postlist_begin("");
  it.skip_to(std::max<Xapian::docid>(1, chunk << kChunkBits));
  for (; it != db.postlist_end(""); ++it) {
    const Xapian::docid did = *it;
    while ((did >> kChunkBits) != chunk) {
      db.set_metadata(chunk_key(chunk), encode(lengths));
      lengths.clear();
      ++chunk;
    }
    const std::size_t slot = did & (kChunkSize - 1);
    if (lengths.size() <= slot) {
      lengths.resize(slot + 1, kUnknown);
    }
    const Xapian::termcount len = it.get_doclength();
    lengths[slot] = len < kUnknown ? static_cast<std::uint16_t>(len) : kUnknown;
  }
  db.set_metadata(chunk_key(chunk), encode(lengths));
  db.set_metadata(kUptoKey, std::to_string(last));
}

Xapian::termcount DocLengths::get(Xapian::docid did) const {
  const Xapian::docid chunk = did >> kChunkBits;
  if (chunk >= chunks_.size()) {
    chunks_.resize(chunk + 1);
  }
  auto& loaded = chunks_[chunk];
  if (!loaded) {
    // Read in place, not decoded into an array first: a one-shot query touches each chunk for a
    // few passages, and decoding 65,536 lengths it never reads cost more than the rest of its
    // ranking.
    loaded = std::make_unique<std::string>(db_.get_metadata(chunk_key(chunk)));
  }
  const std::size_t at = 2 * static_cast<std::size_t>(did & (kChunkSize - 1));
  if (at + 1 < loaded->size()) {
    const auto len = static_cast<std::uint16_t>(static_cast<unsigned char>((*loaded)[at]) |
                                                static_cast<unsigned char>((*loaded)[at + 1]) << 8);
    if (len != kUnknown) {
      return len;
    }
  }
  return db_.get_doclength(did);
}

}  // namespace talash::internal
