/*
 * shingle.c: shingle hashing and sorted 64-bit sets (see shingle.h).
 */
#include "shingle.h"

#include <string.h>

#include "minhash.h"
#include "wordhash.h"

uint64_t sc_hash_word(const char *w, size_t n, const uint8_t *secret) { return sc_word_hash(w, n, secret); }

size_t sc_shingle_in_place(uint64_t *h, size_t n, uint32_t k, const sc_keys *keys) {
  assert(k >= 1 && k <= SC_SHINGLE_K_MAX);
  if (n == 0) return 0;
  const size_t window = n < k ? n : k;
  const size_t count = n - window + 1;
  const unsigned out_rot = (unsigned)(SC_SHINGLE_ROT * window);  /* the word leaving the window */
  const uint64_t k0 = sc__load_le64(keys->shingle), k1w = sc__load_le64(keys->shingle + 8) ^ (uint64_t)window;
  uint64_t s = 0;
  for (size_t j = 0; j < window; j++) s = sc__rotl64(s, SC_SHINGLE_ROT) ^ h[j];
  /* Shingle i overwrites word hash i, which the next step still needs. */
  for (size_t i = 0;; i++) {
    const uint64_t leaving = h[i];
    h[i] = sc_shingle_finish_k(s, k0, k1w);
    if (i + 1 == count) break;
    s = sc__rotl64(s, SC_SHINGLE_ROT) ^ sc__rotl64(leaving, out_rot) ^ h[i + window];
  }
  return count;
}

size_t sc_shingle_sketch(const uint64_t *h, size_t n, uint32_t k, const sc_keys *keys, uint32_t *sig,
                         uint32_t num_perm, uint32_t *high) {
  assert(k >= 1 && k <= SC_SHINGLE_K_MAX);
  if (n == 0) return 0;
  const size_t window = n < k ? n : k;
  const size_t count = n - window + 1;
  const unsigned out_rot = (unsigned)(SC_SHINGLE_ROT * window);
  const uint64_t k0 = sc__load_le64(keys->shingle), k1w = sc__load_le64(keys->shingle + 8) ^ (uint64_t)window;
  uint64_t s = 0;
  for (size_t j = 0; j < window; j++) s = sc__rotl64(s, SC_SHINGLE_ROT) ^ h[j];
  for (size_t i = 0;; i++) {
    const uint64_t x = sc_shingle_finish_k(s, k0, k1w);
    sc_minhash_add(sig, num_perm, x);
    high[i] = (uint32_t)(x >> 32);
    if (i + 1 == count) break;
    s = sc__rotl64(s, SC_SHINGLE_ROT) ^ sc__rotl64(h[i], out_rot) ^ h[i + window];
  }
  return count;
}

sc_status sc_shingle_words(const char *text, const sc_span *words, size_t n, uint32_t k,
                           const sc_keys *keys, sc_u64_vec *out) {
  assert(k >= 1 && k <= SC_SHINGLE_K_MAX);
  if (n == 0) return SC_OK;
  SC_VEC_RESERVE(out, n, nomem);
  uint64_t *h = out->items + out->len;
  for (size_t i = 0; i < n; i++) h[i] = sc_word_hash(text + words[i].start, words[i].end - words[i].start, keys->token);
  out->len += sc_shingle_in_place(h, n, k, keys);
  return SC_OK;
nomem:
  return SC_E_NOMEM;
}

static void insertion_sort(uint64_t *v, size_t n) {
  for (size_t i = 1; i < n; i++) {
    const uint64_t x = v[i];
    size_t j = i;
    while (j > 0 && v[j - 1] > x) {
      v[j] = v[j - 1];
      j--;
    }
    v[j] = x;
  }
}

/* LSD radix sort on bytes: eight linear passes beat qsort's n log n
 * comparisons through a function pointer from a few hundred keys up. A pass
 * whose byte is the same for every key is skipped. */
static void radix_sort(uint64_t *v, size_t n, uint64_t *tmp) {
  uint64_t *src = v, *dst = tmp;
  for (unsigned shift = 0; shift < 64; shift += 8) {
    size_t count[256] = {0};
    for (size_t i = 0; i < n; i++) count[(src[i] >> shift) & 0xFF]++;
    if (count[(src[0] >> shift) & 0xFF] == n) continue;
    size_t sum = 0;
    for (int b = 0; b < 256; b++) {
      const size_t c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (size_t i = 0; i < n; i++) dst[count[(src[i] >> shift) & 0xFF]++] = src[i];
    uint64_t *t = src;
    src = dst;
    dst = t;
  }
  if (src != v) memcpy(v, src, n * sizeof(uint64_t));
}

/* One most-significant-digit pass: the top B bits (2^B about n/4) spread
 * uniformly random keys (keyed shingle hashes) into buckets of a few keys,
 * each finished by insertion sort: two linear passes instead of radix
 * sort's eight, which dominated sketching. A bucket that comes out large
 * (keys that are not uniform) is finished by radix sort instead, so the
 * worst case stays O(n) per pass rather than quadratic. */
static void bucket_sort(uint64_t *v, size_t n, uint64_t *tmp) {
  unsigned bits = 1;
  while (bits < 16 && ((size_t)1 << (bits + 2)) < n) bits++;
  const unsigned shift = 64 - bits;
  const size_t nb = (size_t)1 << bits;
  uint32_t count[(1 << 16) + 1];
  memset(count, 0, (nb + 1) * sizeof(uint32_t));
  for (size_t i = 0; i < n; i++) count[(v[i] >> shift) + 1]++;
  for (size_t b = 0; b < nb; b++) count[b + 1] += count[b];
  for (size_t i = 0; i < n; i++) tmp[count[v[i] >> shift]++] = v[i];
  /* count[b] is now the end of bucket b; bucket b starts at count[b - 1]. */
  size_t start = 0;
  for (size_t b = 0; b < nb; b++) {
    const size_t end = count[b], m = end - start;
    if (m > 64) radix_sort(tmp + start, m, v + start);  /* v's slots are free here */
    else insertion_sort(tmp + start, m);
    start = end;
  }
  memcpy(v, tmp, n * sizeof(uint64_t));
}

void sc_u64_sort(uint64_t *v, size_t n, uint64_t *tmp) {
  if (n < 2) return;
  if (n <= 64) insertion_sort(v, n);
  else if (n <= (1u << 18)) bucket_sort(v, n, tmp);
  else radix_sort(v, n, tmp);
}

size_t sc_u64_sort_unique(uint64_t *v, size_t n, uint64_t *tmp) {
  if (n < 2) return n;
  sc_u64_sort(v, n, tmp);
  size_t m = 1;
  for (size_t i = 1; i < n; i++)
    if (v[i] != v[m - 1]) v[m++] = v[i];
  return m;
}

static void insertion_sort32(uint32_t *v, size_t n) {
  for (size_t i = 1; i < n; i++) {
    const uint32_t x = v[i];
    size_t j = i;
    while (j > 0 && v[j - 1] > x) {
      v[j] = v[j - 1];
      j--;
    }
    v[j] = x;
  }
}

/* LSD radix sort on 16-bit digits (two passes): for large arrays, where
 * 2^16 counters cost less than two more passes over the values. */
static void radix_sort32(uint32_t *v, size_t n, uint32_t *tmp) {
  size_t *count = sc__mallocarray((size_t)1 << 16, sizeof(size_t));
  if (!count) {  /* no memory for the counters: insertion sort is correct, only slow */
    insertion_sort32(v, n);
    return;
  }
  uint32_t *src = v, *dst = tmp;
  for (unsigned shift = 0; shift < 32; shift += 16) {
    memset(count, 0, ((size_t)1 << 16) * sizeof(size_t));
    for (size_t i = 0; i < n; i++) count[(src[i] >> shift) & 0xFFFF]++;
    size_t sum = 0;
    for (size_t b = 0; b < ((size_t)1 << 16); b++) {
      const size_t c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (size_t i = 0; i < n; i++) dst[count[(src[i] >> shift) & 0xFFFF]++] = src[i];
    uint32_t *t = src;
    src = dst;
    dst = t;
  }
  sc__free(count);
  assert(src == v);  /* two passes end where they started */
}

/* LSD radix sort on bytes with the four histograms taken in one pass: for
 * the few hundred values of one document it beat a bucket sort finished by
 * insertion sort (3.7 against 6.1 us for 600 uniform values here), whose
 * tiny buckets mispredict. A byte that is the same in every value is
 * skipped. */
static void radix_sort32_bytes(uint32_t *v, size_t n, uint32_t *tmp) {
  uint32_t count[4][256];
  memset(count, 0, sizeof count);
  for (size_t i = 0; i < n; i++) {
    const uint32_t x = v[i];
    count[0][x & 0xFF]++;
    count[1][(x >> 8) & 0xFF]++;
    count[2][(x >> 16) & 0xFF]++;
    count[3][x >> 24]++;
  }
  uint32_t *src = v, *dst = tmp;
  for (unsigned p = 0; p < 4; p++) {
    uint32_t *const c = count[p];
    const unsigned shift = 8 * p;
    if (c[(src[0] >> shift) & 0xFF] == n) continue;
    uint32_t sum = 0;
    for (unsigned b = 0; b < 256; b++) {
      const uint32_t k = c[b];
      c[b] = sum;
      sum += k;
    }
    for (size_t i = 0; i < n; i++) dst[c[(src[i] >> shift) & 0xFF]++] = src[i];
    uint32_t *const t = src;
    src = dst;
    dst = t;
  }
  if (src != v) memcpy(v, src, n * sizeof(uint32_t));
}

size_t sc_u32_sort_unique(uint32_t *v, size_t n, uint32_t *tmp) {
  if (n < 2) return n;
  if (n <= 32) insertion_sort32(v, n);
  else if (n <= (1u << 16)) radix_sort32_bytes(v, n, tmp);
  else radix_sort32(v, n, tmp);
  size_t m = 1;
  for (size_t i = 1; i < n; i++)
    if (v[i] != v[m - 1]) v[m++] = v[i];
  return m;
}

size_t sc_u64_intersect_count(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  size_t i = 0, j = 0, c = 0;
  while (i < na && j < nb) {  /* no branch on the comparison: it is a coin toss */
    const uint64_t u = a[i], v = b[j];
    c += u == v;
    i += u <= v;
    j += v <= u;
  }
  return c;
}

size_t sc_u32_intersect_count(const uint32_t *a, size_t na, const uint32_t *b, size_t nb) {
  size_t i = 0, j = 0, c = 0;
  while (i < na && j < nb) {  /* no branch on the comparison: it is a coin toss */
    const uint32_t u = a[i], v = b[j];
    c += u == v;
    i += u <= v;
    j += v <= u;
  }
  return c;
}

/* Empties @p s with room for @p n distinct values at most a quarter full:
 * at half full a probe went on past its home slot often enough that the
 * loop's exit mispredicted on a fifth of the values (callgrind's branch
 * simulation); a quarter halved that, and the verification of a 10^4 run
 * took 5.9-8.8 ms instead of 8.0-19 ms (12 runs each, the machine busy). */
static sc_status u32set_reset(sc_u32set *s, size_t n) {
  size_t cap = 16;
  while (cap < 4 * n) cap *= 2;
  if (cap > s->cap) {
    sc__free(s->slot);
    sc__free(s->mark);
    s->slot = sc__calloc(cap, sizeof(uint64_t));  /* generation 0: empty */
    s->mark = sc__calloc(cap, sizeof(uint32_t));  /* pass 0: never found */
    s->cap = s->slot && s->mark ? cap : 0;
    s->n = 0;
    SC_CHECK(!s->cap, SC_E_NOMEM);
    s->shift = 64;
    for (size_t c = cap; c > 1; c >>= 1) s->shift--;
    s->gen = 0;
    s->pass = 0;
  }
  if (++s->gen == 0) {  /* 2^32 generations: old slots could look current */
    memset(s->slot, 0, s->cap * sizeof(uint64_t));
    s->gen = 1;
  }
  s->n = 0;
  return SC_OK;
}

/* Home slot of @p v: the top bits of a multiplicative hash (stored values
 * are hash bits already, but need not be spread in the low ones). */
static inline size_t u32set_home(const sc_u32set *s, uint32_t v) {
  return (size_t)(((uint64_t)v * 0x9E3779B97F4A7C15ull) >> s->shift);
}

/* Inserts @p v. */
static inline void u32set_insert(sc_u32set *s, uint32_t v) {
  const uint64_t tag = (uint64_t)s->gen << 32 | v;
  const size_t mask = s->cap - 1;
  for (size_t i = u32set_home(s, v);; i = (i + 1) & mask) {
    const uint64_t e = s->slot[i];
    if (e == tag) return;
    if ((uint32_t)(e >> 32) != s->gen) {
      s->slot[i] = tag;
      s->n++;
      return;
    }
  }
}

/* The slot holding @p v, or SIZE_MAX. */
static inline size_t u32set_find(const sc_u32set *s, uint32_t v) {
  const uint64_t tag = (uint64_t)s->gen << 32 | v;
  const size_t mask = s->cap - 1;
  for (size_t i = u32set_home(s, v);; i = (i + 1) & mask) {
    const uint64_t e = s->slot[i];
    if (e == tag) return i;
    if ((uint32_t)(e >> 32) != s->gen) return SIZE_MAX;
  }
}

sc_status sc_u32set_fill(sc_u32set *s, const uint32_t *v, size_t n) {
  SC_TRY(u32set_reset(s, n));
  for (size_t i = 0; i < n; i++) u32set_insert(s, v[i]);
  return SC_OK;
}

sc_status sc_u32set_common(sc_u32set *a, sc_u32set *misses, const uint32_t *v, size_t n, size_t *common,
                           size_t *distinct) {
  SC_TRY(u32set_reset(misses, n));
  size_t c = 0;
  if (a->cap == 0) {  /* never filled: no slots to probe */
    for (size_t i = 0; i < n; i++) u32set_insert(misses, v[i]);
  } else {
    if (++a->pass == 0) {  /* 2^32 passes: old marks could look current */
      memset(a->mark, 0, a->cap * sizeof(uint32_t));
      a->pass = 1;
    }
    for (size_t i = 0; i < n; i++) {
      const size_t k = u32set_find(a, v[i]);
      if (k == SIZE_MAX) {
        u32set_insert(misses, v[i]);
        continue;
      }
      c += a->mark[k] != a->pass;  /* the first time this pass */
      a->mark[k] = a->pass;
    }
  }
  *common = c;
  *distinct = c + misses->n;
  return SC_OK;
}

void sc_u32set_free(sc_u32set *s) {
  if (!s) return;
  sc__free(s->slot);
  sc__free(s->mark);
  memset(s, 0, sizeof(*s));
}
