# Test hooks (issue 10): the few places where a suite needs a program to misbehave on purpose
# (kill -9 at a stage of the store key rotation, a UI thread that hangs after N watchdog pings)
# are link-time hooks. The programs (medkiosk, medkioskctl: what packaging/ ships) link the
# hook's definition from their own library, which does nothing and names no environment
# variable. With MEDKIOSK_TEST_HOOKS ON (the default of a tree that builds the tests, as
# build/release and CI do), each suite that needs a hook gets a twin of the program: the same
# objects, relinked with the test's definition first (two links, no compile of the program
# again). With it OFF the twins are not built and those suites skip, naming this option (a
# failure under CI=true, where the hooks are expected). packaging_lifecycle checks that the
# installed programs hold no MEDKIOSK_*TEST* name.
include_guard(GLOBAL)

option(MEDKIOSK_TEST_HOOKS
  "Build the test twins of medkiosk/medkioskctl with their test hooks (the programs never have them)"
  ${MEDKIOSK_BUILD_TESTS})

# medkiosk_test_twin(<twin> <program> <hook source>...): <twin> is <program>'s objects linked with
# the hook sources (whose definitions win over the library's do-nothing ones: an object on the
# link line is always linked, an archive member only for a symbol still undefined).
function(medkiosk_test_twin twin program)
  add_executable(${twin} $<TARGET_OBJECTS:${program}> ${ARGN})
  get_target_property(_mk_libs ${program} LINK_LIBRARIES)
  target_link_libraries(${twin} PRIVATE ${_mk_libs})
  medkiosk_target_defaults(${twin})
endfunction()

# medkiosk_test_hooks_definitions(<test> <VAR>=<twin>...): the test sees MEDKIOSK_TEST_HOOKS (1
# or 0) and, when 1, each twin's path in <VAR>; it depends on the twins.
function(medkiosk_test_hooks_definitions test)
  if(MEDKIOSK_TEST_HOOKS)
    target_compile_definitions(${test} PRIVATE MEDKIOSK_TEST_HOOKS=1)
    foreach(_mk_pair ${ARGN})
      string(REPLACE "=" ";" _mk_kv ${_mk_pair})
      list(GET _mk_kv 0 _mk_var)
      list(GET _mk_kv 1 _mk_twin)
      target_compile_definitions(${test} PRIVATE ${_mk_var}="$<TARGET_FILE:${_mk_twin}>")
      add_dependencies(${test} ${_mk_twin})
    endforeach()
  else()
    target_compile_definitions(${test} PRIVATE MEDKIOSK_TEST_HOOKS=0)
  endif()
endfunction()
