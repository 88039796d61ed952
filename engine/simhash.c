/*
 * simhash.c: weighted SimHash (see simhash.h).
 */
#include "simhash.h"

uint64_t sc_simhash(const uint64_t *h, const float *w, size_t n) {
  double votes[64] = {0};
  for (size_t i = 0; i < n; i++) {
    const double wi = w[i];
    const uint64_t hi = h[i];
    for (unsigned b = 0; b < 64; b++) votes[b] += ((hi >> b) & 1) ? wi : -wi;
  }
  uint64_t out = 0;
  for (unsigned b = 0; b < 64; b++)
    if (votes[b] > 0) out |= (uint64_t)1 << b;
  return out;
}
