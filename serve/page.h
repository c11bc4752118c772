// The search page talash-serve serves at /: one HTML file with its CSS and JavaScript
// (serve/page.html), compiled into the program so that nothing is read from disk or fetched from
// elsewhere.
#ifndef TALASH_SERVE_PAGE_H_
#define TALASH_SERVE_PAGE_H_

#include <string>

namespace talash::serve {

// The page's HTML.
const std::string& page();

}  // namespace talash::serve

#endif  // TALASH_SERVE_PAGE_H_
