#include "analysis/persian_stemmer.h"

#include "analysis/char_fold.h"

#include <array>

namespace talash::internal {
namespace {

constexpr std::array<std::u16string_view, 19> kAffixes = {
    u"می", u"نمی", u"ها",  u"های", u"هایی", u"ای",  u"ی",   u"تر",  u"ترین",  u"ام",
    u"ات", u"اش",  u"مان", u"تان", u"شان",  u"اند", u"ایم", u"اید", u"هایشان"};

// Suffixes written after a ZWNJ: safe to strip whatever precedes them.
constexpr std::array<std::u16string_view, 14> kZwnjSuffixes = {
    u"هایشان", u"هایتان", u"هایمان", u"هایش", u"هایت", u"هایم", u"هایی",
    u"های",    u"ها",     u"ترین",   u"تر",   u"اش",   u"ام",   u"ات"};

}  // namespace

bool is_persian_affix(std::u16string_view part) {
  for (auto a : kAffixes) {
    if (part == a) {
      return true;
    }
  }
  return false;
}

std::u16string persian_stem(std::u16string_view folded) {
  const auto zwnj = folded.rfind(kZwnj);
  if (zwnj != std::u16string_view::npos && zwnj >= 2) {
    const auto suffix = folded.substr(zwnj + 1);
    for (auto s : kZwnjSuffixes) {
      if (suffix == s) {
        return join_zwnj(folded.substr(0, zwnj));
      }
    }
  }
  std::u16string w = join_zwnj(folded);
  std::u16string_view v = w;
  for (std::u16string_view s : {std::u16string_view(u"هایی"), std::u16string_view(u"های"),
                                std::u16string_view(u"ها"), std::u16string_view(u"ترین")}) {
    if (v.ends_with(s) && v.size() >= s.size() + 3) {
      return std::u16string(v.substr(0, v.size() - s.size()));
    }
  }
  // ان is the plural of people and animate nouns, but also ends countless names and nouns; only a
  // long remainder that is not a -ستان place name is taken for a plural.
  if (v.ends_with(u"ان") && v.size() >= 6 && !v.ends_with(u"ستان")) {
    return std::u16string(v.substr(0, v.size() - 2));
  }
  return w;
}

}  // namespace talash::internal
