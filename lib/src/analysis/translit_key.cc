#include "analysis/translit_key.h"

#include "analysis/char_fold.h"
#include "analysis/utf.h"

#include <algorithm>

namespace talash::internal {
namespace {

// Appends `c` to every key in `keys`, or forks each key into both choices of `alternatives`.
void extend(std::vector<std::string>& keys, std::string_view alternatives) {
  std::vector<std::string> out;
  out.reserve(std::min(kMaxKeys, keys.size() * alternatives.size()));
  for (const std::string& k : keys) {
    for (char c : alternatives) {
      if (out.size() == kMaxKeys) {
        break;
      }
      std::string next = k;
      // Doubled consonants are one (Allah = الله, Hissar = حصار).
      if (c != '-' && (next.empty() || next.back() != c)) {
        next.push_back(c);
      }
      out.push_back(std::move(next));
    }
  }
  keys = std::move(out);
}

void finish(std::string& key) {
  // Final t/d and the n before b (Istanbul, استامبول) are written either way.
  for (std::size_t i = 0; i + 1 < key.size(); ++i) {
    if (key[i] == 'n' && key[i + 1] == 'b') {
      key[i] = 'm';
    }
  }
  std::size_t last = key.size();
  if (last > 0 && key.back() == 'E') {
    --last;
  }
  if (last > 0 && key[last - 1] == 't') {
    key[last - 1] = 'd';
  }
}

}  // namespace

std::size_t key_consonants(std::string_view key) {
  return static_cast<std::size_t>(
      std::count_if(key.begin(), key.end(), [](char c) { return c != 'A' && c != 'E'; }));
}

std::vector<std::string> keys_from_phones(const std::vector<Phone>& phones) {
  std::vector<std::string> keys{""};
  const std::size_t n = phones.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Phone& p = phones[i];
    const bool last = i + 1 == n;
    switch (p.type) {
      case PhoneType::kCarrier:
        // A prosthetic alef before s + consonant (استکهلم, Stockholm) may be unwritten in Latin.
        if (p.arabic && i + 2 < n && (phones[i + 1].cls == 's' || phones[i + 1].cls == 'x') &&
            phones[i + 2].type == PhoneType::kConsonant) {
          extend(keys, "A-");
        } else {
          extend(keys, "A");
        }
        break;
      case PhoneType::kFinalVowel:
        if (p.arabic && p.cls == 'u') {
          extend(keys, "Ev");
        } else if (p.arabic && p.sub == 'h') {
          extend(keys, "Eh");
        } else {
          extend(keys, "E");
        }
        break;
      case PhoneType::kLongVowel:
        if (p.may_be_consonant && p.cls == 'u') {
          extend(keys, "v-");
        }
        break;
      case PhoneType::kShortVowel:
        break;
      case PhoneType::kConsonant:
        if (!p.arabic && p.cls == 'v' && last) {
          extend(keys, "vf");  // Russian -ev/-ov is Persian -یف
        } else if (!p.arabic && p.cls == 'y' && i > 0) {
          extend(keys, "y-");  // Ayaz, ایاز: a medial y between vowels is often unwritten
        } else {
          extend(keys, std::string(1, p.cls));
        }
        break;
    }
  }
  std::vector<std::string> out;
  for (std::string& k : keys) {
    finish(k);
    if (key_consonants(k) > 0 && std::find(out.begin(), out.end(), k) == out.end()) {
      out.push_back(std::move(k));
    }
  }
  return out;
}

std::vector<PhoneVariant> arabic_variants(std::u16string_view folded, Doubles doubles) {
  std::vector<PhoneVariant> out;
  const std::u16string w = join_zwnj(folded);
  out.push_back({arabic_phones(folded, doubles), 1.0});
  static constexpr struct {
    std::u16string_view suffix;
    double weight;
  } kSuffixes[] = {{u"ستان", 0.9}, {u"ها", 0.95}, {u"ان", 0.9}, {u"ی", 0.9}};
  for (const auto& s : kSuffixes) {
    if (w.size() >= s.suffix.size() + 3 && w.ends_with(s.suffix)) {
      out.push_back(
          {arabic_phones(std::u16string_view(w).substr(0, w.size() - s.suffix.size())), s.weight});
    }
  }
  return out;
}

std::vector<PhoneVariant> phone_variants(std::u16string_view text, Script script) {
  std::vector<PhoneVariant> out;
  if (script == Script::kArabic) {
    out = arabic_variants(fold_token(text));
  } else if (script == Script::kLatin) {
    std::vector<Phone> phones = latin_phones(text);
    out.push_back({phones, 1.0});
    // -istan / -stan: Baluchistan is the land of the Baluch, بلوچستان of بلوچ.
    const std::size_t n = phones.size();
    if (n > 5 && phones[n - 1].cls == 'n' && phones[n - 3].cls == 't' && phones[n - 4].cls == 's') {
      std::size_t cut = n - 4;
      if (phones[cut - 1].type == PhoneType::kShortVowel) {
        --cut;
      }
      out.push_back(
          {std::vector<Phone>(phones.begin(), phones.begin() + static_cast<long>(cut)), 0.9});
    } else if (n > 3 && phones.back().type == PhoneType::kConsonant && phones.back().cls == 's' &&
               phones[n - 2].cls != 's') {
      phones.pop_back();  // an English plural: Bolsheviks
      out.push_back({std::move(phones), 0.95});
    }
  }
  return out;
}

std::vector<std::string> transliteration_keys(std::u16string_view raw, Script script) {
  return keys_of_variants(phone_variants(raw, script));
}

std::vector<std::string> keys_of_variants(const std::vector<PhoneVariant>& variants) {
  std::vector<std::string> keys;
  for (const PhoneVariant& v : variants) {
    for (std::string& k : keys_from_phones(v.phones)) {
      if (keys.size() < kMaxKeys && std::find(keys.begin(), keys.end(), k) == keys.end()) {
        keys.push_back(std::move(k));
      }
    }
  }
  return keys;
}

VariantMatch variant_similarity(const std::vector<PhoneVariant>& a,
                                const std::vector<PhoneVariant>& b, bool unwritten_free,
                                double floor) {
  VariantMatch best;
  for (const PhoneVariant& x : a) {
    for (const PhoneVariant& y : b) {
      const bool stripped = x.weight < 1.0 || y.weight < 1.0;
      // Between two Arabic-script words, inflection is the Persian stemmer's business (Z terms);
      // transliteration only bridges spellings (تلفن, تلیفون).
      const bool both_arabic = !x.phones.empty() && !y.phones.empty() && x.phones.front().arabic &&
                               y.phones.front().arabic;
      if ((x.weight < 1.0 && y.weight < 1.0) || (stripped && both_arabic)) {
        continue;
      }
      // A pairing matters only if it beats the best so far and reaches the floor; its weighted
      // similarity does only if the unweighted one reaches that over the weight (less a rounding
      // margin).
      const double weight = x.weight * y.weight;
      const double want = std::max(floor, best.similarity);
      const double phone_floor = want > 0 && weight > 0 ? want / weight - 1e-9 : 0;
      // Weighted in the order it always was, so that the value is the same to the last bit.
      const double sim =
          phone_similarity(x.phones, y.phones, unwritten_free, phone_floor) * x.weight * y.weight;
      if (sim > best.similarity) {
        best = {sim, stripped};
      }
    }
  }
  return best;
}

std::vector<PhoneVariant> term_variants(std::string_view term) {
  return term_variants(std::u16string_view(decode_utf8(term).text));
}

std::vector<PhoneVariant> term_variants(std::u16string_view u) {
  const Script script = first_letter_script(u);
  // Folding again would change nothing and is most of the cost: the searcher scores every
  // spelling listed under a query's keys.
  if (script == Script::kArabic) {
    // A doubled letter at the start or end of the word is two consonants (Doubles::kMergedInside),
    // whatever the keys, which the index holds, say.
    std::vector<PhoneVariant> out = arabic_variants(u, Doubles::kMergedInside);
    // Scored also with a doubled letter read twice (لینن: Lenin, as Urdu writes it); the keys
    // read it once. Without a letter twice in a row the two readings are one.
    if (std::adjacent_find(u.begin(), u.end()) == u.end()) {
      return out;
    }
    std::vector<Phone> doubled = arabic_phones(u, Doubles::kKept);
    if (doubled.size() != out.front().phones.size()) {
      out.push_back({std::move(doubled), 1.0});
    }
    return out;
  }
  return script == Script::kOther ? std::vector<PhoneVariant>{} : phone_variants(u, script);
}

}  // namespace talash::internal
