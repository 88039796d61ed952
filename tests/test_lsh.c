/*
 * test_lsh.c (property): LSH banding (lsh.h).
 *
 *  - sc_lsh_params_choose for K = 128 at thresholds 0.5, 0.7, 0.8, 0.9:
 *    bands * rows <= K, P(candidate) at the threshold >= 0.95, the recorded
 *    p_at_threshold is 1 - (1 - t^r)^b, and the choice minimises the
 *    documented cost (area under the S-curve below the threshold plus the
 *    area above it left uncovered) among all feasible (b, r), recomputed
 *    here independently with a much finer integration.
 *  - sc_lsh_probability against the closed form on a grid.
 *  - sc_lsh_band_keys: equal band rows give equal keys, one changed row
 *    changes that band's key only; the same rows in two bands hash apart.
 *  - sc_lsh_band_candidates against a brute-force grouping on seeded random
 *    keys: every pair of a bucket of at most SC_LSH_BUCKET_MAX documents, and
 *    for a larger bucket the star from its first (smallest) document; pairs
 *    are appended (earlier items kept) as (a << 32 | b) with a < b.
 */
#include "lsh.h"
#include "sc_test.h"

enum { K = 128 };

static const double thresholds[] = {0.5, 0.7, 0.8, 0.9};

static double prob(uint32_t b, uint32_t r, double j) { return 1.0 - pow(1.0 - pow(j, (double)r), (double)b); }

/* The documented cost, integrated with composite Simpson on 4000 steps. */
static double cost(uint32_t b, uint32_t r, double t) {
  enum { STEPS = 4000 };
  double below = 0, above = 0;
  const double h1 = t / STEPS, h2 = (1 - t) / STEPS;
  for (int i = 0; i <= STEPS; i++) {
    const double w = (i == 0 || i == STEPS) ? 1 : (i % 2 ? 4 : 2);
    below += w * prob(b, r, i * h1);
    above += w * (1 - prob(b, r, t + i * h2));
  }
  return below * h1 / 3 + above * h2 / 3;
}

static void test_params(void) {
  for (size_t k = 0; k < sizeof thresholds / sizeof thresholds[0]; k++) {
    const double t = thresholds[k];
    sc_lsh_params p;
    memset(&p, 0, sizeof p);
    CHECK_EQ_INT(sc_lsh_params_choose(K, t, &p), SC_OK);
    printf("  threshold %.1f: %u bands x %u rows, P(t) = %.4f\n", t, p.bands, p.rows, p.p_at_threshold);
    CHECK_MSG(p.bands >= 1 && p.rows >= 1, "t=%.1f b=%u r=%u", t, p.bands, p.rows);
    CHECK_MSG((uint64_t)p.bands * p.rows <= K, "t=%.1f b=%u r=%u", t, p.bands, p.rows);
    CHECK_MSG(p.p_at_threshold >= 0.95, "t=%.1f P=%.6f", t, p.p_at_threshold);
    CHECK_NEAR(p.p_at_threshold, prob(p.bands, p.rows, t), 1e-12);
    CHECK_NEAR(sc_lsh_probability(&p, t), p.p_at_threshold, 1e-12);

    /* Exhaustive: no feasible setting is cheaper (beyond integration noise). */
    double best = INFINITY;
    uint32_t bb = 0, br = 0;
    for (uint32_t r = 1; r <= K; r++)
      for (uint32_t b = 1; b * r <= K; b++) {
        if (prob(b, r, t) < 0.95) continue;
        const double c = cost(b, r, t);
        if (c < best) {
          best = c;
          bb = b;
          br = r;
        }
      }
    const double chosen = cost(p.bands, p.rows, t);
    CHECK_MSG(chosen <= best + 1e-4, "t=%.1f: chose %ux%u cost %.6f, but %ux%u costs %.6f", t, p.bands, p.rows,
              chosen, bb, br, best);
  }

  /* Out of range: no threshold outside (0,1); no setting reaches 0.95. */
  sc_lsh_params p;
  CHECK_EQ_INT(sc_lsh_params_choose(K, 0.0, &p), SC_E_RANGE);
  CHECK_EQ_INT(sc_lsh_params_choose(K, 1.0, &p), SC_E_RANGE);
  CHECK_EQ_INT(sc_lsh_params_choose(K, -0.5, &p), SC_E_RANGE);
  CHECK_EQ_INT(sc_lsh_params_choose(K, NAN, &p), SC_E_RANGE);
  CHECK_EQ_INT(sc_lsh_params_choose(1, 0.5, &p), SC_E_RANGE);  /* 1x1 gives 0.5 */
  /* Eight registers at 0.5: 8 bands of 1 row give 1 - 0.5^8 = 0.996 only. */
  CHECK_EQ_INT(sc_lsh_params_choose(8, 0.5, &p), SC_OK);
  CHECK_MSG(p.bands * p.rows <= 8 && p.p_at_threshold >= 0.95, "K=8: %ux%u P=%.4f", p.bands, p.rows,
            p.p_at_threshold);
}

static void test_probability(void) {
  static const uint32_t settings[][2] = {{1, 1}, {20, 5}, {16, 8}, {9, 14}, {128, 1}, {1, 128}, {32, 4}};
  for (size_t s = 0; s < sizeof settings / sizeof settings[0]; s++) {
    const sc_lsh_params p = {settings[s][0], settings[s][1], 0};
    for (int i = 0; i <= 100; i++) {
      const double j = i / 100.0;
      const double want = 1.0 - pow(1.0 - pow(j, p.rows), p.bands);
      CHECK_MSG(fabs(sc_lsh_probability(&p, j) - want) <= 1e-12, "b=%u r=%u j=%.2f: %.15g vs %.15g", p.bands,
                p.rows, j, sc_lsh_probability(&p, j), want);
    }
    CHECK(sc_lsh_probability(&p, 0.0) == 0.0);
    CHECK(sc_lsh_probability(&p, 1.0) == 1.0);
  }
}

static void test_band_keys(void) {
  const sc_lsh_params p = {16, 8, 0};
  uint32_t a[K], b[K];
  uint64_t ka[16], kb[16];
  for (int trial = 0; trial < 50; trial++) {
    for (int i = 0; i < K; i++) a[i] = b[i] = (uint32_t)sc_test_rand();
    const uint32_t band = (uint32_t)sc_test_below(p.bands), row = (uint32_t)sc_test_below(p.rows);
    b[band * p.rows + row] ^= 1u + (uint32_t)sc_test_below(0xFFFFFFFEu);
    sc_lsh_band_keys(&p, a, ka);
    sc_lsh_band_keys(&p, b, kb);
    for (uint32_t x = 0; x < p.bands; x++) {
      if (x == band) CHECK_MSG(ka[x] != kb[x], "trial %d: band %u changed but key equal", trial, x);
      else CHECK_MSG(ka[x] == kb[x], "trial %d: band %u unchanged but key differs", trial, x);
    }
  }
  /* The same rows in every band: keys are seeded by band, so they differ. */
  for (int i = 0; i < K; i++) a[i] = (uint32_t)(i % 8);
  sc_lsh_band_keys(&p, a, ka);
  for (uint32_t x = 1; x < p.bands; x++) CHECK_MSG(ka[x] != ka[0], "band %u key equals band 0's", x);
}

static int cmp_u64(const void *x, const void *y) {
  const uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return (a > b) - (a < b);
}

static uint64_t pk(uint32_t a, uint32_t b) { return a < b ? (uint64_t)a << 32 | b : (uint64_t)b << 32 | a; }

/* One band of @p n entries; @p forced lists bucket sizes to plant on top of
 * the random keys drawn from @p key_space values. */
static void one_band(size_t n_random, uint64_t key_space, const size_t *forced, size_t n_forced) {
  size_t n = n_random;
  for (size_t f = 0; f < n_forced; f++) n += forced[f];
  sc_band_entry *e = malloc((n ? n : 1) * sizeof *e), *copy = malloc((n ? n : 1) * sizeof *copy);
  uint32_t *docs = malloc((n ? n : 1) * sizeof *docs);
  /* Distinct document ids in random order (one entry per document per band). */
  for (size_t i = 0; i < n; i++) docs[i] = (uint32_t)(i * 7 + sc_test_below(7));
  for (size_t i = n; i > 1; i--) {
    const size_t j = sc_test_below(i);
    const uint32_t t = docs[i - 1];
    docs[i - 1] = docs[j];
    docs[j] = t;
  }
  size_t m = 0;
  for (size_t i = 0; i < n_random; i++, m++) e[m] = (sc_band_entry){sc_test_below(key_space), docs[m]};
  for (size_t f = 0; f < n_forced; f++) {
    const uint64_t key = 0x8000000000000000ull + f;  /* outside the random space */
    for (size_t i = 0; i < forced[f]; i++, m++) e[m] = (sc_band_entry){key, docs[m]};
  }
  for (size_t i = n; i > 1; i--) {  /* shuffle entries */
    const size_t j = sc_test_below(i);
    const sc_band_entry t = e[i - 1];
    e[i - 1] = e[j];
    e[j] = t;
  }
  memcpy(copy, e, n * sizeof *e);

  /* Brute force: per distinct key, its documents. */
  uint64_t *want = NULL;
  size_t n_want = 0, cap_want = 0;
  uint8_t *done = calloc(n ? n : 1, 1);
  uint32_t *members = malloc((n ? n : 1) * sizeof *members);
  size_t big = 0;
  for (size_t i = 0; i < n; i++) {
    if (done[i]) continue;
    size_t c = 0;
    for (size_t j = i; j < n; j++)
      if (!done[j] && copy[j].key == copy[i].key) {
        done[j] = 1;
        members[c++] = copy[j].doc;
      }
    uint32_t first = members[0];
    for (size_t x = 1; x < c; x++)
      if (members[x] < first) first = members[x];
    const size_t add = c <= SC_LSH_BUCKET_MAX ? c * (c - 1) / 2 : c - 1;
    if (c > SC_LSH_BUCKET_MAX) big++;
    if (n_want + add > cap_want) {
      cap_want = (n_want + add) * 2;
      want = realloc(want, cap_want * sizeof *want);
    }
    if (c <= SC_LSH_BUCKET_MAX) {
      for (size_t x = 0; x < c; x++)
        for (size_t y = x + 1; y < c; y++) want[n_want++] = pk(members[x], members[y]);
    } else {
      for (size_t x = 0; x < c; x++)
        if (members[x] != first) want[n_want++] = pk(first, members[x]);
    }
  }
  if (want) qsort(want, n_want, sizeof *want, cmp_u64);

  sc_u64_vec got = {0};
  const uint64_t sentinel = 0xDEADBEEFCAFEF00Dull;
  SC_VEC_PUSH(&got, sentinel, oom);
  CHECK_EQ_INT(sc_lsh_band_candidates(e, n, &got), SC_OK);
  CHECK_MSG(got.len >= 1 && got.items[0] == sentinel, "earlier item of the vector lost");
  for (size_t i = 1; i < got.len; i++) {
    const uint32_t a = (uint32_t)(got.items[i] >> 32), b = (uint32_t)got.items[i];
    CHECK_MSG(a < b, "pair %zu is (%u, %u): want a < b", i, a, b);
  }
  qsort(got.items + 1, got.len - 1, sizeof(uint64_t), cmp_u64);
  CHECK_MSG(got.len - 1 == n_want, "n=%zu key_space=%" PRIu64 " (%zu big buckets): %zu pairs, brute force %zu", n,
            key_space, big, got.len - 1, n_want);
  if (got.len - 1 == n_want) {
    size_t diff = 0;
    for (size_t i = 0; i < n_want; i++) diff += got.items[i + 1] != want[i];
    CHECK_MSG(diff == 0, "n=%zu: %zu pairs differ from brute force", n, diff);
  }
  SC_VEC_FREE(&got);
oom:
  free(want);
  free(done);
  free(members);
  free(e);
  free(copy);
  free(docs);
}

static void test_band_candidates(void) {
  /* Empty and single entries give nothing. */
  sc_u64_vec v = {0};
  sc_band_entry one = {42, 7};
  CHECK_EQ_INT(sc_lsh_band_candidates(&one, 0, &v), SC_OK);
  CHECK_EQ_INT(sc_lsh_band_candidates(&one, 1, &v), SC_OK);
  CHECK_EQ_INT(v.len, 0);

  /* Hand-checked: keys 5,5,5 (docs 9,3,4) and 8 (doc 1): pairs 3-4, 3-9, 4-9. */
  sc_band_entry e[4] = {{5, 9}, {8, 1}, {5, 3}, {5, 4}};
  CHECK_EQ_INT(sc_lsh_band_candidates(e, 4, &v), SC_OK);
  CHECK_EQ_INT(v.len, 3);
  if (v.len == 3) {
    qsort(v.items, 3, sizeof(uint64_t), cmp_u64);
    CHECK_EQ_U64(v.items[0], (uint64_t)3 << 32 | 4);
    CHECK_EQ_U64(v.items[1], (uint64_t)3 << 32 | 9);
    CHECK_EQ_U64(v.items[2], (uint64_t)4 << 32 | 9);
  }
  SC_VEC_FREE(&v);

  /* Bucket limits exactly: 64 -> all 2016 pairs; 65 -> 64 (star). */
  const size_t at_max[] = {SC_LSH_BUCKET_MAX};
  const size_t over_max[] = {SC_LSH_BUCKET_MAX + 1};
  const size_t mixed[] = {SC_LSH_BUCKET_MAX, SC_LSH_BUCKET_MAX + 1, 300, 2, 1000};
  one_band(0, 1, at_max, 1);
  one_band(0, 1, over_max, 1);
  one_band(500, 200, mixed, 5);

  /* Random bands: sparse keys (mostly singletons), dense (many buckets of a
   * few), and tiny key spaces (buckets past the limit). */
  static const uint64_t spaces[] = {1000000, 5000, 300, 40, 3, 1};
  for (int round = 0; round < 20; round++) {
    const size_t n = 1 + sc_test_below(round < 10 ? 400 : 3000);
    one_band(n, spaces[sc_test_below(sizeof spaces / sizeof spaces[0])], NULL, 0);
  }
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 20240611);
  test_params();
  test_probability();
  test_band_keys();
  test_band_candidates();
  return sc_test_done("test_lsh");
}
