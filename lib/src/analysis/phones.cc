#include "analysis/phones.h"

#include "analysis/icu_status.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <vector>

namespace talash::internal {
namespace {

Phone consonant(char cls, char sub, bool arabic) {
  return {PhoneType::kConsonant, cls, sub, false, arabic};
}

// Consonant class and exact letter of an Arabic-script consonant; cls 0 for a non-consonant.
std::pair<char, char> arabic_consonant(char16_t c) {
  switch (c) {
    case u'ب':
      return {'b', 'b'};
    case u'پ':
      return {'b', 'p'};
    case u'ت':
      return {'t', 't'};
    case u'ٹ':
      return {'t', 'U'};  // Urdu retroflex letters: their own sub, see kUrduSubs
    case u'ط':
      return {'t', 'T'};
    case u'س':
      return {'s', 's'};
    case u'ص':
      return {'s', 'S'};
    case u'ث':
      return {'s', 'c'};
    case u'ز':
      return {'z', 'z'};
    case u'ذ':
      return {'z', 'd'};
    case u'ض':
      return {'z', 'D'};
    case u'ظ':
      return {'z', 'Z'};
    case u'ژ':
      return {'z', 'j'};
    case u'ج':
      return {'j', 'j'};
    case u'چ':
      return {'c', 'c'};
    case u'ش':
      return {'x', 'x'};
    case u'ک':
      return {'k', 'k'};
    case u'گ':
      return {'k', 'g'};
    case u'ق':
      return {'k', 'q'};
    case u'غ':
      return {'k', 'G'};
    case u'خ':
      return {'k', 'x'};
    case u'ح':
      return {'h', 'H'};
    case u'ه':
      return {'h', 'h'};
    case u'د':
      return {'d', 'd'};
    case u'ڈ':
      return {'d', 'U'};
    case u'ر':
      return {'r', 'r'};
    case u'ڑ':
      return {'r', 'U'};
    case u'ف':
      return {'f', 'f'};
    case u'ل':
      return {'l', 'l'};
    case u'م':
      return {'m', 'm'};
    case u'ن':
      return {'n', 'n'};
    case u'ں':
      return {'n', 'U'};
    default:
      return {0, 0};
  }
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Latin text folded to lower-case ASCII with the transliteration conventions that carry sound:
// Turkish ş ç (sh ch), Czech-style š č ž, ğ (silent), and Uzbek oʻ gʻ lose their apostrophe.
std::string latin_ascii(std::u16string_view raw) {
  icu::UnicodeString s(UBool{0}, raw.data(), static_cast<int32_t>(raw.size()));
  s.findAndReplace(u"\u0130", u"i");
  s.foldCase(U_FOLD_CASE_DEFAULT);
  s.findAndReplace(u"ş", u"sh").findAndReplace(u"ș", u"sh").findAndReplace(u"š", u"sh");
  s.findAndReplace(u"ç", u"ch").findAndReplace(u"č", u"ch").findAndReplace(u"ž", u"zh");
  s.findAndReplace(u"ğ", u"").findAndReplace(u"ı", u"i");
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  throw_if_failure(status, "loading the NFD normalizer");
  s = nfd->normalize(s, status);
  std::string out;
  for (int32_t i = 0; i < s.length(); ++i) {
    const char16_t c = s.charAt(i);
    if (c < 0x80 && u_isalpha(c)) {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// Whether the letter before w[i] is a consonant letter (ع counts: it is a consonant that
// romanizations write as a vowel).
bool follows_consonant(std::u16string_view w, std::size_t i) {
  if (i == 0) {
    return false;
  }
  const char16_t c = w[i - 1];
  return c == u'ع' || arabic_consonant(c).first != 0;
}

}  // namespace

std::vector<Phone> arabic_phones(std::u16string_view w, Doubles doubles) {
  std::vector<Phone> out;
  const std::size_t n = w.size();
  for (std::size_t i = 0; i < n; ++i) {
    const char16_t c = w[i];
    const bool initial = i == 0;
    const bool final = i + 1 == n;
    if (c == u'ھ' && !out.empty() && out.back().type == PhoneType::kConsonant) {
      out.back().aspirated = true;
      continue;
    }
    if (c == u'ھ' || c == u'ء' || c == 0x200C) {
      continue;  // a stray aspiration mark; a hamza seat; ZWNJ
    }
    const auto [cls, sub] = arabic_consonant(c);
    // A doubled letter (الله) is one consonant, as Latin spells it (Allah, -ulla).
    if (cls != 0 && i > 0 && w[i - 1] == c &&
        (doubles == Doubles::kMerged || (doubles == Doubles::kMergedInside && i > 1 && !final))) {
      continue;
    }
    if (cls == 'h' && sub == 'h' && final && !initial) {
      out.push_back({PhoneType::kFinalVowel, 'e', 'h', true, true});
    } else if (cls == 'h' && sub == 'h' && !initial && !final && w[i + 1] == 0x200C) {
      // ه ending a part of a ZWNJ word is a vowel inside the whole word (خواجه‌یف).
      out.push_back({PhoneType::kLongVowel, 'e', 'h', true, true});
    } else if (cls != 0) {
      out.push_back(consonant(cls, sub, true));
    } else if (c == u'ا' || c == u'ع') {
      if (initial) {
        out.push_back(
            {PhoneType::kCarrier, 'a', static_cast<char>(c == u'ع' ? 'E' : 'a'), false, true});
      } else if (final && c == u'ا') {
        out.push_back({PhoneType::kFinalVowel, 'a', 'a', false, true});
      } else {
        out.push_back(
            {PhoneType::kLongVowel, 'a', static_cast<char>(c == u'ع' ? 'E' : 'a'), false, true});
      }
    } else if (c == u'و') {
      if (initial) {
        out.push_back(consonant('v', 'v', true));
      } else {
        out.push_back(
            {final ? PhoneType::kFinalVowel : PhoneType::kLongVowel, 'u', 'u', true, true});
      }
    } else if (c == u'ی' || c == u'ے') {
      // یی after a vowel letter is one long vowel (سنایی, Sanai); after a consonant it is two
      // sounds, the consonant y and a vowel (یحیی, Yahya: the final ی is alef maksura).
      if (i > 1 && w[i - 1] == c && !follows_consonant(w, i - 1)) {
        if (final && out.back().type == PhoneType::kLongVowel) {
          out.back().type = PhoneType::kFinalVowel;
        }
        continue;
      }
      if (initial) {
        out.push_back(consonant('y', 'y', true));
      } else {
        out.push_back({final ? PhoneType::kFinalVowel : PhoneType::kLongVowel, 'i',
                       static_cast<char>(c == u'ے' ? 'U' : 'i'), true, true});
      }
    }
  }
  return out;
}

namespace {

// latin_phones() of the folded ASCII letters `s`, but with the digraph that starts at `apart`
// read as two letters, and with an h after a digraph kept as a letter when `h_after_digraph`.
std::vector<Phone> ascii_phones(const std::string& s, std::size_t apart, bool h_after_digraph);

}  // namespace

std::vector<Phone> latin_phones(std::u16string_view raw) {
  return ascii_phones(latin_ascii(raw), std::string::npos, false);
}

std::vector<std::vector<Phone>> latin_other_readings(std::u16string_view raw) {
  const std::string s = latin_ascii(raw);
  const std::vector<Phone> usual = ascii_phones(s, std::string::npos, false);
  std::vector<std::vector<Phone>> out;
  const auto add = [&](std::vector<Phone> p) {
    if (p.size() != usual.size() ||
        !std::equal(p.begin(), p.end(), usual.begin(), [](const Phone& a, const Phone& b) {
          return a.cls == b.cls && a.sub == b.sub && a.type == b.type;
        })) {
      out.push_back(std::move(p));
    }
  };
  add(ascii_phones(s, std::string::npos, true));
  // Only before a vowel: Is-haq, Ad-ham; Balkh's kh is one letter (its h would read as بلکه's ه).
  for (std::size_t i = 1; i + 2 < s.size() && out.size() < 4; ++i) {
    if (s[i + 1] == 'h' && std::string_view("sktdgzc").find(s[i]) != std::string_view::npos &&
        is_vowel(s[i + 2])) {
      add(ascii_phones(s, i, false));
    }
  }
  return out;
}

namespace {

std::vector<Phone> ascii_phones(const std::string& s, std::size_t apart, bool h_after_digraph) {
  std::vector<Phone> out;
  bool after_digraph = false;
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    const auto rest = std::string_view(s).substr(i);
    auto two = [&](std::string_view d) { return rest.starts_with(d); };
    const std::size_t before = out.size();
    const bool digraph_h = after_digraph;
    after_digraph = false;
    if (two("dzh") && i != apart) {
      out.push_back(consonant('j', 'j', false));
      i += 3;
      continue;
    }
    static constexpr struct {
      const char* digraph;
      char cls;
      char sub;
    } kDigraphs[] = {{"dj", 'j', 'j'}, {"zh", 'z', 'j'}, {"ch", 'c', 'c'},
                     {"sh", 'x', 'x'}, {"kh", 'k', 'x'}, {"gh", 'k', 'G'},
                     {"dh", 'z', 'd'}, {"th", 't', 'h'}, {"ph", 'f', 'f'}};
    for (const auto& d : kDigraphs) {
      if (two(d.digraph) && i != apart) {
        out.push_back(consonant(d.cls, d.sub, false));
        out.back().aspirated = true;
        i += 2;
        after_digraph = true;
        break;
      }
    }
    if (out.size() != before) {
      continue;
    }
    const char c = s[i];
    const bool next_vowel = i + 1 < n && is_vowel(s[i + 1]);
    // A doubled y is the consonant ی with shadda, not a vowel.
    const bool next_y = i + 1 < n && s[i + 1] == 'y';
    if (is_vowel(c) || (c == 'y' && i > 0 && !next_vowel && !next_y)) {
      // Each vowel letter is a phone (ay in Fayzulla is a + the ی of فیض), but a doubled one
      // (ee, oo) is one.
      std::size_t j = i + 1;
      while (j < n && s[j] == c) {
        ++j;
      }
      const char quality = c == 'o' ? 'u' : c == 'y' ? 'i' : c;
      // English writes a long o as o, a consonant and a silent e (Lahore: لاهور): O, not o.
      const bool long_o = c == 'o' && j + 2 == n && s[n - 1] == 'e' && !is_vowel(s[j]);
      PhoneType type = PhoneType::kShortVowel;
      if (i == 0) {
        type = PhoneType::kCarrier;
      } else if (j == n) {
        type = PhoneType::kFinalVowel;
      }
      out.push_back({type, quality, long_o ? 'O' : c, false, false});
      i = j;
      continue;
    }
    if (i > 0 && s[i - 1] == c && !(h_after_digraph && digraph_h)) {
      ++i;  // a doubled consonant (Attar, Muhammad) is one letter with shadda in Arabic script
      continue;
    }
    switch (c) {
      case 'p':
        out.push_back(consonant('b', 'p', false));
        break;
      case 'q':
        out.push_back(consonant('k', 'q', false));
        break;
      case 'g':
        out.push_back(consonant('k', 'g', false));
        break;
      case 'c':
        out.push_back(consonant('k', 'k', false));
        break;
      case 'x':
        out.push_back(consonant('k', 'x', false));
        break;
      case 'w':
        out.push_back(consonant('v', 'v', false));
        break;
      default:
        out.push_back(consonant(c, c, false));
        break;
    }
    ++i;
  }
  return out;
}

}  // namespace

namespace {

bool is_vowel_phone(const Phone& p) { return p.type != PhoneType::kConsonant; }

// same_script: both words are in Arabic script, where a vowel letter written or left out is a
// common spelling variant (تلفن, تلیفون), cheaper than a Latin vowel with no letter for it.
double indel_cost(const Phone& p, bool same_script) {
  if (p.type == PhoneType::kFinalVowel && !same_script) {
    return p.arabic ? 0.5 : 0.4;  // Tokyo is not تکیه: a final vowel is rarely left out
  }
  if (same_script && p.type == PhoneType::kFinalVowel) {
    // A final vowel letter added to an Arabic-script word is an ending (the nisba ی: بغدادی
    // "of Baghdad"; ه), not another spelling of the word.
    return 0.8;
  }
  if (same_script && p.sub == 'E') {
    return 1.0;  // ع is a consonant letter: two spellings of one name both write it
  }
  switch (p.type) {
    case PhoneType::kConsonant:
      return 1.0;
    case PhoneType::kShortVowel:
      return p.arabic ? 0.3 : 0.2;
    case PhoneType::kLongVowel:
      if (same_script) {
        return 0.25;  // written or not (تلفن, تلیفون), or in another place (لنین, لینن)
      }
      if (p.sub == 'E') {
        return 0.25;  // a medial ع, which romanizations often leave out
      }
      return p.cls == 'u' ? 0.5 : 0.6;
    case PhoneType::kCarrier:
    case PhoneType::kFinalVowel:
      return 0.3;
  }
  return 1.0;
}

// Within a consonant class, how far apart the exact letters are. Latin has one letter for ت/ط,
// س/ص/ث, ز/ذ/ض/ظ and ه/ح, so those cost nothing across scripts; the k class is where Latin
// spellings do tell letters apart (k/q for ک/ق, kh for خ, g/gh for گ/غ).
double consonant_letter_cost(const Phone& a, const Phone& b) {
  if (a.sub == b.sub) {
    return 0;
  }
  if (a.arabic && b.arabic) {
    return 0.5;  // two Arabic-script spellings with different letters: توقی is not توکیو
  }
  if (a.cls == 'n') {
    return 0.3;  // Urdu ں nasalizes a vowel; it is not the n of a Latin spelling (Napoleon: نپلیں)
  }
  if (a.cls == 't' && (a.sub == 'h' || b.sub == 'h')) {
    // Latin th is mostly ث (see substitution_cost), or an Urdu aspirate (تھ, ٹھ); for ت or ط
    // it is another letter, and between two Latin spellings too (th for ث, t for ت or ط).
    const Phone& other = a.sub == 'h' ? b : a;
    return other.arabic && other.aspirated ? 0 : other.arabic ? 0.3 : 0.5;
  }
  if (a.cls != 'k' && a.cls != 'b') {
    return 0;  // Latin has one letter for ت/ط, س/ص/ث, ز/ذ/ض/ظ, ه/ح, and none for ٹ ڈ ڑ
  }
  const auto pair = [&](char x, char y) {
    return (a.sub == x && b.sub == y) || (a.sub == y && b.sub == x);
  };
  if (!a.arabic && !b.arabic) {
    // Two Latin spellings: k and q trade places (Karun, Qarun); g, kh, gh are other letters
    // (Kerman is not German).
    return pair('k', 'q') ? 0.1 : 0.5;
  }
  // Latin k for گ is common (Bek for بیگ, as Persian once wrote it بیک).
  if (pair('k', 'q') || pair('g', 'G') || pair('q', 'G') || pair('k', 'g')) {
    return 0.1;
  }
  // A Latin kh or gh was written for one letter: kh is خ and gh is غ (Ghazna is غزنه, not خزنه
  // "treasury"; Balkh is بلخ, not بالغ "adult"). A plain k may still stand for خ (Russian-era
  // romanizations).
  const Phone& latin = a.arabic ? b : a;
  if (latin.sub == 'x' || latin.sub == 'G') {
    return pair('x', 'G') ? 0.6 : 0.4;
  }
  return pair('k', 'G') ? 0.3 : 0.25;
}

double vowel_cost(const Phone& a, const Phone& b) {
  if (a.cls == b.cls) {
    // A Latin o inside a word is mostly the short vowel Persian leaves unwritten (Qom is قم, not
    // قوم "people"; Rostam), u and oo the long one written و.
    const Phone& latin = a.arabic ? b : a;
    const Phone& arabic = a.arabic ? a : b;
    if (a.arabic != b.arabic && latin.sub == 'o' && latin.type == PhoneType::kShortVowel &&
        arabic.type == PhoneType::kLongVowel && arabic.cls == 'u') {
      return 0.3;
    }
    return 0;
  }
  // Latin e stands for a short vowel Arabic script leaves unwritten, rarely for ا (Enver, انور).
  const Phone& latin = a.arabic ? b : a;
  const Phone& arabic = a.arabic ? a : b;
  if (a.arabic != b.arabic) {
    if (arabic.type == PhoneType::kCarrier || latin.type == PhoneType::kCarrier) {
      return 0;
    }
    if (arabic.sub == 'h') {
      return latin.cls == 'a' || latin.cls == 'e' ? 0 : 0.7;  // Tokyo is توکیو, not تکیه
    }
    if (arabic.cls == 'i' && latin.cls == 'e') {
      return 0.1;
    }
    if (arabic.type == PhoneType::kFinalVowel && arabic.cls == 'i' && arabic.sub == 'i' &&
        latin.cls == 'a') {
      return 0.2;  // final ی was often alef maksura, read ā: موسی Musa, عیسی Isa
    }
    if (arabic.cls == 'a' && latin.sub == 'o') {
      // Tajik and Uzbek o for Persian ā (Boysun, Qoʻqon); but inside a word a Latin o is first
      // the short vowel Persian leaves unwritten, as it is against و (above): Qom is قم before
      // قام "stood".
      return latin.type == PhoneType::kShortVowel && arabic.type == PhoneType::kLongVowel ? 0.3
                                                                                          : 0.2;
    }
    // Latin e for ا is rare: Enver is انور, and انوار is Anwār ("lights").
    return arabic.cls == 'a' && latin.cls == 'e' ? 0.8 : 0.7;
  }
  // Two Latin spellings of one name vary their vowels freely (Enver, Anwar; Selim, Salim), and
  // an initial vowel is an initial vowel.
  if (!a.arabic && (a.type == PhoneType::kCarrier || b.type == PhoneType::kCarrier)) {
    return 0.1;
  }
  // But a final i against another final vowel than e is an ending of its own, the nisba (Bukhari
  // is "of Bukhara"), not a spelling of the same word.
  if (!a.arabic && a.type == PhoneType::kFinalVowel && b.type == PhoneType::kFinalVowel &&
      (a.cls == 'i') != (b.cls == 'i') && a.cls != 'e' && b.cls != 'e') {
    return 0.6;
  }
  // Between two Arabic-script spellings, a final ی and ا trade places (alef maksura: موسی,
  // موسا), but a vowel letter inside the word is the word's own (تیمور is not تیمار): it costs
  // as much as leaving one out and writing the other.
  if (a.arabic && (a.type == PhoneType::kLongVowel || b.type == PhoneType::kLongVowel)) {
    return 0.5;
  }
  return a.arabic ? 0.3 : 0.25;
}

// Two consonants of two Arabic-script spellings.
double arabic_letter_cost(const Phone& a, const Phone& b) {
  // A letter is its class and its exact letter: ژ and ج are both j, in classes z and j.
  const auto is = [](const Phone& p, const char* letter) {
    return p.cls == letter[0] && p.sub == letter[1];
  };
  const auto pair = [&](const char* x, const char* y) {
    return (is(a, x) && is(b, y)) || (is(a, y) && is(b, x));
  };
  double cost = 0;
  if (a.cls == b.cls && a.sub == b.sub) {
    // The same letter; only aspiration can tell the two apart.
  } else if (pair("bb", "bp") || pair("kk", "kg") || pair("zz", "zj") || pair("jj", "cc")) {
    // The four Persian letters, written with the Arabic letter they were made from in older and
    // Arabic-era spellings, and in Urdu's (نیشابور, نیشاپور; بیک, بیگ; جنگیز, چنگیز).
    cost = 0.1;
  } else if (a.cls != b.cls) {
    return 1.0;
  } else {
    return consonant_letter_cost(a, b);
  }
  // An aspirated consonant is another sound (بھیگ is not بیگ).
  return a.aspirated != b.aspirated ? cost + 0.5 : cost;
}

double substitution_cost(const Phone& a, const Phone& b) {
  // ع against ا or a vowel letter: romanizations write both as a vowel, but between two
  // Arabic-script spellings they are other letters (عیسی is not ایسی "such").
  if (a.arabic && b.arabic && (a.sub == 'E') != (b.sub == 'E')) {
    return 1.0;
  }
  // Urdu tells ے from ی, ں from ن, and its retroflex ٹ ڈ ڑ from ت د ر (بچے is not بچی): between
  // two Arabic-script spellings such a difference is a different word, not a spelling variant.
  if (a.arabic && b.arabic && a.sub != b.sub && (a.sub == 'U' || b.sub == 'U')) {
    return 1.0;
  }
  const bool av = is_vowel_phone(a);
  const bool bv = is_vowel_phone(b);
  if (!av && !bv && a.arabic && b.arabic) {
    return arabic_letter_cost(a, b);
  }
  if (!av && !bv) {
    const Phone& latin = a.arabic ? b : a;
    const Phone& arabic = a.arabic ? a : b;
    if (a.arabic != b.arabic && is_th_letter(a) && is_th_letter(b)) {
      return 0;  // th for ث, in two consonant classes
    }
    if (a.arabic != b.arabic && is_dad_letter(a) && is_dad_letter(b)) {
      return 0.2;  // d for ض, as Arabic reads it (Ramadan: رمضان); Persian reads z
    }
    if (a.arabic != b.arabic &&
        ((a.cls == 'v' && b.cls == 'f') || (a.cls == 'f' && b.cls == 'v'))) {
      return 0.2;  // Russian -ev/-ov is Persian -یف
    }
    if (a.cls != b.cls) {
      return 1.0;
    }
    // A romanization writes an Urdu aspirate with an h (ٹھ th, بھ bh), and a letter without one
    // for the plain consonant.
    const double aspirate = a.arabic != b.arabic && arabic.aspirated && !latin.aspirated ? 0.3 : 0;
    return consonant_letter_cost(a, b) + aspirate;
  }
  if (av && bv) {
    return vowel_cost(a, b);
  }
  const Phone& vowel = av ? a : b;
  const Phone& cons = av ? b : a;
  if (vowel.may_be_consonant &&
      ((vowel.cls == 'u' && cons.cls == 'v') || (vowel.cls == 'i' && cons.cls == 'y'))) {
    return 0;
  }
  if (vowel.type == PhoneType::kFinalVowel && vowel.sub == 'h' && cons.cls == 'h') {
    return 0;
  }
  return 1.0;
}

// Between two Arabic-script spellings, a vowel letter on the other side of a consonant costs one
// vowel letter's indel, not two: Urdu and Persian place the matres lectionis of one foreign name
// differently (لینن, لنین: Lenin).
constexpr double kVowelSwap = 0.25;

bool same_phone(const Phone& a, const Phone& b) {
  return a.type == b.type && a.cls == b.cls && a.sub == b.sub && a.aspirated == b.aspirated;
}

// Whether a's x y is b's y x with one of them a vowel letter inside the word and the other a
// consonant, or both of them و and ی inside the word, either of which may be the consonant (a
// foreign -vik written وی by Persian and یو by Urdu).
bool vowel_swap(const Phone& ax, const Phone& ay, const Phone& bx, const Phone& by) {
  if (!same_phone(ax, by) || !same_phone(ay, bx)) {
    return false;
  }
  const auto vowel = [](const Phone& p) { return p.type == PhoneType::kLongVowel; };
  const auto cons = [](const Phone& p) { return p.type == PhoneType::kConsonant; };
  const auto glide = [&](const Phone& p) { return vowel(p) && p.may_be_consonant; };
  return (vowel(ax) && cons(ay)) || (cons(ax) && vowel(ay)) ||
         (glide(ax) && glide(ay) && ax.cls != ay.cls);
}

}  // namespace

double phone_similarity(const std::vector<Phone>& a, const std::vector<Phone>& b,
                        bool unwritten_free, double floor) {
  if (a.empty() || b.empty()) {
    return 0;
  }
  const bool same_script = a.front().arabic && b.front().arabic;
  const auto indel = [&](const Phone& p) {
    return unwritten_free && p.type == PhoneType::kShortVowel && !p.arabic
               ? 0.0
               : indel_cost(p, same_script);
  };
  // Three rows of the table and the indel cost of each phone of b, on the stack for words of
  // usual length: the searcher scores every spelling listed under a query's keys, and allocating
  // cost more than a short word's table.
  constexpr std::size_t kStackRow = 40;
  const std::size_t width = b.size() + 1;
  // Left uninitialized: only the part in use is filled, below.
  std::array<double, 4 * kStackRow> stack;  // NOLINT(cppcoreguidelines-pro-type-member-init)
  std::vector<double> heap;
  double* rows = stack.data();
  if (width > kStackRow) {
    heap.assign(4 * width, 0.0);
    rows = heap.data();
  } else {
    std::fill_n(rows, 4 * width, 0.0);
  }
  double* before = rows;
  double* prev = rows + width;
  double* cur = rows + 2 * width;
  double* indel_b = rows + 3 * width;
  for (std::size_t j = 1; j <= b.size(); ++j) {
    indel_b[j] = indel(b[j - 1]);
  }
  const double length = static_cast<double>(std::max(a.size(), b.size()));
  // Costs only grow along a path, and a path meets every row but one skipped by a vowel swap:
  // once two rows in a row are all above this, the result is below the floor. The margin keeps
  // a result at the floor itself from being cut.
  const double most = (1.0 - floor) * length + 1e-9;
  double prev_least = 0;
  for (std::size_t j = 1; j <= b.size(); ++j) {
    prev[j] = prev[j - 1] + indel_b[j];
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const double indel_a = indel(a[i - 1]);
    cur[0] = prev[0] + indel_a;
    double least = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + indel_a, cur[j - 1] + indel_b[j],
                         prev[j - 1] + substitution_cost(a[i - 1], b[j - 1])});
      if (same_script && i >= 2 && j >= 2 && vowel_swap(a[i - 2], a[i - 1], b[j - 2], b[j - 1])) {
        cur[j] = std::min(cur[j], before[j - 2] + kVowelSwap);
      }
      least = std::min(least, cur[j]);
    }
    if (floor > 0 && least > most && prev_least > most) {
      return 0;
    }
    prev_least = least;
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return std::max(0.0, 1.0 - prev[b.size()] / length);
}

double best_head_similarity(const std::vector<Phone>& a, const std::vector<Phone>& b,
                            std::size_t min_length) {
  if (a.empty() || b.empty()) {
    return 0;
  }
  const bool same_script = a.front().arabic && b.front().arabic;
  // The edit-distance table of phone_similarity, a column per phone of b: the column after n
  // phones ends in the distance from a to b's first n, so every head is read off one pass. The
  // cells are the same sums in the same order, hence the same values.
  std::vector<double> col(a.size() + 1);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    col[i] = col[i - 1] + indel_cost(a[i - 1], same_script);
  }
  // The column before col, and the phone of b between the two (for vowel_swap).
  std::vector<double> earlier(a.size() + 1);
  const Phone* between = nullptr;
  std::vector<double> next(a.size() + 1);
  const auto advance = [&](const Phone& p, std::vector<double>& out) {
    out[0] = col[0] + indel_cost(p, same_script);
    for (std::size_t i = 1; i <= a.size(); ++i) {
      out[i] = std::min({out[i - 1] + indel_cost(a[i - 1], same_script),
                         col[i] + indel_cost(p, same_script),
                         col[i - 1] + substitution_cost(a[i - 1], p)});
      if (same_script && i >= 2 && between != nullptr &&
          vowel_swap(a[i - 2], a[i - 1], *between, p)) {
        out[i] = std::min(out[i], earlier[i - 2] + kVowelSwap);
      }
    }
  };
  double best = 0;
  std::vector<double> head(a.size() + 1);
  for (std::size_t n = 1; n < b.size(); ++n) {
    if (n >= min_length) {
      Phone last = b[n - 1];
      if (last.type != PhoneType::kConsonant) {
        last.type = PhoneType::kFinalVowel;
      }
      advance(last, head);
      const double length = static_cast<double>(std::max(a.size(), n));
      best = std::max(best, 1.0 - head[a.size()] / length);
    }
    advance(b[n - 1], next);
    std::swap(earlier, col);
    std::swap(col, next);
    between = &b[n - 1];
  }
  return best;
}

}  // namespace talash::internal
