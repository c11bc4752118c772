#include "query/translit_expander.h"

#include <algorithm>
#include <map>

#include "index/term_schema.h"

namespace talash::internal {
namespace {

// Only candidates this close to the best one are kept: with انور at hand, انوار is not Enver.
constexpr double kMargin = 0.06;
constexpr std::size_t kMaxCandidates = 8;
constexpr std::size_t kMaxSplits = 3;

std::size_t max_consonants(const std::vector<std::string>& keys) {
  std::size_t n = 0;
  for (const std::string& k : keys) {
    n = std::max(n, key_consonants(k));
  }
  return n;
}

void prune(std::vector<Candidate>& c, std::size_t max) {
  std::sort(c.begin(), c.end(), [](const Candidate& a, const Candidate& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.terms < b.terms;
  });
  if (!c.empty()) {
    const double floor = c.front().similarity - kMargin;
    c.erase(std::find_if(c.begin(), c.end(), [&](const Candidate& x) { return x.similarity < floor; }),
            c.end());
  }
  if (c.size() > max) {
    c.resize(max);
  }
}

std::vector<Phone> concat(const std::vector<Phone>& a, const std::vector<Phone>& b) {
  std::vector<Phone> out = a;
  if (!out.empty() && out.back().type == PhoneType::kFinalVowel) {
    out.back().type = out.back().arabic ? PhoneType::kLongVowel : PhoneType::kShortVowel;
  }
  std::vector<Phone> tail = b;
  if (!tail.empty() && tail.front().type == PhoneType::kCarrier) {
    tail.front().type = tail.front().arabic ? PhoneType::kLongVowel : PhoneType::kShortVowel;
  }
  out.insert(out.end(), tail.begin(), tail.end());
  return out;
}

std::size_t consonants(const std::vector<Phone>& p) {
  return static_cast<std::size_t>(std::count_if(
      p.begin(), p.end(), [](const Phone& x) { return x.type == PhoneType::kConsonant; }));
}

}  // namespace

double similarity_threshold(std::size_t consonants) {
  if (consonants >= 4) {
    return 0.78;
  }
  return consonants == 3 ? 0.84 : 0.9;
}

std::vector<Candidate> TranslitExpander::lookup(const std::vector<std::string>& keys,
                                                const std::vector<PhoneVariant>& query,
                                                double threshold,
                                                const std::string& exclude) const {
  std::map<std::string, double> seen;
  for (const std::string& key : keys) {
    const std::string entry = schema::key_entry(key);
    for (auto it = db_.synonyms_begin(entry); it != db_.synonyms_end(entry); ++it) {
      const std::string term = *it;
      if (term == exclude || seen.count(term) != 0) {
        continue;
      }
      seen[term] = variant_similarity(query, term_variants(term));
    }
  }
  std::vector<Candidate> out;
  for (const auto& [term, sim] : seen) {
    // A word may linger in the key table after its last passage was deleted.
    if (sim >= threshold && db_.term_exists(term)) {
      out.push_back({{term}, sim});
    }
  }
  return out;
}

std::vector<Candidate> TranslitExpander::split(const std::vector<Phone>& phones,
                                               double threshold) const {
  std::vector<Candidate> out;
  for (std::size_t cut = 1; cut < phones.size(); ++cut) {
    if (phones[cut].type != PhoneType::kConsonant && phones[cut - 1].type != PhoneType::kConsonant) {
      continue;
    }
    std::vector<Phone> left(phones.begin(), phones.begin() + static_cast<long>(cut));
    std::vector<Phone> right(phones.begin() + static_cast<long>(cut), phones.end());
    if (consonants(left) < 2 || consonants(right) < 2) {
      continue;
    }
    // Each half as a word of its own: the left may end, the right begin, with a vowel letter.
    if (left.back().type != PhoneType::kConsonant) {
      left.back().type = PhoneType::kFinalVowel;
    }
    if (right.front().type != PhoneType::kConsonant) {
      right.front().type = PhoneType::kCarrier;
    }
    const auto lefts = lookup(keys_from_phones(left), {{left, 1.0}},
                              similarity_threshold(consonants(left)), "");
    if (lefts.empty()) {
      continue;
    }
    const auto rights = lookup(keys_from_phones(right), {{right, 1.0}},
                               similarity_threshold(consonants(right)), "");
    for (const Candidate& l : lefts) {
      for (const Candidate& r : rights) {
        const auto lp = term_variants(l.terms[0]);
        const auto rp = term_variants(r.terms[0]);
        if (lp.empty() || rp.empty()) {
          continue;
        }
        const double sim = phone_similarity(phones, concat(lp[0].phones, rp[0].phones));
        if (sim >= threshold) {
          out.push_back({{l.terms[0], r.terms[0]}, sim});
        }
      }
    }
  }
  prune(out, kMaxSplits);
  return out;
}

std::vector<Candidate> TranslitExpander::expand(const Word& word, std::u16string_view raw) const {
  if (word.keys.empty()) {
    return {};
  }
  const std::vector<PhoneVariant> query =
      word.script == Script::kLatin ? phone_variants(raw, Script::kLatin) : term_variants(word.term);
  if (query.empty()) {
    return {};
  }
  const double threshold = similarity_threshold(max_consonants(word.keys));
  std::vector<Candidate> out = lookup(word.keys, query, threshold, word.term);
  prune(out, kMaxCandidates);
  const double best = out.empty() ? 0 : out.front().similarity;
  for (Candidate& c : split(query.front().phones, threshold)) {
    if (c.similarity >= best - kMargin) {
      out.push_back(std::move(c));
    }
  }
  return out;
}

std::vector<Candidate> TranslitExpander::expand_pair(const Word& a, std::u16string_view raw_a,
                                                     const Word& b,
                                                     std::u16string_view raw_b) const {
  const auto pa = a.script == Script::kLatin ? phone_variants(raw_a, Script::kLatin)
                                             : term_variants(a.term);
  const auto pb = b.script == Script::kLatin ? phone_variants(raw_b, Script::kLatin)
                                             : term_variants(b.term);
  if (pa.empty() || pb.empty()) {
    return {};
  }
  const std::vector<Phone> joined = concat(pa.front().phones, pb.front().phones);
  const std::vector<std::string> keys = keys_from_phones(joined);
  std::vector<Candidate> out =
      lookup(keys, {{joined, 1.0}}, similarity_threshold(max_consonants(keys)), a.term + b.term);
  prune(out, kMaxCandidates);
  return out;
}

}  // namespace talash::internal
