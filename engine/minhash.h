/*
 * minhash.h: MinHash signatures by one-permutation hashing with optimal
 * densification.
 *
 * One-permutation hashing (Li, Owen, Zhang 2012) splits the hash range into
 * K bins and keeps the minimum per bin: one hash per shingle instead of K.
 * Empty bins are filled by optimal densification (Shrivastava, "Optimal
 * Densification for Fast and Accurate Minwise Hashing", ICML 2017): an empty
 * bin copies the value of the first non-empty bin met along its own
 * pseudo-random probe sequence, which keeps the estimator unbiased with a
 * variance close to K independent permutations.
 *
 * Estimate: J^ = (registers equal) / K, unbiased, standard error about
 * sqrt(J(1-J)/K) (0.044 at J = 0.5, K = 128). Registers are 32-bit (the bin
 * index comes from the high half of the 64-bit shingle hash, the value from
 * the low half), so unrelated registers collide with probability 2^-32.
 */
#ifndef SC_MINHASH_H
#define SC_MINHASH_H

#include "common/sc_internal.h"

enum { SC_NUM_PERM_MIN = 8, SC_NUM_PERM_MAX = 4096 };
#define SC_MINHASH_EMPTY UINT32_MAX

/** Resets @p sig (@p k registers) to empty. */
void sc_minhash_init(uint32_t *sig, uint32_t k);

/** Adds one 64-bit shingle hash. */
static inline void sc_minhash_add(uint32_t *sig, uint32_t k, uint64_t h) {
  const uint32_t bin = (uint32_t)(((h >> 32) * (uint64_t)k) >> 32);
  uint32_t v = (uint32_t)h;
  v -= v == SC_MINHASH_EMPTY;  /* keep the sentinel free; bias 2^-32 */
  /* Always store (a conditional move, not a branch: whether a register
   * takes a new minimum is unpredictable early in a document). */
  const uint32_t cur = sig[bin];
  sig[bin] = v < cur ? v : cur;
}

/** Fills empty bins by optimal densification. A signature with no shingle at
 *  all stays empty. */
void sc_minhash_densify(uint32_t *sig, uint32_t k, uint64_t seed);

/** @return the fraction of equal registers of @p a and @p b (both @p k long,
 *  built with the same key). */
double sc_minhash_estimate(const uint32_t *a, const uint32_t *b, uint32_t k);

#endif
