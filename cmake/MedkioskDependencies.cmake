# Every third-party dependency, found once, from Debian 12 packages.
find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Network Concurrent Test
  LinguistTools)
find_package(CURL REQUIRED)
find_package(ZXing REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SQLCIPHER REQUIRED IMPORTED_TARGET sqlcipher)
find_package(OpenSSL REQUIRED)
# JOSE (issue 15, kiosk identity): libjwt signs the kiosk's client assertion (ES384, OpenSSL
# backend); cjose builds the kiosk's JWKS and verifies assertions in the simulator.
pkg_check_modules(LIBJWT REQUIRED IMPORTED_TARGET libjwt)
pkg_check_modules(CJOSE REQUIRED IMPORTED_TARGET cjose)
# Slot search pages read in one pass (issue 13: Qt's JSON parser was most of a search's parse).
find_package(simdjson CONFIG REQUIRED)
# The kiosk's systemd service (issue 10): sd_notify READY=1 and the watchdog pings.
pkg_check_modules(LIBSYSTEMD REQUIRED IMPORTED_TARGET libsystemd)

# Devices (hardware_drivers): serial scanners and printers, cameras, speech, PC/SC card readers.
find_package(Qt6 6.4 REQUIRED COMPONENTS SerialPort Multimedia TextToSpeech)
pkg_check_modules(PCSCLITE REQUIRED IMPORTED_TARGET libpcsclite)

# DESIGN §6: Debian's dlib::dlib target puts libsqlite3.so on the link line. With --as-needed
# plain SQLite would then satisfy every sqlite3_* symbol, SQLCipher would be dropped and
# "PRAGMA key" silently ignored. Remove libsqlite3 from dlib's interface, whoever links it.
find_package(dlib CONFIG REQUIRED)
get_target_property(_dlib_libs dlib::dlib INTERFACE_LINK_LIBRARIES)
if(_dlib_libs)
  list(FILTER _dlib_libs EXCLUDE REGEX "sqlite3")
  set_target_properties(dlib::dlib PROPERTIES INTERFACE_LINK_LIBRARIES "${_dlib_libs}")
endif()

# SQLCipher as a target of our own so that every user links it the same way.
add_library(medkiosk_sqlcipher INTERFACE)
target_link_libraries(medkiosk_sqlcipher INTERFACE PkgConfig::SQLCIPHER)
target_compile_definitions(medkiosk_sqlcipher INTERFACE SQLITE_HAS_CODEC)
