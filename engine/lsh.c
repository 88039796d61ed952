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

/* The cost of a setting (lsh.h) is two integrals of the S-curve by
 * Simpson's rule on STEPS intervals each (the curve is smooth): of P over
 * [0, t] and of 1 - P over [t, 1]. For ~700 settings at K = 128 that is
 * ~280K values of P; by pow() they took 5 ms (2% of a 10^4-document run),
 * all of it before any document was read. The grid does not depend on the
 * setting, so the powers are built by multiplication instead (0.2 ms): j^r
 * once per r for every grid point, (1 - j^r)^b once per b. Their rounding
 * (a few hundred ulps at most) did not change the choice, nor the reported
 * P(t), which is still computed by pow(), in any of 2682 cases compared
 * with the pow() version (K from 8 to 512, t from 0.001 to 0.999). */
enum { STEPS = 200, GRID = 2 * (STEPS + 1) };

typedef struct cost_grid {
  double j[GRID];               /* [0, STEPS]: over [0, t]; then [t, 1]     */
  double w[GRID];               /* Simpson weight times step / 3            */
  double jr[GRID];              /* j^r for the current r                    */
  double miss[GRID];            /* (1 - j^r)^b: 1 - P(j) for the current b  */
} cost_grid;

static void grid_init(cost_grid *g, double threshold) {
  const double lo[2] = {0, threshold}, hi[2] = {threshold, 1};
  for (int half = 0; half < 2; half++) {
    const double h = (hi[half] - lo[half]) / STEPS;
    for (int i = 0; i <= STEPS; i++) {
      const int k = half * (STEPS + 1) + i;
      g->j[k] = lo[half] + i * h;
      g->w[k] = (i == 0 || i == STEPS ? 1 : (i % 2 ? 4 : 2)) * h / 3;
      g->jr[k] = 1.0;
    }
  }
}

/* Area under P below the threshold plus area above P over it, from
 * g->miss. */
static double grid_cost(const cost_grid *g) {
  double below = 0, above = 0;
  for (int k = 0; k <= STEPS; k++) below += g->w[k] * (1.0 - g->miss[k]);
  for (int k = STEPS + 1; k < GRID; k++) above += g->w[k] * g->miss[k];
  return below + above;
}

sc_status sc_lsh_params_choose(uint32_t num_perm, double threshold, sc_lsh_params *out) {
  SC_CHECK(!out, SC_E_INVALID_ARG);
  SC_CHECK(!(threshold > 0 && threshold < 1), SC_E_RANGE);
  cost_grid g;
  grid_init(&g, threshold);
  double best_cost = INFINITY;
  for (uint32_t r = 1; r <= num_perm; r++) {
    for (int k = 0; k < GRID; k++) {
      g.jr[k] *= g.j[k];
      g.miss[k] = 1.0;
    }
    for (uint32_t b = 1; b * r <= num_perm; b++) {
      for (int k = 0; k < GRID; k++) g.miss[k] *= 1.0 - g.jr[k];
      sc_lsh_params p = {b, r, 0};
      p.p_at_threshold = sc_lsh_probability(&p, threshold);  /* by pow(), as reported */
      if (p.p_at_threshold < 0.95) continue;
      const double cost = grid_cost(&g);
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
 * the doc when the entries are not already in doc order, then of the top
 * 33 bits of the key; a digit that is the same in every entry is skipped.
 * Keys are hashes, so two different keys share their top 33 bits with
 * probability 2^-33: a run of equal top bits whose keys differ is then
 * sorted by qsort, and the order is the full (key, doc) order. Half the
 * key passes of a full 64-bit sort; qsort's comparisons through a
 * function pointer were 4% of a 10^4-document dedup run.
 * @return 0 if the buffer could not be allocated (the caller sorts). */
static int radix_sort_entries(sc_band_entry *e, size_t n) {
  enum { BITS = 11, BUCKETS = 1 << BITS, KEY_SHIFT = 64 - 3 * BITS };
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
  for (unsigned pass = by_doc ? 0 : 3; pass < 6; pass++) {  /* 0-2: doc, 3-5: key bits 31-63 */
    const unsigned shift = pass < 3 ? BITS * pass : KEY_SHIFT + BITS * (pass - 3);
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
  for (size_t i = 0; i < n;) {
    size_t j = i + 1;
    int differ = 0;
    while (j < n && (e[j].key >> KEY_SHIFT) == (e[i].key >> KEY_SHIFT)) differ |= e[j++].key != e[i].key;
    if (differ) qsort(e + i, j - i, sizeof(*e), cmp_entry);
    i = j;
  }
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
