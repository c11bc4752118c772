// Lucene++ 3.0.8 with its PersianAnalyzer (contrib), as its documentation sets up an index: the
// text stored and analysed, id and language stored unanalysed; the stock QueryParser with AND as
// the default operator. Lucene++ strings are wide, so text crosses that boundary both ways.
#include "driver.h"

#include <lucene++/LuceneHeaders.h>
#include <lucene++/PersianAnalyzer.h>

namespace {

using namespace Lucene;  // NOLINT(google-build-using-namespace): the library's own idiom

String wide(const std::string& s) {
  return StringUtils::toUnicode(reinterpret_cast<const uint8_t*>(s.data()),
                                static_cast<int32_t>(s.size()));
}

AnalyzerPtr analyzer() { return newLucene<PersianAnalyzer>(LuceneVersion::LUCENE_CURRENT); }

void build(const std::string& docs, const std::string& path) {
  IndexWriterPtr writer = newLucene<IndexWriter>(FSDirectory::open(wide(path)), analyzer(), true,
                                                 IndexWriter::MaxFieldLengthUNLIMITED);
  bench::for_each_doc(docs, [&](bench::Doc& d) {
    DocumentPtr doc = newLucene<Document>();
    doc->add(newLucene<Field>(L"id", wide(d.id), Field::STORE_YES, Field::INDEX_NOT_ANALYZED));
    doc->add(newLucene<Field>(L"lang", wide(d.lang), Field::STORE_YES, Field::INDEX_NOT_ANALYZED));
    doc->add(newLucene<Field>(L"text", wide(d.text), Field::STORE_YES, Field::INDEX_ANALYZED));
    writer->addDocument(doc);
  });
  writer->close();
}

class LuceneppSearcher : public bench::Searcher {
 public:
  explicit LuceneppSearcher(const std::string& path)
      : searcher_(newLucene<IndexSearcher>(IndexReader::open(FSDirectory::open(wide(path)), true))),
        parser_(newLucene<QueryParser>(LuceneVersion::LUCENE_CURRENT, L"text", analyzer())) {
    parser_->setDefaultOperator(QueryParser::AND_OPERATOR);
  }

  std::optional<std::size_t> search(const std::string& query) override {
    QueryPtr q;
    try {
      q = parser_->parse(wide(query));
    } catch (const LuceneException&) {
      return std::nullopt;
    }
    TopDocsPtr top = searcher_->search(q, 10);
    std::size_t bytes = 0;
    for (const ScoreDocPtr& sd : top->scoreDocs) {
      bytes += StringUtils::toUTF8(searcher_->doc(sd->doc)->get(L"text")).size();
    }
    return bytes > 0 ? top->scoreDocs.size() : 0;
  }

 private:
  IndexSearcherPtr searcher_;
  QueryParserPtr parser_;
};

}  // namespace

int main(int argc, char** argv) {
  try {
    return bench::main(argc, argv, "lucenepp_driver", build, [](const std::string& db) {
      return std::make_unique<LuceneppSearcher>(db);
    });
  } catch (const Lucene::LuceneException& e) {
    std::fprintf(stderr, "lucenepp_driver: %ls\n", e.getError().c_str());
    return 1;
  }
}
