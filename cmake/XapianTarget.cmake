# Debian's xapian-config.cmake only sets XAPIAN_LIBRARIES / XAPIAN_INCLUDE_DIR; wrap them in a target
# so that everything else links Xapian::Xapian like any other dependency.
find_package(xapian CONFIG REQUIRED)
if(NOT TARGET Xapian::Xapian)
  add_library(Xapian::Xapian INTERFACE IMPORTED)
  target_link_libraries(Xapian::Xapian INTERFACE ${XAPIAN_LIBRARIES})
  target_include_directories(Xapian::Xapian INTERFACE ${XAPIAN_INCLUDE_DIR})
endif()
