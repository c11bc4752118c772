# talash_use_allocator(<target>...): links the programs given with jemalloc, which replaces malloc
# for the whole process. Indexing spends about a sixth of its CPU in glibc's malloc and free
# (Xapian's in-memory postings, our analysis); jemalloc takes 15% off a build (bench/README.md).
# Only programs link it: libtalash leaves the choice of allocator to the program embedding it.
#
# TALASH_JEMALLOC=OFF keeps glibc's malloc; the sanitizer and fuzzing builds always do, since
# AddressSanitizer brings its own allocator.
option(TALASH_JEMALLOC "Link talash-index, talash-search and the benchmark drivers with jemalloc" ON)

set(TALASH_HAVE_JEMALLOC OFF)
if(TALASH_JEMALLOC AND NOT TALASH_SANITIZE AND NOT TALASH_FUZZ)
  find_package(PkgConfig)
  if(PkgConfig_FOUND)
    pkg_check_modules(JEMALLOC IMPORTED_TARGET jemalloc)
  endif()
  if(JEMALLOC_FOUND)
    set(TALASH_HAVE_JEMALLOC ON)
  else()
    message(WARNING "jemalloc not found (Debian: libjemalloc-dev): the programs use glibc's malloc")
  endif()
endif()

function(talash_use_allocator)
  if(NOT TALASH_HAVE_JEMALLOC)
    return()
  endif()
  foreach(target IN LISTS ARGN)
    # --no-as-needed: the program calls malloc through libstdc++, never jemalloc directly, and
    # the library must stay in its link map to take malloc's place.
    target_link_libraries(${target} PRIVATE "-Wl,--push-state,--no-as-needed"
      PkgConfig::JEMALLOC "-Wl,--pop-state")
  endforeach()
endfunction()
