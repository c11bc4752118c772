// Lucene 8 with its PersianAnalyzer, run by bench/run with the machine's Java: the same commands,
// document format and query protocol as the C++ drivers (driver.h), written against Lucene's
// public API as its documentation sets up an index. The text is stored and analysed, id and
// language stored as keywords; the stock QueryParser with AND as the default operator. Both
// threads share one IndexSearcher, as Lucene recommends.
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

public final class LuceneDriver {
  private static final int PASSES = 3;

  private LuceneDriver() {}

  static void build(String docs, String path) throws IOException {
    Analyzer analyzer = new PersianAnalyzer();
    IndexWriterConfig config = new IndexWriterConfig(analyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(Paths.get(path)), config);
        BufferedReader in = Files.newBufferedReader(Paths.get(docs), StandardCharsets.UTF_8)) {
      StringBuilder record = new StringBuilder();
      int c;
      while ((c = in.read()) != -1) {
        if (c != 0x1e) {
          record.append((char) c);
          continue;
        }
        String[] f = record.toString().split("\u001f", 3);
        record.setLength(0);
        Document doc = new Document();
        doc.add(new StringField("id", f[0], Field.Store.YES));
        doc.add(new StringField("lang", f[1], Field.Store.YES));
        doc.add(new TextField("text", f[2], Field.Store.YES));
        writer.addDocument(doc);
      }
    }
  }

  // Top 10 with their text; -1 when the parser refuses the query.
  static int search(IndexSearcher searcher, QueryParser parser, String query) throws IOException {
    Query q;
    try {
      q = parser.parse(query);
    } catch (ParseException | IllegalArgumentException e) {
      return -1;
    }
    TopDocs top = searcher.search(q, 10);
    long bytes = 0;
    for (ScoreDoc sd : top.scoreDocs) {
      bytes += searcher.doc(sd.doc).get("text").length();
    }
    return bytes > 0 ? top.scoreDocs.length : 0;
  }

  static QueryParser parser() {
    QueryParser parser = new QueryParser("text", new PersianAnalyzer());
    parser.setDefaultOperator(QueryParser.Operator.AND);
    return parser;
  }

  static double percentile(double[] sorted, double p) {
    int i = (int) Math.round(p * (sorted.length - 1));
    return sorted[Math.min(i, sorted.length - 1)];
  }

  static void query(String path, String queryFile) throws Exception {
    List<String> queries = new ArrayList<>();
    for (String line : Files.readAllLines(Paths.get(queryFile), StandardCharsets.UTF_8)) {
      if (!line.isEmpty()) {
        queries.add(line);
      }
    }
    IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(FSDirectory.open(Paths.get(path))));
    QueryParser parser = parser();
    long results = 0;
    int empty = 0;
    int refused = 0;
    for (String q : queries) {
      int n = search(searcher, parser, q);
      refused += n < 0 ? 1 : 0;
      empty += n <= 0 ? 1 : 0;
      results += Math.max(n, 0);
    }
    double[] ms = new double[queries.size() * PASSES];
    int k = 0;
    for (int pass = 0; pass < PASSES; ++pass) {
      for (String q : queries) {
        long t0 = System.nanoTime();
        search(searcher, parser, q);
        ms[k++] = (System.nanoTime() - t0) / 1e6;
      }
    }
    double mean = Arrays.stream(ms).average().orElse(0);
    Arrays.sort(ms);
    int total = queries.size() * PASSES;
    AtomicInteger next = new AtomicInteger();
    Thread[] threads = new Thread[2];
    long t0 = System.nanoTime();
    for (int t = 0; t < threads.length; ++t) {
      QueryParser own = parser();  // QueryParser is not thread-safe
      threads[t] = new Thread(() -> {
        try {
          for (int i; (i = next.getAndIncrement()) < total; ) {
            search(searcher, own, queries.get(i % queries.size()));
          }
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(java.util.Locale.ROOT,
        "{\"queries\": %d, \"results\": %d, \"empty\": %d, \"refused\": %d, \"p50_ms\": %.4f, "
            + "\"p95_ms\": %.4f, \"p99_ms\": %.4f, \"mean_ms\": %.4f, \"qps_2_threads\": %.1f}%n",
        queries.size(), results, empty, refused, percentile(ms, 0.50), percentile(ms, 0.95),
        percentile(ms, 0.99), mean, total / seconds);
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("build")) {
      build(args[1], args[2]);
    } else if (args.length == 3 && args[0].equals("query")) {
      query(args[1], args[2]);
    } else {
      System.err.println("usage: LuceneDriver build DOCS DB | query DB QUERIES");
      System.exit(2);
    }
  }
}
