# Every dependency comes from Debian and is linked PRIVATE: no dependency
# header leaks into simcheck.h. Debian ships pkg-config files for xxHash,
# libsodium and utf8proc, but no CMake package, so pkg-config finds them.
find_package(PkgConfig REQUIRED)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)

set(BLA_VENDOR OpenBLAS)
find_package(BLAS REQUIRED)
# OpenBLAS's cblas.h sits in a multiarch sub-folder on Debian.
find_path(SC_CBLAS_INCLUDE_DIR cblas.h
  PATH_SUFFIXES openblas-pthread openblas x86_64-linux-gnu/openblas-pthread
  REQUIRED)

# libstemmer (Snowball) ships neither pkg-config nor CMake files.
find_path(SC_STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(SC_STEMMER_LIBRARY stemmer REQUIRED)
add_library(sc_stemmer INTERFACE)
target_include_directories(sc_stemmer INTERFACE ${SC_STEMMER_INCLUDE_DIR})
target_link_libraries(sc_stemmer INTERFACE ${SC_STEMMER_LIBRARY})

find_package(Threads REQUIRED)
find_library(SC_LIBM m)
