#include "analysis_version.h"

#include <talash/version.h>

namespace talash {

std::string version() { return TALASH_VERSION_STRING; }

std::string analysis_version() { return internal::kAnalysisVersion; }

}  // namespace talash
