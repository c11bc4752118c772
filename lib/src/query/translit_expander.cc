#include "query/translit_expander.h"

#include "analysis/char_fold.h"
#include "analysis/script.h"
#include "analysis/utf.h"
#include "index/term_schema.h"

#include <algorithm>
#include <array>
#include <map>

namespace talash::internal {
namespace {

// Only candidates this close to the best one are kept: with انور at hand, انوار is not Enver.
constexpr double kMargin = 0.05;
constexpr std::size_t kMaxCandidates = 8;
constexpr std::size_t kMaxSplits = 4;
// A joined word found by its head, and a two-word spelling of one word, count a little less than a
// word of its own.
constexpr double kHeadWeight = 0.95;
constexpr double kSplitWeight = 0.95;
// A query word needs this many consonants for its head to be looked for in joined words (a name
// written joined to a title). Such a head is never among the closest candidates: a short word
// begins many longer ones (Balkh: بالخبر, "with the news").
constexpr std::size_t kMinHeadConsonants = 3;
// At most this many longer keys are looked at for compound heads (a short key has many).
constexpr std::size_t kMaxHeadKeys = 200;

std::size_t max_consonants(const std::vector<std::string>& keys) {
  std::size_t n = 0;
  for (const std::string& k : keys) {
    n = std::max(n, key_consonants(k));
  }
  return n;
}

// The main term of a spelling from the key table (and the spelling decoded, `u`): the spelling
// folded (Paşa: pasa), without ZWNJ. An Arabic-script spelling is folded already, and valid UTF-8
// as the indexer wrote it: one without a ZWNJ, most of them, is its own main term.
std::string main_term(const std::string& spelling, std::u16string_view u) {
  if (first_letter_script(u) == Script::kArabic) {
    return u.find(kZwnj) == std::u16string_view::npos ? spelling : to_utf8(join_zwnj(u));
  }
  return to_utf8(join_zwnj(fold_token(u)));
}

// What a match through another reading of a Latin word's letters is worth (latin_other_readings).
constexpr double kOtherReadingWeight = 1.0;

// A one-word spelling this close in the other script makes two-word spellings moot.
constexpr double kCloseEnough = 0.9;

// A spelling in fewer passages than this share of its script's most common candidate does not set
// the bar for the others.
constexpr double kBarShare = 0.01;
// A common spelling sets the bar only this close to the closest whole word: a common spelling a
// few hundredths below a rare plene one is still the name's, but a common nisba or other word
// 0.1 or more below the closest spelling is not, however common.
constexpr double kBarReach = 0.1;

// Keeps the best candidates of each script: a candidate competes with the other spellings in its
// own script (انور against انوار), never with a spelling in another script.
void prune(std::vector<Candidate>& c, std::size_t max) {
  std::sort(c.begin(), c.end(), [](const Candidate& a, const Candidate& b) {
    if (a.similarity != b.similarity) {
      return a.similarity > b.similarity;
    }
    return a.termfreq != b.termfreq ? a.termfreq > b.termfreq : a.terms < b.terms;
  });
  const auto script = [](const Candidate& x) { return is_latin_term(x.terms[0]) ? 0 : 1; };
  const auto whole = [](const Candidate& x) { return !x.stripped && x.terms.size() == 1; };
  std::array<Xapian::doccount, 2> most{};
  std::array<double, 2> closest_whole = {-1, -1};
  for (const Candidate& x : c) {
    if (whole(x)) {
      most[script(x)] = std::max(most[script(x)], x.termfreq);
      closest_whole[script(x)] = std::max(closest_whole[script(x)], x.similarity);
    }
  }
  // The bar: the best whole word common enough; else the best whole word; else the best
  // two-word spelling (فیض الله for Fayzulla, above the heads of joined words); else the best.
  std::array<double, 2> best = {-1, -1};
  std::array<const Candidate*, 2> setter = {nullptr, nullptr};
  for (int pass = 0; pass < 4; ++pass) {
    for (const Candidate& x : c) {
      const int s = script(x);
      const bool counts =
          pass == 3 || (pass == 2 && x.terms.size() == 2) ||
          (whole(x) && (pass == 1 || (static_cast<double>(x.termfreq) >= kBarShare * most[s] &&
                                      x.similarity >= closest_whole[s] - kBarReach)));
      if (best[s] < 0 && counts) {
        best[s] = x.similarity;
        setter[s] = &x;
      }
    }
  }
  // A closer two-word spelling still raises the bar for what is kept (a plural written apart
  // leaves out the bare stem for the plural written with ZWNJ), but only whole words are the
  // closest.
  std::array<double, 2> keep = best;
  for (const Candidate& x : c) {
    if (x.terms.size() == 2) {
      keep[script(x)] = std::max(keep[script(x)], x.similarity);
    }
  }
  // Also among the closest: a spelling the corpus writes more often than the bar's, as close but
  // for the short vowels it leaves unwritten (رستم beside روستم for Rustam; but not قبول beside
  // کابل for Kabul, where a letter differs).
  const auto as_close = [&](const Candidate& x, int s) {
    const Candidate* b = setter[s];
    return b != nullptr && whole(*b) && x.termfreq >= b->termfreq && x.skeleton >= b->skeleton;
  };
  for (Candidate& x : c) {
    const int s = script(x);
    x.closest = whole(x) && (x.similarity >= best[s] - kClosestMargin || as_close(x, s));
  }
  std::vector<Candidate> kept;
  std::array<std::size_t, 2> count = {0, 0};
  for (Candidate& x : c) {
    const int s = script(x);
    if (x.similarity >= keep[s] - kMargin && count[s] < max) {
      ++count[s];
      kept.push_back(std::move(x));
    }
  }
  c = std::move(kept);
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

// The phones of a query word: a Latin word from the text as typed (Paşa keeps its ş), an
// Arabic-script one from its folded spelling.
std::vector<PhoneVariant> query_variants(const Word& w, std::u16string_view raw) {
  return w.script == Script::kLatin ? phone_variants(raw, Script::kLatin)
                                    : term_variants(w.spelling);
}

// The keys to look a query word up under: its own, and those of spellings the key rules keep
// apart but the scripts' habits join. Only the query is keyed so; the index is as it was.
//  - An English final e is silent (Lahore: لاهور, key lhr beside lhrE).
//  - An initial vowel before s and a consonant may be left unwritten in Urdu and Persian
//    (Iskandar: سکندر beside اسکندر), and a Latin spelling writes it (سکندر: Iskandar).
// A Latin word that ends in a silent e (a consonant before it): Lahore, Rome.
bool silent_e(const Word& w, std::u16string_view raw) {
  return w.script == Script::kLatin && raw.size() >= 3 &&
         (raw.back() == u'e' || raw.back() == u'E') &&
         std::u16string_view(u"aeiouyAEIOUY").find(raw[raw.size() - 2]) ==
             std::u16string_view::npos;
}

std::vector<std::string> lookup_keys(const Word& w, std::u16string_view raw) {
  std::vector<std::string> keys = w.keys;
  const auto add = [&](std::string k) {
    if (key_consonants(k) >= 2 && std::find(keys.begin(), keys.end(), k) == keys.end() &&
        keys.size() < 2 * kMaxKeys) {
      keys.push_back(std::move(k));
    }
  };
  const bool latin = w.script == Script::kLatin;
  const bool silent = silent_e(w, raw);
  for (const std::string& k : w.keys) {
    if (silent && k.ends_with('E')) {
      add(k.substr(0, k.size() - 1));
    }
    const auto cluster = [&](std::size_t at) {
      return k.size() > at + 1 && k[at] == 's' && k[at + 1] != 'E' && k[at + 1] != 'A';
    };
    if (latin && k.starts_with('A') && cluster(1)) {
      add(k.substr(1));
    } else if (!latin && cluster(0)) {
      add("A" + k);
    }
  }
  return keys;
}

std::size_t consonants(const std::vector<Phone>& p) {
  return static_cast<std::size_t>(std::count_if(
      p.begin(), p.end(), [](const Phone& x) { return x.type == PhoneType::kConsonant; }));
}

}  // namespace

bool is_latin_term(std::string_view term) {
  return !term.empty() && static_cast<unsigned char>(term[0]) < 0x80;
}

bool TranslitExpander::is_name(const std::string& term) const {
  if (!is_latin_term(term)) {
    return true;
  }
  if (const auto it = names_.find(term); it != names_.end()) {
    return it->second;
  }
  // A word only ever seen capitalized at a sentence start has no counts: a name, as far as the
  // index can tell.
  const auto counts = schema::decode_case_counts(db_.get_metadata(schema::case_key(term)));
  const bool name = !counts || counts->proper >= counts->lower;
  names_.emplace(term, name);
  return name;
}

const TranslitExpander::Spelled& TranslitExpander::spelled(const std::string& spelling) const {
  auto it = spelled_.find(spelling);
  if (it == spelled_.end()) {
    // Decoded once for both: the searcher reads every spelling listed under a query's keys.
    const std::u16string u = utf16_of(spelling);
    it = spelled_
             .emplace(spelling,
                      Spelled{main_term(spelling, u), term_variants(std::u16string_view(u))})
             .first;
  }
  return it->second;
}

double similarity_threshold(std::size_t consonants) {
  if (consonants >= 4) {
    return 0.78;
  }
  return consonants == 3 ? 0.85 : 0.9;
}

const std::vector<TranslitExpander::Listed>& TranslitExpander::listing(
    const std::string& entry) const {
  auto it = listings_.find(entry);
  if (it == listings_.end()) {
    std::vector<Listed> listed;
    for (auto t = db_.synonyms_begin(entry); t != db_.synonyms_end(entry); ++t) {
      std::string spelling = *t;
      const Spelled& s = spelled(spelling);
      if (is_name(s.term)) {
        listed.push_back({&s, std::move(spelling)});
      }
    }
    listed_ += listed.size();
    it = listings_.emplace(entry, std::move(listed)).first;
  }
  return it->second;
}

std::vector<Candidate> TranslitExpander::lookup(const std::vector<std::string>& keys,
                                                const std::vector<PhoneVariant>& query,
                                                double threshold,
                                                const std::string& exclude) const {
  // By term, the first spelling of it met: the order candidates have always come out in.
  std::map<std::string_view, std::pair<VariantMatch, const std::string*>> seen;
  for (const std::string& key : keys) {
    for (const Listed& l : listing(schema::key_entry(key))) {
      const std::string& term = l.spelled->term;
      if (term == exclude || seen.count(term) != 0) {
        continue;
      }
      // Only a spelling at the threshold is kept, so the scoring may stop once one cannot be.
      seen[term] = {variant_similarity(query, l.spelled->variants, false, threshold), &l.spelling};
    }
  }
  std::vector<Candidate> out;
  for (const auto& [term, found] : seen) {
    const auto& [match, spelling] = found;
    if (match.similarity < threshold) {
      continue;
    }
    // A word may linger in the key table after its last passage was deleted.
    if (const Xapian::doccount n = db_.get_termfreq(std::string(term)); n != 0) {
      const double skeleton =
          variant_similarity(query, spelled(*spelling).variants, true).similarity;
      out.push_back(
          {{std::string(term)}, match.similarity, match.stripped, skeleton, *spelling, n});
    }
  }
  return out;
}

std::vector<Candidate> TranslitExpander::split(const std::vector<Phone>& phones,
                                               double threshold) const {
  std::vector<Candidate> out;
  for (std::size_t cut = 1; cut < phones.size(); ++cut) {
    if (phones[cut].type != PhoneType::kConsonant &&
        phones[cut - 1].type != PhoneType::kConsonant) {
      continue;
    }
    std::vector<Phone> left(phones.begin(), phones.begin() + static_cast<long>(cut));
    std::vector<Phone> right(phones.begin() + static_cast<long>(cut), phones.end());
    // A half may be a one-consonant word (بای سون) as long as the whole has three consonants:
    // the phrase the two halves must form keeps that from matching at random.
    if (consonants(left) == 0 || consonants(right) == 0 || consonants(phones) < 3) {
      continue;
    }
    // Each half as a word of its own: the left may end, the right begin, with a vowel letter.
    if (left.back().type != PhoneType::kConsonant) {
      left.back().type = PhoneType::kFinalVowel;
    }
    if (right.front().type != PhoneType::kConsonant) {
      right.front().type = PhoneType::kCarrier;
    }
    const auto half = [&](const std::vector<Phone>& p) {
      return lookup(keys_from_phones(p), {{p, 1.0}}, similarity_threshold(consonants(p)), "");
    };
    // The half with more consonants first: its key lists few words and often none, which spares
    // looking up the other, short, half, whose key lists many.
    std::vector<Candidate> lefts;
    std::vector<Candidate> rights;
    if (consonants(right) > consonants(left)) {
      rights = half(right);
      if (rights.empty()) {
        continue;
      }
      lefts = half(left);
    } else {
      lefts = half(left);
      if (lefts.empty()) {
        continue;
      }
      rights = half(right);
    }
    for (const Candidate& l : lefts) {
      for (const Candidate& r : rights) {
        if (is_latin_term(l.terms[0]) != is_latin_term(r.terms[0])) {
          continue;  // the two words of one phrase are in one script
        }
        const auto& lp = spelled(l.spelling).variants;
        const auto& rp = spelled(r.spelling).variants;
        if (lp.empty() || rp.empty()) {
          continue;
        }
        // The threshold applies to the spelling; the weight only ranks it below one word.
        const double sim =
            phone_similarity(phones, concat(lp[0].phones, rp[0].phones), false, threshold);
        if (sim >= threshold) {
          out.push_back({{l.terms[0], r.terms[0]}, kSplitWeight * sim, true, 0, ""});
        }
      }
    }
  }
  prune(out, kMaxSplits);
  return out;
}

std::vector<Candidate> TranslitExpander::compound_heads(const Word& word,
                                                        const std::vector<Phone>& phones,
                                                        double threshold) const {
  std::vector<Candidate> out;
  std::map<std::string, double> seen;
  for (const std::string& key : word.keys) {
    // The final-vowel marker ends a word; a head inside a compound has none.
    const std::string head = key.ends_with('E') ? key.substr(0, key.size() - 1) : key;
    if (key_consonants(head) < kMinHeadConsonants) {
      continue;
    }
    const std::string prefix = schema::key_entry(head);
    std::size_t keys_seen = 0;
    for (auto k = db_.synonym_keys_begin(prefix);
         k != db_.synonym_keys_end(prefix) && keys_seen < kMaxHeadKeys; ++k, ++keys_seen) {
      const std::string longer = *k;
      if (key_consonants(std::string_view(longer).substr(prefix.size())) < 2) {
        continue;  // the same word, or the word plus an ending: not a compound
      }
      for (auto it = db_.synonyms_begin(longer); it != db_.synonyms_end(longer); ++it) {
        const std::string spelling = *it;
        const Spelled& s = spelled(spelling);
        const std::string& term = s.term;
        // Names written joined (نصرالله) are an Arabic-script habit; a Latin word that begins
        // like the query (Enver: Universal) is another word.
        if (seen.count(term) != 0 || is_latin_term(term)) {
          continue;
        }
        const double best =
            s.variants.empty() ? 0 : best_head_similarity(phones, s.variants.front().phones, 2);
        seen[term] = best * kHeadWeight;
      }
    }
  }
  for (const auto& [term, sim] : seen) {
    if (sim < threshold) {
      continue;
    }
    if (const Xapian::doccount n = db_.get_termfreq(term); n != 0) {
      out.push_back({{term}, sim, true, 0, "", n});
    }
  }
  return out;
}

const std::vector<Candidate>& TranslitExpander::memo(
    std::string key, const std::function<std::vector<Candidate>()>& compute) const {
  if (const auto it = expansions_.find(key); it != expansions_.end()) {
    return it->second;
  }
  // Here, before the computation, and not inside it: lookup(), split() and compound_heads() hold
  // references into spelled_ across later calls that add to it.
  trim_caches();
  return expansions_.emplace(std::move(key), compute()).first->second;
}

void TranslitExpander::trim_caches() const {
  if (expansions_.size() >= max_cached_) {
    expansions_.clear();
  }
  if (spelled_.size() >= max_cached_ || listed_ >= max_cached_) {
    spelled_.clear();
    listings_.clear();
    listed_ = 0;
  }
  if (names_.size() >= max_cached_) {
    names_.clear();
  }
}

std::vector<Candidate> TranslitExpander::expand(const Word& word, std::u16string_view raw) const {
  if (word.keys.empty()) {
    return {};
  }
  // The word's term, script and keys follow from the raw text, through the analysis chain.
  return memo(to_utf8(raw) + '\0' + word.term, [&] { return compute_expansion(word, raw); });
}

std::vector<Candidate> TranslitExpander::compute_expansion(const Word& word,
                                                           std::u16string_view raw) const {
  std::vector<PhoneVariant> query = query_variants(word, raw);
  if (query.empty()) {
    return {};
  }
  if (silent_e(word, raw)) {
    // Scored as written and as spoken: لاهور is Lahore whole, not لاهوری with e for ی.
    for (PhoneVariant& v : phone_variants(raw.substr(0, raw.size() - 1), Script::kLatin)) {
      // The o the e made long stays long without it (phones.h: O).
      for (auto p = v.phones.rbegin(); p != v.phones.rend(); ++p) {
        if (p->type != PhoneType::kConsonant) {
          if (p->sub == 'o') {
            p->sub = 'O';
          }
          break;
        }
      }
      query.push_back(std::move(v));
    }
  }
  std::vector<std::string> keys = lookup_keys(word, raw);
  const auto add_keys = [&](const std::vector<Phone>& phones) {
    for (std::string& k : keys_from_phones(phones)) {
      if (std::find(keys.begin(), keys.end(), k) == keys.end() && keys.size() < 3 * kMaxKeys) {
        keys.push_back(std::move(k));
      }
    }
  };
  // The index keys an Arabic-script word with a doubled letter read once (لینن under ln): the
  // query's own doubled reading (term_variants) finds the Latin spelling (Lenin, lnn); and a word
  // with one consonant twice about a vowel (Lenin, لنین) also looks for the Arabic-script spelling
  // so keyed.
  if (word.script == Script::kArabic) {
    for (std::size_t v = 1; v < query.size(); ++v) {
      if (query[v].weight == 1.0) {
        add_keys(query[v].phones);
      }
    }
  }
  {
    const std::vector<Phone>& p = query.front().phones;
    for (std::size_t i = 0; i + 2 < p.size(); ++i) {
      if (p[i].type == PhoneType::kConsonant && p[i + 1].type != PhoneType::kConsonant &&
          p[i + 2].type == PhoneType::kConsonant && p[i].cls == p[i + 2].cls &&
          p[i].sub == p[i + 2].sub) {
        std::vector<Phone> merged = p;
        merged.erase(merged.begin() + static_cast<long>(i) + 1,
                     merged.begin() + static_cast<long>(i) + 3);
        add_keys(merged);
      }
    }
  }
  // Latin th and ث, Latin d and ض are each one letter in two consonant classes
  // (other_script_class), and keys go by class: a word with such a letter is also looked up with
  // it in the other script's class, one such letter at a time (of a name's two d, one may be ض
  // and the other د) and, for more than one, all of them.
  {
    const std::vector<Phone>& own = query.front().phones;
    std::vector<Phone> all = own;
    std::size_t swapped = 0;
    for (std::size_t i = 0; i < own.size(); ++i) {
      if (const char cls = other_script_class(own[i]); cls != 0) {
        all[i].cls = cls;
        ++swapped;
        std::vector<Phone> one = own;
        one[i].cls = cls;
        add_keys(one);
      }
    }
    if (swapped > 1) {
      add_keys(all);
    }
  }
  // A doubled letter read twice is the word's own consonants: they set the bar (لینن as l-n-n:
  // لنین). Other readings of a Latin word's letters do not.
  std::size_t own_consonants = max_consonants(keys);
  if (word.script == Script::kArabic) {
    // Its keys join a consonant written twice about a vowel letter (لنین under ln); its phones
    // count both.
    for (const PhoneVariant& v : query) {
      if (v.weight == 1.0) {
        own_consonants = std::max(own_consonants, consonants(v.phones));
      }
    }
  }
  const double threshold = similarity_threshold(own_consonants);
  if (word.script == Script::kLatin) {
    // Other readings of its letters, a little below the usual one: Is-haq (اسحاق), Mash-had (مشهد).
    for (std::vector<Phone>& reading : latin_other_readings(raw)) {
      add_keys(reading);
      query.push_back({std::move(reading), kOtherReadingWeight});
    }
  }
  std::vector<Candidate> out = lookup(keys, query, threshold, word.term);
  // Another spelling in the query word's own script must be closer than one in the other script,
  // where the letters differ anyway: Anwar for Enver, but not Harith for Herat, nor German for
  // Kerman; لینن for لنین and نیشابور for نیشاپور, but not بغدادی ("of Baghdad") for بغداد. (The
  // word with an affix, Turkmenistan for Turkmen, is scored by its stem.)
  const bool latin_query = word.script == Script::kLatin;
  std::erase_if(out, [&](const Candidate& c) {
    return !c.stripped && is_latin_term(c.terms.front()) == latin_query &&
           c.similarity < kSameScriptVariant;
  });
  const bool close_in_other_script = std::any_of(out.begin(), out.end(), [&](const Candidate& c) {
    return !c.stripped && c.similarity >= kCloseEnough && is_latin_term(c.terms[0]) != latin_query;
  });
  if (!close_in_other_script) {
    for (Candidate& c : split(query.front().phones, threshold)) {
      out.push_back(std::move(c));
    }
  }
  for (Candidate& c : compound_heads(word, query.front().phones, threshold)) {
    out.push_back(std::move(c));
  }
  prune(out, kMaxCandidates);
  return out;
}

std::vector<Candidate> TranslitExpander::expand_pair(const Word& a, std::u16string_view raw_a,
                                                     const Word& b,
                                                     std::u16string_view raw_b) const {
  return memo(to_utf8(raw_a) + '\1' + to_utf8(raw_b) + '\0' + a.term + '\0' + b.term,
              [&] { return compute_pair(a, raw_a, b, raw_b); });
}

std::vector<Candidate> TranslitExpander::compute_pair(const Word& a, std::u16string_view raw_a,
                                                      const Word& b,
                                                      std::u16string_view raw_b) const {
  const auto pa = query_variants(a, raw_a);
  const auto pb = query_variants(b, raw_b);
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
