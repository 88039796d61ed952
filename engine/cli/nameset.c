/*
 * nameset.c: see nameset.h.
 */
#include "nameset.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

/* XXH3 (the project's hash for shingles too); 0 is reserved for free slots. */
static uint64_t name_hash(const char *s) {
  const uint64_t h = XXH3_64bits(s, strlen(s));
  return h ? h : 1;
}

static int insert(uint64_t *slots, size_t cap, uint64_t h) {
  for (size_t i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1)) {
    if (slots[i] == h) return 0;
    if (slots[i] == 0) {
      slots[i] = h;
      return 1;
    }
  }
}

int name_set_add(name_set *s, const char *name) {
  if ((s->n + 1) * 2 > s->cap) {  /* at most half full */
    const size_t cap = s->cap ? s->cap * 2 : 1024;
    uint64_t *slots = calloc(cap, sizeof *slots);
    if (!slots) return -1;
    for (size_t i = 0; i < s->cap; i++)
      if (s->slots[i]) insert(slots, cap, s->slots[i]);
    free(s->slots);
    s->slots = slots;
    s->cap = cap;
  }
  const int added = insert(s->slots, s->cap, name_hash(name));
  s->n += (size_t)added;
  return added;
}

int name_set_has(const name_set *s, const char *name) {
  if (s->cap == 0) return 0;
  const uint64_t h = name_hash(name);
  for (size_t i = (size_t)h & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
    if (s->slots[i] == h) return 1;
    if (s->slots[i] == 0) return 0;
  }
}

void name_set_free(name_set *s) {
  free(s->slots);
  *s = (name_set){0};
}
