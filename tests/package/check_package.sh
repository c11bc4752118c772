#!/usr/bin/env bash
# The packaging tests (registered with ctest by tests/CMakeLists.txt):
#   check_package.sh MODE BUILD_DIR SOURCE_DIR SCRATCH_DIR CXX
# install       cmake --install BUILD_DIR into SCRATCH_DIR/prefix (the fixture of the others)
# headers       each public header compiles on its own (C++17), and none reaches Xapian or ICU
# find_package  the README's Embedding example, built against the installed package with
#               find_package(Talash), shared and static, and run
# pkg-config    the same example built with pkg-config's flags, and run
# subdirectory  the same example in a project that add_subdirectory()s the source tree, and run
#               (built unoptimized, without debug information: the wiring is what is tested, and
#               the library's compile is then the quickest)
set -euo pipefail
mode=$1 build=$2 source=$3 scratch=$4 cxx=$5
prefix=$scratch/prefix
mkdir -p "$scratch"

# The ```cpp block of the README's Embedding section.
readme_example() {
  awk '/^## Embedding/ { section = 1 } section && /^```cpp/ { code = 1; next }
       code && /^```/ { exit } code { print }' "$source/README.md" >"$1"
  [[ -s $1 ]] || { echo "no C++ example in the README's Embedding section" >&2; exit 1; }
}

# Runs a consumer in an empty directory; it indexes one note and must find it across scripts.
run_consumer() {
  local dir
  dir=$(mktemp -d "$scratch/run.XXXXXX")
  (cd "$dir" && "$1") >"$dir/out"
  cat "$dir/out"
  grep -q '^notes.txt: .*\[Enver\] \[Pasha\]' "$dir/out" ||
    { echo "$1: the example did not find its note" >&2; exit 1; }
  rm -rf "$dir"
}

case $mode in
  install)
    rm -rf "$prefix"
    cmake --install "$build" --prefix "$prefix" >/dev/null
    for f in include/talash/talash.h lib/cmake/Talash/TalashConfig.cmake \
             lib/cmake/Talash/TalashConfigVersion.cmake lib/pkgconfig/talash.pc lib/libtalash.so \
             lib/libtalash.a bin/talash-index bin/talash-search share/man/man1/talash-index.1 \
             share/man/man1/talash-search.1; do
      [[ -e $prefix/$f ]] || { echo "not installed: $f" >&2; exit 1; }
    done
    # The installed programs run from the prefix (they find libtalash.so through their RPATH).
    "$prefix/bin/talash-index" --version
    "$prefix/bin/talash-search" --version
    ;;
  headers)
    for h in "$prefix"/include/talash/*.h; do
      name=talash/$(basename "$h")
      echo "#include <$name>" | "$cxx" -std=c++17 -Wall -Wextra -Werror -fsyntax-only \
        -I"$prefix/include" -x c++ - || { echo "$name does not compile on its own" >&2; exit 1; }
      deps=$(echo "#include <$name>" | "$cxx" -std=c++17 -M -I"$prefix/include" -x c++ -)
      if grep -E -q 'xapian|/unicode/' <<<"$deps"; then
        echo "$name reaches a Xapian or ICU header:" >&2
        grep -E -o '[^ ]*(xapian|/unicode/)[^ ]*' <<<"$deps" >&2
        exit 1
      fi
      echo "$name: stands alone, no Xapian or ICU"
    done
    ;;
  find_package)
    readme_example "$scratch/readme_example.cc"
    rm -rf "$scratch/find_package"
    cmake -S "$source/tests/package/find_package" -B "$scratch/find_package" \
      -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix" \
      -DCONSUMER_SOURCE="$scratch/readme_example.cc" >/dev/null
    cmake --build "$scratch/find_package" >/dev/null
    run_consumer "$scratch/find_package/consumer"
    run_consumer "$scratch/find_package/consumer_static"
    ;;
  pkg-config)
    readme_example "$scratch/readme_example_pc.cc"
    export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
    # shellcheck disable=SC2046  # the flags are words
    "$cxx" -std=c++17 "$scratch/readme_example_pc.cc" -o "$scratch/pc_consumer" \
      $(pkg-config --cflags --libs talash) -Wl,-rpath,"$prefix/lib"
    run_consumer "$scratch/pc_consumer"
    ;;
  subdirectory)
    readme_example "$scratch/readme_example_sub.cc"
    cmake -S "$source/tests/package/subdirectory" -B "$scratch/subdirectory" \
      -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-O0 \
      -DTALASH_SOURCE_DIR="$source" \
      -DCONSUMER_SOURCE="$scratch/readme_example_sub.cc" >/dev/null
    cmake --build "$scratch/subdirectory" -j "$(nproc)" --target consumer >/dev/null
    run_consumer "$scratch/subdirectory/consumer"
    ;;
  *)
    echo "unknown mode $mode" >&2
    exit 2
    ;;
esac
