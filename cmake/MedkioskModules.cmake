# The module graph of DESIGN §2, checked when the project is configured: a module that links what
# its row forbids, or a leaf module that includes a kiosk_app header, stops the configuration with
# one line naming the target, the forbidden dependency and the path through which it arrives.
#
#   medkiosk_check_module_graph()   at the end of the top-level CMakeLists.txt, once every
#                                   target exists.
#
# MEDKIOSK_SELFTEST_BAD_LINK="<target>=<library>" adds one forbidden link first, so that a test
# (tests/CMakeLists.txt: module_graph_refuses_bad_link) can prove the check refuses it.

# Forbidden dependencies per module, by target name (transitively, through link interfaces).
set(_mk_forbidden_medkiosk_face Qt6::Widgets Qt6::Network Qt6::HttpServer CURL::libcurl
  medkiosk_sqlcipher PkgConfig::SQLCIPHER medkiosk_core medkiosk_ui medkiosk_app medkiosk_hw
  poolsim_lib)
set(_mk_forbidden_medkiosk_hw Qt6::Widgets CURL::libcurl Qt6::HttpServer medkiosk_sqlcipher
  PkgConfig::SQLCIPHER dlib::dlib medkiosk_core medkiosk_ui medkiosk_app medkiosk_face
  poolsim_lib)
set(_mk_forbidden_medkiosk_payment Qt6::Widgets Qt6::Network CURL::libcurl dlib::dlib
  medkiosk_core medkiosk_ui medkiosk_app medkiosk_hw medkiosk_face poolsim_lib)
set(_mk_forbidden_medkiosk_core Qt6::Widgets medkiosk_hw medkiosk_ui medkiosk_app poolsim_lib)
# The shipped kiosk carries no HTTP server and no demo signing key: the simulator is a separate
# program that --demo starts.
set(_mk_forbidden_medkiosk_ui poolsim_lib)
set(_mk_forbidden_medkiosk_app poolsim_lib)
set(_mk_forbidden_medkiosk poolsim_lib Qt6::HttpServer)
set(_mk_forbidden_medkioskctl poolsim_lib Qt6::HttpServer)

# Leaf modules: their sources may include nothing of kiosk_app.
set(_mk_leaf_modules medkiosk_face medkiosk_hw medkiosk_payment)

# Strips generator expressions that only qualify a library ($<LINK_ONLY:x>, ::@ scopes).
function(_mk_clean_lib in out)
  set(lib "${in}")
  string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" lib "${lib}")
  string(REGEX REPLACE "^::@\\(.*\\);" "" lib "${lib}")
  string(REGEX REPLACE "^::@$" "" lib "${lib}")
  set(${out} "${lib}" PARENT_SCOPE)
endfunction()

# Every target reachable from `target` through LINK_LIBRARIES (its own) and
# INTERFACE_LINK_LIBRARIES (of what it links), as "lib<TAB>path" entries.
function(_mk_link_closure target out)
  set(result "")
  set(queue "")
  get_target_property(direct ${target} LINK_LIBRARIES)
  if(direct)
    foreach(d IN LISTS direct)
      _mk_clean_lib("${d}" d)
      if(d)
        list(APPEND queue "${d}|${target} -> ${d}")
      endif()
    endforeach()
  endif()
  set(seen "")
  while(queue)
    list(POP_FRONT queue item)
    string(REPLACE "|" ";" parts "${item}")
    list(GET parts 0 lib)
    list(GET parts 1 path)
    if(lib IN_LIST seen)
      continue()
    endif()
    list(APPEND seen "${lib}")
    list(APPEND result "${lib}|${path}")
    if(TARGET ${lib})
      get_target_property(aliased ${lib} ALIASED_TARGET)
      set(real ${lib})
      if(aliased)
        set(real ${aliased})
      endif()
      get_target_property(iface ${real} INTERFACE_LINK_LIBRARIES)
      if(iface)
        foreach(d IN LISTS iface)
          _mk_clean_lib("${d}" d)
          if(d AND NOT d MATCHES "^\\$<")
            list(APPEND queue "${d}|${path} -> ${d}")
          endif()
        endforeach()
      endif()
    endif()
  endwhile()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()

function(medkiosk_check_module_graph)
  if(MEDKIOSK_SELFTEST_BAD_LINK)
    string(REPLACE "=" ";" _bad "${MEDKIOSK_SELFTEST_BAD_LINK}")
    list(GET _bad 0 _bad_target)
    list(GET _bad 1 _bad_lib)
    message(STATUS "module graph self-test: linking ${_bad_target} to ${_bad_lib}")
    target_link_libraries(${_bad_target} PRIVATE ${_bad_lib})
  endif()

  set(problems "")
  foreach(module medkiosk_face medkiosk_hw medkiosk_payment medkiosk_core medkiosk_ui
      medkiosk_app medkiosk medkioskctl)
    if(NOT TARGET ${module})
      continue()
    endif()
    _mk_link_closure(${module} closure)
    foreach(entry IN LISTS closure)
      string(REPLACE "|" ";" parts "${entry}")
      list(GET parts 0 lib)
      list(GET parts 1 path)
      if(lib IN_LIST _mk_forbidden_${module})
        list(APPEND problems "${module} must not depend on ${lib} (DESIGN §2): ${path}")
      endif()
    endforeach()
  endforeach()

  # Leaf modules include nothing of kiosk_app: neither through an include path nor by name.
  foreach(module IN LISTS _mk_leaf_modules)
    if(NOT TARGET ${module})
      continue()
    endif()
    get_target_property(dirs ${module} INCLUDE_DIRECTORIES)
    foreach(dir IN LISTS dirs)
      if(dir MATCHES "kiosk_app")
        list(APPEND problems "${module} has kiosk_app in its include path: ${dir}")
      endif()
    endforeach()
    get_target_property(sources ${module} SOURCES)
    get_target_property(source_dir ${module} SOURCE_DIR)
    foreach(src IN LISTS sources)
      if(NOT IS_ABSOLUTE "${src}")
        set(src "${source_dir}/${src}")
      endif()
      if(NOT src MATCHES "\\.(h|cpp)$" OR NOT EXISTS "${src}")
        continue()
      endif()
      file(STRINGS "${src}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"")
      foreach(line IN LISTS includes)
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*" "\\1" header "${line}")
        get_filename_component(src_dir "${src}" DIRECTORY)
        if(header MATCHES "(^|/)kiosk_app/" OR header MATCHES "^(core|ui|app|ctl)/")
          list(APPEND problems "${module}: ${src} includes the kiosk_app header \"${header}\"")
        elseif(NOT EXISTS "${src_dir}/${header}" AND NOT EXISTS "${source_dir}/${header}")
          foreach(app_root core ui app ctl)
            if(EXISTS "${CMAKE_SOURCE_DIR}/kiosk_app/${app_root}/${header}")
              list(APPEND problems
                "${module}: ${src} includes \"${header}\", which is kiosk_app/${app_root}/${header}")
            endif()
          endforeach()
        endif()
      endforeach()
    endforeach()
  endforeach()

  if(problems)
    list(JOIN problems "\n  " text)
    message(FATAL_ERROR "module graph: the build refuses these dependencies:\n  ${text}")
  endif()
  message(STATUS "module graph: DESIGN §2 holds")
endfunction()
