#include "index/position_codec.h"

#include "index/term_schema.h"

#include <algorithm>
#include <unordered_map>

namespace talash::internal {
namespace {

constexpr std::uint16_t kNone = 0;
constexpr std::uint16_t kEscape = 0xFFF;
// Fingerprints take the codes between the two.
constexpr std::uint64_t kFingerprints = kEscape - 1;

void pack(const std::vector<std::uint16_t>& codes, std::string& out) {
  out.reserve(codes.size() * 3 / 2 + 2);
  std::size_t i = 0;
  for (; i + 1 < codes.size(); i += 2) {
    const unsigned a = codes[i];
    const unsigned b = codes[i + 1];
    out.push_back(static_cast<char>(a & 0xFF));
    out.push_back(static_cast<char>((a >> 8) | ((b & 0xF) << 4)));
    out.push_back(static_cast<char>(b >> 4));
  }
  if (i < codes.size()) {
    out.push_back(static_cast<char>(codes[i] & 0xFF));
    out.push_back(static_cast<char>(codes[i] >> 8));
  }
}

}  // namespace

std::uint16_t term_fingerprint(std::string_view term) {
  return static_cast<std::uint16_t>(1 + (schema::stable_hash(term) >> 20) % kFingerprints);
}

EncodedPositions encode_positions(const std::vector<TermPositions>& terms) {
  EncodedPositions out;
  std::unordered_map<std::uint16_t, unsigned> uses;
  std::vector<std::uint16_t> fingerprint(terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i) {
    fingerprint[i] = term_fingerprint(terms[i].first);
    ++uses[fingerprint[i]];
  }
  // (position, fingerprint) of every position kept here, in position order.
  std::vector<std::pair<std::uint32_t, std::uint16_t>> kept;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    const auto& positions = terms[i].second;
    if (uses[fingerprint[i]] > 1 ||
        std::find(positions.begin(), positions.end(), 0U) != positions.end()) {
      out.spilled.push_back(&terms[i]);
      continue;
    }
    for (const std::uint32_t p : positions) {
      kept.emplace_back(p, fingerprint[i]);
    }
  }
  std::sort(kept.begin(), kept.end());
  std::vector<std::uint16_t> codes;
  std::uint32_t at = 0;
  std::pair<std::uint32_t, std::uint16_t> last{0, kNone};
  for (const auto& [p, fp] : kept) {
    if (last == std::pair{p, fp}) {
      continue;  // a term given the same position twice
    }
    last = {p, fp};
    if (p == at) {
      codes.push_back(kEscape);
      codes.push_back(fp);
      continue;
    }
    codes.insert(codes.end(), p - at - 1, kNone);
    codes.push_back(fp);
    at = p;
  }
  pack(codes, out.value);
  return out;
}

PositionFinder::PositionFinder(const std::vector<std::uint16_t>& fingerprints)
    : slot_of_code_(kEscape + 1, 0), fingerprints_(fingerprints) {
  for (std::size_t i = fingerprints.size(); i-- > 0;) {
    const std::uint16_t fp = fingerprints[i];
    if (fp != kNone && fp < kEscape) {
      slot_of_code_[fp] = static_cast<std::uint32_t>(i + 1);
    }
  }
}

void PositionFinder::find(std::string_view value,
                          std::vector<std::vector<std::uint32_t>>& out) const {
  out.resize(fingerprints_.size());
  for (auto& positions : out) {
    positions.clear();
  }
  std::uint32_t at = 0;
  bool escaped = false;
  const auto take = [&](std::uint16_t code) {
    if (code == kEscape && !escaped) {
      escaped = true;
      return;
    }
    at += escaped ? 0 : 1;
    escaped = false;
    if (const std::uint32_t slot = slot_of_code_[code]; slot != 0) {
      out[slot - 1].push_back(at);
    }
  };
  const auto* bytes = reinterpret_cast<const unsigned char*>(value.data());
  std::size_t i = 0;
  for (; i + 3 <= value.size(); i += 3) {
    take(static_cast<std::uint16_t>(bytes[i] | (bytes[i + 1] & 0xF) << 8));
    take(static_cast<std::uint16_t>(bytes[i + 1] >> 4 | bytes[i + 2] << 4));
  }
  if (i + 2 == value.size()) {
    take(static_cast<std::uint16_t>(bytes[i] | (bytes[i + 1] & 0xF) << 8));
  }
  // A repeated fingerprint has the positions of its first occurrence.
  for (std::size_t k = 0; k < fingerprints_.size(); ++k) {
    const std::uint32_t first = slot_of_code_[fingerprints_[k] & kEscape];
    if (first != 0 && first - 1U != k) {
      out[k] = out[first - 1];
    }
  }
}

}  // namespace talash::internal
