// The one place that turns an ICU error code into a talash::Error.
#ifndef TALASH_ANALYSIS_ICU_STATUS_H_
#define TALASH_ANALYSIS_ICU_STATUS_H_

#include <unicode/utypes.h>

#include <string_view>

namespace talash::internal {

// Throws talash::Error naming `what` and ICU's error name if `status` is a failure.
void throw_if_failure(UErrorCode status, std::string_view what);

}  // namespace talash::internal

#endif  // TALASH_ANALYSIS_ICU_STATUS_H_
