/*
 * strmap.c: string interning (see strmap.h).
 */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

static uint64_t hash_key(const char *key, size_t len) { return XXH3_64bits(key, len); }

static int key_equals(const sc_strmap *m, uint32_t id, const char *key, size_t len) {
  const size_t klen = m->offsets[id + 1] - m->offsets[id] - 1;
  return klen == len && memcmp(m->arena + m->offsets[id], key, len) == 0;
}

int sc_strmap_find(const sc_strmap *m, const char *key, size_t len, uint32_t *out_id) {
  if (!m->slots) return 0;
  const uint64_t h = hash_key(key, len);
  for (size_t s = h & m->mask;; s = (s + 1) & m->mask) {
    const uint32_t v = m->slots[s];
    if (v == 0) return 0;
    if (m->hashes[v - 1] == h && key_equals(m, v - 1, key, len)) {
      *out_id = v - 1;
      return 1;
    }
  }
}

static sc_status grow_slots(sc_strmap *m) {
  const size_t nslots = m->slots ? (m->mask + 1) * 2 : 64;
  uint32_t *slots = sc__calloc(nslots, sizeof(uint32_t));
  SC_CHECK(!slots, SC_E_NOMEM);
  for (size_t id = 0; id < m->n; id++) {
    size_t s = m->hashes[id] & (nslots - 1);
    while (slots[s]) s = (s + 1) & (nslots - 1);
    slots[s] = (uint32_t)id + 1;
  }
  sc__free(m->slots);
  m->slots = slots;
  m->mask = nslots - 1;
  return SC_OK;
}

sc_status sc_strmap_intern(sc_strmap *m, const char *key, size_t len, uint32_t *out_id, int *added) {
  if (added) *added = 0;
  if (sc_strmap_find(m, key, len, out_id)) return SC_OK;
  SC_CHECK(m->arena_len + len + 1 >= UINT32_MAX || m->n + 1 >= UINT32_MAX, SC_E_TOO_LARGE);
  if (!m->slots || (m->n + 1) * 2 > m->mask + 1) SC_TRY(grow_slots(m));
  if (m->n + 2 > m->id_cap) {
    const size_t cap = m->id_cap ? m->id_cap * 2 : 64;
    uint64_t *hashes = sc__reallocarray(m->hashes, cap, sizeof(uint64_t));
    SC_CHECK(!hashes, SC_E_NOMEM);
    m->hashes = hashes;
    uint32_t *offsets = sc__reallocarray(m->offsets, cap, sizeof(uint32_t));
    SC_CHECK(!offsets, SC_E_NOMEM);
    m->offsets = offsets;
    m->id_cap = cap;
  }
  if (m->arena_len + len + 1 > m->arena_cap) {
    size_t cap = m->arena_cap ? m->arena_cap * 2 : 1024;
    while (cap < m->arena_len + len + 1) cap *= 2;
    char *arena = sc__realloc(m->arena, cap);
    SC_CHECK(!arena, SC_E_NOMEM);
    m->arena = arena;
    m->arena_cap = cap;
  }
  const uint64_t h = hash_key(key, len);
  const uint32_t id = (uint32_t)m->n;
  if (id == 0) m->offsets[0] = 0;
  memcpy(m->arena + m->arena_len, key, len);
  m->arena[m->arena_len + len] = '\0';
  m->arena_len += len + 1;
  m->offsets[id + 1] = (uint32_t)m->arena_len;
  m->hashes[id] = h;
  size_t s = h & m->mask;
  while (m->slots[s]) s = (s + 1) & m->mask;
  m->slots[s] = id + 1;
  m->n++;
  *out_id = id;
  if (added) *added = 1;
  return SC_OK;
}

const char *sc_strmap_key(const sc_strmap *m, uint32_t id, size_t *len) {
  assert(id < m->n);
  if (len) *len = m->offsets[id + 1] - m->offsets[id] - 1;
  return m->arena + m->offsets[id];
}

typedef struct keyed_id {
  const char *key;
  uint32_t len, id;
} keyed_id;

static int cmp_keyed_id(const void *x, const void *y) {
  const keyed_id *a = x, *b = y;
  const int c = memcmp(a->key, b->key, a->len < b->len ? a->len : b->len);
  if (c) return c;
  return (a->len > b->len) - (a->len < b->len);
}

sc_status sc_strmap_sort(sc_strmap *m, uint32_t *old_to_new) {
  if (m->n == 0) return SC_OK;
  keyed_id *k = sc__mallocarray(m->n, sizeof(keyed_id));
  char *arena = sc__malloc(m->arena_cap);
  uint32_t *offsets = sc__mallocarray(m->id_cap, sizeof(uint32_t));
  uint64_t *hashes = sc__mallocarray(m->id_cap, sizeof(uint64_t));
  if (!k || !arena || !offsets || !hashes) {
    sc__free(k);
    sc__free(arena);
    sc__free(offsets);
    sc__free(hashes);
    return SC_E_NOMEM;
  }
  for (size_t id = 0; id < m->n; id++) {
    size_t len;
    const char *key = sc_strmap_key(m, (uint32_t)id, &len);
    k[id] = (keyed_id){key, (uint32_t)len, (uint32_t)id};
  }
  qsort(k, m->n, sizeof(keyed_id), cmp_keyed_id);
  /* The keys, their offsets and stored hashes in that order. The slots stay
   * where they are, relabelled: a slot's place depends on its key's hash and
   * on what was inserted before it, not on the id it holds, so every probe
   * chain stays whole and nothing is hashed again. */
  offsets[0] = 0;
  for (uint32_t i = 0; i < m->n; i++) {
    memcpy(arena + offsets[i], k[i].key, k[i].len + 1);
    offsets[i + 1] = offsets[i] + k[i].len + 1;
    hashes[i] = m->hashes[k[i].id];
    old_to_new[k[i].id] = i;
  }
  for (size_t s = 0; s <= m->mask; s++)
    if (m->slots[s]) m->slots[s] = old_to_new[m->slots[s] - 1] + 1;
  sc__free(k);
  sc__free(m->arena);
  sc__free(m->offsets);
  sc__free(m->hashes);
  m->arena = arena;
  m->offsets = offsets;
  m->hashes = hashes;
  return SC_OK;
}

void sc_strmap_free(sc_strmap *m) {
  if (!m) return;
  sc__free(m->slots);
  sc__free(m->hashes);
  sc__free(m->offsets);
  sc__free(m->arena);
  memset(m, 0, sizeof(*m));
}
