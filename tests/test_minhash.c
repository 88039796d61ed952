/*
 * test_minhash.c (property): one-permutation MinHash with densification
 * against exact Jaccard on seeded random set pairs.
 *
 * A = S u P, B = S u Q with S, P, Q disjoint sets of random 64-bit hashes,
 * so J = |S| / (|S| + |P| + |Q|) exactly. Each estimate must fall within
 * 4 standard errors sqrt(J(1-J)/K) of J (plus half a register, 0.5/K, for
 * the estimator's granularity where J(1-J) is tiny); J = 0 and J = 1 must be
 * exact; and the mean error over all pairs must be below 0.01 (no bias).
 * The default seed passes with max |z| 3.3; over 30 other seeds one pair in
 * 36000 reached |z| 4.4 (one-permutation hashing has slightly heavier tails
 * than K independent permutations), so replay a failure under another seed
 * before suspecting the engine.
 */
#include "keys.h"
#include "minhash.h"
#include "sc_test.h"

enum { K = 128 };

typedef struct stats {
  double sum_err, max_z;
  size_t pairs, outside;
} stats;

/* Builds the pair, returns the estimate; *j gets the exact Jaccard. */
static double one_pair(size_t ns, size_t np, size_t nq, uint64_t densify_seed, double *j) {
  uint32_t a[K], b[K];
  sc_minhash_init(a, K);
  sc_minhash_init(b, K);
  for (size_t i = 0; i < ns; i++) {
    const uint64_t h = sc_test_rand();
    sc_minhash_add(a, K, h);
    sc_minhash_add(b, K, h);
  }
  for (size_t i = 0; i < np; i++) sc_minhash_add(a, K, sc_test_rand());
  for (size_t i = 0; i < nq; i++) sc_minhash_add(b, K, sc_test_rand());
  sc_minhash_densify(a, K, densify_seed);
  sc_minhash_densify(b, K, densify_seed);
  for (size_t i = 0; i < K; i++) {
    if (ns + np > 0) CHECK_MSG(a[i] != SC_MINHASH_EMPTY, "register %zu empty after densify", i);
    if (ns + nq > 0) CHECK_MSG(b[i] != SC_MINHASH_EMPTY, "register %zu empty after densify", i);
  }
  *j = (double)ns / (double)(ns + np + nq);
  return sc_minhash_estimate(a, b, K);
}

static void check_pair(stats *st, double est, double j, size_t ns, size_t np, size_t nq, int bounded) {
  st->pairs++;
  st->sum_err += est - j;
  if (j == 0.0 || j == 1.0) {
    CHECK_MSG(est == j, "J=%g exactly (|S|=%zu |P|=%zu |Q|=%zu) but estimate %g", j, ns, np, nq, est);
    return;
  }
  const double se = sqrt(j * (1 - j) / K);
  const double z = fabs(est - j) / se;
  if (z > st->max_z) st->max_z = z;
  const int ok = fabs(est - j) <= 4 * se + 0.5 / K;
  st->outside += !ok;
  if (bounded) CHECK_MSG(ok, "J=%.4f estimate %.4f z=%.2f (|S|=%zu |P|=%zu |Q|=%zu)", j, est, z, ns, np, nq);
}

static void run(const char *what, size_t pairs, size_t min_size, size_t max_size, uint64_t seed,
                double bias_max, int bounded) {
  stats st = {0};
  for (size_t p = 0; p < pairs; p++) {
    /* Target Jaccard uniform in [0,1] with the ends hit exactly now and then. */
    double target = sc_test_unit();
    if (p % 50 == 0) target = 0;
    if (p % 50 == 1) target = 1;
    const size_t total = min_size + sc_test_below(max_size - min_size + 1);  /* |A u B| */
    size_t ns = (size_t)(target * (double)total + 0.5);
    if (ns > total) ns = total;
    const size_t rest = total - ns;
    const size_t np = sc_test_below(rest + 1), nq = rest - np;
    double j;
    const double est = one_pair(ns, np, nq, seed, &j);
    check_pair(&st, est, j, ns, np, nq, bounded);
  }
  const double bias = st.sum_err / (double)st.pairs;
  printf("%s: %zu pairs of %zu..%zu elements, K=%d: mean error %+.5f, max |z| %.2f, %zu outside\n", what,
         st.pairs, min_size, max_size, K, bias, st.max_z, st.outside);
  CHECK_MSG(fabs(bias) < bias_max, "%s: mean error %+.5f", what, bias);
}

int main(int argc, char **argv) {
  sc_test_init(argc, argv, 4242);
  uint8_t master[SC_KEY_BYTES];
  sc_keys keys;
  CHECK(sc_keys_default(master) == SC_OK);
  CHECK(sc_keys_derive(master, &keys) == SC_OK);

  run("large sets", 1200, 200, 3000, keys.densify_seed, 0.01, 1);
  /* Small sets: most bins empty, so the estimate rests on densification;
   * with so few elements its spread exceeds sqrt(J(1-J)/K), so only the
   * bias is checked. */
  run("small sets", 3000, 5, 50, keys.densify_seed, 0.01, 0);

  /* Sanity on the helpers: an empty signature stays empty; a one-element
   * set fills every register with that element's value. */
  uint32_t a[K], b[K];
  sc_minhash_init(a, K);
  sc_minhash_densify(a, K, keys.densify_seed);
  int empty = 1;
  for (int i = 0; i < K; i++) empty &= a[i] == SC_MINHASH_EMPTY;
  CHECK(empty);
  sc_minhash_init(b, K);
  sc_minhash_add(b, K, 0x0123456789ABCDEFull);
  sc_minhash_densify(b, K, keys.densify_seed);
  int all = 1;
  for (int i = 0; i < K; i++) all &= b[i] == 0x89ABCDEFu;
  CHECK(all);
  CHECK_NEAR(sc_minhash_estimate(a, a, K), 1.0, 0);
  CHECK_NEAR(sc_minhash_estimate(a, b, K), 0.0, 0);
  /* Bin and value: the high half picks the bin, the low half is the value;
   * the sentinel value is never stored. */
  sc_minhash_init(a, K);
  sc_minhash_add(a, K, ((uint64_t)0x80000000u << 32) | 0xFFFFFFFFu);  /* bin K/2 */
  CHECK_EQ_INT(a[K / 2], 0xFFFFFFFEu);
  sc_minhash_add(a, K, ((uint64_t)0x80000000u << 32) | 7u);
  CHECK_EQ_INT(a[K / 2], 7);
  sc_minhash_add(a, K, ((uint64_t)0x80000000u << 32) | 9u);
  CHECK_EQ_INT(a[K / 2], 7);
  CHECK_EQ_INT(a[0], SC_MINHASH_EMPTY);
  return sc_test_done("test_minhash");
}
