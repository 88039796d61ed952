/*
 * spelling.c: British spellings in their American form (see spelling.h).
 */
#include "spelling.h"

#include <stdlib.h>
#include <string.h>

typedef struct key {
  const char *w;
  size_t n;
} key;

static int cmp_entry(const void *k, const void *e) {
  const key *x = k;
  const char *s = ((const sc_spelling_entry *)e)->british;
  const int c = strncmp(x->w, s, x->n);
  if (c) return c;
  return s[x->n] ? -1 : 0;
}

const char *sc_american_spelling(const char *w, size_t n, size_t *out_len) {
  const key k = {w, n};
  const sc_spelling_entry *e = bsearch(&k, sc_spelling_table, sc_spelling_count, sizeof *e, cmp_entry);
  if (!e) return NULL;
  *out_len = strlen(e->american);
  return e->american;
}
