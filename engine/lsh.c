/*
 * lsh.c: banding parameters, band keys and candidate pairs (see lsh.h).
 */
#include "lsh.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

double sc_lsh_probability(const sc_lsh_params *p, double j) {
  return 1.0 - pow(1.0 - pow(j, (double)p->rows), (double)p->bands);
}

/* Integral of f over [lo, hi] by Simpson's rule (the S-curve is smooth). */
static double integrate(const sc_lsh_params *p, double lo, double hi, int miss) {
  enum { STEPS = 200 };
  const double h = (hi - lo) / STEPS;
  double s = 0;
  for (int i = 0; i <= STEPS; i++) {
    const double pr = sc_lsh_probability(p, lo + i * h);
    const double f = miss ? 1.0 - pr : pr;
    s += f * (i == 0 || i == STEPS ? 1 : (i % 2 ? 4 : 2));
  }
  return s * h / 3;
}

sc_status sc_lsh_params_choose(uint32_t num_perm, double threshold, sc_lsh_params *out) {
  SC_CHECK(!out, SC_E_INVALID_ARG);
  SC_CHECK(!(threshold > 0 && threshold < 1), SC_E_RANGE);
  double best_cost = INFINITY;
  for (uint32_t r = 1; r <= num_perm; r++) {
    for (uint32_t b = 1; b * r <= num_perm; b++) {
      sc_lsh_params p = {b, r, 0};
      p.p_at_threshold = sc_lsh_probability(&p, threshold);
      if (p.p_at_threshold < 0.95) continue;
      const double cost = integrate(&p, 0, threshold, 0) + integrate(&p, threshold, 1, 1);
      if (cost < best_cost) {
        best_cost = cost;
        *out = p;
      }
    }
  }
  return isinf(best_cost) ? SC_E_RANGE : SC_OK;
}

void sc_lsh_band_keys(const sc_lsh_params *p, const uint32_t *sig, uint64_t *keys) {
  for (uint32_t band = 0; band < p->bands; band++)
    keys[band] = XXH3_64bits_withSeed(sig + band * p->rows, p->rows * sizeof(uint32_t), band);
}

static int cmp_entry(const void *x, const void *y) {
  const sc_band_entry *a = x, *b = y;
  if (a->key != b->key) return a->key < b->key ? -1 : 1;
  return (a->doc > b->doc) - (a->doc < b->doc);
}

static uint64_t pair_key(uint32_t a, uint32_t b) {
  return a < b ? (uint64_t)a << 32 | b : (uint64_t)b << 32 | a;
}

/* Sorts by (key, doc) with a stable LSD radix sort on 11-bit digits: of
 * the doc when the entries are not already in doc order, then of the key;
 * a digit that is the same in every entry is skipped. qsort's comparisons
 * through a function pointer were 4% of a 10^4-document dedup run.
 * @return 0 if the buffer could not be allocated (the caller sorts). */
static int radix_sort_entries(sc_band_entry *e, size_t n) {
  enum { BITS = 11, BUCKETS = 1 << BITS };
  sc_band_entry *tmp = sc__mallocarray(n, sizeof(*e));
  size_t *count = sc__mallocarray(BUCKETS, sizeof(size_t));
  if (!tmp || !count) {
    sc__free(tmp);
    sc__free(count);
    return 0;
  }
  int by_doc = 0;
  for (size_t i = 1; i < n && !by_doc; i++) by_doc = e[i].doc < e[i - 1].doc;
  sc_band_entry *src = e, *dst = tmp;
  for (unsigned pass = by_doc ? 0 : 3; pass < 9; pass++) {  /* 0-2: doc, 3-8: key */
    const unsigned shift = pass < 3 ? BITS * pass : BITS * (pass - 3);
    memset(count, 0, BUCKETS * sizeof(size_t));
#define DIGIT(x) ((pass < 3 ? (uint64_t)(x).doc >> shift : (x).key >> shift) & (BUCKETS - 1))
    for (size_t i = 0; i < n; i++) count[DIGIT(src[i])]++;
    if (count[DIGIT(src[0])] == n) continue;
    size_t sum = 0;
    for (size_t b = 0; b < BUCKETS; b++) {
      const size_t c = count[b];
      count[b] = sum;
      sum += c;
    }
    for (size_t i = 0; i < n; i++) dst[count[DIGIT(src[i])]++] = src[i];
#undef DIGIT
    sc_band_entry *const t = src;
    src = dst;
    dst = t;
  }
  if (src != e) memcpy(e, src, n * sizeof(*e));
  sc__free(tmp);
  sc__free(count);
  return 1;
}

sc_status sc_lsh_band_candidates(sc_band_entry *e, size_t n, sc_u64_vec *pairs) {
  if (n < 2) return SC_OK;
  if (n < 256 || !radix_sort_entries(e, n)) qsort(e, n, sizeof(*e), cmp_entry);
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    while (j < n && e[j].key == e[i].key) j++;
    const size_t m = j - i;
    if (m <= SC_LSH_BUCKET_MAX) {
      for (size_t x = i; x < j; x++)
        for (size_t y = x + 1; y < j; y++) SC_VEC_PUSH(pairs, pair_key(e[x].doc, e[y].doc), nomem);
    } else {
      for (size_t x = i + 1; x < j; x++) SC_VEC_PUSH(pairs, pair_key(e[i].doc, e[x].doc), nomem);
    }
    i = j;
  }
  return SC_OK;
nomem:
  return SC_E_NOMEM;
}
