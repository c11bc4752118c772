#include "result_printer.h"

#include "cli/json_output.h"

#include <talash/snippet.h>

#include <algorithm>
#include <cstring>
#include <iomanip>

namespace talash::cli {
namespace {

constexpr const char* kColorOpen = "\x1b[1;31m";
constexpr const char* kColorClose = "\x1b[0m";
constexpr const char* kDim = "\x1b[2m";

}  // namespace

void print_json(std::ostream& out, const SearchResults& results) {
  out << results_json(results) << '\n';
}

void print_json_error(std::ostream& out, const std::string& query, const std::string& error,
                      std::optional<std::size_t> position, std::size_t length) {
  out << error_json(query, error, position, length) << '\n';
}

namespace {

constexpr const char* kIndent = "   ";

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Splits pieces into lines of at most `width` code points, at spaces, keeping reading order.
std::vector<std::vector<SnippetPiece>> wrap(const std::vector<SnippetPiece>& pieces,
                                            std::size_t width) {
  std::vector<std::vector<SnippetPiece>> lines(1);
  std::size_t used = 0;
  for (const SnippetPiece& p : pieces) {
    std::size_t from = 0;
    while (from < p.text.size()) {
      std::size_t to = p.text.find(' ', from);
      to = to == std::string::npos ? p.text.size() : to + 1;
      const std::string word = p.text.substr(from, to - from);
      const std::size_t n = code_points(word);
      if (used > 0 && used + n > width) {
        lines.emplace_back();
        used = 0;
      }
      auto& line = lines.back();
      if (line.empty() || line.back().match != p.match) {
        line.push_back({"", p.match});
      }
      line.back().text += word;
      used += n;
      from = to;
    }
  }
  // A line's last space would stand at its visual start once reordered.
  for (auto& l : lines) {
    while (!l.empty() && !l.back().text.empty() && l.back().text.back() == ' ') {
      l.back().text.pop_back();
    }
  }
  return lines;
}

std::string render(const std::vector<SnippetPiece>& pieces, std::string_view open,
                   std::string_view close) {
  std::string out;
  for (const SnippetPiece& p : pieces) {
    if (p.match) {
      out.append(open).append(p.text).append(close);
    } else {
      out += p.text;
    }
  }
  return out;
}

// A snippet for the terminal: in reading order as one line, or (visual) wrapped to the width and
// each line reordered, so that a right-to-left passage reads from the top line down.
std::string line(const Result& r, const PrintOptions& options, std::string_view open,
                 std::string_view close) {
  const std::vector<SnippetPiece> pieces = snippet_pieces(r, options.snippet_chars);
  if (!options.visual) {
    return render(pieces, open, close);
  }
  std::string out;
  const std::size_t width = options.width > 10 ? options.width - std::strlen(kIndent) : 70;
  for (const auto& l : wrap(pieces, width)) {
    out += (out.empty() ? "" : std::string("\n") + kIndent);
    out += render(visual_order(l), open, close);
  }
  return out;
}

}  // namespace

void print_text(std::ostream& out, const SearchResults& results, const PrintOptions& options) {
  const char* open = options.color ? kColorOpen : kMatchOpen;
  const char* close = options.color ? kColorClose : kMatchClose;
  std::size_t rank = 0;
  for (const Result& r : results.results) {
    ++rank;
    if (options.color) {
      out << kDim;
    }
    out << rank << ". " << r.doc << " #" << r.passage << " [" << r.lang << "] score " << std::fixed
        << std::setprecision(2) << r.score;
    if (options.color) {
      out << kColorClose;
    }
    out << '\n';
    auto show_context = [&](const std::vector<Neighbour>& v) {
      for (const Neighbour& n : v) {
        Result plain;
        plain.text = n.text;
        out << "   " << (options.color ? kDim : "") << "#" << n.passage << ": "
            << line(plain, options, "", "") << (options.color ? kColorClose : "") << '\n';
      }
    };
    show_context(r.before);
    out << "   " << line(r, options, open, close) << '\n';
    show_context(r.after);
    if (options.explain) {
      for (const Match& m : r.matches) {
        out << "     " << m.query_word << " -> " << m.passage_word << "  (" << m.kind;
        if (m.kind == "transliteration") {
          out << ' ' << std::setprecision(2) << m.similarity;
        }
        out << ")\n";
      }
    }
  }
  if (results.results.empty()) {
    out << "no results for " << results.query << '\n';
  } else {
    out << "-- " << results.results.size() << " of about " << results.total << " passages";
    if (results.total_by_lang.size() > 1) {
      // Most first: the line tells where the bulk of the matches is, and how to see only those.
      std::vector<std::pair<std::size_t, std::string>> langs;
      for (const auto& [lang, n] : results.total_by_lang) {
        langs.emplace_back(n, lang);
      }
      std::stable_sort(langs.begin(), langs.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
      out << ':';
      for (std::size_t i = 0; i < langs.size(); ++i) {
        out << (i == 0 ? " " : ", ") << langs[i].first << " in " << langs[i].second;
      }
      out << " (--lang " << langs.front().second << " for those only)";
    }
    out << '\n';
  }
}

void print_stats(std::ostream& out, const IndexStats& s, bool json) {
  if (json) {
    out << stats_json(s) << '\n';
    return;
  }
  out << "documents          " << s.documents << '\n'
      << "passages           " << s.passages << " (ur " << s.passages_ur << ", fa " << s.passages_fa
      << ", en " << s.passages_en << ")\n"
      << "distinct terms     " << s.distinct_terms << '\n'
      << "analysis version   " << s.analysis_version << '\n'
      << "size on disk       " << std::setprecision(1) << std::fixed
      << static_cast<double>(s.size_bytes) / 1e6 << " MB\n"
      << "last committed     " << (s.committed.empty() ? "unknown" : s.committed) << '\n';
}

}  // namespace talash::cli
