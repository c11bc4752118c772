# talash_install_program(<target>): installs a command-line program and its man page, made from
# man/<target>.1.in (the version in the page comes from project(), like everything else's).
function(talash_install_program target)
  if(NOT TALASH_INSTALL)
    return()
  endif()
  install(TARGETS ${target} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  configure_file(${PROJECT_SOURCE_DIR}/man/${target}.1.in ${CMAKE_CURRENT_BINARY_DIR}/${target}.1 @ONLY)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${target}.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endfunction()
