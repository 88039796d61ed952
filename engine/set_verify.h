/*
 * set_verify.h: exact Jaccard of candidate pairs of stored shingle sets
 * (set_store.h), on worker threads: the verification that makes every
 * reported near-duplicate pair a true one (dedup.c).
 *
 * A pair's first set becomes a hash set, kept while the following pairs
 * share their first document (they come sorted by it as a rule), and the
 * second set is probed against it as read: no set is sorted. Sets of more
 * than max_hashed values are sorted instead, so that a worker's tables
 * stay small whatever the document.
 */
#ifndef SC_SET_VERIFY_H
#define SC_SET_VERIFY_H

#include "set_store.h"

typedef struct sc_stored_sets {
  const sc_set_store *store;
  const uint64_t *offset;       /* per document: its set in the store      */
  const uint32_t *len;          /* per document: values (with repeats)     */
  size_t max_hashed;            /* larger sets are compared by sorting     */
} sc_stored_sets;

/** jac[k] = Jaccard of the distinct values of documents pairs[k] >> 32 and
 *  (uint32_t)pairs[k] (1 when both are empty), on up to @p threads
 *  workers; the result does not depend on their number.
 *  @return SC_OK, SC_E_NOMEM, SC_E_IO. */
sc_status sc_verify_pairs(const sc_stored_sets *s, unsigned threads, const uint64_t *pairs, size_t n, double *jac);

#endif
