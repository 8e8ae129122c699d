# One place for the compile settings every medkiosk target gets: strict Qt string casts (so every
# user-visible string has to pass through tr()), warnings, optional -Werror and sanitizers.
function(medkiosk_target_defaults target)
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH QT_NO_KEYWORDS ZX_USE_UTF8)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow=local
    -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual -Wformat=2)
  if(MEDKIOSK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(MEDKIOSK_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
      -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# Includes name their module (STYLE.md): "core/store/Store.h", "ui/KioskWindow.h",
# "app/KioskApp.h", "hw/camera/Camera.h", "face_auth/Quality.h", "poolsim/PoolSimulator.h".
# Each module publishes one folder holding a single link, <build>/include/<ns>/<ns> -> its
# sources, so a target sees the namespaces of what it links and nothing else: two folders of
# the same name (booking/, common/, face/, qr/, staff/) can no longer be confused, and a leaf
# module cannot even name a kiosk_app header. A header beside the file that includes it may be
# named bare ("FaceEngine.h" in face_auth/FaceEngine.cpp): there is no other way to read it.
function(medkiosk_module_namespace target ns)
  set(dir ${CMAKE_BINARY_DIR}/include/${ns})
  file(MAKE_DIRECTORY ${dir})
  if(NOT IS_SYMLINK ${dir}/${ns})
    file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR} ${dir}/${ns} SYMBOLIC)
  endif()
  target_include_directories(${target} PUBLIC ${dir})
endfunction()
