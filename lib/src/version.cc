#include <talash/version.h>

#include "analysis_version.h"

namespace talash {

std::string version() { return TALASH_VERSION_STRING; }

std::string analysis_version() { return internal::kAnalysisVersion; }

}  // namespace talash
