// Umbrella header: everything a program needs to index and search with Talash.
#ifndef TALASH_TALASH_H_
#define TALASH_TALASH_H_

#include <talash/analyzer.h>
#include <talash/error.h>
#include <talash/index_writer.h>
#include <talash/names.h>
#include <talash/query.h>
#include <talash/searcher.h>
#include <talash/snippet.h>
#include <talash/version.h>

#endif  // TALASH_TALASH_H_
