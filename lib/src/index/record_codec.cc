#include "index/record_codec.h"

#include "index/term_schema.h"
#include "index/varint.h"

#include <algorithm>
#include <map>

// For ZSTD_createDDict_byReference, which zstd counts among its advanced functions; Debian's
// libzstd exports it (1.4 and later).
#define ZSTD_STATIC_LINKING_ONLY
#include <zdict.h>
#include <zstd.h>

namespace talash::internal {
namespace {

// Level 3 is zstd's default: on the benchmark's records, 9 keeps 37.9% of them against 39.5%, but
// compresses at a sixth of the speed, which the build would feel.
constexpr int kLevel = 3;

// Training on every record of 2 MB takes 0.2 s; an eighth of them does as well in a fifth of the
// time.
constexpr std::size_t kTrainingBytes = std::size_t{256} << 10;
constexpr std::size_t kBytesPerDictionaryByte = 50;
constexpr std::size_t kMaxDictionaryBytes = std::size_t{112} << 10;
// Below this a dictionary would be a few hundred bytes: not worth its entry.
constexpr std::size_t kMinTrainingBytes = std::size_t{64} << 10;

// No record comes near this; a damaged frame may claim anything.
constexpr std::size_t kMaxRecordBytes = std::size_t{64} << 20;

constexpr char kRaw = 0;
constexpr char kZstd = 1;
constexpr std::uint32_t kMagic = ZSTD_MAGICNUMBER;

struct FreeCCtx {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct FreeCDict {
  void operator()(ZSTD_CDict* d) const { ZSTD_freeCDict(d); }
};
struct FreeDCtx {
  void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};
struct FreeDDict {
  void operator()(ZSTD_DDict* d) const { ZSTD_freeDDict(d); }
};

}  // namespace

std::optional<RecordDictionary> train_record_dictionary(const std::vector<std::string>& records,
                                                        std::uint32_t id) {
  std::size_t total = 0;
  for (const std::string& r : records) {
    total += r.size();
  }
  if (total < kMinTrainingBytes || id == 0) {
    return std::nullopt;
  }
  const std::size_t step = std::max<std::size_t>(1, total / kTrainingBytes);
  std::string samples;
  std::vector<std::size_t> sizes;
  for (std::size_t i = 0; i < records.size(); i += step) {
    samples += records[i];
    sizes.push_back(records[i].size());
  }
  std::string dictionary(std::min(kMaxDictionaryBytes, total / kBytesPerDictionaryByte), '\0');
  const std::size_t n = ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), samples.data(),
                                              sizes.data(), static_cast<unsigned>(sizes.size()));
  if (ZDICT_isError(n) != 0U) {
    return std::nullopt;
  }
  dictionary.resize(n);
  return RecordDictionary{id, std::move(dictionary)};
}

struct RecordPacker::Impl {
  std::uint32_t id = 0;
  std::unique_ptr<ZSTD_CDict, FreeCDict> dictionary;
};

RecordPacker::RecordPacker() : impl_(std::make_unique<Impl>()) {}

RecordPacker::RecordPacker(const RecordDictionary& dictionary) : impl_(std::make_unique<Impl>()) {
  impl_->dictionary.reset(
      ZSTD_createCDict(dictionary.bytes.data(), dictionary.bytes.size(), kLevel));
  if (impl_->dictionary) {
    impl_->id = dictionary.id;
  }
}

RecordPacker::~RecordPacker() = default;

std::string RecordPacker::pack(std::string_view record) const {
  // A context per thread: creating one per record would cost more than compressing it.
  thread_local std::unique_ptr<ZSTD_CCtx, FreeCCtx> context(ZSTD_createCCtx());
  std::string out;
  out.push_back(kZstd);
  put_varint(out, impl_->id);
  const std::size_t header = out.size();
  out.resize(header + ZSTD_compressBound(record.size()));
  ZSTD_CCtx* c = context.get();
  std::size_t n = 0;
  if (c != nullptr) {
    ZSTD_CCtx_reset(c, ZSTD_reset_session_and_parameters);
    ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, kLevel);
    // The id is ours, in front of the frame, where it takes a byte instead of zstd's two to four.
    ZSTD_CCtx_setParameter(c, ZSTD_c_dictIDFlag, 0);
    ZSTD_CCtx_refCDict(c, impl_->dictionary.get());
    n = ZSTD_compress2(c, out.data() + header, out.size() - header, record.data(), record.size());
  }
  if (c == nullptr || ZSTD_isError(n) != 0U || n < sizeof kMagic ||
      header + n - sizeof kMagic >= 1 + record.size()) {
    out.assign(1, kRaw);
    out += record;
    return out;
  }
  // Every frame starts with the same magic number: leave it out.
  out.erase(header, sizeof kMagic);
  out.resize(header + n - sizeof kMagic);
  return out;
}

struct RecordUnpacker::Context {
  std::unique_ptr<ZSTD_DCtx, FreeDCtx> zstd{ZSTD_createDCtx()};
  std::string frame;
  struct Dictionary {
    // The stored bytes, which the DDict refers to rather than copies: a query may meet a
    // dictionary of each block of the build, each up to 112 KB, and a copy of each is memory a
    // one-shot search touches for nothing.
    std::string bytes;
    // Null for an id the database has no (usable) dictionary under.
    std::unique_ptr<ZSTD_DDict, FreeDDict> ddict;
  };
  // A map's nodes stay where they are, and so do the bytes the DDicts refer to.
  std::map<std::uint32_t, Dictionary> dictionaries;
};

RecordUnpacker::RecordUnpacker(std::function<std::string(const std::string&)> metadata)
    : metadata_(std::move(metadata)), context_(std::make_unique<Context>()) {}

RecordUnpacker::~RecordUnpacker() = default;

void RecordUnpacker::forget() { context_->dictionaries.clear(); }

std::optional<std::string> RecordUnpacker::unpack(std::string_view stored) {
  if (stored.empty()) {
    return std::nullopt;
  }
  if (stored[0] == kRaw) {
    return std::string(stored.substr(1));
  }
  std::size_t pos = 1;
  const auto id = get_varint(stored, pos);
  if (stored[0] != kZstd || !id || *id > UINT32_MAX || context_->zstd == nullptr) {
    return std::nullopt;
  }
  const ZSTD_DDict* dictionary = nullptr;
  if (*id != 0) {
    const auto key = static_cast<std::uint32_t>(*id);
    auto [slot, added] = context_->dictionaries.try_emplace(key);
    if (added) {
      Context::Dictionary& d = slot->second;
      d.bytes = metadata_(schema::dictionary_key(key));
      if (!d.bytes.empty()) {
        d.ddict.reset(ZSTD_createDDict_byReference(d.bytes.data(), d.bytes.size()));
      }
    }
    dictionary = slot->second.ddict.get();
    if (dictionary == nullptr) {
      return std::nullopt;
    }
  }
  std::string& frame = context_->frame;
  frame.clear();
  for (int i = 0; i < 4; ++i) {
    frame.push_back(static_cast<char>((kMagic >> (8 * i)) & 0xFF));
  }
  frame += stored.substr(pos);
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
      size > kMaxRecordBytes) {
    return std::nullopt;
  }
  std::string record(size, '\0');
  ZSTD_DCtx* d = context_->zstd.get();
  const std::size_t n =
      dictionary != nullptr
          ? ZSTD_decompress_usingDDict(d, record.data(), record.size(), frame.data(), frame.size(),
                                       dictionary)
          : ZSTD_decompressDCtx(d, record.data(), record.size(), frame.data(), frame.size());
  if (ZSTD_isError(n) != 0U || n != size) {
    return std::nullopt;
  }
  return record;
}

}  // namespace talash::internal
