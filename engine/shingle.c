/*
 * shingle.c: shingle hashing and sorted 64-bit sets (see shingle.h).
 */
#include "shingle.h"

#include <string.h>
#include <xxhash.h>

uint64_t sc_hash_word(const char *w, size_t n, const uint8_t *secret) {
  return XXH3_64bits_withSecret(w, n, secret, SC_SECRET_BYTES);
}

sc_status sc_shingle_words(const char *text, const sc_span *words, size_t n, uint32_t k,
                           const sc_keys *keys, sc_u64_vec *out) {
  assert(k >= 1 && k <= SC_SHINGLE_K_MAX);
  if (n == 0) return SC_OK;
  const size_t window = n < k ? n : k;
  const size_t count = n - window + 1;
  SC_VEC_RESERVE(out, count, nomem);
  /* Ring of the last `window` word hashes, unrolled twice so that every
   * window is one contiguous run of memory for XXH3. */
  uint64_t ring[2 * SC_SHINGLE_K_MAX];
  for (size_t i = 0; i < n; i++) {
    const uint64_t h = sc_hash_word(text + words[i].start, words[i].end - words[i].start, keys->token);
    const size_t slot = i % window;
    ring[slot] = h;
    ring[slot + window] = h;
    if (i + 1 >= window) {
      const size_t first = (i + 1 - window) % window;
      out->items[out->len++] =
          XXH3_64bits_withSecret(ring + first, window * sizeof(uint64_t), keys->shingle, SC_SECRET_BYTES);
    }
  }
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

size_t sc_u64_intersect_count(const uint64_t *a, size_t na, const uint64_t *b, size_t nb) {
  size_t i = 0, j = 0, c = 0;
  while (i < na && j < nb) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      c++;
      i++;
      j++;
    }
  }
  return c;
}
