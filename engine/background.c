/*
 * background.c: lookups in the shipped background table (background.h).
 */
#include "background.h"

#include <stdlib.h>
#include <string.h>

static int cmp_stem(const void *key, const void *elem) {
  return strcmp((const char *)key, ((const sc_background_entry *)elem)->stem);
}

uint32_t sc_background_df(const char *stem) {
  const sc_background_entry *e =
      bsearch(stem, sc_background_terms, sc_background_count, sizeof *sc_background_terms, cmp_stem);
  return e ? e->df : 0;
}
