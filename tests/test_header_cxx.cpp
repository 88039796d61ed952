// test_header_cxx.cpp: the header hygiene test compiled as C++ (extern "C"
// guards, no C-only constructs in simcheck.h).
#include "test_header.c"
