#include "analysis/icu_status.h"

#include <talash/error.h>

#include <string>

namespace talash::internal {

void throw_if_failure(UErrorCode status, std::string_view what) {
  if (U_FAILURE(status) != 0) {
    throw Error("ICU failed while " + std::string(what) + ": " + u_errorName(status));
  }
}

}  // namespace talash::internal
