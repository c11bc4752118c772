# How talash-index, talash-search and talash-serve link the engine and its libraries.
#
# A one-shot `talash-search Herat` is mostly start-up: loading a dozen shared libraries and
# resolving their symbols cost more than the search (measured on the 2-core development machine:
# `talash-search --version` 3.4 ms shared, 2.3 ms static; `--exact Herat` on the bench index
# 6.6 ms against 3.5 ms; bench/cli_latency). So the programs
# link libtalash, ICU, zstd and Boost.Program_options statically where Debian has the archives
# (libicu-dev, libzstd-dev and libboost-program-options-dev ship them). Xapian stays shared:
# Debian ships no libxapian.a. libtalash.so and libtalash.a are built and installed as before
# for programs that embed the engine.
#
# talash-index links the shared ICU all the same: libxml2, which it reads HTML with, loads it, and
# two copies of ICU in one process would each keep their own state.
#
# TALASH_STATIC_PROGRAMS=OFF links the programs with the shared libraries; the sanitizer and
# fuzzing builds always do, so that everything they run is instrumented alike.
#
# Gives: talash_program_icu and talash_program_options (interface targets for the programs' own
# uses of ICU and Boost.Program_options); lib/ adds talash_for_programs, the engine they link.
option(TALASH_STATIC_PROGRAMS
  "Link the programs with libtalash, ICU, zstd and Boost.Program_options statically" ON)

set(TALASH_HAVE_STATIC_PROGRAMS OFF)
if(TALASH_STATIC_PROGRAMS AND NOT TALASH_SANITIZE AND NOT TALASH_FUZZ)
  find_library(TALASH_ICUI18N_ARCHIVE NAMES libicui18n.a)
  find_library(TALASH_ICUUC_ARCHIVE NAMES libicuuc.a)
  find_library(TALASH_ICUDATA_ARCHIVE NAMES libicudata.a)
  find_library(TALASH_ZSTD_ARCHIVE NAMES libzstd.a)
  find_library(TALASH_PROGRAM_OPTIONS_ARCHIVE NAMES libboost_program_options.a)
  if(TALASH_ICUI18N_ARCHIVE AND TALASH_ICUUC_ARCHIVE AND TALASH_ICUDATA_ARCHIVE AND
     TALASH_ZSTD_ARCHIVE AND TALASH_PROGRAM_OPTIONS_ARCHIVE)
    set(TALASH_HAVE_STATIC_PROGRAMS ON)
  else()
    message(STATUS "Static ICU, zstd or Boost.Program_options archives not found: "
      "the programs link the shared libraries")
  endif()
endif()

find_package(Threads REQUIRED)
add_library(talash_program_icu INTERFACE)
add_library(talash_program_zstd INTERFACE)
if(TALASH_HAVE_STATIC_PROGRAMS)
  # In link order: i18n needs uc, uc needs its data and the dynamic loader.
  target_link_libraries(talash_program_icu INTERFACE ${TALASH_ICUI18N_ARCHIVE}
    ${TALASH_ICUUC_ARCHIVE} ${TALASH_ICUDATA_ARCHIVE} Threads::Threads ${CMAKE_DL_LIBS})
  target_include_directories(talash_program_icu INTERFACE ${ICU_INCLUDE_DIRS})
  target_link_libraries(talash_program_zstd INTERFACE ${TALASH_ZSTD_ARCHIVE})
  target_include_directories(talash_program_zstd INTERFACE
    $<TARGET_PROPERTY:zstd::libzstd_shared,INTERFACE_INCLUDE_DIRECTORIES>)
else()
  target_link_libraries(talash_program_icu INTERFACE ICU::uc ICU::i18n)
  target_link_libraries(talash_program_zstd INTERFACE zstd::libzstd_shared)
endif()

# Boost is only found when the programs are built (TALASH_BUILD_CLI).
function(talash_define_program_options)
  add_library(talash_program_options INTERFACE)
  if(TALASH_HAVE_STATIC_PROGRAMS)
    target_link_libraries(talash_program_options INTERFACE ${TALASH_PROGRAM_OPTIONS_ARCHIVE})
    target_include_directories(talash_program_options INTERFACE ${Boost_INCLUDE_DIRS})
  else()
    target_link_libraries(talash_program_options INTERFACE Boost::program_options)
  endif()
endfunction()
