// The rule that puts every language with matches on the first page. The ranking of a search puts
// the query's own spelling first, so a Latin query's English passages can fill page after page
// before the first Persian or Urdu transliteration (and an Arabic-script query's never let an
// English passage through). The first kMixWindow places of the ranking are therefore dealt round
// the languages that have close matches, one passage each in turn, each language giving its
// passages in its own ranked order (exact matches before stems before transliterations, as in the
// whole ranking), the language whose best passage is in the earliest tier first (of those, the one
// with the most matches); a language that runs out leaves its turns to the others. After the window
// the ranking continues in its own order, without the passages the window showed. The order is one
// sequence whatever the page size, so that pages (offset, limit) cut from it never repeat a
// passage.
//
// A language's passages in the whole ranking's order are the first of its own ranking (a filter
// changes no passage's weight, and both rank tier by tier): the window is dealt from the whole
// ranking, and a language is ranked on its own only when the window used up what the whole
// ranking held of it.
#ifndef TALASH_QUERY_PAGE_MIXER_H_
#define TALASH_QUERY_PAGE_MIXER_H_

#include "index/passage_record.h"

#include <xapian.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace talash::internal {

// Places at the top of the ranking dealt round the languages.
inline constexpr std::size_t kMixWindow = 10;

// One ranked hit of a pass, before its document is read.
struct Hit {
  Xapian::docid did = 0;
  double score = 0;
  // The ranking tier the hit was found in (query_builder.h: 0 for the query's own spelling).
  std::size_t tier = 0;
  // The document's path key (schema::path_key), when the per-document cap applies (it needs it
  // across passes too).
  std::string path;
  // The passage's record, when the cap read it already.
  std::optional<PassageRecord> record;
};

// Hits of this tier and later (the looser transliterations) take no turn in the window: a
// language whose best is a loose spelling (Harith for Herat) is not worth a place on the first
// page; they come after the window, in the ranking's order.
inline constexpr std::size_t kLooseTier = 3;

// The first places: `by_language` holds each language's best hits in its own order (any number
// of languages; empty lists are skipped), of which those before kLooseTier are dealt, up to
// kMixWindow. Languages take turns in the
// order of their best hit's tier (lower first), then of their matches (`totals`, parallel to
// `by_language`: the language that holds the name most; هرات's Persian before the one English
// passage with Hurayth), then of their best hit's score. per_doc > 0 caps the places one
// file (Hit::path) takes in the window, as the ranking caps them. If `used_up` is given, it is
// set parallel to `by_language`: true for a list the window took or passed over to its end and
// that holds no loose hit, so that more of that language's ranking could have had places (a
// list with a loose hit has shown all its language can place: its ranking goes on loose).
std::vector<Hit> mix_window(std::vector<std::vector<Hit>> by_language,
                            const std::vector<std::size_t>& totals, std::size_t per_doc,
                            std::vector<bool>* used_up = nullptr);

// The window followed by `ranked` (the whole ranking's first hits, in order) without the window's
// hits, cut to `want` hits; per_doc > 0 caps each file's passages over the whole (a file whose
// passages are in two languages may have filled its share in the window).
std::vector<Hit> after_window(std::vector<Hit> window, std::vector<Hit> ranked, std::size_t want,
                              std::size_t per_doc);

}  // namespace talash::internal

#endif  // TALASH_QUERY_PAGE_MIXER_H_
