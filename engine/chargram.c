/*
 * chargram.c: character n-gram hashing and the n-gram df table (see
 * chargram.h).
 */
#include "chargram.h"

#include <string.h>
#include <xxhash.h>

static uint64_t nonzero(uint64_t h) { return h ? h : 1; }

size_t sc_chargram_text(const char *text, const sc_span *words, size_t n_words, char *out) {
  size_t m = 0;
  for (size_t k = 0; k < n_words; k++) {
    if (k > 0 && words[k].start > words[k - 1].end) out[m++] = ' ';
    memcpy(out + m, text + words[k].start, words[k].end - words[k].start);
    m += words[k].end - words[k].start;
  }
  return m;
}

sc_status sc_chargrams(const char *text, size_t len, sc_u64_vec *out) {
  if (len < SC_GRAM_MIN) return SC_OK;
  SC_VEC_RESERVE(out, len * (SC_GRAM_MAX - SC_GRAM_MIN + 1), nomem);
  for (size_t i = 0; i + SC_GRAM_MIN <= len; i++) {
    if (((uint8_t)text[i] & 0xC0) == 0x80) continue;  /* inside a character */
    for (size_t n = SC_GRAM_MIN; n <= SC_GRAM_MAX && i + n <= len; n++)
      out->items[out->len++] = nonzero(XXH3_64bits(text + i, n));
  }
  return SC_OK;
nomem:
  return SC_E_NOMEM;
}

static size_t slot_of(const sc_gramdf *t, uint64_t h) {
  size_t s = (size_t)(h ^ (h >> 29)) & t->mask;
  while (t->keys[s] && t->keys[s] != h) s = (s + 1) & t->mask;
  return s;
}

static sc_status grow(sc_gramdf *t) {
  const size_t cap = t->keys ? (t->mask + 1) * 2 : 1 << 12;
  sc_gramdf g = {sc__calloc(cap, sizeof(uint64_t)), sc__calloc(cap, sizeof(uint32_t)), t->n, cap - 1};
  if (!g.keys || !g.df) {
    sc__free(g.keys);
    sc__free(g.df);
    return SC_E_NOMEM;
  }
  for (size_t i = 0; t->keys && i <= t->mask; i++) {
    if (!t->keys[i]) continue;
    const size_t s = slot_of(&g, t->keys[i]);
    g.keys[s] = t->keys[i];
    g.df[s] = t->df[i];
  }
  sc_gramdf_free(t);
  *t = g;
  return SC_OK;
}

sc_status sc_gramdf_add(sc_gramdf *t, const uint64_t *h, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (!t->keys || (t->n + 1) * 2 > t->mask + 1) SC_TRY(grow(t));
    const size_t s = slot_of(t, h[i]);
    if (!t->keys[s]) {
      t->keys[s] = h[i];
      t->n++;
    }
    t->df[s]++;
  }
  return SC_OK;
}

uint32_t sc_gramdf_get(const sc_gramdf *t, uint64_t h) {
  if (!t->keys) return 0;
  const size_t s = slot_of(t, h);
  return t->keys[s] ? t->df[s] : 0;
}

size_t sc_gramdf_slot(const sc_gramdf *t, uint64_t h) {
  if (!t->keys) return SIZE_MAX;
  const size_t s = slot_of(t, h);
  return t->keys[s] ? s : SIZE_MAX;
}

void sc_gramdf_free(sc_gramdf *t) {
  if (!t) return;
  sc__free(t->keys);
  sc__free(t->df);
  memset(t, 0, sizeof(*t));
}
