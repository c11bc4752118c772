// How a source's stamp is stored in the index's metadata.
#ifndef TALASH_INDEX_STAMP_CODEC_H_
#define TALASH_INDEX_STAMP_CODEC_H_

#include <talash/index_writer.h>

#include <optional>
#include <string>

namespace talash::internal {

std::string encode_stamp(const SourceStamp& stamp);

// nullopt for a value this version cannot read: the source then counts as new and is re-indexed.
std::optional<SourceStamp> decode_stamp(const std::string& value);

}  // namespace talash::internal

#endif  // TALASH_INDEX_STAMP_CODEC_H_
