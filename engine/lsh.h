/*
 * lsh.h: locality-sensitive hashing over MinHash signatures (banding).
 *
 * A signature of K registers is cut into b bands of r rows; two documents
 * become candidates when they agree on every row of at least one band. For
 * Jaccard J that happens with probability P(J) = 1 - (1 - J^r)^b, an
 * S-curve around (1/b)^(1/r). sc_lsh_params picks b and r (b * r <= K) so
 * that a pair exactly at the threshold is found with probability at least
 * 0.95, and among those minimises the expected mistakes: the area under the
 * S-curve below the threshold (false candidates, paid in verification) plus
 * the area above it left uncovered (missed pairs).
 */
#ifndef SC_LSH_H
#define SC_LSH_H

#include "common/sc_internal.h"

typedef struct sc_lsh_params {
  uint32_t bands, rows;
  double p_at_threshold;     /* P(candidate) for a pair at the threshold  */
} sc_lsh_params;

/** Chooses bands and rows for @p num_perm registers and Jaccard @p threshold.
 *  @return SC_OK or SC_E_RANGE (no setting reaches 0.95 at the threshold). */
sc_status sc_lsh_params_choose(uint32_t num_perm, double threshold, sc_lsh_params *out);

/** @return the probability that a pair of Jaccard @p j becomes a candidate. */
double sc_lsh_probability(const sc_lsh_params *p, double j);

/** Writes the p->bands band keys of signature @p sig to @p keys. */
void sc_lsh_band_keys(const sc_lsh_params *p, const uint32_t *sig, uint64_t *keys);

/* One band key with its document, for sorting. */
typedef struct sc_band_entry {
  uint64_t key;
  uint32_t doc;
} sc_band_entry;

/** Appends to @p pairs (each (a << 32 | b), a < b) the
 *  candidate pairs among @p n entries of one band (sorted here in place).
 *  Buckets of more than SC_LSH_BUCKET_MAX documents (boilerplate shared by
 *  very many) are linked as a star, their first document with each other
 *  one, instead of all pairs: linear work, and the bucket stays connected
 *  wherever its members are similar to the first.
 *  @return SC_OK or SC_E_NOMEM. */
sc_status sc_lsh_band_candidates(sc_band_entry *e, size_t n, sc_u64_vec *pairs);

enum { SC_LSH_BUCKET_MAX = 64 };

#endif
