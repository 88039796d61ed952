/*
 * alloc.c: the engine's only door to the heap. Every allocation goes through
 * here so that tests can inject a failure at the Nth call (the zstd
 * FUZ_mallocTests / SQLite test_malloc idea) and every count * size is
 * overflow-checked in one place.
 */
#include <stdlib.h>
#include <string.h>

#include "sc_internal.h"

/* Per-thread countdown; thread-local so that it is not shared mutable state
 * between concurrent users of the library. 0 = never fail. */
static _Thread_local unsigned long fail_countdown;

void sc__alloc_fail_after(unsigned long n) { fail_countdown = n; }

static int should_fail(void) {
  if (fail_countdown == 0) return 0;
  return --fail_countdown == 0;
}

void *sc__malloc(size_t size) {
  if (should_fail()) return NULL;
  return malloc(size ? size : 1);
}

void *sc__calloc(size_t count, size_t size) {
  if (should_fail()) return NULL;
  return calloc(count ? count : 1, size ? size : 1);
}

void *sc__realloc(void *p, size_t size) {
  if (should_fail()) return NULL;
  return realloc(p, size ? size : 1);
}

void sc__free(void *p) { free(p); }

void *sc__mallocarray(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) return NULL;
  return sc__malloc(count * size);
}

void *sc__reallocarray(void *p, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) return NULL;
  return sc__realloc(p, count * size);
}

char *sc__strdup(const char *s) {
  const size_t n = strlen(s) + 1;
  char *d = sc__malloc(n);
  if (d) memcpy(d, s, n);
  return d;
}
