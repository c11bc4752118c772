// Finds the spellings of a query word in the other script (and the other language's spelling in
// the same script) among the words the index actually holds. Candidates come from the index's
// key table (words sharing a transliteration key); each is scored by phone similarity, and only
// close ones survive: an absolute threshold that rises as the key gets shorter (short skeletons
// collide with many unrelated words), and a margin below the best candidate of the script. The
// best is the best of the spellings the corpus writes often enough to count (a spelling found in
// a handful of passages, beside one found in hundreds, does not set the bar: مریم, not ماریم, is
// how the corpus writes Maryam), and of whole words (a joined or split form never sets it). The
// candidates within a hair of that best are the closest, ranked before the rest: هرات before
// حیرت for Herat.
#ifndef TALASH_QUERY_TRANSLIT_EXPANDER_H_
#define TALASH_QUERY_TRANSLIT_EXPANDER_H_

#include "analysis/text_analyzer.h"
#include "analysis/translit_key.h"

#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace talash::internal {

struct Candidate {
  // One indexed term, or two ("a b") that must stand together as a phrase.
  std::vector<std::string> terms;
  double similarity = 0;
  // Matched through an affix-stripped form, the head of a joined word or as two words; such a
  // match never sets the bar for the others.
  bool stripped = false;
  // The similarity with written Latin short vowels free against no letter (phone_similarity's
  // unwritten_free), for one-term candidates found by lookup; 0 for the others.
  double skeleton = 0;
  // The key-table spelling of a one-term candidate (Paşa, not pasa), for scoring it in a pair.
  std::string spelling;
  // The number of passages holding a one-term candidate (0 for two terms).
  Xapian::doccount termfreq = 0;
  // Among the closest spellings of the word in its script (set when candidates are chosen): these
  // rank before the other candidates, as a tier of their own (query_builder.h).
  bool closest = false;
};

// Whether an indexed term is in Latin script (a folded Latin term is ASCII; an Arabic-script one
// has no ASCII letter first). False for the empty term.
bool is_latin_term(std::string_view term);

// Not thread-safe. Its caches are bounded: spellings (pure functions of the analysis chain), and
// which Latin words are names and each query word's candidates (facts about the index, dropped by
// forget_vocabulary()).
class TranslitExpander {
 public:
  // Entries each cache keeps before it is emptied (a few hundred bytes each).
  static constexpr std::size_t kDefaultMaxCached = 100000;

  // Reads candidates from `db`. `max_cached` bounds each cache; a cache over it is emptied when
  // the next word's expansion starts, never during one (the expansion holds references into it).
  explicit TranslitExpander(const Xapian::Database& db, std::size_t max_cached = kDefaultMaxCached)
      : db_(db), max_cached_(max_cached) {}

  // Drops what depends on the index's contents; call after the database is reopened.
  void forget_vocabulary() {
    names_.clear();
    expansions_.clear();
    listings_.clear();
    listed_ = 0;
  }

  // Candidates for one query word (raw: the word as typed), best first; the word's own term is
  // never among them. Includes two-word spellings of a joined word (Nasrullah: نصر الله).
  std::vector<Candidate> expand(const Word& word, std::u16string_view raw) const;

  // Candidates written as one word for two adjacent query words (Nasr Ullah: نصرالله).
  std::vector<Candidate> expand_pair(const Word& a, std::u16string_view raw_a, const Word& b,
                                     std::u16string_view raw_b) const;

 private:
  std::vector<Candidate> compute_expansion(const Word& word, std::u16string_view raw) const;
  std::vector<Candidate> compute_pair(const Word& a, std::u16string_view raw_a, const Word& b,
                                      std::u16string_view raw_b) const;
  // Terms listed under any of `keys`, scored against `query` phones.
  std::vector<Candidate> lookup(const std::vector<std::string>& keys,
                                const std::vector<PhoneVariant>& query, double threshold,
                                const std::string& exclude) const;
  std::vector<Candidate> split(const std::vector<Phone>& phones, double threshold) const;
  // Joined words that begin with the query word (Nasr: نصرالله), scored on that head.
  std::vector<Candidate> compound_heads(const Word& word, const std::vector<Phone>& phones,
                                        double threshold) const;

  // A key-table spelling's main term and phones, computed once per query.
  struct Spelled {
    std::string term;
    std::vector<PhoneVariant> variants;
  };
  const Spelled& spelled(const std::string& spelling) const;
  // The spellings listed under a key entry in the key table, in its order, those that are not
  // names (is_name) left out: read from the index once while it is unchanged, since short keys
  // come back in the expansion of word after word.
  struct Listed {
    const Spelled* spelled;
    std::string spelling;
  };
  const std::vector<Listed>& listing(const std::string& entry) const;
  // A Latin term is a name if it was capitalized inside a sentence at least as often as it was
  // seen in lower case (see term_schema.h).
  bool is_name(const std::string& term) const;

  // The candidates of a query word or pair, once computed: the key table is read and scored
  // once per word while the index is unchanged, and a query log repeats its names.
  const std::vector<Candidate>& memo(std::string key,
                                     const std::function<std::vector<Candidate>()>& compute) const;

  // Empties each cache that has grown past max_cached_; only between expansions.
  void trim_caches() const;

  const Xapian::Database& db_;
  std::size_t max_cached_;
  mutable std::unordered_map<std::string, std::vector<Candidate>> expansions_;
  mutable std::unordered_map<std::string, Spelled> spelled_;
  mutable std::unordered_map<std::string, bool> names_;
  // Holds pointers into spelled_: emptied whenever it is, and bounded by the spellings it lists
  // (listed_) rather than by its keys, since a short key lists thousands.
  mutable std::unordered_map<std::string, std::vector<Listed>> listings_;
  mutable std::size_t listed_ = 0;
};

// The minimum similarity for a candidate found under keys of `consonants` consonants.
double similarity_threshold(std::size_t consonants);

// The least similarity of a candidate in the query word's own script (a Latin spelling of a Latin
// word, an Arabic-script spelling of an Arabic-script one), above similarity_threshold(): two
// spellings in one script write the same letters but for a few that vary.
inline constexpr double kSameScriptVariant = 0.92;

// Candidates this close to the bar (the best common spelling of the word in their script) are the
// closest (Candidate::closest): a spelling further below it ranks after them.
inline constexpr double kClosestMargin = 0.015;

}  // namespace talash::internal

#endif  // TALASH_QUERY_TRANSLIT_EXPANDER_H_
