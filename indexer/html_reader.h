// Extracts the text of an HTML page with libxml2's HTML parser: the title first, then the text
// of the body, with block elements (p, div, li, h1-h6, tr, br, ...) as paragraph breaks and
// script, style and template content left out.
#ifndef TALASH_INDEXER_HTML_READER_H_
#define TALASH_INDEXER_HTML_READER_H_

#include <filesystem>
#include <string>

namespace talash::cli {

// The page's text, UTF-8 (the parser reads the page's declared encoding, UTF-8 by default).
// Byte offsets of passages then refer to this text, not to the HTML file.
std::string html_text(const std::string& bytes);

// True for names ending in .html or .htm.
bool is_html(const std::filesystem::path& path);

}  // namespace talash::cli

#endif  // TALASH_INDEXER_HTML_READER_H_
