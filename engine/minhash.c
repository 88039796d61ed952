/*
 * minhash.c: one-permutation MinHash with optimal densification (see
 * minhash.h for the papers and the error bound).
 */
#include "minhash.h"

#include <xxhash.h>

void sc_minhash_init(uint32_t *sig, uint32_t k) {
  for (uint32_t i = 0; i < k; i++) sig[i] = SC_MINHASH_EMPTY;
}

void sc_minhash_densify(uint32_t *sig, uint32_t k, uint64_t seed) {
  assert(k >= SC_NUM_PERM_MIN && k <= SC_NUM_PERM_MAX);
  uint8_t filled[SC_NUM_PERM_MAX];  /* which bins held a value before densifying */
  uint32_t nfilled = 0;
  for (uint32_t i = 0; i < k; i++) {
    filled[i] = sig[i] != SC_MINHASH_EMPTY;
    nfilled += filled[i];
  }
  if (nfilled == 0 || nfilled == k) return;
  for (uint32_t i = 0; i < k; i++) {
    if (filled[i]) continue;
    /* Probe sequence h(i, 1), h(i, 2), ... is the same for every document, so
     * two documents copy from the same bin whenever both have it filled:
     * that is what makes the estimator unbiased. Expected probes: k/nfilled. */
    for (uint64_t attempt = 1;; attempt++) {
      const uint64_t probe = ((uint64_t)i << 32) | attempt;
      const uint64_t r = XXH3_64bits_withSeed(&probe, sizeof probe, seed);
      const uint32_t j = (uint32_t)(((r >> 32) * (uint64_t)k) >> 32);
      if (filled[j]) {
        sig[i] = sig[j];
        break;
      }
    }
  }
}

double sc_minhash_estimate(const uint32_t *a, const uint32_t *b, uint32_t k) {
  uint32_t eq = 0;
  for (uint32_t i = 0; i < k; i++) eq += a[i] == b[i];
  return (double)eq / (double)k;
}
