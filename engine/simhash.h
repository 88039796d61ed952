/*
 * simhash.h: 64-bit SimHash (Charikar 2002) of weighted features: each bit is
 * the sign of the weight-summed +-1 votes of the features' hash bits. The
 * probability that two fingerprints agree on a bit is 1 - theta/pi for the
 * angle theta between the weight vectors, so 1 - hamming/64 tracks cosine.
 */
#ifndef SC_SIMHASH_H
#define SC_SIMHASH_H

#include "common/sc_internal.h"

/** @return the SimHash of @p n features with hashes @p h and weights @p w. */
uint64_t sc_simhash(const uint64_t *h, const float *w, size_t n);

/** @return the number of differing bits. */
static inline unsigned sc_hamming64(uint64_t a, uint64_t b) {
  return (unsigned)__builtin_popcountll(a ^ b);
}

#endif
