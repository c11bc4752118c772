// IndexWriter's bulk build of a fresh index (several workers writing blocks that the commit
// merges) against the single writer it stands in for.
#include "../support/temp_dir.h"
#include "index/bulk_loader.h"
#include "index/passage_record.h"
#include "index/record_codec.h"
#include "index/term_schema.h"

#include <talash/talash.h>

#include <catch2/catch.hpp>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using talash::test::TempDir;

// Enough text for several bulk blocks: documents of words in both scripts, capitalized names
// among them (they enter the synonym table and the capitalization counts).
std::vector<talash::Document> corpus() {
  const char* words[] = {"Samarkand", "Bukhara", "Enver",         "river", "the",
                         "of",        "سمرقند",  "بخارا",         "انور",  "پاشا",
                         "و",         "در",      "می‌رود", "کتاب",  "کے",
                         "میں",       "Khiva",   "came",          "to",    "شہر"};
  std::mt19937 rng(11);
  std::vector<talash::Document> docs;
  std::size_t bytes = 0;
  for (int i = 0; bytes < 3 * talash::internal::BulkLoader::kBlockBytes; ++i) {
    std::string text;
    for (int para = 0; para < 4; ++para) {
      for (int w = 0; w < 90; ++w) {
        text += words[rng() % std::size(words)];
        text += w % 12 == 11 ? ". " : " ";
      }
      text += "\n\n";
    }
    bytes += text.size();
    docs.emplace_back("doc" + std::to_string(i) + ".txt", std::move(text), "",
                      "dump" + std::to_string(i % 7) + ".jsonl");
  }
  return docs;
}

// Everything a search can read from the index, by document id, except the commit time; records
// as they read back, since each writer compresses them with dictionaries of its own.
struct Contents {
  std::vector<std::tuple<Xapian::docid, std::string, std::vector<std::string>, std::string>>
      documents;
  std::map<std::string, std::set<std::string>> synonyms;
  std::map<std::string, std::string> metadata;
  bool operator==(const Contents&) const = default;
};

Contents read(const std::string& path) {
  Xapian::Database db(path);
  talash::internal::RecordUnpacker unpacker(
      [&db](const std::string& key) { return db.get_metadata(key); });
  Contents c;
  for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
    const Xapian::Document doc = db.get_document(*d);
    std::vector<std::string> terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      std::string entry = *t + " " + std::to_string(t.get_wdf());
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
        entry += " " + std::to_string(*p);
      }
      terms.push_back(entry);
    }
    std::string values;
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) {
      if (v.get_valueno() != talash::internal::schema::kSlotRecord) {
        values += *v + '\n';
      }
    }
    const auto record = unpacker.unpack(doc.get_value(talash::internal::schema::kSlotRecord));
    REQUIRE(record);
    c.documents.emplace_back(*d, *record, terms, values);
  }
  for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
    c.synonyms[*k] = {db.synonyms_begin(*k), db.synonyms_end(*k)};
  }
  for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k) {
    if (*k != "talash.committed" &&
        !(*k).starts_with(talash::internal::schema::kDictionaryPrefix)) {
      c.metadata[*k] = db.get_metadata(*k);
    }
  }
  return c;
}

void add_all(talash::IndexWriter& w, const std::vector<talash::Document>& docs) {
  for (const auto& d : docs) {
    w.add(d);
  }
  for (int s = 0; s < 7; ++s) {
    w.set_stamp({"dump" + std::to_string(s) + ".jsonl", "", 1, 2, 3});
  }
}

}  // namespace

TEST_CASE("A fresh index built in bulk holds what a single writer writes, in the same order",
          "[index][bulk]") {
  TempDir dir;
  const auto docs = corpus();
  {
    talash::IndexWriter one(dir / "one", {.threads = 1});
    add_all(one, docs);
    one.commit();
  }
  {
    talash::IndexWriter bulk(dir / "bulk", {.threads = 3});
    add_all(bulk, docs);
    // Stamps set while the documents are still in blocks are already readable.
    CHECK(bulk.stamp("dump3.jsonl").has_value());
    bulk.commit();
    CHECK_FALSE(std::filesystem::exists(dir / "bulk/talash-bulk"));
  }
  const Contents one = read(dir / "one");
  REQUIRE(one.documents.size() > docs.size());
  REQUIRE_FALSE(one.synonyms.empty());
  CHECK(read(dir / "bulk") == one);
}

TEST_CASE("Adding a path again during a bulk build replaces it, as a single writer does",
          "[index][bulk]") {
  TempDir dir;
  auto docs = corpus();
  docs.push_back({"doc5.txt", "Tashkent is the replacement"});
  for (const auto& [name, threads] : {std::pair{"one", 1}, std::pair{"bulk", 2}}) {
    talash::IndexWriter w(dir / name, {.threads = static_cast<std::size_t>(threads)});
    add_all(w, docs);
  }
  talash::Searcher s(dir / "bulk");
  const auto r = s.search("Tashkent");
  REQUIRE(r.results.size() == 1);
  CHECK(r.results[0].doc == "doc5.txt");
  CHECK(s.search("doc5.txt").results.empty());
  CHECK(read(dir / "bulk") == read(dir / "one"));
}

TEST_CASE("Removing a file keeps the passages of another path that shares its term's hash",
          "[index]") {
  // Two real paths with one 64-bit hash are not to be found; a passage filed under a.txt's term
  // but recording another path stands in for one.
  TempDir dir;
  const std::string db = dir / "db";
  {
    talash::IndexWriter w(db, {.threads = 1});
    w.add({"a.txt", "Samarkand"});
  }
  {
    Xapian::WritableDatabase x(db);
    Xapian::Document twin;
    twin.add_boolean_term(talash::internal::schema::file_term("a.txt"));
    twin.add_term("bukhara");
    twin.add_value(talash::internal::schema::kSlotRecord,
                   talash::internal::RecordPacker().pack(
                       talash::internal::encode_passage({"twin.txt", 1, 0, 7, "en", "Bukhara"})));
    x.add_document(twin);
    x.commit();
  }
  {
    talash::IndexWriter w(db, {.threads = 1});
    CHECK(w.remove("a.txt"));
    CHECK_FALSE(w.remove("a.txt"));
  }
  talash::Searcher s(db);
  CHECK(s.search("Samarkand").results.empty());
  const auto r = s.search("Bukhara");
  REQUIRE(r.results.size() == 1);
  CHECK(r.results[0].doc == "twin.txt");
}

TEST_CASE("A bulk build left by a killed run is discarded, and the next run starts afresh",
          "[index][bulk]") {
  TempDir dir;
  const std::string db = dir / "db";
  { talash::IndexWriter w(db); }
  std::filesystem::create_directories(db + "/talash-bulk/0");
  {
    talash::IndexWriter w(db, {.threads = 2});
    add_all(w, corpus());
  }
  CHECK_FALSE(std::filesystem::exists(db + "/talash-bulk"));
  talash::Searcher s(db);
  CHECK(s.search("Samarkand").total > 0);
}
