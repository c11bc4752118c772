# Shared set-up for ./talash, ./talash-serve and ./run-tests (sourced, not run): installs the
# Debian packages that are missing, then configures and builds Talash in $TALASH_BUILD_DIR
# (default: build/).
# Sets: root, build.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${TALASH_BUILD_DIR:-$root/build}

# What building and running Talash needs. A caller that needs more (the test command: the bench
# peers it compiles, the browser test's chromium, the Python package's pybind11) names it in
# talash_extra_packages first, and the CMake options it wants in talash_cmake_args.
talash_packages=(g++ make cmake pkg-config libxapian-dev libicu-dev libzstd-dev
                 libboost-program-options-dev catch2 nlohmann-json3-dev zlib1g-dev libxml2-dev
                 libjemalloc-dev libcpp-httplib-dev)
"$root/scripts/ensure-packages" "${talash_packages[@]}" ${talash_extra_packages[@]+"${talash_extra_packages[@]}"} ||
  exit 2

mkdir -p "$build"
if ! { cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
         ${talash_cmake_args[@]+"${talash_cmake_args[@]}"} &&
       cmake --build "$build" -j "$(nproc)"; } >"$build/build.log" 2>&1; then
  tail -n 40 "$build/build.log" >&2
  echo "talash: the build failed; the whole log is in $build/build.log" >&2
  exit 2
fi
