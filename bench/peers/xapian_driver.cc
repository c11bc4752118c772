// Plain Xapian 1.4, what a Xapian user gets without Talash: TermGenerator with positions and no
// stemmer (Xapian has none for Persian or Urdu), the text as document data, the language as a
// boolean term; QueryParser with lang: as a boolean prefix and AND as the default operator, as
// the other engines here are run.
#include "driver.h"

#include <xapian.h>

namespace {

void build(const std::string& docs, const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  bench::for_each_doc(docs, [&](bench::Doc& d) {
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(d.text);
    doc.add_boolean_term("XL" + d.lang);
    doc.add_boolean_term("Q" + d.id);
    doc.set_data(d.text);
    db.add_document(doc);
  });
  db.commit();
}

class XapianSearcher : public bench::Searcher {
 public:
  explicit XapianSearcher(const std::string& path) : db_(path), enquire_(db_) {
    parser_.set_database(db_);
    parser_.add_boolean_prefix("lang", "XL");
    parser_.set_default_op(Xapian::Query::OP_AND);
  }

  std::optional<std::size_t> search(const std::string& query) override {
    try {
      enquire_.set_query(parser_.parse_query(query));
    } catch (const Xapian::QueryParserError&) {
      return std::nullopt;
    }
    const Xapian::MSet mset = enquire_.get_mset(0, 10);
    std::size_t bytes = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      bytes += it.get_document().get_data().size();
    }
    return bytes > 0 ? mset.size() : 0;
  }

 private:
  Xapian::Database db_;
  Xapian::Enquire enquire_;
  Xapian::QueryParser parser_;
};

}  // namespace

int main(int argc, char** argv) {
  try {
    return bench::main(argc, argv, "xapian_driver", build,
                       [](const std::string& db) { return std::make_unique<XapianSearcher>(db); });
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "xapian_driver: %s\n", e.get_description().c_str());
    return 1;
  }
}
