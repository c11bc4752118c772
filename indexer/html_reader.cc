#include "html_reader.h"

#include <algorithm>
#include <cstring>
#include <memory>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

namespace talash::cli {
namespace {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

bool is_one_of(const xmlChar* name, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) {
    return xmlStrcasecmp(name, reinterpret_cast<const xmlChar*>(n)) == 0;
  });
}

bool is_block(const xmlChar* name) {
  return is_one_of(
      name,
      {"p",  "div", "br", "li",    "ul",         "ol",      "h1",     "h2",     "h3",         "h4",
       "h5", "h6",  "tr", "table", "section",    "article", "header", "footer", "blockquote", "pre",
       "dd", "dt",  "dl", "hr",    "figcaption", "title",   "nav",    "aside"});
}

void collect(xmlNode* node, std::string& out) {
  for (xmlNode* n = node; n != nullptr; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      const char* text = reinterpret_cast<const char*>(n->content);
      if (text != nullptr) {
        out += text;
      }
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) {
      continue;
    }
    if (is_one_of(n->name, {"script", "style", "template", "noscript", "head"})) {
      continue;
    }
    const bool block = is_block(n->name);
    if (block) {
      out += "\n\n";
    }
    collect(n->children, out);
    if (block) {
      out += "\n\n";
    }
  }
}

// Collapses runs of spaces and keeps at most one blank line, so that paragraphs come out as the
// passage splitter expects them.
std::string tidy(const std::string& s) {
  std::string out;
  std::size_t newlines = 0;
  bool space = false;
  for (char c : s) {
    if (c == '\n') {
      ++newlines;
      space = false;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (newlines > 0 && !out.empty()) {
      out += newlines > 1 ? "\n\n" : " ";
    } else if (space && !out.empty()) {
      out += ' ';
    }
    newlines = 0;
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

bool is_html(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".html" || ext == ".htm";
}

std::string html_text(const std::string& bytes) {
  const std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
      bytes.data(), static_cast<int>(bytes.size()), nullptr, "UTF-8",
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  if (!doc) {
    return "";
  }
  std::string out;
  xmlNode* root = xmlDocGetRootElement(doc.get());
  // The title, then the body.
  for (xmlNode* n = root == nullptr ? nullptr : root->children; n != nullptr; n = n->next) {
    if (n->type == XML_ELEMENT_NODE && is_one_of(n->name, {"head"})) {
      for (xmlNode* h = n->children; h != nullptr; h = h->next) {
        if (h->type == XML_ELEMENT_NODE && is_one_of(h->name, {"title"})) {
          out += "\n\n";
          collect(h->children, out);
          out += "\n\n";
        }
      }
    }
  }
  collect(root, out);
  return tidy(out);
}

}  // namespace talash::cli
